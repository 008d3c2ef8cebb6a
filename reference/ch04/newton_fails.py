"""ch04/newton_fails - solved."""

# x1 = 0 - f(0)/f'(0) = 0 - 2/(-2) = 1;  x2 = 1 - f(1)/f'(1) = 1 - 1/1 = 0;  and so on:
# the tangent at 0 points to 1 and the tangent at 1 points back to 0, a 2-cycle.
ANSWER = (0, 1, 0, 1, 0, 1)
