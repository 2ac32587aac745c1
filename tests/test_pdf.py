"""The downloads: the brochure (A4) and the poster (A3) per language, opened as a PDF reader would."""

from __future__ import annotations

import functools
import html
import itertools
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
import yaml
from pypdf import PdfReader

from macros.core import audit
from macros.load.addresses import in_language
from macros.load.indicators import format_value
from macros.load.site import load_site
from macros.publish.documents import brochure_parts, print_colours
from macros.publish.pdf import PDF_STANDARDS, downloads, site_names, size_label
from macros.render.units import motto_unit
from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of, parse
from tests.test_site import SITE_URL

SITE = load_site(ROOT)
# The site's name from data/region.yaml, read here on its own: title and period.
_REGION = yaml.safe_load((ROOT / "data" / "region.yaml").read_text(encoding="utf-8"))
NAMES = {lang: f'{_REGION["title"][lang]} {_REGION["period"]["from"]}–{_REGION["period"]["to"]}' for lang in ("nl", "en")}
FILES = {(item.lang, item.kind): item.name for item in downloads(NAMES)}


def _reader(site_dir: Path, lang: str, kind: str) -> PdfReader:
    return PdfReader(site_dir / "downloads" / FILES[(lang, kind)])


def _text(reader: PdfReader) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in reader.pages))


def _fonts(reader: PdfReader) -> list[dict]:
    found = []
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts") or [font]:
                found.append(descendant.get_object())
    return found


