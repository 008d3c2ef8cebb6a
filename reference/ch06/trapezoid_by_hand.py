"""ch06/trapezoid_by_hand - solved."""

# h = 0.25; x**2 at the nodes 0, 0.25, 0.5, 0.75, 1 is 0, 0.0625, 0.25, 0.5625, 1.
# Weighted sum: 0 + 2*(0.0625 + 0.25 + 0.5625) + 1 = 2.75, times h/2 = 0.125.
ANSWER = 0.125 * 2.75  # 11/32 = 0.34375, about 0.0104 above 1/3
