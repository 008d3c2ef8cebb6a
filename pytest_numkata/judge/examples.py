"""Which examples the hidden checks draw: hypothesis's profiles and the grading seed.

By default every run draws the same, derandomised examples (a learner's verdict is
reproducible). Under a grading seed (``--numkata-seed``/``NUMKATA_SEED``) every property check
draws its own examples from the seed, and ``np.random.default_rng(k)`` in the checks draws from
(k, seed): hidden inputs a lookup table of the public ones cannot answer, the same for the same
seed.
"""

from __future__ import annotations

import os
import sys

import pytest

HYPOTHESIS_PROFILE = "numkata"


def _no_local_constants() -> None:
    """Stop hypothesis from drawing constants found in "local" modules.

    Besides its seeded choices, hypothesis draws now and then from the literals of every
    non-library module loaded so far (hypothesis >= 6.131): the learner's own file, and with an
    editable install every checks module the run imported. The examples, and so the verdict,
    would then change with an unused constant in the learner's file or with whether one kata
    or its whole chapter ran (tests/test_reproducible.py). The pool is kept empty; hypothesis's
    own list of well-known edge values still applies. It is also 0.15 s less collection.
    """
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a hypothesis without local constants: nothing to do
        return
    if hasattr(providers, "_get_local_constants"):
        empty = Constants()
        providers._get_local_constants = lambda: empty
        cache = getattr(providers, "CONSTANTS_CACHE", None)
        if cache is not None and hasattr(cache, "cache"):
            cache.cache.clear()


def grading_seed(config: pytest.Config) -> str | None:
    value = config.getoption("numkata_seed", default=None) or os.environ.get("NUMKATA_SEED")
    return str(value) if value not in (None, "") else None


def _seed_number(seed: str, salt: str) -> int:
    import hashlib

    return int.from_bytes(hashlib.sha256(f"{seed}\0{salt}".encode()).digest()[:16], "big")


class SeededRandomInputs:
    """Under a grading seed, the checks' ``np.random.default_rng(k)`` draws from (k, seed):
    different random inputs for every seed, the same ones for the same seed."""

    def __init__(self, seed: str):
        import numpy as np

        self.np = np
        self.original = np.random.default_rng
        mixed = _seed_number(seed, "numpy")
        original = self.original

        def default_rng(seed=None):
            if isinstance(seed, int | np.integer) and not isinstance(seed, bool):
                return original(np.random.SeedSequence([int(seed), mixed]))
            return original(seed)

        np.random.default_rng = default_rng

    def undo(self) -> None:
        self.np.random.default_rng = self.original


#: Successful shrinks of one failing example before hypothesis shows it (hypothesis's own
#: default is 500). A count, not a clock, so the example shown is the same on every machine.
#: Fifty steps already reach examples as short as a fully shrunk one; the remaining
#: hundreds polish digits a learner does not read, and cost seconds: a wrong ch01/variance
#: took 4.8 s to report instead of 0.45 s.
MAX_SHRINKS = 50


def _bound_shrinking() -> None:
    """Cap hypothesis's shrinker at MAX_SHRINKS steps. Hypothesis keeps the cap a module
    attribute so that it can be changed (its engine reads it on every step)."""
    from hypothesis.internal.conjecture import engine

    if isinstance(getattr(engine, "MAX_SHRINKS", None), int):
        engine.MAX_SHRINKS = MAX_SHRINKS


