"""ch05/divergence_threshold - the largest stable learning rate (Derive).

Gradient descent on f(x) = x**2 multiplies x by (1 - 2*lr) at every step. A small learning
rate creeps towards the minimum at 0, a larger one gets there faster, and past some point
the steps overshoot so far that every iterate lands further from 0 than the last: with
lr = 1.1 and x0 = 1 the iterates go 1, -1.2, 1.44, -1.728, ... and blow up.

What is the threshold learning rate for f(x) = x**2 - the number lr_max such that gradient
descent converges to 0 from every x0 for each 0 < lr < lr_max, and fails to converge for
each lr >= lr_max?

Your answer: set ANSWER to lr_max as a Python number. It is graded within 1e-9 relative.

Stuck? `numkata hint ch05/divergence_threshold` shows one hint at a time.
"""

ANSWER = ...
