"""ch10/discounted_return - the value of a reward that never stops (Derive).

In reinforcement learning the return from time 0 weighs the reward at step t by gamma**t:

    G0 = r_0 + gamma * r_1 + gamma**2 * r_2 + ...      (t = 0, 1, 2, ... forever)

With a discount factor 0 <= gamma < 1 this infinite sum is finite, which is the whole point of
discounting. An agent that collects a reward of exactly 1 at every step, t = 0 included, with
gamma = 0.95: what is its return G0?

Your answer: set ANSWER to G0 as a Python number (an exact expression is welcome). It is graded
within 1e-9 relative of the true value, so a decimal needs at least 10 significant digits, and
a partial sum of a few hundred steps is not close enough.

Stuck? `numkata hint ch10/discounted_return` shows one hint at a time.
"""

ANSWER = ...
