"""ch06/simpson_by_hand - solved."""

# h = 0.25, weights 1, 4, 2, 4, 1 on x**2 = 0, 0.0625, 0.25, 0.5625, 1:
# 0 + 0.25 + 0.5 + 2.25 + 1 = 4, times h/3 = 1/12, gives 1/3 - exact, because a parabola
# through three points of x**2 is x**2 itself (Simpson is exact up to cubics).
ANSWER = 0.25 / 3 * 4
