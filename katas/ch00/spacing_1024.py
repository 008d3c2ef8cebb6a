"""ch00/spacing_1024 - the gap from 1024.0 to the next FP32 number (Derive).

Floating-point numbers are not evenly spread over the real line. Between two consecutive powers
of two, 2**e and 2**(e + 1), FP32 places 2**23 equally spaced numbers, so the step between
neighbours doubles every time the exponent goes up by one. Near 1.0 the step is 2**-23.

What is the gap between 1024.0 and the next larger FP32 number?

Your answer: set ANSWER to that gap as a Python number. An exact expression such as `2 ** -5`
is welcome. It is graded within 1e-6 relative of the true value, so a decimal answer needs at
least 7 significant digits.

Stuck? `numkata hint ch00/spacing_1024` shows one hint at a time.
"""

ANSWER = ...
