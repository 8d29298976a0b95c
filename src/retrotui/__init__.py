"""retrotui: blameless incident retrospectives in the terminal."""

__version__ = "0.1.0"
