"""The printed pieces as HTML for WeasyPrint: the brochure (A4), the overview poster (A3) and
the leaflet for young people (A4), in the region's colours, with their QR codes. Made into
PDF/A-2a + PDF/UA-1 files by ``macros/publish/pdf.py``.
"""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import markdown
from markupsafe import Markup

from macros.core import tokens
from macros.core.schema import LANGUAGES
from macros.core.templating import component_file, render_template
from macros.load.history import build_date, long_date
from macros.load.site import Site
from macros.load.units import Unit
from macros.render import glossary, trend
from macros.render.charts import join_words
from macros.render.page import MARKDOWN_CONFIGS, MARKDOWN_EXTENSIONS, has_macros, unit_markdown
from macros.render.units import figure as render_figure
from macros.render.units import indicator_value, motto_unit, praatplaat, unit_path, youth_page

_URL_ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')
_ID_ATTRIBUTE = re.compile(r'\b(id|aria-labelledby|aria-describedby)="([^"]*)"')
_DESC = re.compile(r'<desc id="[^"]*">(.*?)</desc>', re.DOTALL)


# The leaflet's file name after the site's: "…-jongeren.pdf", "…-young-people.pdf".
# The poster's type: 1 rem is 18 pt or more (pdf_poster.html, poster.css); macros/publish/pdf.py
# finds the largest size that fits one sheet.
POSTER_SIZE = "18pt"


def _section(site: Site, unit: Unit, site_dir: Path, site_url: str, style: str) -> str:
    """One unit's body for paper, rendered from the loaded content as the site renders it (the
    same Markdown and macros), without what only a screen uses (``medium="print"``)."""
    page_url = site_url + unit_path(unit)
    lang = unit.lang

    def link(path: str) -> str:
        return site_url + path

    text = unit_markdown(site, unit, link, medium="print")
    if has_macros(unit):
        # The macros a body may call (load/catalog.py checked them): on paper a chart has no
        # links to its open data (the colophon and the site offer them).
        macros = {
            "figure": lambda id: render_figure(site, id, lang),
            "indicator": lambda id, year=None: indicator_value(site, id, lang, year),
            "change": lambda id, since, until: trend.change(site, id, since, until, lang),
        }
        text = _MACROS.from_string(text).render(**macros)
    body = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_CONFIGS)

    # A link to a Markdown file is relative to the page's file, one folder above its address
    # (MkDocs turns `begrippen.md` on visie/leeswijzer/ into visie/begrippen/).
    source_folder = page_url.rstrip("/").rsplit("/", 1)[0] + "/"

    def absolute(found: re.Match[str]) -> str:
        name, value = found.group(1), html.unescape(found.group(2))
        if name == "href" and value.startswith("#"):
            value = page_url + value
        path, hash_, fragment = value.partition("#")
        if name == "href" and path.endswith(".md") and "://" not in path:
            page = path[: -len(".md")]
            page = page[: -len("index")] if page.endswith("index") else page + "/"
            value = urljoin(source_folder, page) + hash_ + fragment
        target = urljoin(page_url, value)
        if name == "src" and target.startswith(site_url):
            # Pictures and portraits are read from the built site's files, not fetched.
            target = (site_dir / target[len(site_url) :]).resolve().as_uri()
        return f'{name}="{html.escape(target)}"'

    body = _URL_ATTRIBUTE.sub(absolute, body)
    # Ids from different pages meet in one document: give each page its own.
    body = _ID_ATTRIBUTE.sub(lambda m: f'{m.group(1)}="' + " ".join(f"{unit.id}-{v}" for v in m.group(2).split()) + '"', body)
    # A chart's sentence as visible text under it: the PDF's text alternative for the drawing.
    body = _add_chart_text(body, style)
    # The brochure has one H1 (its title on the cover); a page's title is an H2 in it, so
    # every heading of the page moves one level down (no level is skipped).
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)


# Macro calls in a body, rendered as mkdocs-macros renders them on the site.
_MACROS = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)


_HEADING = re.compile(r"<(/?)h([2-5])\b")


_NUMBER_IN_LINK = re.compile(r'(<a href="[^"]*">)(<span class="rv-praatplaat__number">[^<]*</span>) ')

# The engine's colours (macros/tokens.yaml), where a region sets none of its own.
PRINT_COLOURS = {"brand": tokens.colour("brand"), "brand_dark": tokens.colour("brand-dark"), "accent": tokens.colour("accent")}
_CHART_OPEN = re.compile(r'<svg class="rv-chart"[^>]*>')


