"""Hidden checks for chapter 5: gradient descent convergence."""