def register_hypothesis_profiles(config: pytest.Config) -> None:
    # Hypothesis's pytest plugin writes "patch" files for failing examples and imports a code
    # rewriter (libcst) to do it: over a second per failing check, and files a learner never
    # asked for. It skips that step when the module cannot be imported.
    sys.modules.setdefault("hypothesis.extra._patching", None)  # type: ignore[arg-type]
    from hypothesis import HealthCheck, Phase, settings

    _no_local_constants()
    _bound_shrinking()

    settings.register_profile(
        HYPOTHESIS_PROFILE,
        derandomize=True,  # the same examples, and so the same verdict, on every run and machine
        database=None,
        deadline=None,  # time limits are the judge's job (sandbox/process.py), not hypothesis's
        max_examples=25,
        print_blob=False,
        # no "explain" phase: it reruns a failing example under line tracing, which costs
        # seconds and tells a learner nothing the check's own message does not
        phases=(Phase.explicit, Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    settings.register_profile("numkata-thorough", parent=settings.get_profile(HYPOTHESIS_PROFILE),
                              max_examples=400)
    chosen = config.getoption("hypothesis_profile", default=None)
    if not chosen:
        settings.load_profile(HYPOTHESIS_PROFILE)
        return
    try:
        settings.get_profile(chosen)
    except Exception:  # noqa: BLE001 - hypothesis's InvalidArgument
        raise pytest.UsageError(f"--hypothesis-profile {chosen}: no such profile (numkata's "
                                f"are {HYPOTHESIS_PROFILE} and numkata-thorough)") from None


def is_property_check(item) -> bool:
    """Whether a collected check is a hypothesis property (``@given``)."""
    return hasattr(getattr(item, "obj", None), "hypothesis")


def prepare_property_checks(items, seed: str | None) -> None:
    """Every property check runs under the profile in force for this run (hypothesis binds
    the default settings when a test is decorated, so a checks module imported before numkata
    loaded its profile - by a warm process, or a test suite - would keep hypothesis's defaults:
    100 random examples and a 200 ms deadline). Under a grading seed each property check draws
    its own examples from the seed; without one, the derandomised (public) examples are used."""
    from hypothesis import seed as hypothesis_seed
    from hypothesis import settings

    for item in items:
        if not is_property_check(item):
            continue
        fn = item.obj
        if getattr(fn, "__module__", "").startswith("pytest_numkata.checks."):
            fn._hypothesis_internal_use_settings = settings.default
        if seed is not None:
            salt = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', '')}"
            hypothesis_seed(_seed_number(seed, salt))(fn)
            fn._numkata_seeded = True
        elif getattr(fn, "_numkata_seeded", False):
            fn._hypothesis_internal_use_seed = None
            fn._numkata_seeded = False


_warmed = False


def warm_up() -> None:
    """Run one small property test here, once per process, before judges are forked.

    Hypothesis's first test in a process sets up machinery every later one reuses (the
    engine's modules and caches, strategies' first draws); a forked judge that inherits it
    starts its first property check about 60 ms sooner. In the parent that costs ~70 ms once;
    a run of the catalogue forks dozens of judges. The test draws from its own derandomised
    seed and uses no database, so no check's examples change."""
    global _warmed
    if _warmed:
        return
    _warmed = True
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(database=None, derandomize=True, deadline=None, max_examples=8,
              print_blob=False, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=4),
           st.integers(0, 10), st.sampled_from([1, 2]))
    def numkata_warm_up(values, n, k):
        pass

    try:
        numkata_warm_up()
    except Exception:  # noqa: BLE001 - a warm-up never decides anything
        pass


#: Examples each property check's strategies draw in ``warm_strategies``.
WARM_EXAMPLES = 5


def warm_strategies(module_names) -> int:
    """Draw a few examples from the strategies of every property check in ``module_names``
    (imported checks modules), once, in a warm process whose forked children then grade.

    A property check's first run in a process costs 25-60 ms more than its next: hypothesis
    builds and validates its strategies (``hnp.arrays`` of ``array_shapes``, bounded floats)
    and fills caches the first time they draw. A judge forked from a warm process (the
    resident server, ``numkata watch``, the fork server) inherits them: ch11's property checks,
    forked bare from such a process, took 0.9 s of CPU instead of 1.4 s; in whole warm runs
    of ch11 (where the judges share other warm state) the saving measured about 0.08 s.
    The examples are drawn by a test that
    does nothing, under its own derandomised seed and no database: no check's own examples
    change (tests/test_reproducible.py). Returns how many checks were warmed."""
    from hypothesis import HealthCheck, Phase, given, settings

    warm = settings(database=None, derandomize=True, deadline=None,
                    max_examples=WARM_EXAMPLES, print_blob=False,
                    phases=(Phase.explicit, Phase.generate),
                    suppress_health_check=list(HealthCheck))
    count = 0
    for name in module_names:
        module = sys.modules.get(name)
        for value in list(vars(module).values()) if module is not None else ():
            strategies = getattr(getattr(value, "hypothesis", None), "_given_kwargs", None)
            if not isinstance(strategies, dict) or not strategies:
                continue  # not a property check (or a hypothesis that keeps them elsewhere)

            def draws_only(**_):
                pass

            try:
                warm(given(**strategies)(draws_only))()
                count += 1
            except Exception:  # noqa: BLE001 - a warm-up never decides anything
                pass
    return count
