"""Other correct forms of the mixed-precision format choice."""

ANSWERS = [
    {"forward_pass": "BF16", "master_weights": "FP32",
     "gradient_accumulation": "FP32", "loss_scale": "FP16"},
    # another key order and lower case, as the docstring allows
    {"loss_scale": "fp16", "gradient_accumulation": "fp32",
     "master_weights": "fp32", "forward_pass": "bf16"},
    {"forward_pass": "Bf16", "master_weights": "Fp32",
     "gradient_accumulation": "fP32", "loss_scale": "Fp16"},
]