def print_colours(site: Site) -> dict[str, str]:
    """The region's colours for paper (data/region.yaml), else the engine's."""
    assert site.region is not None
    return dict(PRINT_COLOURS, **{token: value for token, value in site.region.colours if token in PRINT_COLOURS})


def chart_style(site: Site) -> str:
    """The charts' colours for paper, as a style sheet inside each drawing.

    WeasyPrint draws an SVG with its own renderer, which does not see the page's style sheets
    (nor their custom properties): without this, every bar and value prints black. The bars
    are in the brand colour, every other one outlined in the accent (as on the screen); a
    long bar's value, inside it, is white.
    """
    colours = print_colours(site)
    return (
        f".rv-chart__bar{{fill:{colours['brand']}}}"
        f".rv-chart__row:nth-of-type(even) .rv-chart__bar{{stroke:{colours['accent']};stroke-width:2}}"
        ".rv-chart__label,.rv-chart__value{fill:#1a1d21;font-size:9pt}.rv-chart__value{font-weight:bold}"
        ".rv-chart__value--inside{fill:#ffffff}.rv-chart__axis{stroke:#1a1d21;stroke-width:2}"
    )


def _add_chart_text(body: str, style: str) -> str:
    """Each chart in colour, and under it the sentence that states its data (from its <desc>)."""
    out, position = [], 0
    for svg in re.finditer(r"<svg class=\"rv-chart\".*?</svg>", body, re.DOTALL):
        desc = _DESC.search(svg.group(0))
        out.append(body[position : svg.start()])
        out.append(_CHART_OPEN.sub(lambda opening: f"{opening.group(0)}<style>{style}</style>", svg.group(0), count=1))
        if desc:
            out.append(f'<p class="pdf-chart-text">{desc.group(1)}</p>')
        position = svg.end()
    out.append(body[position:])
    return "".join(out)


def brochure_parts(site: Site, lang: str) -> list[list[tuple[Unit, str]]]:
    """The brochure's parts, each a list of (unit, kind) in order: part A of the vision, the
    principles, the stories, part B. Each part starts a page."""
    vision = site.units.ordered("vision", lang)
    groups = [
        ("vision", [u for u in vision if u.meta["part"] == "A"]),
        ("principle", site.units.ordered("principles", lang)),
        ("persona", site.units.ordered("personas", lang)),
        ("vision", [u for u in vision if u.meta["part"] != "A"]),
    ]
    return [[(u, kind) for u in units] for kind, units in groups if units]


def brochure_html(site: Site, site_dir: Path, site_url: str, site_name: str, publisher: str, lang: str) -> str:
    """The whole brochure as one HTML document for WeasyPrint."""
    assert site.region is not None
    t = site.strings_in(lang)
    style = chart_style(site)
    parts = []
    # The glossary is a section of this document: a glossary word's first use in each section links to it there.
    glossary_page = glossary.glossary_unit(site, lang)
    entries = glossary.terms(glossary_page) if glossary_page is not None else []
    for part in brochure_parts(site, lang):
        sections = []
        for unit, kind in part:
            body = _section(site, unit, site_dir, site_url, style)
            if glossary_page is not None and unit is not glossary_page:
                body = glossary.mark(body, entries, lambda anchor: f"#{glossary_page.id}-{anchor}")
            sections.append({"id": f"deel-{unit.id}", "kind": kind, "title": unit.title, "address": site_url + unit_path(unit), "body": Markup(body)})
        parts.append(sections)
    motto_page = motto_unit(site, lang)
    home = site_url + ("" if lang == LANGUAGES[0] else f"{lang}/")
    region = site.region
    return render_template(
        "pdf_brochure.html",
        lang=lang,
        t=t,
        site_name=site_name,
        title=region.title[lang],
        period=f"{region.period[0]}–{region.period[1]}",
        publisher=publisher,
        publisher_line=t["footer_publisher"],
        municipalities=join_words(list(region.municipalities), t["and"]),
        contact=region.contact[lang],
        motto=motto_page.meta.get("motto") or motto_page.title,
        date=long_date(build_date(), lang),
        home=home,
        parts=parts,
        licence=licence_in(site, lang),
        css=Markup(_css("brochure.css") + cover_css(site, site_dir)),
    )


def licence_in(site: Site, lang: str) -> dict[str, str]:
    """The content licence's name, deed and terms in one language (macros/core/licences.py)."""
    assert site.region is not None
    licence = site.region.content_licence
    return {"name": licence.name[lang], "url": licence.url[lang], "terms": licence.terms[lang], "short": licence.short}


