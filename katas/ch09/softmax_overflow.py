"""ch09/softmax_overflow - does exp(91.7) fit in FP16? (Derive).

The capstone audits one small network: input x -> linear layer -> ReLU -> softmax ->
cross-entropy loss, in FP16 and in FP32, and looks for the places where the arithmetic
breaks.

After the linear layer the logits are z = [89.3, 91.7, 88.1]. A textbook softmax starts with
exp(z). FP16's largest finite value is 65504 (numpy.finfo(numpy.float16).max), and a
result that rounds past it becomes inf: exp(t) already overflows for t above ln(65504),
about 11.09 (exp(11.1) is about 66171).

What is exp(91.7), and what does FP16 make of it?

Your answer: set ANSWER to a tuple (or list) of two numbers:
  (exp(91.7) as a real number, graded within 1e-6 relative;
   the value of exp(91.7) after rounding to FP16, as a Python float - math.inf if it
   overflows - graded exactly).
An expression is welcome. (A printed value of about 7.33e39 has circulated for this number;
it is off by about 10%, so compute your own.)

Stuck? `numkata hint ch09/softmax_overflow` shows one hint at a time.
"""

ANSWER = ...
