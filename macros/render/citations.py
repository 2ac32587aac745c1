"""How a reference manager reads a unit: its citation metadata in the page's head, and the same
reference as RIS and BibTeX files to import.

The publisher is the author, kept whole as an organisation: Zotero splits a personal name given
as ``citation_author`` into first and last name, unless it ends in a comma (its Embedded
Metadata translator then keeps it as one field); RIS carries it as one ``AU`` field and BibTeX
in braces. Checked with Zotero's own translation server (tests/test_citations.py).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from markupsafe import Markup

from macros.core.templating import render_template
from macros.load.site import Site
from macros.load.units import Unit
from macros.render.units import short_address, unit_path

# The files beside each unit page (its own folder), to import in a reference manager.
RIS = "citation.ris"
BIBTEX = "citation.bib"


@dataclass(frozen=True)
class Reference:
    """One unit as a reference: a report by the publisher, part of the vision."""

    title: str
    publisher: str
    date: datetime.date
    lang: str
    url: str  # the page's full address
    short: str  # the short address (/p/3/), printed in citations
    work: str  # the vision it is part of
    key: str  # a citation key, like rsj-ijsselland-2026-samen-leren
    pdf: str  # the brochure in the page's language


def reference(site: Site, unit: Unit, date: datetime.date, brochure: str) -> Reference:
    """The reference of one unit page (``date``: when it last changed; ``brochure``: its address)."""
    assert site.region is not None
    publisher = site.region.publisher
    slug = "".join(c if c.isalnum() else "-" for c in publisher.lower()).strip("-")
    return Reference(
        title=unit.title,
        publisher=publisher,
        date=date,
        lang=unit.lang,
        url=site.region.site_url + unit_path(unit),
        short=short_address(site, unit),
        work=site.region.site_name(unit.lang),
        key=f"{slug}-{date.year}-{unit.id}",
        pdf=brochure,
    )


def meta_tags(ref: Reference) -> Markup:
    """Highwire citation metadata for the page's head (escaped by the template)."""
    return render_template("citation_meta.html", ref=ref, date=ref.date.strftime("%Y/%m/%d"))


def ris(ref: Reference) -> str:
    """The reference as RIS: a report (RPRT) with the publisher as one corporate author."""
    lines = [
        ("TY", "RPRT"),
        ("AU", ref.publisher),
        ("TI", ref.title),
        ("T2", ref.work),
        ("PB", ref.publisher),
        ("PY", str(ref.date.year)),
        ("DA", ref.date.strftime("%Y/%m/%d")),
        ("LA", ref.lang),
        ("UR", ref.url),
        ("L1", ref.pdf),
        ("ER", ""),
    ]
    return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


def bibtex(ref: Reference) -> str:
    """The reference as BibTeX (@techreport), the publisher in braces so it stays one name."""
    fields = [
        ("title", ref.title),
        ("author", "{" + ref.publisher + "}"),
        ("institution", ref.publisher),
        ("type", ref.work),
        ("year", str(ref.date.year)),
        ("date", ref.date.isoformat()),
        ("language", ref.lang),
        ("url", ref.url),
    ]
    body = ",\n".join(f"  {name} = {{{_bibtex_text(value)}}}" for name, value in fields)
    return f"@techreport{{{ref.key},\n{body}\n}}\n"


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _bibtex_text(value: str) -> str:
    """Plain text for a BibTeX field: its special characters escaped, braces kept where ours."""
    out = _one_line(value)
    if out.startswith("{") and out.endswith("}"):
        return "{" + _bibtex_text(out[1:-1]) + "}"
    for char in "\\&%$#_{}~^":
        out = out.replace(char, "\\" + char)
    return out
