"""ch04/newton_fails - a Newton iteration that never arrives (Trace).

Quadratic convergence is promised only near a root. Far from one, the tangent can send the
iterate somewhere unhelpful - and sometimes straight back to where it started.

Run Newton's method, x_{n+1} = x_n - f(x_n) / f'(x_n), on

    f(x) = x**3 - 2x + 2,    f'(x) = 3x**2 - 2,

starting from x0 = 0. (f has exactly one real root, near -1.769.) Trace the iterates by hand.

Your answer: set ANSWER to a tuple of the first six iterates (x0, x1, x2, x3, x4, x5), as
numbers, starting with x0 = 0 itself. A list is accepted too. Each entry is graded within
1e-9 absolute.

Stuck? `numkata hint ch04/newton_fails` shows one hint at a time.
"""

ANSWER = ...
