"""ch06/error_doubling - how fast the error falls when n doubles (Trace).

For a smooth integrand the error of a composite rule behaves like C * h**p once n is large
enough, where h = (b - a) / n and the order p is a property of the rule. The order is what
you pay for accuracy: it says how much an extra evaluation of f buys.

Take a smooth f (say exp on [0, 1]) and a large n. Double n, so h halves. By what factor does
the error |rule - exact integral| shrink

  - for the composite trapezoidal rule (ch06/trapezoid_by_hand), and
  - for the composite Simpson rule (ch06/simpson_by_hand)?

Your answer: set ANSWER to a tuple (trapezoid_factor, simpson_factor) of two numbers (a list
works too), each the old error divided by the new error (so a number above 1). Each is
graded within 10% relative of the factor measured, in the check, on the integral of exp over [0, 1] going from n = 16 to
n = 32 intervals.

Stuck? `numkata hint ch06/error_doubling` shows one hint at a time.
"""

ANSWER = ...
