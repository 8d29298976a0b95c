"""Pure renderers: a retrospective in, text out."""
