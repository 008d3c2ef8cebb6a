"""ch09/audit_order - solved."""

ANSWER = [
    "reproduce in FP32",  # is it a precision problem at all?
    "locate the first NaN layer",  # where does it start?
    "check value ranges",  # which mechanism: overflow or underflow?
    "apply the fix",  # the remedy for that mechanism
    "verify the fix converges",  # and prove it worked
]
