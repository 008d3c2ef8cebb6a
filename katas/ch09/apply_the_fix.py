"""ch09/apply_the_fix - stable softmax, by hand (Derive).

The cure for the overflow of ch09/softmax_overflow is the shift you met with log-sum-exp:
softmax(z) = softmax(z - c) for any constant c, and with c = max(z) every shifted logit is
<= 0, so every exponential lies in (0, 1] and the sum lies in [1, n]. Nothing can overflow,
even in FP16.

Apply it to the logits z = [89.3, 91.7, 88.1]: subtract the max, exponentiate, normalise.

What is softmax(z)[0], the probability of the first class (index 0)?

Your answer: set ANSWER to that probability as a Python number. It is graded within 1e-6
relative, so do not round by hand: an expression, or at least 7 significant digits.

Stuck? `numkata hint ch09/apply_the_fix` shows one hint at a time.
"""

ANSWER = ...
