"""ch05/five_steps - five steps down the parabola (Derive).

Gradient descent walks downhill by repeating x_{k+1} = x_k - lr * f'(x_k). On the simplest
loss there is, f(x) = x**2 with f'(x) = 2x, every step multiplies x by the same factor
(1 - 2*lr), so the iterates shrink geometrically: linear convergence, the signature of
first-order methods.

Take lr = 0.1 and x0 = 5. Compute x1, ..., x5 and the loss f(x5).

(For the curious: keeping on from there, the loss first drops below 0.01 at step 18.)

Your answer: set ANSWER to f(x5) as a Python number; an exact expression is welcome. It is
graded within 1e-9 relative.

Stuck? `numkata hint ch05/five_steps` shows one hint at a time.
"""

ANSWER = ...
