"""A high-contrast theme for screen-sharing: legible through video
compression, with colour kept for meaning (amber ending, red overdue)."""

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="retrotui-contrast",
    primary="#00D7FF",
    secondary="#5FAFFF",
    accent="#D787FF",
    warning="#FFB000",
    error="#FF5F5F",
    success="#5FFF87",
    foreground="#FFFFFF",
    background="#000000",
    surface="#0E0E0E",
    panel="#1A1A1A",
    dark=True,
    variables={
        "footer-key-foreground": "#00D7FF",
        "block-cursor-background": "#00D7FF",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
    },
)
