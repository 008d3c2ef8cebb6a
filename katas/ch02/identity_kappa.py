"""ch02/identity_kappa - the best-conditioned matrix (Derive).

Solving I x = b with the n x n identity matrix I just returns x = b: nothing can be magnified.
The condition number should say so.

What is κ∞(I) = ‖I‖∞ · ‖I⁻¹‖∞ for the n x n identity matrix (‖M‖∞ is the largest absolute
row sum)? The answer is the same for every n >= 1.

Your answer: set ANSWER to that number, graded within 1e-9 relative.

Stuck? `numkata hint ch02/identity_kappa` shows one hint at a time.
"""

ANSWER = ...
