a = x ?
  b : c
