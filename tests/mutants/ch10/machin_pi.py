"""Known-buggy arctan_series solutions. Each must be rejected; `expect` is the named mistake."""


def even_powers(x, N):
    return sum((-1) ** n * x ** (2 * n) / (2 * n + 1) for n in range(N))


even_powers.expect = "x**(2n), not x**(2n+1)"


def no_alternation(x, N):
    return sum(x ** (2 * n + 1) / (2 * n + 1) for n in range(N))


no_alternation.expect = "signs do not alternate"


def one_term_too_many(x, N):
    return sum((-1) ** n * x ** (2 * n + 1) / (2 * n + 1) for n in range(N + 1))


one_term_too_many.expect = "N + 1 terms"


def the_limit_arctan(x, N):
    import math

    return math.atan(x) if N > 0 else 0.0


the_limit_arctan.expect = None


def no_terms_gives_x(x, N):
    total = x  # N = 0 should give 0
    for n in range(1, N):
        total += (-1) ** n * x ** (2 * n + 1) / (2 * n + 1)
    return total


no_terms_gives_x.expect = None
