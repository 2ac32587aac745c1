"""The brochure (A4) and the overview poster (A3) as tagged PDFs, made from the built site.

Why from the built site: the pages in ``site/`` are the checked, rendered content (figures,
charts, quotes, links), so the PDF can never say something the site does not. Each section
is the ``<article>`` of its page, with what only works on screen taken out (point links,
"last updated"), relative links made absolute (live links back to the site) and the page's
web address printed under its title. WeasyPrint writes PDF/UA-1: tagged, with the document
language, a title that viewers show, embedded fonts and bookmarks for every section.
Time stamps come from SOURCE_DATE_EPOCH, so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from macros.core.paths import DATA_FILES, DATA_TYPES, DESCRIPTOR_FILES, DESCRIPTOR_FORMATS, DESCRIPTOR_TYPES, DOWNLOADS
from macros.core.schema import LANGUAGES
from macros.core.templating import render_template
from macros.load.indicators import LOCALES
from macros.load.site import Site
from macros.publish.documents import POSTER_SIZE, brochure_html, leaflet_html, licence_in, poster_html
from macros.publish.pdf_tags import finish
from macros.render.units import unit_path, youth_page

FOLDER = DOWNLOADS
_LEAFLET = {"nl": "jongeren", "en": "young-people"}


def has_leaflet(site: Site) -> bool:
    """Whether the region has a version for young people (and so a leaflet)."""
    return bool(site.units.by_type.get("youth"))


@dataclass(frozen=True)
class Download:
    """One file on the downloads page."""

    name: str
    lang: str
    kind: str  # brochure or poster


def slug(text: str) -> str:
    """A file name from a title: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def downloads(site_names: dict[str, str], leaflet: bool = True) -> list[Download]:
    """The files, named after the site in each language; the leaflet for young people when the
    region has a version for them."""
    found = []
    for lang in LANGUAGES:
        base = slug(site_names[lang])
        found += [Download(f"{base}.pdf", lang, "brochure"), Download(f"{base}-praatplaat-a3.pdf", lang, "poster")]
        if leaflet:
            found.append(Download(f"{base}-{_LEAFLET[lang]}.pdf", lang, "leaflet"))
    return found


def site_names(site: Site) -> dict[str, str]:
    """The site's name in every language, from the region file."""
    assert site.region is not None
    return {lang: site.region.site_name(lang) for lang in LANGUAGES}


def download_list(site: Site, names: dict[str, str], lang: str, link: Any, only_page_language: bool = False) -> Markup:
    """The downloads as links that say what each is, its language, format and size."""
    t = site.strings_in(lang)
    items = [
        {
            "href": link(f"{FOLDER}/{item.name}"),
            "lang": item.lang,
            "name": item.name,
            "title": t[f"download_{item.kind}"],
            "language": site.t("language_name", item.lang),
            "type": "application/pdf",
            "format": "PDF",
        }
        for item in downloads(names, has_leaflet(site))
        if item.lang == lang or not only_page_language
    ]
    if not only_page_language:
        # The figures as open data: one file for both languages (macros/publish/opendata.py).
        for kind, name in DATA_FILES.items():
            items.append({"href": link(f"{FOLDER}/{name}"), "lang": None, "name": name, "title": t[f"download_data_{kind}"], "language": None, "type": DATA_TYPES[kind], "format": kind.upper()})
        # What describes them to a program (macros/publish/descriptors.py).
        for kind, name in DESCRIPTOR_FILES.items():
            items.append({"href": link(f"{FOLDER}/{name}"), "lang": None, "name": name, "title": t[f"download_descriptor_{kind}"], "language": None, "type": DESCRIPTOR_TYPES[kind], "format": DESCRIPTOR_FORMATS[kind]})
    return render_template("downloads.html", items=items, lang=lang)


PDF_VARIANT = "pdf/a-2a"
PDF_STANDARDS = ("PDF/A-2a", "PDF/UA-1")


# The search for the largest poster type that fits one sheet, in pt; it stops within the step.
POSTER_MIN, POSTER_MAX, POSTER_STEP = 18.0, 36.0, 0.25


