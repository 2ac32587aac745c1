"""Renderers: loaded content + a language -> HTML, through autoescaped Jinja templates.

Every function here is pure: it reads the validated :class:`~macros.site.Site`, the
language and a ``link`` function that turns a site path (``principes/x/``) into a
URL relative to the current page. Nothing reads global state.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from macros.core import audit
from macros.core.paths import DATA_FILES, DOWNLOADS
from macros.core.templating import plain, render_template
from macros.load import catalog
from macros.load.addresses import in_language
from macros.load.history import long_date
from macros.load.indicator_types import Indicator
from macros.load.indicators import format_value
from macros.load.region import number_word
from macros.load.site import Site
from macros.load.units import YOUTH_PARTS, Unit
from macros.render.charts import join_words, render_figure

Link = Callable[[str], str]


def strings(site: Site, lang: str) -> dict[str, str]:
    """All interface strings in one language."""
    return site.strings_in(lang)


def unit_path(unit: Unit) -> str:
    """The address of a unit below the site root, with the language folder."""
    return ("" if unit.lang == "nl" else f"{unit.lang}/") + unit.url


# Drawings of the personas: the region's content/personas/<id>.svg (staged here), or one for everybody.
PORTRAITS = "assets/portraits"
DEFAULT_PORTRAIT = "persoon"


def portrait_path(site: Site, unit: Unit) -> str:
    """The site path of a persona's drawing."""
    name = unit.id if unit.id in site.portraits else DEFAULT_PORTRAIT
    return f"{PORTRAITS}/{name}.svg"


def unit_header(site: Site, unit: Unit, link: Link, medium: str = "screen") -> Markup:
    """What comes above the body of a unit page: kicker, lead, and a principle's points.

    On paper (``medium="print"``) a point has no link to copy, and a persona's portrait says
    whose drawing it is (every figure of a PDF needs a text; on screen the name is the title)."""
    t = strings(site, unit.lang)
    template = {"principles": "principle_header.html", "vision": "vision_header.html", "personas": "persona_header.html", "youth": "youth_header.html"}[unit.type]
    total = len(site.units.by_type[unit.type])
    portrait = link(portrait_path(site, unit)) if unit.type == "personas" else ""
    portrait_alt = t["pdf_portrait_alt"].format(name=unit.title) if medium == "print" else ""
    return render_template(template, unit=unit, t=t, total=total, portrait=portrait, portrait_alt=portrait_alt, print=medium == "print")


def theme_label(site: Site, theme: Unit, anchor: str = "") -> str:
    """What a quote belongs to, in words: "Principe 2: …", "Ambitie 1: …" or a section and heading."""
    t = strings(site, theme.lang)
    if theme.type == "principles":
        return f"{t['principle_number'].format(number=theme.meta['number'])}: {theme.title}"
    if theme.meta.get("ambition"):
        return f"{t['ambition_number'].format(number=theme.meta['ambition'])}: {theme.title}"
    heading = dict(theme.headings).get(anchor) if anchor else None
    return f"{theme.title}: {heading}" if heading else theme.title


def _quotes_about(site: Site, unit: Unit, link: Link) -> list[dict[str, Any]]:
    """The persona quotes whose theme is this unit, with who said them."""
    t = strings(site, unit.lang)
    headings = dict(unit.headings)
    found = []
    for persona in site.units.ordered("personas", unit.lang):
        for quote in persona.meta["quotes"]:
            target, _, anchor = quote["theme"].partition("#")
            if target != unit.id:
                continue
            found.append(
                {
                    "id": quote["id"],
                    "text": quote["text"],
                    "name": persona.meta["name"],
                    "age": t["age"].format(age=persona.meta["age"]),
                    "role": persona.meta["role"],
                    "persona_href": link(unit_path(persona)) + f"#{quote['id']}",
                    "anchor": anchor,
                    "heading": headings.get(anchor, ""),
                }
            )
    return found


def unit_footer(site: Site, unit: Unit, link: Link, medium: str = "screen") -> Markup:
    """What comes below the body: goals, persona quotes about this theme, a persona's quotes.
    On paper no goal has a link to copy, and no principle links to the page for young people
    (it has a leaflet of its own)."""
    t = strings(site, unit.lang)
    if unit.type == "personas":
        ids = site.units.all_ids()
        quotes = []
        for quote in unit.meta["quotes"]:
            theme_id, _, anchor = quote["theme"].partition("#")
            theme = site.units.get(ids[theme_id], theme_id, unit.lang)
            href = link(unit_path(theme)) + (f"#{anchor}" if anchor else "")
            quotes.append({**quote, "theme_title": theme_label(site, theme, anchor), "href": href})
        return render_template("persona_footer.html", unit=unit, t=t, quotes=quotes)
    if unit.type == "youth":
        return youth_parts(site, unit, link)
    parts = []
    if unit.type == "principles" and medium != "print":
        parts.append(youth_link(site, unit.lang, link, unit.id))
    if unit.type == "vision":
        parts.append(render_template("vision_footer.html", unit=unit, t=t, print=medium == "print"))
    parts.append(render_template("theme_quotes.html", unit=unit, t=t, quotes=_quotes_about(site, unit, link)))
    return Markup("\n").join(p for p in parts if p)


