"""ch01/digits_lost - digits lost to cancellation (Derive).

When two nearly equal numbers are subtracted, their leading digits cancel and only the trailing,
least reliable digits survive. A quick measure of the damage: subtracting b from a (with a close
to b) loses about

    log10(|a| / |a - b|)

significant digits. A result |a - b| that is 10**-k times |a| has lost k digits.

How many digits are lost computing a - b for a = 1.234567 and b = 1.234566? Take a and b as the
exact decimal numbers written here.

Your answer: set ANSWER to log10(|a| / |a - b|) as a Python number. It is graded within 0.005
absolute, so two correct decimal places suffice.

Stuck? `numkata hint ch01/digits_lost` shows one hint at a time.
"""

ANSWER = ...
