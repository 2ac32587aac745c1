"""The changes editors recorded (macros/load/changes.py) as markup: a unit page's dates and
list, the page with every change of the site, and the Atom feed of one language."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from xml.etree import ElementTree

from markupsafe import Markup

from macros.core.templating import render_template
from macros.load.changes import Change, from_unit
from macros.load.history import long_date
from macros.load.site import Site
from macros.load.units import Unit
from macros.render.units import strings, unit_path

ATOM = "http://www.w3.org/2005/Atom"
# Where each language's feed is written, below that language's changes page.
FEED = "atom.xml"


def _target(site: Site, change: Change, lang: str) -> tuple[str, str]:
    """The title and site path of what changed: a unit's page, or the whole vision (the home page)."""
    if change.unit:
        unit = next(pair[lang] for pairs in site.units.by_type.values() for pair in pairs.values() if pair[lang].key == change.unit)
        return unit.title, unit_path(unit)
    assert site.region is not None
    return site.region.site_name(lang), "" if lang == "nl" else f"{lang}/"


def _item(site: Site, change: Change, lang: str, link: Callable[[str], str] | None) -> dict[str, object]:
    title, path = _target(site, change, lang)
    return {
        "iso": change.day.isoformat(),
        "day": long_date(change.day, lang),
        "title": title,
        "href": link(path) if link else path,
        "note": change.note,
        "major": change.major,
    }


def unit_dates(site: Site, unit: Unit, published: datetime.date) -> Markup:
    """A unit page's "Gepubliceerd" and "Laatst gewijzigd" (major changes only) and, where the
    editors recorded any, the list of all its changes."""
    recorded = from_unit(unit.meta, unit.key, unit.lang)
    major = [change for change in recorded if change.major]
    # Published no later than its first recorded change (a page may have had a life before git).
    published = min([published, *(change.day for change in recorded)])
    return render_template(
        "unit_changes.html",
        t=strings(site, unit.lang),
        published={"iso": published.isoformat(), "day": long_date(published, unit.lang)},
        modified={"iso": major[0].day.isoformat(), "day": long_date(major[0].day, unit.lang)} if major else None,
        changes=[{"iso": c.day.isoformat(), "day": long_date(c.day, unit.lang), "note": c.note, "major": c.major} for c in recorded],
        key=unit.id,
    )


def change_list(site: Site, lang: str, link: Callable[[str], str]) -> Markup:
    """Every change of the site in ``lang``, newest first, each with the page it changed."""
    items = [_item(site, change, lang, link) for change in site.changes_in(lang)]
    return render_template("change_list.html", t=strings(site, lang), items=items)


def feed_link(site: Site, lang: str) -> Markup:
    """The changes page's link to its feed (written beside it, see :func:`feed`)."""
    return render_template("feed_link.html", t=strings(site, lang), href=FEED)


def feed(site: Site, lang: str, absolute: Callable[[str], str], feed_path: str, page_path: str, last_change: datetime.date) -> bytes:
    """The Atom feed of the major changes in ``lang`` (RFC 4287), newest first. Its dates are
    the editors' (never the build's): without any recorded change, the content's last change
    in git (``last_change``). Every text is escaped by the XML writer."""
    assert site.region is not None
    t = strings(site, lang)
    major = [change for change in site.changes_in(lang) if change.major]
    ElementTree.register_namespace("", ATOM)
    root = ElementTree.Element(f"{{{ATOM}}}feed", {"xml:lang": lang})

    def add(parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
        element.text = text
        return element

    add(root, "id", absolute(feed_path))
    add(root, "title", f"{t['changes_title']} – {site.region.site_name(lang)}")
    add(root, "updated", _stamp(major[0].day if major else last_change))
    add(root, "link", rel="self", type="application/atom+xml", href=absolute(feed_path))
    add(root, "link", rel="alternate", type="text/html", href=absolute(page_path))
    author = add(root, "author")
    add(author, "name", site.region.publisher)
    add(root, "rights", site.region.content_licence.name[lang])
    for number, change in enumerate(major):
        title, path = _target(site, change, lang)
        entry = add(root, "entry")
        # Stable as long as the change stands: the page, the day and its place among that day's changes.
        same_day = sum(1 for other in major[:number] if other.day == change.day and other.unit == change.unit)
        add(entry, "id", f"{absolute(path)}#wijziging-{change.day.isoformat()}" + (f"-{same_day + 1}" if same_day else ""))
        add(entry, "title", f"{title}: {change.note}")
        add(entry, "updated", _stamp(change.day))
        add(entry, "link", rel="alternate", type="text/html", href=absolute(path))
        add(entry, "summary", change.note)
    ElementTree.indent(root)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"


def _stamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
