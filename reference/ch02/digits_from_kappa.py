"""ch02/digits_from_kappa - solved."""

# log10(1e8) = 8 digits lost; FP32 has only about 7, so nothing reliable is left:
# the relative error in x can be as large as 1e8 * 1e-7 = 10, i.e. 1000%.
ANSWER = (8, 0)
