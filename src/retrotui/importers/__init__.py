"""Pure readers: text in, model out (or a precise error)."""
