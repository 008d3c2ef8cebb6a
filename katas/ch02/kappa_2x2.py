"""ch02/kappa_2x2 - the condition number of a nearly singular 2x2 matrix (Derive).

The condition number κ(A) = ‖A‖ · ‖A⁻¹‖ says how much solving Ax = b can magnify a relative
error in b: the relative error in x may be up to κ(A) times larger. A value near 1 is safe;
a value near 10**k means roughly k decimal digits of the answer are at risk.

This kata uses the infinity norm: ‖M‖∞ is the largest sum of absolute values along a row of M.
For a 2x2 matrix [[a, b], [c, d]] the inverse is [[d, -b], [-c, a]] / (a*d - b*c).

Take A = [[1, 1], [1, 1.0001]], whose two rows point in almost the same direction, with its
entries read as the exact decimals shown. What is κ∞(A) = ‖A‖∞ · ‖A⁻¹‖∞?

Your answer: set ANSWER to that number. An exact expression is welcome. It is graded within
1e-6 relative of the exact value, so a decimal answer needs at least 7 significant digits.

A note if you compare with the workbook this comes from: it rounds this product to about
40,002. That is a slip - the infinity-norm value is a little different (40,002 happens to be
the 2-norm condition number σmax/σmin of this matrix, another quantity).

Stuck? `numkata hint ch02/kappa_2x2` shows one hint at a time.
"""

ANSWER = ...
