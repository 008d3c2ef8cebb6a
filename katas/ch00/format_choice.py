"""ch00/format_choice - a format for each job in mixed-precision training (Design).

Mixed-precision training keeps several floating-point formats in play at once, each where its
strengths matter. The three candidates:

    FP32  1 + 8 + 23 bits   largest ~3.4e38, smallest normal ~1.2e-38, epsilon 2**-23 (~1.2e-7)
    FP16  1 + 5 + 10 bits   largest 65504,   smallest normal ~6.1e-5,  epsilon 2**-10 (~9.8e-4)
    BF16  1 + 8 + 7 bits    largest ~3.4e38, smallest normal ~1.2e-38, epsilon 2**-7  (~7.8e-3)

(FP16 also has subnormals down to about 6e-8; anything smaller rounds to zero.) The 16-bit
formats take half the memory and bandwidth of FP32 and run much faster on ML hardware.

The four jobs:

    "forward_pass"           storing activations and doing the forward matmuls. Activations
                             now and then reach 1e5 or more; small relative errors are tolerable.
    "master_weights"         the copy of the weights the optimiser updates. A typical update is
                             lr * grad, around 1e-5 of the weight, repeated for many thousand steps.
    "gradient_accumulation"  the running total that thousands of small gradient contributions
                             (around 1e-4 each) are added into.
    "loss_scale"             the format whose backward pass needs loss scaling - multiplying the
                             loss by a large factor such as 1024 before backpropagation and dividing
                             the gradients by it afterwards - because gradients around 1e-8 would
                             otherwise round to zero in it.

For each job pick the best format: the cheapest one that does the job without losing what
matters (for "loss_scale": the format that has this problem).

Your answer: set ANSWER to a dict mapping each of the four job names above (exactly those
strings) to one of the strings "FP32", "FP16", "BF16" (case does not matter). A format may be
used for more than one job. Every job is graded exactly.

Stuck? `numkata hint ch00/format_choice` shows one hint at a time.
"""

ANSWER = ...
