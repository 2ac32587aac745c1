"""Renderers: loaded content + a language -> HTML, through autoescaped Jinja templates.

Every function here is pure: it reads the validated :class:`~macros.site.Site`, the
language and a ``link`` function that turns a site path (``principes/x/``) into a
URL relative to the current page. Nothing reads global state.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .content import TYPES, Unit
from .site import Site

Link = Callable[[str], str]

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=False,
    keep_trailing_newline=False,
)


def _render(template: str, **context: Any) -> Markup:
    return Markup(_ENV.get_template(template).render(**context))


def strings(site: Site, lang: str) -> dict[str, str]:
    """All interface strings in one language."""
    return {key: texts[lang] for key, texts in site.strings.items()}


def unit_path(unit: Unit) -> str:
    """The address of a unit below the site root, with the language folder."""
    return ("" if unit.lang == "nl" else f"{unit.lang}/") + unit.url


def unit_header(site: Site, unit: Unit, link: Link) -> Markup:
    """What comes above the body of a unit page: kicker, lead, and a principle's points."""
    t = strings(site, unit.lang)
    template = {"principles": "principle_header.html", "vision": "vision_header.html", "personas": "persona_header.html"}[unit.type]
    return _render(template, unit=unit, t=t)


def unit_footer(site: Site, unit: Unit, link: Link) -> Markup:
    """What comes below the body: an ambition's goals, a persona's quotes."""
    t = strings(site, unit.lang)
    if unit.type == "vision":
        return _render("vision_footer.html", unit=unit, t=t)
    if unit.type == "personas":
        ids = site.units.all_ids()
        quotes = []
        for quote in unit.meta["quotes"]:
            theme_id, _, anchor = quote["theme"].partition("#")
            theme = site.units.get(ids[theme_id], theme_id, unit.lang)
            href = link(unit_path(theme)) + (f"#{anchor}" if anchor else "")
            quotes.append({**quote, "theme_title": theme.title, "href": href})
        return _render("persona_footer.html", unit=unit, t=t, quotes=quotes)
    return Markup("")


def unit_list(site: Site, type_name: str, lang: str, link: Link) -> Markup:
    """A list of cards, one per unit of a type, in reading order."""
    t = strings(site, lang)
    cards = []
    for unit in site.units.ordered(type_name, lang):
        kicker = ""
        if type_name == "principles":
            kicker = t["principle_number"].format(number=unit.meta["number"])
        elif unit.meta.get("ambition"):
            kicker = t["ambition_number"].format(number=unit.meta["ambition"])
        elif type_name == "personas":
            kicker = f'{unit.meta["name"]}, {t["age"].format(age=unit.meta["age"])}.'
        cards.append({"id": unit.id, "title": unit.title, "summary": unit.meta["summary"], "kicker": kicker, "href": link(unit_path(unit))})
    return _render("unit_list.html", cards=cards)


__all__ = ["TYPES", "unit_footer", "unit_header", "unit_list", "unit_path"]
