a
b = 1
