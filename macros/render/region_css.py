"""The region's colours as CSS custom properties over the engine's palette (docs/assets/site.css)."""

from __future__ import annotations

from macros.core.tokens import scheme_rules
from macros.load.region import COLOURS, Region


def region_css(region: Region) -> str | None:
    """The region's colours as CSS custom properties over the engine's palette, or None."""
    light = [(COLOURS[token][0], value) for token, value in region.colours if not token.startswith("dark_")]
    # The header band keeps its colour in dark mode (white text on it is checked above).
    dark = [(COLOURS[token][0], value) for token, value in region.colours if token.startswith("dark_") or token == "brand_dark"]
    if not light and not dark:
        return None
    blocks = []
    if light:
        blocks.append(scheme_rules("light", [f"{prop}:{value};" for prop, value in light]))
    if dark:
        blocks.append(scheme_rules("dark", [f"{prop}:{value};" for prop, value in dark]))
    return "\n".join(blocks) + "\n"