def _boxes(box: Any) -> Any:
    """Every box of a laid-out WeasyPrint page, depth first."""
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _heights(page: Any) -> tuple[float, dict[str, float]]:
    """The height the page offers and the height of each classed block we weigh, in CSS px."""
    page_box = page._page_box
    found: dict[str, float] = {}
    for box in _boxes(page_box):
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        for name in ("rv-praatplaat", "poster__codes", "poster__sheet"):
            if name in classes and name not in found:
                found[name] = box.margin_height()
            if name == "poster__sheet" and name in classes:
                found["bottom"] = box.position_y + box.margin_height()
    return page_box.height, found


# How the poster gives way when its content does not fit one sheet at the smallest type, in
# order (poster.css): the QR codes in a row below the vision instead of a column beside it;
# three codes to a row beside it; the ambitions by their titles only; smaller codes, beside
# the vision or in rows below it.
POSTER_VARIANTS = (
    "",
    "poster--codes-below",
    "poster--codes-wide",
    "poster--codes-wide poster--titles",
    "poster--codes-small poster--titles",
    "poster--codes-below poster--codes-small poster--titles",
)


def _fit_poster(document: str, base_url: str) -> Any:
    """The poster laid out at the largest type that still fits one sheet.

    One layout at the smallest size shows how much of the sheet the content takes; if the QR
    codes, in their column beside the vision, stand taller than the vision itself (a region
    with few statements), they go in a row below it instead. A region whose content does not
    fit one sheet at the smallest size takes the next of POSTER_VARIANTS that does. Then a
    binary search between the smallest size and the size the first layout predicts (text grows
    with the square of its size) finds the largest that fits. If no variant fits at the
    smallest size, the last is returned as it is: the tests report a poster of more than one page.
    """
    from weasyprint import HTML

    def layout(text: str, size: float) -> Any:
        sized = text.replace(f"font-size: {POSTER_SIZE}; }}", f"font-size: {size:.2f}pt; }}", 1)
        return HTML(string=sized, base_url=base_url).render(pdf_variant=PDF_VARIANT)

    def variant(classes: str) -> str:
        return document.replace('<body class="poster', f'<body class="poster {classes}', 1) if classes else document

    for classes in POSTER_VARIANTS:
        chosen = variant(classes)
        best = layout(chosen, POSTER_MIN)
        if len(best.pages) == 1:
            break
    else:
        return best
    available, heights = _heights(best.pages[0])
    if not classes and heights["poster__codes"] > heights["rv-praatplaat"] * 1.1:
        below = layout(variant(POSTER_VARIANTS[1]), POSTER_MIN)
        if len(below.pages) == 1:
            chosen, best = variant(POSTER_VARIANTS[1]), below
            available, heights = _heights(best.pages[0])
    used = heights["bottom"] / available
    return _largest_fitting(lambda size: layout(chosen, size), POSTER_MIN, min(POSTER_MAX, POSTER_MIN / used**0.5 * 1.12), best)


def _largest_fitting(layout: Any, low: float, high: float, best: Any) -> Any:
    """The layout at the largest size between ``low`` (whose layout, ``best``, fits one page)
    and ``high`` that still fits one page, found by halving to within POSTER_STEP."""
    while high - low > POSTER_STEP:
        middle = (low + high) / 2
        candidate = layout(middle)
        if len(candidate.pages) == 1:
            low, best = middle, candidate
        else:
            high = middle
    return best


# The leaflet's type (leaflet.css, in rem of this size): a region whose texts do not fit one A4
# page at the usual size gets the largest smaller size that fits, down to the smallest.
LEAFLET_SIZE, LEAFLET_MIN = 10.0, 8.5


def _fit_leaflet(document: str, base_url: str) -> Any:
    """The leaflet at its usual type, or, if that takes more than one page, at the largest
    smaller size (in steps of POSTER_STEP) that fits one; at the smallest size a leaflet that
    does not fit is returned as it is (the tests report a leaflet of more than one page)."""
    from weasyprint import HTML

    def layout(size: float) -> Any:
        sized = document.replace(f"font-size: {LEAFLET_SIZE:g}pt;", f"font-size: {size:.2f}pt;", 1)
        return HTML(string=sized, base_url=base_url).render(pdf_variant=PDF_VARIANT)

    best = layout(LEAFLET_SIZE)
    if len(best.pages) == 1:
        return best
    smallest = layout(LEAFLET_MIN)
    if len(smallest.pages) > 1:
        return smallest
    return _largest_fitting(layout, LEAFLET_MIN, LEAFLET_SIZE, smallest)