def youth_page(site: Site, lang: str) -> Unit | None:
    """The version for young people in ``lang``, if the region has one."""
    units = site.units.ordered("youth", lang)
    return units[0] if units else None


def youth_link(site: Site, lang: str, link: Link, source: str = "") -> Markup:
    """A link to the version for young people; from a principle, to what it means for you."""
    page = youth_page(site, lang)
    if page is None:
        return Markup("")
    t = strings(site, lang)
    anchor = ""
    if source:
        anchor = next((f"#{item['id']}" for part in YOUTH_PARTS for item in page.meta.get(part) or [] if item["from"].partition("#")[0] == source), "")
    label = t["youth_for_you"] if source else t["youth_link"]
    return render_template("youth_link.html", href=link(unit_path(page)) + anchor, label=label, principle=bool(source))


def youth_parts(site: Site, unit: Unit, link: Link) -> Markup:
    """The version for young people: help now (the lines a young person can call today), its
    parts in reading order, the stories in their own words after what you can expect, and the
    local teams and the region's contact under who to ask."""
    assert site.region is not None
    t = strings(site, unit.lang)
    ids = site.units.all_ids()
    parts = []
    for part in YOUTH_PARTS:
        items = []
        for item in unit.meta[part]:
            target_id, _, anchor = item["from"].partition("#")
            target = site.units.get(ids[target_id], target_id, unit.lang)
            # What changes for you: each sentence leads on to the ambition or principle itself.
            more = link(unit_path(target)) + (f"#{anchor}" if anchor else "") if part == "changes" else ""
            items.append({"id": item["id"], "text": item["text"], "href": more, "more": theme_label(site, target, anchor)})
        parts.append({"key": part, "title": t[f"youth_{part}"], "sentences": items})
    stories = []
    for persona_id in unit.meta.get("stories") or []:
        persona = site.units.get("personas", persona_id, unit.lang)
        stories.append({"title": persona.title, "href": link(unit_path(persona)), "portrait": link(portrait_path(site, persona)), "quote": persona.meta["quotes"][0]["text"]})
    lang = unit.lang
    helplines = [
        {"id": line.id, "name": line.name[lang], "what": line.what[lang], "hours": line.hours[lang], "phone": line.phone, "tel": line.tel, "chat": line.chat}
        for line in site.helplines
    ]
    return render_template(
        "youth.html", unit=unit, t=t, parts=parts, stories=stories, contact=site.region.contact[lang], helplines=helplines, teams=site.region.local_teams
    )


def short_address(site: Site, unit: Unit) -> str:
    """The shortest address of a unit: /p/3/ for a principle, /a/2/ for an ambition, else its page."""
    assert site.region is not None
    prefix = site.region.site_url + ("" if unit.lang == "nl" else f"{unit.lang}/")
    if unit.type == "principles":
        return f"{prefix}p/{unit.meta['number']}/"
    if unit.type == "vision" and unit.meta.get("ambition"):
        return f"{prefix}a/{unit.meta['ambition']}/"
    return site.region.site_url + unit_path(unit)


def citation(site: Site, unit: Unit, date: datetime.date) -> Markup:
    """"Zo verwijs je hiernaar": publisher, year, title, the vision it is part of, the short
    address and the version (the date the page last changed), in the page's language, to copy
    into a report."""
    assert site.region is not None
    t = strings(site, unit.lang)
    number = ""
    if unit.type == "principles":
        number = t["principle_number"].format(number=unit.meta["number"])
    elif unit.type == "vision" and unit.meta.get("ambition"):
        number = t["ambition_number"].format(number=unit.meta["ambition"])
    return render_template(
        "citation.html",
        unit=unit,
        t=t,
        publisher=site.region.publisher,
        year=date.year,
        title=unit.title,
        work=site.region.site_name(unit.lang),
        number=number[:1].lower() + number[1:] if number else "",
        address=short_address(site, unit),
        version=t["cite_version"].format(date=long_date(date, unit.lang)),
    )


