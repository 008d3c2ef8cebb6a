"""ch05/steps_to_converge - how many steps to three digits (Derive).

Linear convergence means a fixed factor per step, so the number of steps to a target
accuracy follows from a logarithm.

Run gradient descent on f(x) = x**2 with lr = 0.1 from x0 = 10. What is the smallest number
of steps k with abs(x_k) < 0.01?

Your answer: set ANSWER to k, a whole number (an int, or a float with no fractional part).
It is graded exactly.

Stuck? `numkata hint ch05/steps_to_converge` shows one hint at a time.
"""

ANSWER = ...
