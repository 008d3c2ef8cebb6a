"""Exact difference quotients of x**3 at 2 with h = 1/100, shared by ch07's Derive checks."""

from fractions import Fraction

X = Fraction(2)
H = Fraction(1, 100)
TRUE = 3 * X**2


def f(x):
    return x**3


def forward(h=H):
    return (f(X + h) - f(X)) / h


def backward(h=H):
    return (f(X) - f(X - h)) / h


def central(h=H):
    return (f(X + h) - f(X - h)) / (2 * h)
