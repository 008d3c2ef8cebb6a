"""ch03/jacobi_by_hand - solved."""

# x1 = (9 - x2) / 4, x2 = (11 - x1) / 3, both from the old iterate.
# step 1 from [0, 0]:        x(1) = [9/4, 11/3]
# step 2 from [9/4, 11/3]:   x1(2) = (9 - 11/3) / 4 = (16/3) / 4 = 4/3,  x2(2) = (11 - 9/4) / 3 = 35/12
ANSWER = 4 / 3
