"""Known-buggy neumann_inverse solutions. Each must be rejected; `expect` is the named mistake."""

import numpy as np


def elementwise_power(A, K):
    A = np.array(A, dtype=float)
    total = np.eye(A.shape[0])
    for k in range(1, K + 1):
        total = total + A**k
    return total


elementwise_power.expect = "A ** k is an elementwise power; the series needs matrix powers"


def stops_one_short(A, K):
    A = np.array(A, dtype=float)
    total = np.eye(A.shape[0])
    power = np.eye(A.shape[0])
    for _ in range(K - 1):
        power = power @ A
        total = total + power
    return total


stops_one_short.expect = "stopped one term short"


def powers_written_into_a(A, K):
    n = len(A)
    base = np.array(A, dtype=float)
    total = np.eye(n)
    power = A if isinstance(A, np.ndarray) else np.array(A, dtype=float)
    if K >= 1:
        total = total + base
    for _ in range(K - 1):
        power[...] = power @ base  # overwrites the caller's matrix
        total = total + power
    return total


powers_written_into_a.expect = "in place"


def infinite_series(A, K):
    A = np.array(A, dtype=float)
    return np.linalg.inv(np.eye(A.shape[0]) - A)


infinite_series.expect = "whole infinite series"


def arrays_only(A, K):
    if not isinstance(A, np.ndarray):
        raise TypeError("pass a NumPy array")
    total = np.eye(A.shape[0])
    power = np.eye(A.shape[0])
    for _ in range(K):
        power = power @ A
        total = total + power
    return total


arrays_only.expect = None


def k_zero_gives_a(A, K):
    A = np.array(A, dtype=float)
    if K == 0:
        return A.copy()  # A**0 is the identity
    total = np.eye(A.shape[0])
    power = np.eye(A.shape[0])
    for _ in range(K):
        power = power @ A
        total = total + power
    return total


k_zero_gives_a.expect = None