def _card(site: Site, unit: Unit, link: Link) -> dict[str, Any]:
    t = strings(site, unit.lang)
    kicker, number, portrait = "", None, ""
    if unit.type == "principles":
        number = unit.meta["number"]
        kicker = t["principle_number"].format(number=number)
    elif unit.type == "vision" and unit.meta.get("ambition"):
        number = unit.meta["ambition"]
        kicker = t["ambition_number"].format(number=number)
    elif unit.type == "personas":
        kicker = unit.meta["role"]
        portrait = link(portrait_path(site, unit))
    return {
        "id": unit.id, "title": unit.title, "summary": unit.meta["summary"], "kicker": kicker,
        "href": link(unit_path(unit)), "number": number, "portrait": portrait,
    }


def unit_list(site: Site, type_name: str, lang: str, link: Link, level: int = 2) -> Markup:
    """A list of cards, one per unit of a type, in reading order; principles numbered."""
    cards = [_card(site, unit, link) for unit in site.units.ordered(type_name, lang)]
    return render_template("unit_list.html", cards=cards, level=level, numbered=type_name == "principles")


def ambition_list(site: Site, lang: str, link: Link, level: int = 2) -> Markup:
    """The ambitions of the vision as cards, in their order."""
    ambitions = sorted((u for u in site.units.ordered("vision", lang) if u.meta.get("ambition")), key=lambda u: u.meta["ambition"])
    return render_template("unit_list.html", cards=[_card(site, u, link) for u in ambitions], level=level, numbered=False)


def motto_unit(site: Site, lang: str) -> Unit:
    """The vision section that carries the core sentence (`motto`), else the first section."""
    sections = site.units.ordered("vision", lang)
    return next((u for u in sections if u.meta.get("motto")), sections[0])


def hero(site: Site, lang: str, link: Link, lead: str) -> Markup:
    """The first screen of the home page: the core sentence, what this is, two ways in, a drawing."""
    vision = motto_unit(site, lang)
    return render_template(
        "hero.html",
        t=strings(site, lang),
        motto=vision.meta.get("motto") or vision.title,
        lead=lead,
        overview_href=link(in_language("/overzicht/", lang).lstrip("/")),
        vision_href=link(unit_path(vision)),
        youth_href=link(unit_path(youth)) if (youth := youth_page(site, lang)) else "",
    )


def unit_card(site: Site, type_name: str, unit_id: str, lang: str, link: Link, level: int = 3) -> Markup:
    """One card for one unit."""
    return render_template("card.html", card=_card(site, site.units.get(type_name, unit_id, lang), link), level=level)


def praatplaat(site: Site, lang: str, link: Link, level: int = 2) -> Markup:
    """The overview poster: core sentence, vision statements, ambitions, principles."""
    t = strings(site, lang)
    sections = site.units.ordered("vision", lang)
    vision = motto_unit(site, lang)
    headings = dict(vision.headings)
    statements = [{"text": headings[h], "href": link(unit_path(vision)) + f"#{h}"} for h in vision.meta.get("overview") or []]
    ambitions = [
        {"number": u.meta["ambition"], "title": u.title, "summary": u.meta["summary"], "href": link(unit_path(u))}
        for u in sorted((u for u in sections if u.meta.get("ambition")), key=lambda u: u.meta["ambition"])
    ]
    principles = [{"text": u.title, "href": link(unit_path(u))} for u in site.units.ordered("principles", lang)]
    return render_template(
        "praatplaat.html",
        t=t,
        level=level,
        vision={"motto": vision.meta.get("motto") or vision.title, "href": link(unit_path(vision)), "statements": statements},
        ambitions=ambitions,
        principles=principles,
    )


def indicator_value(site: Site, indicator_id: str, lang: str, year: int | None = None) -> Markup:
    """One figure as text in the reader's language, marked up with its machine value."""
    ind = site.indicators[indicator_id]
    value = ind.values[year or ind.latest_year]
    return render_template("indicator.html", value=value, display=format_value(value, ind.unit, lang), label=ind.label[lang], year=year or ind.latest_year)


def _figure_card(ind: Indicator, lang: str) -> dict[str, Any]:
    value = ind.values[ind.latest_year]
    return {"label": ind.label[lang], "year": ind.latest_year, "value": value, "display": format_value(value, ind.unit, lang), "source": ind.source[lang]}


def key_figures(site: Site, lang: str) -> Markup:
    """The indicators marked `key: true`, as cards with value, label, source and year."""
    items = [_figure_card(ind, lang) for ind in site.indicators.values() if ind.key]
    return render_template("key_figures.html", items=items, t=strings(site, lang))


def key_figure(site: Site, indicator_id: str, lang: str) -> Markup:
    """One figure as a card, like the key figures."""
    return render_template("key_figures.html", items=[_figure_card(site.indicators[indicator_id], lang)], t=strings(site, lang))


def headline_figure(site: Site, lang: str) -> Markup:
    """The home page's figure: the one with `headline: true`, else the first key figure."""
    chosen = [ind for ind in site.indicators.values() if ind.headline] or [ind for ind in site.indicators.values() if ind.key]
    return render_template("key_figures.html", items=[_figure_card(chosen[0], lang)], t=strings(site, lang)) if chosen else Markup("")


