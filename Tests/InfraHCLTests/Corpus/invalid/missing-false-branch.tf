a = x ? b
