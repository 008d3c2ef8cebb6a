"""ch11/lagrange_bound - a guaranteed error bound for ln(1.2) (Derive).

The degree-4 Taylor polynomial of f(x) = ln(1 + x) around 0 is

    T4(x) = x - x^2/2 + x^3/3 - x^4/4.

Taylor's theorem with the Lagrange remainder says that for some xi between 0 and x,

    f(x) - T4(x) = f^(5)(xi) / 5! * x^5,

so |f(x) - T4(x)| <= M * |x|^5 / 5!, where M is the largest value of |f^(5)| on the
interval between 0 and x.

What is this Lagrange bound on |ln(1.2) - T4(0.2)|, that is M * 0.2^5 / 5! with M the maximum
of |f^(5)(xi)| over 0 <= xi <= 0.2? (Work out f^(5) yourself; it is not a constant.)

Your answer: set ANSWER to that bound as a Python number (an exact expression such as
`3 * 0.5**4 / 7` is welcome). It is graded within 1e-6 relative. The actual error is a little
smaller than the bound - that is the point of a bound - so the actual error is not the answer.

Stuck? `numkata hint ch11/lagrange_bound` shows one hint at a time.
"""

ANSWER = ...
