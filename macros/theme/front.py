"""What every page's own template (docs/overrides/main.html) needs beyond MkDocs' context.

The site runs no theme's front end: no Material JavaScript, stylesheet or markup. What a page
needs is written by us: the template, ``docs/assets/site.css`` (from the design tokens),
``docs/assets/scheme.js`` (before the first paint) and ``docs/assets/site.js`` (deferred, every
page works without it). A move to another static-site generator takes this folder and
``docs/overrides`` along, nothing else.
"""

from __future__ import annotations

from macros.core import policy, tokens
from macros.load.region import Region

# The id the skip link leads to: the article itself.
CONTENT_ID = "inhoud"

# Every page's Content-Security-Policy (macros/core/policy.py).
CSP = policy.CSP


def page_policy(live_reload: bool) -> str:
    """The policy of a built page, or of a page `make serve` shows (with its live reload)."""
    return policy.PREVIEW_CSP if live_reload else policy.CSP


def theme_colour(region: Region | None) -> str:
    """The header band's colour, for a phone's address bar (``<meta name="theme-color">``):
    the region's own dark brand colour where it sets one, else the engine's."""
    own = dict(region.colours).get("brand_dark") if region is not None else None
    return own or tokens.colour("brand-dark")
