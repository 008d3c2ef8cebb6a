"""ch00/machine_epsilon - FP32 machine epsilon (Derive).

Machine epsilon measures how finely a format resolves numbers near 1.0: it is the gap between
1.0 and the next larger number the format can store. Everything a format can say about relative
precision follows from it - numbers near x sit about epsilon * |x| apart.

FP32 stores 23 fraction bits after an implicit leading 1 (see ch00/fp32_max for the layout).

A warning about a definition you may meet: "the smallest eps for which 1.0 + eps != 1.0". With
round-to-nearest arithmetic that quantity is only about half the gap, because 1.0 + eps rounds up
to the next number as soon as eps passes the halfway point. This kata asks for the gap.

What is the gap between 1.0 and the next larger FP32 number?

Your answer: set ANSWER to that value as a Python number. An exact expression such as `2 ** -5`
is welcome. It is graded within 1e-6 relative of the true value, so a decimal answer needs at
least 7 significant digits.

Stuck? `numkata hint ch00/machine_epsilon` shows one hint at a time.
"""

ANSWER = ...
