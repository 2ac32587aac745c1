"""The macros editors call in a page, registered with mkdocs-macros: wiring, nothing else.

mkdocs-macros calls ``define_env`` (``macros/__init__.py``) once per language build, which
calls :func:`define_env` here. The validated site is loaded by ``theme/hooks.on_config``
before this runs, and every macro call in every page was checked there
(``macros/core/safety.py``); the language is read from the page being rendered, never from
module state.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup
from mkdocs.utils import get_relative_url

from macros.publish import pdf
from macros.render import changes, trend
from macros.render import units as render
from macros.stage.build import BUILD_KEY


def define_env(env: Any) -> None:
    """Register the macros editors may use (see macros/load/catalog.py), and two internal ones."""

    def site() -> Any:
        return env.conf[BUILD_KEY].loaded

    def lang() -> str:
        return getattr(env.page.file, "locale", "nl")

    def link(path: str) -> str:
        return get_relative_url(path, env.page.url)

    @env.macro
    def indicator(id: str, year: int | None = None) -> Markup:
        """A figure from data/indicators.yaml in the page's language."""
        return render.indicator_value(site(), id, lang(), year)

    @env.macro
    def change(id: str, since: int, until: int) -> Markup:
        """How a figure changed between two years, in words made from its values."""
        return trend.change(site(), id, since, until, lang())

    @env.macro
    def figure(id: str) -> Markup:
        """A chart from the `figures:` in data/indicators.yaml, with its table."""
        return render.figure(site(), id, lang(), link)

    @env.macro
    def key_figures() -> Markup:
        """The key figures (indicators with `key: true`)."""
        return render.key_figures(site(), lang())

    @env.macro
    def hero() -> Markup:
        """The first screen of the home page: the core sentence, what this is, two ways in."""
        return render.hero(site(), lang(), link, site().region.description[lang()])

    @env.macro
    def ambition_list(level: int = 2) -> Markup:
        """Cards for the ambitions of the vision."""
        return render.ambition_list(site(), lang(), link, level)

    @env.macro
    def key_figure(id: str) -> Markup:
        """One figure as a card with its source and year."""
        return render.key_figure(site(), id, lang())

    @env.macro
    def downloads(scope: str = "all") -> Markup:
        """The brochure and the poster with format and size: in every language, or in the page's ("page-language")."""
        return pdf.download_list(site(), pdf.site_names(site()), lang(), link, only_page_language=scope == "page-language")

    @env.macro
    def youth_link() -> Markup:
        """A link to the version for young people (nothing when the region has none)."""
        return render.youth_link(site(), lang(), link)

    @env.macro
    def praatplaat(level: int = 2) -> Markup:
        """The overview poster, built from content/."""
        return render.praatplaat(site(), lang(), link, level)

    @env.macro
    def principle_card(id: str, level: int = 3) -> Markup:
        """One principle as a card."""
        return render.unit_card(site(), "principles", id, lang(), link, level)

    @env.macro
    def persona_card(id: str, level: int = 3) -> Markup:
        """One persona as a card."""
        return render.unit_card(site(), "personas", id, lang(), link, level)

    @env.macro
    def principle_list(level: int = 2) -> Markup:
        """Cards for all leading principles, in their order."""
        return render.unit_list(site(), "principles", lang(), link, level)

    @env.macro
    def persona_list(level: int = 2) -> Markup:
        """Cards for the 2030 personas."""
        return render.unit_list(site(), "personas", lang(), link, level)

    @env.macro
    def vision_list(level: int = 2) -> Markup:
        """Cards for the sections of the vision, in reading order."""
        return render.unit_list(site(), "vision", lang(), link, level)

    @env.macro
    def headline_figure() -> Markup:
        """The home page's figure (`headline: true` in data/indicators.yaml)."""
        return render.headline_figure(site(), lang())

    @env.macro
    def more_figures() -> Markup:
        """A line that links to the page with the charts."""
        return render.more_figures(site(), lang(), link)

    @env.macro
    def region(field: str) -> Markup:
        """A word from the region's data/region.yaml: its name, publisher, contact text, …"""
        return render.region_word(site(), field, lang())

    @env.macro
    def count(what: str) -> Markup:
        """How many principles, ambitions, personas or municipalities, in words ("vier" / "four")."""
        return render.count_word(site(), what, lang())

    @env.macro
    def accessibility_tests() -> Markup:
        """What `make test` checks for accessibility, from macros/core/audit.py (the tests' own settings)."""
        return render.accessibility_tests(site(), lang())

    @env.macro
    def change_list() -> Markup:
        """Every change editors recorded (`changes:` in units and data/region.yaml), newest first."""
        return changes.change_list(site(), lang(), link)

    @env.macro
    def change_feed() -> Markup:
        """A link to this language's Atom feed of the major changes (beside the changes page)."""
        return changes.feed_link(site(), lang())

    @env.macro
    def known_problems() -> Markup:
        """What is known not to work: `known_problems` in data/region.yaml."""
        return render.known_problems(site(), lang())
