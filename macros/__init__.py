"""The mkdocs-macros module: wires the loaders and renderers to the page, nothing else.

mkdocs-macros calls :func:`define_env` once per language build. The validated site is
loaded by ``mkdocs_hooks.on_config`` before this runs; the language is read from the
page being rendered, never from module state.
"""

from __future__ import annotations

from typing import Any

from mkdocs.utils import get_relative_url
from markupsafe import Markup

from . import render
from .site import SITE_KEY


def define_env(env: Any) -> None:
    """Register the macros editors may use, and the internal ones for unit pages."""

    def site() -> Any:
        return env.conf[SITE_KEY]

    def lang() -> str:
        return getattr(env.page.file, "locale", "nl")

    def link(path: str) -> str:
        return get_relative_url(path, env.page.url)

    def current_unit() -> Any:
        type_name, unit_id = env.page.meta["unit"].split("/")
        return site().units.get(type_name, unit_id, lang())

    @env.macro
    def unit_header() -> Markup:
        """Internal: the top of a generated unit page."""
        return render.unit_header(site(), current_unit(), link)

    @env.macro
    def unit_footer() -> Markup:
        """Internal: the bottom of a generated unit page."""
        return render.unit_footer(site(), current_unit(), link)

    @env.macro
    def principle_list() -> Markup:
        """Cards for the four leading principles, in their order."""
        return render.unit_list(site(), "principles", lang(), link)

    @env.macro
    def persona_list() -> Markup:
        """Cards for the 2030 personas."""
        return render.unit_list(site(), "personas", lang(), link)

    @env.macro
    def vision_list() -> Markup:
        """Cards for the sections of the vision, in reading order."""
        return render.unit_list(site(), "vision", lang(), link)
