"""ch09/bf16_accumulator - where a BF16 running sum stalls (Derive).

You add up 10,000 gradient values of about 0.001 each in a BF16 accumulator. BF16 has FP32's
8 exponent bits but only 8 significant bits (7 stored), so it holds the integers exactly only
up to 256, and between 2**e and 2**(e+1) its neighbouring values are 2**(e-7) apart. Once
the sum is large enough, adding 0.001 no longer changes it.

Define the accumulation precisely:

    inc = 0.001 rounded to BF16
    s_0 = 0
    s_k = (s_(k-1) + inc) rounded to BF16    for k = 1, 2, 3, ...

where each addition is exact and then rounded to the nearest BF16 value, ties to even (what
ml_dtypes.bfloat16 and PyTorch's bfloat16 addition do). Let N be the smallest k with
s_(k+1) == s_k - the number of additions that still changed the sum - and S = s_N, the value
where the sum stops growing. Every one of the remaining additions leaves S unchanged, so S is
also what the accumulator reports after all 10,000 additions (true total: about 10).

A quick rule of thumb says the sum stalls once V * 2**-7 >= 0.001, near V = 0.128 after about
128 additions. That rule is wrong twice: the gap near V is a power of two, 2**(floor(log2 V) - 7),
not V * 2**-7, and rounding to nearest throws an increment away only when it is less than
half the gap - until then it is rounded up to a whole gap, so the BF16 sum even runs ahead of
the true one. Work it out or simulate it bit by bit.

Your answer: set ANSWER to the tuple (S, N) (a list works too): S as a number, graded within
1e-9 relative (it is an exact BF16 value), and N as an integer (a whole-valued float counts
too), graded exactly.

Stuck? `numkata hint ch09/bf16_accumulator` shows one hint at a time.
"""

ANSWER = ...
