"""ch09/nan_root_cause - where the NaN comes from (Trace).

A model trains fine in FP32. In FP16 the loss is finite at step 846 and NaN at step 847.
Here is the example that does it (three classes, true class 1). The forward pass runs
entirely in FP16 and uses the textbook softmax, without the max shift:

    e    = exp(z)              # one exponential per class
    s    = sum(e)              # one sum for all classes
    p    = e / s               # one probability per class
    loss = -log(p[1])          # the true class is 1

    step 846: z = [8.0, 10.5, 3.0]     every value finite, loss about 0.08
    step 847: z = [8.25, 11.25, 3.0]   loss is nan

Trace step 847 through those four lines, following the true class: its exponential e[1], the
sum s, its probability p[1], and the loss. Describe what happens with these events:

    "exp_overflows"        e[1] is larger than FP16 can hold and becomes inf
    "sum_overflows"        s becomes inf
    "sum_underflows"       s becomes 0
    "inf_over_inf"         p[1] is computed as inf / inf = nan
    "zero_over_zero"       p[1] is computed as 0 / 0 = nan
    "finite_over_inf"      p[1] is computed as (a finite number) / inf = 0
    "log_of_zero"          the loss is -log(0) = inf
    "log_of_nan"           the loss is -log(nan) = nan
    "gradient_underflows"  a gradient too small for FP16 becomes 0
    "weights_become_nan"   the optimizer writes nan into the weights

Your answer: set ANSWER to a tuple (or list) of event names (strings from the list above): exactly the
events that happen to e[1], s, p[1] and the loss at step 847, in the order they happen. It is
graded exactly. You can check yourself with numpy.float16 arithmetic.

Stuck? `numkata hint ch09/nan_root_cause` shows one hint at a time.
"""

ANSWER = ...
