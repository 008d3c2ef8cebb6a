"""Hidden checks for ch07/optimal_step.

Oracle: a measurement in FP64. For a few smooth functions the check evaluates the central
difference over a logarithmic grid of steps, smooths the jittery rounding error by taking the
worst error over neighbouring steps, and takes the step where that is smallest. The target is
the geometric mean of those steps; the window is a factor of 10 either side.
"""

import math

import numpy as np

from pytest_numkata.checking import answer, fail, how_far

STEPS = np.logspace(-10, -2, 161)  # 20 steps per decade
NEIGHBOURS = 5  # a quarter of a decade each side
WINDOW = 10.0
CASES = (
    (np.exp, 1.0, math.e),
    (np.sin, 1.0, math.cos(1.0)),
    (lambda t: t**3, 2.0, 12.0),
    (np.log, 2.0, 0.5),
)


def _best_step(f, x, derivative):
    errors = np.array([abs((f(x + h) - f(x - h)) / (2 * h) - derivative) for h in STEPS])
    worst = np.array([errors[max(0, k - NEIGHBOURS): k + NEIGHBOURS + 1].max()
                      for k in range(len(STEPS))])
    return float(STEPS[int(np.argmin(worst))])


def _target():
    return math.exp(sum(math.log(_best_step(*case)) for case in CASES) / len(CASES))


def lies_within_an_order_of_magnitude_of_the_measured_best_step(kata):
    h = answer(kata)
    if not h > 0:
        fail(f"ANSWER = {h!r}\n  a step h must be a positive number")
    target = _target()
    eps = float(np.finfo(np.float64).eps)
    if target / WINDOW <= h <= target * WINDOW:
        return
    if abs(math.log10(h / math.sqrt(eps))) < 0.5:
        named = ("that is about sqrt(eps), the best step for a forward difference (error ~ h); "
                 "the central difference's truncation error falls like h**2, so the balance "
                 "with rounding (~ eps / h) sits at h**3 ~ eps")
    elif abs(math.log10(h / eps)) < 1:
        named = ("that is about machine epsilon itself: with h ~ eps the rounding error eps|f|/h "
                 "is of order 1 - as large as the derivative")
    elif h < target / WINDOW:
        named = "too small: at this step rounding error (~ eps / h) dominates the total"
    else:
        named = "too large: at this step truncation error (~ h**2) dominates the total"
    fail(f"ANSWER = {h!r}\n"
         f"  {how_far(h, target)} (graded: within a factor of {WINDOW:g} of the measured "
         f"best step)\n"
         f"  likely mistake: {named}\n"
         f"  stuck? `numkata hint ch07/optimal_step` shows the next hint")
