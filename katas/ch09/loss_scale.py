"""ch09/loss_scale - the smallest loss scale that helps (Derive).

In a big classifier many gradients are tiny. Take one of 3.2e-6. In FP16 it is not lost
outright - it is a subnormal (FP16's subnormals reach down to 2**-24, about 5.96e-8) - but it
is stored as 54 * 2**-24, about 3.2187e-6, with only 6 significant bits instead of 11, and a
gradient a few hundred times smaller would round to 0.

Loss scaling multiplies the loss by a factor S before backpropagation, which multiplies every
gradient by S; the optimizer divides by S afterwards. S is a power of two, so scaling and
unscaling change no bits.

What is the smallest power of two S for which S * 3.2e-6 is above 6.1e-5, the FP16 smallest
normal (2**-14 = numpy.finfo(numpy.float16).smallest_normal, which gives the same S)?

Your answer: set ANSWER to S as a number (e.g. 2**k). It is graded exactly.

Stuck? `numkata hint ch09/loss_scale` shows one hint at a time.
"""

ANSWER = ...
