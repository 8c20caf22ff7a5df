a = [1 2]
b = "ok"
c = "\z"
d {
  e = (
}
f = 1 g = 2
