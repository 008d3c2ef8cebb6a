"""ch02/digits_from_kappa - correct digits left after an ill-conditioned solve (Trace).

The rule of thumb: if κ(A) is about 10**k, solving Ax = b loses about k of the decimal digits
the number format carries, because rounding errors in the data (relative size about one unit
in the last place) can be magnified up to κ times in x. FP32 carries about 7 decimal digits,
FP64 about 16.

You solve a system with κ(A) = 1e8 entirely in FP32. How many digits does the rule say are
lost, and how many correct decimal digits can you expect in x?

Your answer: set ANSWER to a tuple (or list) of two integers (whole-valued floats count too)
    (digits_lost, correct_digits_left)
where digits_lost = log10(κ) and correct_digits_left is what remains of FP32's 7 digits -
a count of digits, so never below 0. Graded exactly.

Stuck? `numkata hint ch02/digits_from_kappa` shows one hint at a time.
"""

ANSWER = ...