@pytest.mark.parametrize("kind", ["brochure", "poster"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pdfs_are_tagged_pdf_ua_with_language_title_and_embedded_fonts(site_dir: Path, lang: str, kind: str) -> None:
    reader = _reader(site_dir, lang, kind)
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == lang
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert NAMES[lang] in reader.metadata.title
    # PDF/UA-1 identification in the XMP metadata.
    xmp = root["/Metadata"].get_object().get_data()
    assert re.search(rb"pdfuaid:part[^0-9]{0,3}1", xmp), xmp[:400]
    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.get("/BaseFont")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_brochure_holds_the_whole_vision_with_bookmarks_and_live_links(site_dir: Path, lang: str) -> None:
    reader = _reader(site_dir, lang, "brochure")
    text = _text(reader)
    motto = next(u for u in SITE.units.ordered("vision", lang) if u.meta.get("motto")).meta["motto"]
    assert motto in text
    for type_name in ("vision", "principles", "personas"):
        for unit in SITE.units.ordered(type_name, lang):
            assert unit.title in text, unit.path
    for principle in SITE.units.ordered("principles", lang):
        for point in principle.meta["points"]:
            assert point["text"][:60] in text
    for ind in SITE.indicators.values():
        if ind.key:
            assert format_value(ind.values[ind.latest_year], ind.unit, lang) in text, ind.id
    titles = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    for unit in SITE.units.ordered("principles", lang):
        assert unit.title in titles
    links = [a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots") or [] if "/A" in a.get_object()]
    prefix = SITE_URL + ("" if lang == "nl" else "en/")
    assert sum(1 for uri in links if uri and uri.startswith(prefix)) >= len(SITE.units.ordered("principles", lang))
    # A contents list with page numbers, and a running footer with page numbers.
    pages = len(reader.pages)
    assert f"/ {pages}" not in (reader.pages[0].extract_text() or "")  # the cover has no footer
    assert f"2 / {pages}" in (reader.pages[1].extract_text() or "")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_poster_is_one_a3_landscape_page_with_a_code_for_every_short_address(site_dir: Path, lang: str) -> None:
    reader = _reader(site_dir, lang, "poster")
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 1191 and round(float(box.height)) == 842
    text = _text(reader)
    prefix = SITE_URL.split("://", 1)[1] + ("" if lang == "nl" else "en/")
    for letter, type_name, field in (("p", "principles", "number"), ("a", "vision", "ambition")):
        for unit in SITE.units.ordered(type_name, lang):
            if unit.meta.get(field):
                assert f"{prefix}{letter}/{unit.meta[field]}/" in text.replace(" ", "")
    for principle in SITE.units.ordered("principles", lang):
        assert principle.title[:30] in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_download_links_say_what_language_format_and_size(site_dir: Path, lang: str) -> None:
    prefix = "" if lang == "nl" else "en/"
    for page in (f"{prefix}downloads/", prefix):
        document = parse(file_of(site_dir, page))
        links = [link for link in document.find("a", data_rv="download") if link.attrs["type"] == "application/pdf"]
        # The downloads page offers every file; the home page the files in its own language.
        assert len(links) == (len(FILES) if "downloads" in page else len([k for k in FILES if k[0] == lang])), page
        for link in links:
            name = link.attrs["href"].rsplit("/", 1)[-1]
            item = next(i for i in downloads(NAMES) if i.name == name)
            assert link.attrs["hreflang"] == item.lang and link.attrs["type"] == "application/pdf"
            assert SITE.t("language_name", item.lang) in link.text
            size = (site_dir / "downloads" / name).stat().st_size
            shown = document.find("span", data_rv_size=name)[0].text
            assert shown == size_label(size, lang)
    assert "PDF, " in size_label(1_400_000, "nl") and size_label(1_400_000, "nl").endswith("1,4 MB")


@pytest.mark.browser
def test_browser_print_of_a_principle_has_no_chrome_and_no_blank_page(server: str, page) -> None:
    principle = SITE.units.ordered("principles", "nl")[0]
    page.goto(f"{server}/{principle.url}")
    import io

    reader = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    texts = [p.extract_text() or "" for p in reader.pages]
    assert all(t.strip() for t in texts), "a blank page"
    whole = " ".join(texts)
    assert principle.title in whole
    # No header, tabs, search, footer or point links on paper; the site name and the page's address at the bottom.
    for chrome in (SITE.t("section_personas", "nl"), SITE.t("open_search", "nl"), SITE.t("footer_privacy", "nl"), "#"):
        assert chrome not in whole, chrome
    assert f"{SITE_URL}{principle.url}" in whole.replace("\n", "")


def _fill(colour: str) -> str:
    """The PDF operator that sets ``#rrggbb`` as fill colour, as WeasyPrint writes it."""
    return " ".join(f"{int(colour[i : i + 2], 16) / 255:.6f}".rstrip("0").rstrip(".") for i in (1, 3, 5)) + " rg"


def _drawn(page) -> str:
    """Everything a page draws: its content and the forms it places (WeasyPrint draws end-anchored text in forms)."""
    parts = [page.get_contents().get_data().decode("latin-1")]
    for form in ((page.get("/Resources") or {}).get("/XObject") or {}).values():
        parts.append(form.get_object().get_data().decode("latin-1"))
    return "\n".join(parts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_brochure_charts_print_in_the_region_colours_not_black(site_dir: Path, lang: str) -> None:
    reader = _reader(site_dir, lang, "brochure")
    figure = next(iter(SITE.figures.values()))
    # The page with the first chart: its sentence is printed under the drawing.
    pages = [page for page in reader.pages if figure.title[lang] in re.sub(r"\s+", " ", page.extract_text() or "")]
    assert pages, figure.title[lang]
    drawn = "\n".join(_drawn(page) for page in pages)
    brand = dict(SITE.region.colours).get("brand", "#0e5a43")
    # A bar: a rectangle filled in the brand colour (text in that colour would be no rectangle).
    assert re.search(re.escape(_fill(brand)) + r"\n(?:[^\n]*\n){0,6}[-\d. ]+ re\nf\n", drawn)
    # The value inside the longest bar is white on it.
    assert _fill("#ffffff") in drawn


# veraPDF, the reference PDF/UA validator, as the steering repository ships it beside this one
# (Maven Central cannot be reached here); CI has it at the same place.
CHECK_PDFUA = ROOT.parent / "shared" / "tools" / "verapdf" / "check-pdfua"


def _kind(path: Path) -> str:
    """brochure, poster or leaflet: what a PDF in downloads/ is, by its name (macros/publish/pdf.py)."""
    return "poster" if path.stem.endswith("-praatplaat-a3") else "leaflet" if path.stem.endswith(("-jongeren", "-young-people")) else "brochure"


def _all_pdfs(site_dir: Path, example_dir: Path) -> list[Path]:
    files = sorted((site_dir / "downloads").glob("*.pdf")) + sorted((example_dir / "downloads").glob("*.pdf"))
    # Brochure, poster and leaflet for young people, in two languages, for both regions.
    assert len(files) == 12
    return files


# veraPDF's flavour per standard the files claim (macros/publish/pdf.py).
FLAVOURS = {"PDF/UA-1": "ua1", "PDF/A-2a": "2a"}


def test_every_pdf_of_both_regions_passes_verapdf_for_each_standard_it_claims(site_dir: Path, example_dir: Path) -> None:
    # The accessibility statement names this validator (macros/core/audit.py); the files claim both standards.
    assert audit.PDF_VALIDATOR == "veraPDF"
    assert set(PDF_STANDARDS) == set(FLAVOURS)
    assert CHECK_PDFUA.is_file(), f"veraPDF's check-pdfua is missing at {CHECK_PDFUA} (it comes with ../shared)"
    files = _all_pdfs(site_dir, example_dir)
    for standard, (code, report) in verapdf(files).items():
        assert code == 0 and report.count("compliant: true") == len(files), f"{standard}:\n{report}"


def verapdf(files: list[Path]) -> dict[str, tuple[int, str]]:
    """veraPDF's exit status and report for ``files``, per standard the files claim: one Java
    process per standard, side by side (two cores)."""
    runs = {
        standard: subprocess.Popen(
            ["bash", str(CHECK_PDFUA), "-f", flavour, *map(str, files)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        for standard, flavour in FLAVOURS.items()
    }
    return {standard: (run.returncode, report) for standard, run in runs.items() for report in [run.communicate(timeout=600)[0]]}


# ---- The tag tree, as a screen reader meets it -------------------------------------------


@dataclass
class Tagged:
    """One structure element: its type, page (0-based, None when it has none) and direct content."""

    kind: str
    page: int | None
    mcids: list[int]
    element: pikepdf.Dictionary


def _tree(pdf: pikepdf.Pdf) -> list[Tagged]:
    """Every structure element reachable from the root, in reading order."""
    pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages)}
    found: list[Tagged] = []

    def walk(item: pikepdf.Object, page: int | None) -> None:
        if not isinstance(item, pikepdf.Dictionary) or "/S" not in item:
            return
        if "/Pg" in item:
            page = pages.get(item.Pg.objgen, page)
        kids = item.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        tagged = Tagged(str(item.S)[1:], page, [int(kid) for kid in kids if isinstance(kid, int)], item)
        found.append(tagged)
        for kid in kids:
            walk(kid, page)

    walk(pdf.Root.StructTreeRoot.K if not isinstance(pdf.Root.StructTreeRoot.K, pikepdf.Array) else pdf.Root.StructTreeRoot.K[0], None)
    return found


@functools.lru_cache(maxsize=16)
def _pieces(path: Path) -> list[dict[int, list[dict]]]:
    """Per page: the characters of each marked piece of content (MCID), as pdfplumber sees them."""
    import pdfplumber

    with pdfplumber.open(path) as document:
        pages = []
        for page in document.pages:
            by_mcid: dict[int, list[dict]] = {}
            for char in page.chars:
                if char.get("mcid") is not None:
                    by_mcid.setdefault(char["mcid"], []).append(char)
            pages.append(by_mcid)
        return pages


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_page_furniture_is_a_pagination_artifact_and_nothing_tagged_is_loose(site_dir: Path, example_dir: Path, region: str) -> None:
    import pdfplumber

    folder = (site_dir if region == "ijsselland" else example_dir) / "downloads"
    for path in sorted(folder.glob("*.pdf")):
        if _kind(path) != "brochure":
            continue  # the poster and the leaflet are one page without page furniture
        with pikepdf.open(path) as pdf:
            reachable = {tagged.element.objgen for tagged in _tree(pdf)}
            nums = pdf.Root.StructTreeRoot.ParentTree.Nums
            for index in range(0, len(nums), 2):
                value = nums[index + 1]
                if isinstance(value, pikepdf.Array):
                    loose = [mcid for mcid, element in enumerate(value) if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable]
                    assert not loose, f"{path.name}: page {int(nums[index]) + 1}: tagged content outside the tree (MCIDs {loose})"
            with pdfplumber.open(path) as document:
                for number, page in enumerate(document.pages[1:], start=2):
                    # The running footer: the site's name and "n / N" below the text area.
                    footer = [char for char in page.chars if char["top"] > page.height - 24 * MM]
                    assert "".join(c["text"] for c in footer).replace(" ", "").endswith(f"{number}/{len(document.pages)}"), path.name
                    assert all(char.get("mcid") is None for char in footer), f"{path.name}: page {number}: the footer is tagged content"
            drawn = _drawn(PdfReader(path).pages[1])
            assert "/Artifact <<" in drawn and "/Pagination" in drawn, path.name


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_one_h1_then_no_skipped_heading_levels(site_dir: Path, example_dir: Path, region: str) -> None:
    folder = (site_dir if region == "ijsselland" else example_dir) / "downloads"
    for path in sorted(folder.glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            levels = [int(tagged.kind[1]) for tagged in _tree(pdf) if re.fullmatch(r"H[1-6]", tagged.kind)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, (path.name, levels[:12])
        skips = [(before, after) for before, after in itertools.pairwise(levels) if after > before + 1]
        assert not skips, f"{path.name}: heading levels skipped: {skips}"


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_table_headers_have_a_scope_and_links_hold_their_text(site_dir: Path, example_dir: Path, region: str) -> None:
    folder = (site_dir if region == "ijsselland" else example_dir) / "downloads"
    for path in sorted(folder.glob("*.pdf")):
        pieces = _pieces(path)
        with pikepdf.open(path) as pdf:
            tree = _tree(pdf)
            parents = {kid.objgen: tagged for tagged in tree for kid in (tagged.element.get("/K") or []) if isinstance(kid, pikepdf.Dictionary)}
            headers = [tagged for tagged in tree if tagged.kind == "TH"]
            for header in headers:
                scope = str(header.element.A.get("/Scope"))
                group = parents.get(parents[header.element.objgen].element.objgen)
                assert scope == ("/Column" if group and group.kind == "THead" else "/Row"), (path.name, scope)
            links = [tagged for tagged in tree if tagged.kind == "Link"]
            assert links, path.name
            for link in links:
                # Its annotation and its visible text, both directly in the Link.
                assert any(isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR" for kid in link.element.K), path.name
                text = "".join(char["text"] for mcid in link.mcids for char in pieces[link.page].get(mcid, []))
                assert text.strip(), f"{path.name}: page {link.page + 1}: a link without text"
        if _kind(path) == "brochure":
            assert headers, f"{path.name}: no table headers (the figures have tables)"


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_every_figure_says_what_it_is_and_decoration_is_not_a_figure(site_dir: Path, example_dir: Path, region: str) -> None:
    root = site_dir if region == "ijsselland" else example_dir
    site = SITE if region == "ijsselland" else load_site(EXAMPLE)
    for path in sorted((root / "downloads").glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            lang = str(pdf.Root.Lang)
            figures = [tagged for tagged in _tree(pdf) if tagged.kind == "Figure"]
            width = float(pdf.pages[0].mediabox[2])
            height = float(pdf.pages[0].mediabox[3])
        alts = [str(figure.element.get("/Alt", "")) for figure in figures]
        assert all(alt.strip() for alt in alts), (path.name, alts)
        # The cover's drawing and logo, and the poster's, are painted as decoration: no figure on the cover.
        if _kind(path) == "leaflet":
            # Its only figure: the QR code to the page for young people, at least 30 mm wide.
            assert len(figures) == 1 and site.region.site_url in alts[0], alts
            left, _, right, _ = (float(v) for v in figures[0].element.A.BBox)
            assert (right - left) / MM >= 29.5, (right - left) / MM
        elif _kind(path) == "poster":
            codes = [(alt, figure) for alt, figure in zip(alts, figures)]
            assert len(codes) == 1 + sum(1 for t, f in (("vision", "ambition"), ("principles", "number")) for u in site.units.ordered(t, lang) if u.meta.get(f))
            for alt, figure in codes:
                # A QR code says where it leads, and is at least 30 mm wide, inside the sheet.
                assert site.region.site_url in alt, alt
                left, bottom, right, top = (float(v) for v in figure.element.A.BBox)
                assert 0 <= left < right <= width and 0 <= bottom < top <= height, (alt, left, bottom, right, top)
                assert (right - left) / MM >= 30, (alt, (right - left) / MM)
        else:
            assert all(figure.page != 0 for figure in figures), f"{path.name}: a figure on the cover"
            for persona in site.units.ordered("personas", lang):
                assert any(persona.title in alt for alt in alts), (persona.title, alts)


def _reading_order_breaks(path: Path) -> list[str]:
    """Places where the tag tree reads a piece that lies above the one before it, on the same
    column: the order a screen reader follows is not the order on the page."""
    pieces = _pieces(path)
    problems = []
    with pikepdf.open(path) as pdf:
        order: dict[int, list[int]] = {}
        for tagged in _tree(pdf):
            if tagged.page is not None:
                order.setdefault(tagged.page, []).extend(tagged.mcids)
    for page, mcids in order.items():
        previous = None
        for mcid in mcids:
            chars = pieces[page].get(mcid)
            if not chars:
                continue
            box = (min(c["x0"] for c in chars), min(c["top"] for c in chars), max(c["x1"] for c in chars), max(c["bottom"] for c in chars))
            if previous is not None:
                above = box[1] < previous[1] - 2
                to_the_right = box[0] >= previous[2] - 1
                if above and not to_the_right:
                    text = "".join(c["text"] for c in chars)[:40]
                    problems.append(f"page {page + 1}: {text!r} is read after text below it")
            previous = box
        # Each page's text in the tree's order is its whole text: nothing read twice or left out.
        assert sorted(mcids) == sorted(set(mcids)), f"{path.name}: page {page + 1}: a piece read twice"
    return problems


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_reading_order_is_the_order_on_the_page(site_dir: Path, example_dir: Path, region: str) -> None:
    folder = (site_dir if region == "ijsselland" else example_dir) / "downloads"
    for path in sorted(folder.glob("*.pdf")):
        assert not _reading_order_breaks(path), (path.name, _reading_order_breaks(path)[:5])


MM = 72 / 25.4


# ---- The design on paper -------------------------------------------------------------------


def _site_of(region: str) -> object:
    return SITE if region == "ijsselland" else EXAMPLE_SITE


EXAMPLE_SITE = load_site(EXAMPLE)


def _brochure(root: Path, site: object, lang: str) -> Path:
    return root / "downloads" / next(i.name for i in downloads(site_names(site)) if i.lang == lang and i.kind == "brochure")


def _poster(root: Path, site: object, lang: str) -> Path:
    return root / "downloads" / next(i.name for i in downloads(site_names(site)) if i.lang == lang and i.kind == "poster")


def _page_fill(page) -> float:
    """How far down the text area (22 mm from the top to 24 mm from the bottom, brochure.css)
    the page's content reaches: 0 empty, 1 full."""
    top, bottom = 22 * MM, page.height - 24 * MM
    lowest = max((item["bottom"] for item in page.chars + page.rects + page.lines + page.curves if item["bottom"] <= bottom + 1), default=top)
    return (lowest - top) / (bottom - top)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_brochure_has_contents_that_lead_to_the_right_pages_and_no_page_left_mostly_empty(site_dir: Path, example_dir: Path, region: str, lang: str) -> None:
    import pdfplumber

    site = _site_of(region)
    path = _brochure(site_dir if region == "ijsselland" else example_dir, site, lang)
    parts = brochure_parts(site, lang)
    part_starts = [part[0][0].title for part in parts]
    with pdfplumber.open(path) as document:
        texts = [re.sub(r"\s+", " ", page.extract_text() or "") for page in document.pages]
        # The contents (page 2): every chapter with the number of the page it starts on.
        for part in parts:
            for unit, _kind in part:
                title = unit.title
                found = re.search(re.escape(title) + r" (\d+)", texts[1])
                assert found, (title, texts[1][:300])
                assert title in texts[int(found.group(1)) - 1], f"{title}: the contents say page {found.group(1)}"
        # A part starts a page; between those breaks, text flows on: only the cover, the contents,
        # a part's last page and the document's last page may be short.
        for number, page in enumerate(document.pages[2:-1], start=3):
            ends_a_part = any(texts[number].startswith(title) for title in part_starts)
            if not ends_a_part:
                assert _page_fill(page) >= 0.5, f"{path.name}: page {number} is only {_page_fill(page):.0%} full"


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_brochure_cover_in_the_region_colours_and_a_colophon_that_says_who_and_how_to_reach_them(site_dir: Path, example_dir: Path, region: str) -> None:
    site = _site_of(region)
    root = site_dir if region == "ijsselland" else example_dir
    colours = print_colours(site)
    for lang in ("nl", "en"):
        reader = PdfReader(_brochure(root, site, lang))
        cover = _drawn(reader.pages[0])
        width, height = (float(value) for value in reader.pages[0].mediabox[2:])
        # The whole page filled in the region's dark colour, and the drawing painted on it.
        assert re.search(re.escape(_fill(colours["brand_dark"])) + r"\n(?:[^\n]*\n){0,4}[-\d. ]+ " + f"{width:.6f}".rstrip("0").rstrip(".") + r" [-\d.]+ re", cover) or _fill(colours["brand_dark"]) in cover
        assert cover.count(" c\n") > 10, "no drawing on the cover"
        cover_text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        assert site.region.title[lang] in cover_text and f"{site.region.period[0]}–{site.region.period[1]}" in cover_text
        assert motto_unit(site, lang).meta.get("motto", motto_unit(site, lang).title) in cover_text
        last = re.sub(r"\s+", " ", reader.pages[-1].extract_text())
        assert site.t("pdf_colophon", lang) in last
        for expected in (site.region.publisher, *site.region.municipalities, site.region.contact[lang][:60], site.region.site_url):
            assert expected in last, expected
        assert height > width


def _words(path: Path) -> list[dict]:
    import pdfplumber

    with pdfplumber.open(path) as document:
        # In the order the text is drawn (the document order), not line by line across columns.
        return document.pages[0].extract_words(extra_attrs=["size"], use_text_flow=True)


def _sizes(words: list[dict], text: str) -> list[float]:
    """The type sizes of the first three words of ``text`` where they stand together on the sheet."""
    wanted = text.split()[:3]
    for index in range(len(words) - len(wanted) + 1):
        if [word["text"] for word in words[index : index + len(wanted)]] == wanted:
            return [word["size"] for word in words[index : index + len(wanted)]]
    raise AssertionError(f"not on the poster: {text!r}")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_poster_fills_a3_and_reads_from_across_a_room(site_dir: Path, example_dir: Path, region: str, lang: str) -> None:
    import pdfplumber
    from selectolax.lexbor import LexborHTMLParser

    site = _site_of(region)
    root = site_dir if region == "ijsselland" else example_dir
    path = _poster(root, site, lang)
    with pdfplumber.open(path) as document:
        assert len(document.pages) == 1
        page = document.pages[0]
        # Used to its edges: content reaches the bottom tenth of the sheet (10 mm margins).
        lowest = max(item["bottom"] for item in page.chars + page.lines)
        assert lowest / page.height >= 0.9, f"{path.name}: the content stops at {lowest / page.height:.0%} of the sheet"
    overview = LexborHTMLParser((root / in_language("/overzicht/", lang).lstrip("/") / "index.html").read_text(encoding="utf-8"))
    words = _words(path)
    motto = overview.css_first(".rv-praatplaat__motto").text(strip=True)
    assert min(_sizes(words, motto)) >= 40, motto
    blocks = ".rv-praatplaat__vision li, .rv-praatplaat__principles li, .rv-praatplaat__ambitions li > a, .rv-praatplaat__ambitions p"
    # An ambition's number stands apart from its title on the sheet.
    statements = [re.sub(r"^\d+ ", "", node.text(separator=" ", strip=True)) for node in overview.css(blocks)]
    assert len(statements) >= 3
    for statement in statements:
        assert min(_sizes(words, statement)) >= 18, statement


def test_every_pdf_page_is_rendered_for_review(site_dir: Path, example_dir: Path) -> None:
    """Every page of every PDF as a picture in test-output/pdf/ (pdftoppm), for a person to look at."""
    from PIL import Image, ImageChops

    target = ROOT / "test-output" / "pdf"
    shutil.rmtree(target, ignore_errors=True)
    jobs = []
    for region, root in (("ijsselland", site_dir), ("example", example_dir)):
        folder = target / region
        folder.mkdir(parents=True)
        for path in sorted((root / "downloads").glob("*.pdf")):
            jobs.append((path, folder, subprocess.Popen(["pdftoppm", "-r", "50", "-png", str(path), str(folder / path.stem)])))
    for path, folder, job in jobs:
        assert job.wait(timeout=300) == 0, path.name
        pictures = [picture for picture in folder.glob("*.png") if re.fullmatch(re.escape(path.stem) + r"-\d+\.png", picture.name)]
        assert len(pictures) == len(PdfReader(path).pages), path.name
        for picture in pictures:
            with Image.open(picture) as image:
                blank = Image.new(image.mode, image.size, "white")
                assert ImageChops.difference(image, blank).getbbox() is not None, f"{picture.name} is blank"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_printed_pieces_are_made_from_the_content_not_from_built_pages(lang: str, tmp_path: Path) -> None:
    """The brochure and the poster are rendered from the loaded content through their own
    templates: made in an empty folder (no built page to read), they hold every unit's title,
    the first words of its body and no screen-only part (links to copy, open data links)."""
    from macros.publish import documents

    site = SITE
    url = site.region.site_url
    brochure = documents.brochure_html(site, tmp_path, url, NAMES[lang], site.region.publisher, lang)
    for part in documents.brochure_parts(site, lang):
        for unit, _kind in part:
            assert f">{html.escape(unit.title)}<" in brochure, unit.id
            first = next(line for line in unit.body.split("\n") if line and not line.startswith(("#", "{", "!", "<", "-", "|", "*")))
            words = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", first).split("{{")[0].split()[:4]
            assert " ".join(words) in re.sub(r"<[^>]+>", "", html.unescape(brochure)), (unit.id, words)
    for screen_only in ('data-rv="point-link"', 'class="rv-figure__data"', 'data-rv="youth-link"', 'class="headerlink"'):
        assert screen_only not in brochure
    poster = documents.poster_html(site, tmp_path, url, NAMES[lang], site.region.publisher, lang)
    assert 'class="rv-praatplaat' in poster and not list(tmp_path.iterdir())


def test_every_pdf_says_where_it_is_published_and_how_it_may_be_used(site_dir: Path) -> None:
    """XMP: the source address, the licence as rights, web statement and usage terms in both languages."""
    for path in _all_pdfs(site_dir, site_dir):
        kind = _kind(path)
        lang = next(item.lang for item in downloads(NAMES) if item.name == path.name)
        with pikepdf.open(path) as pdf:
            xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        prefix = "" if lang == "nl" else "en/"
        expected = SITE_URL + prefix + ("jongeren/voor-jou/" if kind == "leaflet" and lang == "nl" else "young-people/voor-jou/" if kind == "leaflet" else "")
        assert f"<dc:source>{expected}</dc:source>" in xmp, (path.name, expected)
        assert "<xmpRights:Marked>True</xmpRights:Marked>" in xmp
        terms = re.search(r"<xmpRights:UsageTerms><rdf:Alt>(.*?)</rdf:Alt>", xmp).group(1)
        assert 'xml:lang="nl"' in terms and 'xml:lang="en"' in terms and "CC BY 4.0" in terms, terms


def test_every_pdf_is_dated_by_its_content_not_by_the_build(site_dir: Path) -> None:
    """XMP CreateDate and ModifyDate, and the same in the document information: when the content
    (docs/, content/, data/) was first committed and when it last changed, so two builds of one
    commit carry the same dates."""
    from macros.load.history import History

    created, modified = History(ROOT, (ROOT / "docs", ROOT / "content", ROOT / "data")).span()
    assert created <= modified
    for path in _all_pdfs(site_dir, site_dir):
        with pikepdf.open(path) as pdf:
            xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
            info = {key: str(pdf.docinfo.get(key)) for key in ("/CreationDate", "/ModDate")}
        assert f"<xmp:CreateDate>{created.isoformat()}T00:00:00Z</xmp:CreateDate>" in xmp, path.name
        assert f"<xmp:ModifyDate>{modified.isoformat()}T00:00:00Z</xmp:ModifyDate>" in xmp, path.name
        assert info == {"/CreationDate": f"D:{created:%Y%m%d}000000Z", "/ModDate": f"D:{modified:%Y%m%d}000000Z"}, path.name
