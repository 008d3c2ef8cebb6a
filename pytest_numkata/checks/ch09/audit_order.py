"""Hidden checks for ch09/audit_order.

Oracle: each step's prerequisite (what it needs from an earlier step), as stated in the stub;
the expected order is the unique order that respects them all, computed by a topological sort.
"""

from graphlib import TopologicalSorter

from pytest_numkata.checking import answer, expect_answer_equal, fail

NEEDS = {
    "reproduce in FP32": (),
    "locate the first NaN layer": ("reproduce in FP32",),
    "check value ranges": ("locate the first NaN layer",),
    "apply the fix": ("check value ranges",),
    "verify the fix converges": ("apply the fix",),
}
WHY = {
    "locate the first NaN layer": "first confirm in FP32 that the NaN is a precision problem, "
                                  "or you may hunt for the wrong thing",
    "check value ranges": "you need to know which layer to inspect: locate the first NaN layer "
                          "before checking its value ranges",
    "apply the fix": "the fix depends on the mechanism (overflow or underflow): check the value "
                     "ranges before applying a fix",
    "verify the fix converges": "there is nothing to verify before a fix is applied",
}


def _expected():
    order = list(TopologicalSorter(NEEDS).static_order())
    # the prerequisites form a chain, so this order is the only one
    assert all(order[i] in NEEDS[order[i + 1]] for i in range(len(order) - 1))
    return order


def _first_violation(got):
    position = {step: i for i, step in enumerate(got)}
    for step in got:
        for before in NEEDS[step]:
            if position[before] > position[step]:
                return WHY[step]
    return None


def orders_the_audit_steps(kata):
    got = answer(kata, kinds=(list, tuple))
    expected = _expected()
    unknown = [s for s in got if s not in NEEDS]
    if unknown:
        fail(f"ANSWER = {got!r}\n  {unknown[0]!r} is not one of the five steps; spell them "
             f"exactly as listed: {', '.join(repr(s) for s in sorted(NEEDS))}")
    if sorted(got) != sorted(expected):
        fail(f"ANSWER = {got!r}\n  use each of the five steps exactly once")
    why = _first_violation(list(got))
    expect_answer_equal(list(got), expected, label="(the audit order)",
                 mistakes={why: lambda g: True} if why else None)