def _write_pdf(document: str, base_url: str, target: Path, fit: str | None = None, rights: dict[str, Any] | None = None) -> Path:
    """One PDF from its HTML (runs in a worker process), with its tags finished (pdf_tags);
    ``fit``: the poster or the leaflet, laid out at the largest type that fits its one sheet."""
    from weasyprint import HTML

    if fit == "poster":
        rendered = _fit_poster(document, base_url)
    elif fit == "leaflet":
        rendered = _fit_leaflet(document, base_url)
    else:
        rendered = HTML(string=document, base_url=base_url).render(pdf_variant=PDF_VARIANT)
    rendered.write_pdf(target, pdf_variant=PDF_VARIANT, uncompressed_pdf=False)
    finish(target, rights)
    return target


def _run(job: tuple[Any, tuple[Any, ...]]) -> Any:
    """One job of the worker pool: a function and its arguments (both picklable)."""
    function, arguments = job
    return function(*arguments)


def write_pdfs(
    site: Site, site_dir: Path, site_url: str, extra: list[tuple[Any, tuple[Any, ...]]] | None = None, dates: tuple[Any, Any] | None = None
) -> list[Path]:
    """Write the brochure and the poster in every language to site/downloads/; return the files.

    The documents are made here; WeasyPrint lays them out in worker processes, one file each,
    on as many cores as the machine has (the files do not depend on each other, and each is
    the same bytes however it is scheduled). ``extra`` jobs (the link-preview images, see
    social.py) run in the same pool; their results are not returned. ``dates``: when the
    content was first published and last changed (load/history.History.span), for the files'
    metadata.
    """
    import weasyprint  # noqa: F401  imported before the workers start, so they inherit it

    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    assert site.region is not None
    names = site_names(site)
    jobs: list[tuple[Any, tuple[Any, ...]]] = []
    for item in downloads(names, has_leaflet(site)):
        make = {"brochure": brochure_html, "poster": poster_html, "leaflet": leaflet_html}[item.kind]
        document = make(site, site_dir, site_url, names[item.lang], site.region.publisher, item.lang)
        # Plain text from here on: Markup would escape what _fit_poster puts in.
        licence = licence_in(site, item.lang)
        # What the file says of itself (XMP): its licence in its language and in both as usage
        # terms, and where it is published (the site in its language, or the page it prints).
        youth = youth_page(site, item.lang) if item.kind == "leaflet" else None
        source = site_url + (unit_path(youth) if youth else ("" if item.lang == LANGUAGES[0] else f"{item.lang}/"))
        terms = {lang: f"{licence_in(site, lang)['name']}. {licence_in(site, lang)['terms']}" for lang in LANGUAGES}
        rights = {"text": f"{licence['name']}. {licence['terms']}", "url": licence["url"], "terms": terms, "source": source}
        if dates is not None:
            rights["created"], rights["modified"] = dates
        fit = item.kind if item.kind in ("poster", "leaflet") else None
        jobs.append((_write_pdf, (str(document), site_dir.as_uri() + "/", folder / item.name, fit, rights)))
    count = len(jobs)
    jobs += extra or []
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        return [_run(job) for job in jobs][:count]
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(_run, jobs))[:count]


def size_label(size: int, lang: str, kind: str = "PDF") -> str:
    """"PDF, 1,4 MB" / "PDF, 1.4 MB"; kB below one megabyte (``kind``: PDF, CSV, JSON)."""
    from babel.numbers import format_decimal

    if size >= 1_000_000:
        return f"{kind}, {format_decimal(round(size / 1_000_000, 1), format='#,##0.0', locale=LOCALES[lang])} MB"
    return f"{kind}, {format_decimal(max(1, round(size / 1000)), format='#,##0', locale=LOCALES[lang])} kB"

