"""The design tokens (``macros/tokens.yaml``): one palette for the site's CSS, the PDFs and the
link-preview images.

The site's style sheet says ``@rv-tokens light;`` and ``@rv-tokens dark;`` where the two
schemes' palettes go; :func:`style_sheet` writes them there before the sheet is minified.
Python reads the same values with :func:`colour`, so a colour is changed in one place.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

TOKENS = Path(__file__).resolve().parents[1] / "tokens.yaml"
SCHEMES = {"light": ':root,\n[data-md-color-scheme="default"]', "dark": '[data-md-color-scheme="slate"]'}


@functools.cache
def _tokens() -> dict[str, dict[str, list[str]]]:
    return yaml.safe_load(TOKENS.read_text(encoding="utf-8"))


def colour(name: str, scheme: str = "light") -> str:
    """One colour of the palette, like ``colour("brand")`` → ``#0e5a43``."""
    return _tokens()[scheme][name][0]


def _declarations(values: dict[str, list[str]], prefix: str) -> list[str]:
    return [f"  {prefix}{name}: {value};" + (f" /* {note} */" if note else "") for name, (value, note) in values.items()]


def palette_css(scheme: str) -> str:
    """One scheme's palette as a block of custom properties (``--rv-color-…``)."""
    tokens = _tokens()
    lines = _declarations(tokens[scheme], "--rv-color-") + _declarations(tokens.get(f"{scheme}-components") or {}, "--rv-")
    return "\n".join([f"{SCHEMES[scheme]} {{", *lines, "}"])


def style_sheet(source: str) -> str:
    """The site's style sheet with both palettes written in where it asks for them."""
    for scheme in SCHEMES:
        marker = f"@rv-tokens {scheme};"
        if source.count(marker) != 1:
            raise ValueError(f"docs/assets/site.css must say `{marker}` once, where that palette goes")
        source = source.replace(marker, palette_css(scheme))
    return source
