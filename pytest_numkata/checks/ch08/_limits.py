"""Guards for checks that call learner code on huge sparse inputs (see pytest_numkata.limits)."""

from pytest_numkata.limits import MB, TooSlow, address_space_cap, time_limit  # noqa: F401
