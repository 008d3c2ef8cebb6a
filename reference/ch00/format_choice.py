"""ch00/format_choice - solved."""

ANSWER = {
    # FP32's range (no overflow at 1e5, no loss scaling needed) at half the cost.
    "forward_pass": "BF16",
    # 1 + 1e-5 is 1 in both 16-bit formats (epsilon 2**-10 and 2**-7): updates would vanish.
    "master_weights": "FP32",
    # A 16-bit running total stops growing once its spacing is twice the addend.
    "gradient_accumulation": "FP32",
    # FP16's subnormals end near 6e-8, so a 1e-8 gradient becomes 0 unless the loss is scaled up.
    "loss_scale": "FP16",
}
