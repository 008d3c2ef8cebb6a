"""ch09/gradient_underflow - the cross-entropy gradient of one logit (Derive).

For softmax followed by cross-entropy the gradient of the loss with respect to logit z_i is
simply softmax(z)[i] - y[i], where y is the one-hot target vector.

Keep the logits z = [89.3, 91.7, 88.1] and let the true class be class 1, so y = [0, 1, 0].
What is the gradient for z_2, the last logit?

Then ask whether FP16 could lose it: FP16's smallest normal number is
2**-14 = numpy.finfo(numpy.float16).smallest_normal (about 6.1e-5); below that come the
subnormals, down to 2**-24 (about 5.96e-8), with fewer and fewer significant bits, and only
values below half of 2**-24 round to 0. (Not graded, but worth a line of Python.)

Your answer: set ANSWER to the gradient for z_2 as a Python number, with its sign. It is
graded within 1e-6 relative, so write an expression or keep at least 7 significant digits.

Stuck? `numkata hint ch09/gradient_underflow` shows one hint at a time.
"""

ANSWER = ...
