"""ch04/convergence_rate - measuring the quadratic convergence ratio (Derive).

Newton's method converges quadratically near a simple root r: the errors e_n = x_n - r obey

    abs(e_{n+1}) ~ C * e_n**2,    with C = abs(f''(r)) / (2 * abs(f'(r)))

in the limit as x_n approaches r. Measuring the ratio abs(e_{n+1}) / e_n**2 along a real run
shows this happening.

Take the run from ch04/sqrt2: f(x) = x**2 - 2, x0 = 1, so x1 = 3/2 and x2 = 17/12, with
root r = sqrt(2). What is abs(e2) / e1**2?

Beware: early in a run this ratio is not yet the limiting constant C (which is
1 / (2 * sqrt(2)), about 0.354, for this f). Rounding e1 and e2 to three digits and calling
the result "about 0.35" mixes the two up: compute the ratio at step 2 itself.

Your answer: set ANSWER to abs(e2) / e1**2 as a Python number (an exact expression is
welcome). It is graded within 1e-6 relative. Mind the digits by hand: e2 = x2 - sqrt(2) is a
difference of two numbers near 1.414 that cancels their first three digits, so x2 and
sqrt(2) need at least 10 significant digits before you subtract (with 9, rounding alone can
move the ratio by more than 1e-6). Python floats, such as math.sqrt(2), carry about 16.

Stuck? `numkata hint ch04/convergence_rate` shows one hint at a time.
"""

ANSWER = ...
