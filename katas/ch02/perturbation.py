"""ch02/perturbation - a tiny change in b, a large change in x (Derive).

An ill-conditioned system turns a small wobble in its right-hand side into a large swing in
its solution. Here is that effect with actual numbers.

Keep A = [[1, 1], [1, 1.0001]] from ch02/kappa_2x2 (entries are the exact decimals shown).
First solve Ax = b for b = [2, 2.0001]. Then solve Ax' = b' for b' = [2, 2.0002], a change in
b of about 5e-5 relative. By how much does the first component change: what is abs(x1' - x1)?

Your answer: set ANSWER to that non-negative number, graded within 1e-6 absolute of the exact
value.

Stuck? `numkata hint ch02/perturbation` shows one hint at a time.
"""

ANSWER = ...