def data_uri(svg: str) -> str:
    """An SVG drawing as a data address (for CSS backgrounds: painted as artifacts)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def roots_uri(colours: dict[str, str], on_dark: bool) -> str:
    """The site's drawing of a young tree on its roots (components/drawing/roots.svg), with its colours
    written into it, as a data address."""
    if on_dark:
        drawing = (
            f".rv-art__roots{{stroke:#f2c9ad}}.rv-art__ground,.rv-art__stem{{fill:{tokens.colour('paper')}}}"
            f".rv-art__leaves{{fill:#cfe6d8;stroke:{colours['brand_dark']};stroke-width:1.5}}"
        )
    else:
        drawing = (
            f".rv-art__roots{{stroke:{colours['accent']}}}.rv-art__ground,.rv-art__stem{{fill:{colours['brand_dark']}}}"
            f".rv-art__leaves{{fill:{colours['brand']}}}"
        )
    svg = re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + f"<style>{drawing}</style>", str(render_template("roots.svg")), count=1)
    return data_uri(svg)


def logo_uri(site: Site) -> str:
    """The region's logo (data/logo.svg), else the site's mark (docs/assets/favicon.svg), as a data address."""
    assert site.region is not None
    logo = site.region.logo or site.docs / "assets" / "favicon.svg"
    return data_uri(logo.read_text(encoding="utf-8"))


def poster_css(site: Site, site_dir: Path) -> str:
    """The poster in the region's colours, with the drawing beside the core sentence and the
    logo in the name band (backgrounds: artifacts, not read aloud)."""
    colours = print_colours(site)
    return (
        f".poster__head {{ background: {colours['brand_dark']} url('{logo_uri(site)}') no-repeat 0.6rem center / 1.9rem 1.9rem; }}"
        # The drawing has a width of its own (5 rem, in the motto's 6 rem of room on the right):
        # sized to the motto's height, a motto of three lines drew it over its words.
        f".rv-praatplaat__motto {{ color: {colours['brand_dark']}; background: url('{roots_uri(colours, on_dark=False)}') no-repeat right 1rem top / 5rem auto; }}"
        f".rv-praatplaat__vision {{ border-top-color: {colours['brand']}; }}"
        f".rv-praatplaat__vision li {{ border-left-color: {colours['brand']}; }}"
        f".rv-praatplaat__ambitions {{ border-top-color: {colours['accent']}; }}"
        f".rv-praatplaat__number {{ color: {colours['accent']}; }}"
        f".rv-praatplaat__principles {{ background: {colours['brand_dark']}; }}"
        f".rv-praatplaat__block h3, .rv-praatplaat__block h2 {{ color: {colours['brand_dark']}; }}"
        ".rv-praatplaat__principles h3, .rv-praatplaat__principles h2 { color: #ffffff; }"
    )


def cover_css(site: Site, site_dir: Path) -> str:
    """The cover in the region's colours: the roots drawing and the logo as page decoration.

    Both are CSS backgrounds, which WeasyPrint paints as artifacts: a screen reader meets the
    cover's text, not the drawing. The drawing is the site's own (components/drawing/roots.svg) with its
    colours written into it; the logo is the region's (data/logo.svg), else the site's mark.
    """
    colours = print_colours(site)
    roots = roots_uri(colours, on_dark=True)
    return (
        f"@page :first {{ background: {colours['brand_dark']}; }}"
        f".cover {{ background: url('{roots}') no-repeat right 14mm bottom 0 / 120mm auto; }}"
        f".cover__publisher {{ background: #ffffff url('{logo_uri(site)}') no-repeat 14mm center / 16mm 16mm; color: {colours['brand_dark']}; }}"
        ".cover__motto { border-color: #f2c9ad; }"
        f".chapter h2, .toc h2, .colophon h2 {{ border-bottom-color: {colours['accent']}; }}"
        f"a, .rv-number, .rv-praatplaat__number {{ color: {colours['brand']}; }}"
    )


def _qr(address: str, alt: str) -> Markup:
    """A QR code as inline SVG (vector). Its <title> is the PDF's alternate text for the figure
    (PDF/UA asks one of every figure): where it leads. The address is printed under it too."""
    import segno  # only the PDFs need it: not loaded by the editors' preview

    return Markup(segno.make(address, error="m").svg_inline(scale=3, border=0, dark="#000000", omitsize=False, title=alt))


def poster_html(site: Site, site_dir: Path, site_url: str, site_name: str, publisher: str, lang: str) -> str:
    """The overview as an A3 poster, with QR codes to the short addresses."""
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    # The overview from the loaded content, as the overview page shows it, with full addresses.
    body = str(praatplaat(site, lang, lambda path: site_url + path))
    # An ambition's number before its link, not inside it: in the PDF a styled part of a link
    # becomes a Span of its own that holds the link (PDF/UA wants each link tagged Link).
    body = _NUMBER_IN_LINK.sub(r"\2 \1", body)
    codes = [{"label": site.t("home", lang), "address": site_url + prefix}]
    for letter, type_name, field in (("a", "vision", "ambition"), ("p", "principles", "number")):
        for unit in site.units.ordered(type_name, lang):
            number = unit.meta.get(field)
            if number:
                label = site.t("ambition_number" if letter == "a" else "principle_number", lang).format(number=number)
                codes.append({"label": label, "address": f"{site_url}{prefix}{letter}/{number}/"})
    for code in codes:
        code["qr"] = _qr(code["address"], site.t("pdf_qr_alt", lang).format(address=code["address"]))
        code["short"] = code["address"].split("://", 1)[-1]
    # A region with more principles than one row holds: four to a row.
    classes = ["poster"]
    if len(site.units.ordered("principles", lang)) > 4:
        classes.append("poster--many-principles")
    return render_template(
        "pdf_poster.html", lang=lang, t=site.strings_in(lang), site_name=site_name, publisher=publisher, body=Markup(body), codes=codes,
        classes=" ".join(classes),
        date=long_date(build_date(), lang), css=Markup(_css("poster.css") + poster_css(site, site_dir)), size=POSTER_SIZE,
    )


def leaflet_html(site: Site, site_dir: Path, site_url: str, site_name: str, publisher: str, lang: str) -> str:
    """The version for young people on one A4 page, with a QR code to it online."""
    assert site.region is not None
    page = youth_page(site, lang)
    assert page is not None
    t = site.strings_in(lang)
    address = site_url + unit_path(page)
    parts = [{"key": part, "title": t[f"youth_{part}"], "sentences": [item["text"] for item in page.meta[part]]} for part in ("changes", "help", "ask")]
    return render_template(
        "pdf_leaflet.html",
        lang=lang,
        t=t,
        site_name=site_name,
        publisher=publisher,
        title=page.title,
        intro=[item["text"] for item in page.meta["intro"]],
        parts=parts,
        contact=site.region.contact[lang],
        helplines=[
            {
                "name": line.name[lang],
                "phone": line.phone,
                "chat": line.chat,
                "chat_short": line.chat.split("://", 1)[-1].removeprefix("www.").rstrip("/"),
                "hours": line.hours[lang].rstrip("."),
            }
            for line in site.helplines
        ],
        address=address,
        short=address.split("://", 1)[-1],
        qr=_qr(address, t["pdf_qr_alt"].format(address=address)),
        date=long_date(build_date(), lang),
        css=Markup(_css("leaflet.css") + leaflet_css(site, site_dir)),
    )


def leaflet_css(site: Site, site_dir: Path) -> str:
    """The leaflet in the region's colours, with its logo and drawing (backgrounds: artifacts)."""
    colours = print_colours(site)
    return (
        f".leaflet__head, .leaflet__top {{ background: {colours['brand_dark']}; }}"
        f".leaflet__online {{ background: url('{roots_uri(colours, on_dark=False)}') no-repeat right 6mm center / auto 90%; }}"
        f".leaflet__site {{ background: url('{logo_uri(site)}') no-repeat left center / 9mm 9mm; }}"
        f".leaflet h2 {{ color: {colours['brand_dark']}; border-bottom-color: {colours['accent']}; }}"
        f".leaflet__online {{ border-color: {colours['brand']}; }}"
        f".leaflet__now {{ border-color: {colours['accent']}; }}"
    )


def _css(name: str) -> str:
    """A printed piece's style sheet, after the palette of macros/tokens.yaml (light scheme)."""
    return tokens.palette_css("light") + "\n" + component_file(name).read_text(encoding="utf-8")


# PDF/A-2a (archiving, with tags) and PDF/UA-1 (accessibility) in one file: WeasyPrint writes
# PDF/A-2a with its output intent; pdf_tags.finish declares PDF/UA-1 beside it in the metadata.
