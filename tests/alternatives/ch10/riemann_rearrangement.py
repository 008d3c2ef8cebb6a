"""Other correct rearranged_sum solutions: each must pass."""

import math

import numpy as np
from scipy.special import digamma


def fsum_of_the_terms(p, q, cycles):
    def terms():
        odd, even = 1, 2
        for _ in range(cycles):
            for _ in range(p):
                yield 1.0 / odd
                odd += 2
            for _ in range(q):
                yield -1.0 / even
                even += 2

    return math.fsum(terms())


def plain_loop(p, q, cycles):
    total = 0.0
    k_pos = k_neg = 0
    for _ in range(cycles):
        for _ in range(p):
            k_pos += 1
            total += 1.0 / (2 * k_pos - 1)
        for _ in range(q):
            k_neg += 1
            total -= 1.0 / (2 * k_neg)
    return total


def numpy_two_sums(p, q, cycles):
    # a finite sum does not depend on the order: all positive terms minus all negative ones
    k_pos = np.arange(1, p * cycles + 1, dtype=np.float64)
    k_neg = np.arange(1, q * cycles + 1, dtype=np.float64)
    return float(np.sum(1.0 / (2 * k_pos - 1)) - np.sum(1.0 / (2 * k_neg)))


def harmonic_numbers(p, q, cycles):
    # sum_{k<=m} 1/(2k-1) = H_{2m} - H_m / 2 and sum_{k<=m} 1/(2k) = H_m / 2,
    # with H_n = digamma(n + 1) + Euler's gamma (the gammas cancel)
    def h(n):
        return float(digamma(n + 1.0)) + np.euler_gamma

    P, Q = p * cycles, q * cycles
    return (h(2 * P) - h(P) / 2) - h(Q) / 2
