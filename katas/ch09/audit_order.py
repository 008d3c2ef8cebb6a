"""ch09/audit_order - debugging a NaN in mixed precision, in order (Design).

A run in mixed precision produces a NaN loss. You have five steps to find and remove the
cause - listed here in no particular order, each with what it is for:

    "check value ranges"         log the largest magnitude (and the smallest non-zero one) of
                                 the activations and gradients at the suspect layer, and compare
                                 them with 65504 and 6.1e-5: this reveals the mechanism,
                                 overflow or underflow
    "verify the fix converges"   train the full schedule and compare the loss curve with the
                                 FP32 baseline
    "reproduce in FP32"          rerun in FP32: if it also fails, the bug is in the logic, not
                                 in the precision
    "apply the fix"              clamp or shift the logits, turn on loss scaling, switch to BF16
                                 or clip gradients - whichever matches the mechanism found
    "locate the first NaN layer" hook every layer and find the first whose output contains
                                 inf or nan

Your answer: set ANSWER to a list (or tuple) of these five strings, spelled exactly as above, in the
order you carry them out. It is graded exactly.

Stuck? `numkata hint ch09/audit_order` shows one hint at a time.
"""

ANSWER = ...
