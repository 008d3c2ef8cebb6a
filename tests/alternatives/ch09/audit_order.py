"""The audit steps in order, as the list of strings the stub asks for."""

ANSWERS = [
    ["reproduce in FP32", "locate the first NaN layer", "check value ranges", "apply the fix",
     "verify the fix converges"],
]
