"""ch03/third_iteration - the third Jacobi step (Derive).

Keep going with the system of ch03/jacobi_by_hand,
    4 x1 +   x2 =  9
      x1 + 3 x2 = 11,
Jacobi iteration from x(0) = [0, 0]. Continue from your x(2): what is x2(3), the second
component after three steps?

A note if you compare with the workbook: it prints x1(3) ≈ 1.021 and says the iterates are
closing in on [1, 3]. Both are slips. x1(3) = 73/48 ≈ 1.5208, and the exact solution is
[16/11, 35/11] ≈ [1.4545, 3.1818]. Jacobi does converge here, but the two components take
turns overshooting: the error is not smaller at every single step in every component.

Your answer: set ANSWER to that number; an exact fraction is welcome. It is graded within
1e-3 relative.

Stuck? `numkata hint ch03/third_iteration` shows one hint at a time.
"""

ANSWER = ...
