"""The design tokens (``macros/tokens.yaml``): one palette for the site's CSS, the PDFs and the
link-preview images.

The site's style sheet says ``@rv-tokens light;`` and ``@rv-tokens dark;`` where the two
schemes' palettes go; :func:`style_sheet` writes them there before the sheet is minified.
Python reads the same values with :func:`colour`, so a colour is changed in one place.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from macros.core.templating import component_file

TOKENS = Path(__file__).resolve().parents[1] / "tokens.yaml"
SCHEMES = ("light", "dark")
# Where each scheme's values go. Light is the default; dark follows the system unless the
# reader chose light on this site, or applies because the reader chose it (docs/assets/scheme.js
# sets data-rv-scheme on <html>). CSS alone follows the system: no script is needed for it.
_DARK_BY_SYSTEM = '@media (prefers-color-scheme: dark) {{\n:root:not([data-rv-scheme="light"]) {{\n{body}\n}}\n}}'
_DARK_BY_CHOICE = ':root[data-rv-scheme="dark"] {{\n{body}\n}}'


def scheme_rules(scheme: str, declarations: list[str]) -> str:
    """Custom properties for one scheme, under the selectors that apply that scheme."""
    body = "\n".join(declarations)
    if scheme == "light":
        return f":root {{\n{body}\n}}"
    return _DARK_BY_SYSTEM.format(body=body) + "\n" + _DARK_BY_CHOICE.format(body=body)


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
    return scheme_rules(scheme, _palette_lines(scheme))


def _palette_lines(scheme: str) -> list[str]:
    tokens = _tokens()
    return _declarations(tokens[scheme], "--rv-color-") + _declarations(tokens.get(f"{scheme}-components") or {}, "--rv-")


# Where a component's own screen styles go in the site's style sheet: `@rv-component card.css;`
# names a file in that component's folder (macros/components/card/card.css).
_COMPONENT = re.compile(r"@rv-component ([a-z-]+\.css);")


def style_sheet(source: str) -> str:
    """The site's style sheet with both palettes and every component's styles written in where
    it asks for them (in its place, so the cascade keeps its order)."""
    source = _COMPONENT.sub(lambda match: component_file(match.group(1)).read_text(encoding="utf-8"), source)
    for scheme in SCHEMES:
        marker = f"@rv-tokens {scheme};"
        if source.count(marker) != 1:
            raise ValueError(f"docs/assets/site.css must say `{marker}` once, where that palette goes")
        # On the site, form controls and scroll bars take the scheme's colours too.
        source = source.replace(marker, scheme_rules(scheme, [*_palette_lines(scheme), f"  color-scheme: {scheme};"]))
    return source
