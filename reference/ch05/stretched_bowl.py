"""ch05/stretched_bowl - solved."""

# grad f = (200x, 2y): x is multiplied by 1 - 0.005*200 = 0 (gone after one step),
# y by 1 - 0.005*2 = 0.99 (after 100 steps 0.99**100, about 0.366: barely a third of the way).
ANSWER = (0.0, 0.99**100)
