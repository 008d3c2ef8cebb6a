"""ch07/optimal_step - the best step for a central difference in FP64 (Trace).

A smaller h shrinks the truncation error of the central difference (about |f'''| h**2 / 6),
but it makes f(x + h) and f(x - h) closer together: their difference then cancels most of
their digits, and the rounding errors of the two function values (each about eps * |f|, with
eps the machine epsilon) get divided by 2h. Total error, roughly:

    E(h) ~ |f'''(x)| h**2 / 6 + eps |f(x)| / h

Too large an h and truncation dominates; too small and rounding does. Somewhere in between
the total error is smallest.

In FP64 (eps = 2**-52, about 2.2e-16), for an ordinary smooth f at a point x of order 1 (f,
f''' of order 1 there), which step h minimises the total error of the central difference?

Your answer: set ANSWER to that step h as a positive Python float. The check measures it: for
e**x, sin x, x**3 and ln x at points of order 1 it computes the central difference in FP64 for
steps on a fine logarithmic grid from 1e-10 to 1e-2, takes at each step the worst error over
the neighbouring grid steps (rounding errors jitter), and finds the step where that is
smallest; the target is the geometric mean of those best steps over the four functions. Any h
within a factor of 10 of the target, one order of magnitude either way, is accepted: the
best step also carries a constant that depends on f, so only its order of magnitude is a
property of FP64.

Stuck? `numkata hint ch07/optimal_step` shows one hint at a time.
"""

ANSWER = ...
