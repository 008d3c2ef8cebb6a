"""ch10/radius_of_convergence - solved."""

# (a) abs(c_n / c_{n+1}) = 3**(n+1) / 3**n = 3 for every n.
# (b) abs(c_n / c_{n+1}) = (n + 1) / n -> 1.
# (c) abs(c_n / c_{n+1}) = n! / (n + 1)! = 1 / (n + 1) -> 0.
ANSWER = (3, 1, 0)
