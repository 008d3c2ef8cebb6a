"""ch05/stretched_bowl - gradient descent in a stretched bowl (Trace).

Real losses curve much more steeply in some directions than in others. One learning rate has
to serve all of them: it must be small enough for the steepest direction to stay stable, and
then it is small for the flattest.

Run gradient descent on the stretched bowl

    f(x, y) = 100 x**2 + y**2

with lr = 0.005 for 100 steps, starting from (x, y) = (1, 1). Where is the point after those
100 steps?

Your answer: set ANSWER to the pair (x, y) after 100 steps, a tuple of two numbers (a list
is accepted too). Each coordinate is graded within 1e-9 relative or 1e-9 absolute.

Stuck? `numkata hint ch05/stretched_bowl` shows one hint at a time.
"""

ANSWER = ...