def more_figures(site: Site, lang: str, link: Link) -> Markup:
    """A line to the first vision section (in reading order) that shows charts or key figures."""
    more = next((u for u in site.units.ordered("vision", lang) if _FIGURES_MACRO.search(u.body)), None)
    if more is None:
        return Markup("")
    return render_template("more_figures.html", t=strings(site, lang), href=link(unit_path(more)), title=more.title)


_FIGURES_MACRO = re.compile(r"\{\{-?\s*(figure|key_figures)\(")


def figure(site: Site, figure_id: str, lang: str, link: Link | None = None) -> Markup:
    """A chart with its caption and table; on a page (``link``), with the figures as open data."""
    return render_figure(site.figures[figure_id], site.indicators, lang, strings(site, lang), data_links(site, lang, link) if link else None)


def data_links(site: Site, lang: str, link: Link) -> dict[str, str]:
    """The open data files (macros/publish/opendata.py) and the content's licence, for one page."""
    assert site.region is not None
    licence = site.region.content_licence
    return {
        "csv": link(f"{DOWNLOADS}/{DATA_FILES['csv']}"),
        "json": link(f"{DOWNLOADS}/{DATA_FILES['json']}"),
        "licence": licence.short,
        "licence_url": licence.url[lang],
        "lang": lang,
    }


# What a docs page may take from the region file with {{ region("…") }}; each is plain text.
REGION_WORDS: dict[str, Callable[[Site, str], str]] = {
    "name": lambda site, lang: site.region.name[lang],  # type: ignore[union-attr]
    "site_name": lambda site, lang: site.region.site_name(lang),  # type: ignore[union-attr]
    "publisher": lambda site, lang: site.region.publisher,  # type: ignore[union-attr]
    "contact": lambda site, lang: site.region.contact[lang],  # type: ignore[union-attr]
    "municipalities": lambda site, lang: ", ".join(site.region.municipalities),  # type: ignore[union-attr]
    "statement_date": lambda site, lang: long_date(site.region.statement_date, lang),  # type: ignore[union-attr]
}


assert set(REGION_WORDS) == set(catalog.REGION_WORDS), "macros/load/catalog.py names the region words"


def region_word(site: Site, field: str, lang: str) -> Markup:
    """One of :data:`REGION_WORDS`, escaped."""
    return plain(REGION_WORDS[field](site, lang))


# Counts a page can say in words with {{ count("…") }}: derived, never written by hand.
COUNTED: dict[str, Callable[[Site], int]] = {
    "principles": lambda site: len(site.units.by_type["principles"]),
    "personas": lambda site: len(site.units.by_type["personas"]),
    "ambitions": lambda site: sum(1 for pair in site.units.by_type["vision"].values() if pair["nl"].meta.get("ambition")),
    "municipalities": lambda site: len(site.region.municipalities),  # type: ignore[union-attr]
}


assert set(COUNTED) == set(catalog.COUNTED), "macros/load/catalog.py names the counts"


def count_word(site: Site, what: str, lang: str) -> Markup:
    """A count as a word in ``lang``: "vier" / "four"."""
    return plain(number_word(COUNTED[what](site), lang))


def accessibility_tests(site: Site, lang: str) -> Markup:
    """The statement's list of what is tested, from the values the tests themselves run with."""
    t = strings(site, lang)
    sizes = join_words([f"{width} × {height}" for width, height in audit.sizes()], t["and"])
    schemes = join_words([t[f"scheme_{scheme}"] for scheme in audit.schemes()], t["and"])
    states = join_words([t["state_" + state.replace("-", "_")] for state in audit.STATES], t["and"])
    items = [
        t["audit_pages"],
        t["audit_settings"].format(sizes=sizes, schemes=schemes),
        t["audit_engines"].format(count=number_word(len(audit.ENGINES), lang), engines=join_words(list(audit.ENGINES), t["and"])),
        t["audit_keyboard"].format(count=number_word(len(audit.WALKED), lang), px=audit.FOCUS_RING_PX, contrast=f"{audit.FOCUS_RING_CONTRAST:g}"),
        t["audit_states"].format(states=states),
        t["audit_html"],
        t["audit_privacy"],
        t["audit_pdf"].format(validator=audit.PDF_VALIDATOR),
    ]
    return render_template("text_list.html", items=items, empty="")


def known_problems(site: Site, lang: str) -> Markup:
    """The region's list of what does not work yet, or a sentence that it knows of nothing."""
    assert site.region is not None
    return render_template("text_list.html", items=[problem[lang] for problem in site.region.known_problems], empty=strings(site, lang)["known_problems_none"])
