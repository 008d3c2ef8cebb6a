"""The events of step 847 in order, as the tuple of names the stub asks for."""

ANSWERS = [
    ("exp_overflows", "sum_overflows", "inf_over_inf", "log_of_nan"),
]
