"""ch01/relative_error - one subtraction, one big error (Derive).

Python floats are FP64: 52 fraction bits, so numbers between 1 and 2 are spaced 2**-52 (about
2.2e-16) apart. Compute

    (1 + 1e-15) - 1

in FP64. The exact answer is 1e-15, but the sum 1 + 1e-15 must first be rounded to a number on
that 2**-52 grid, and the subtraction that follows is exact - it hands back the rounding error
of the first step, magnified into plain view.

What is the relative error |computed - true| / |true| of the FP64 result, with true = 1e-15?

Your answer: set ANSWER to the relative error as a plain fraction (0.5 means 50%, so do not
multiply by 100). It is graded within 1e-3 relative of the true value, so 4 significant digits
suffice.

Stuck? `numkata hint ch01/relative_error` shows one hint at a time.
"""

ANSWER = ...
