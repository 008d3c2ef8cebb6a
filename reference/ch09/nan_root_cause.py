"""ch09/nan_root_cause - solved."""

# exp(11.25) is about 77000 > 65504, so e[1] = inf; one inf term makes the sum inf; the true
# class's probability is inf / inf = nan; -log(nan) = nan. (The other classes get finite / inf
# = 0, which would give an inf loss, not a nan one.)
ANSWER = ("exp_overflows", "sum_overflows", "inf_over_inf", "log_of_nan")
