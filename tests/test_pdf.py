"""The downloads: the brochure (A4) and the poster (A3) per language, opened as a PDF reader would."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from macros import audit
from macros.indicators import format_value
from macros.pdf import downloads, size_label
from macros.site import load_site
from tests.conftest import ROOT
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
        links = document.find("a", data_rv="download")
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


def test_every_pdf_of_both_regions_passes_verapdf_pdf_ua_1(site_dir: Path, example_dir: Path) -> None:
    # The accessibility statement names this validator (macros/audit.py).
    assert audit.PDF_VALIDATOR == "veraPDF"
    assert CHECK_PDFUA.is_file(), f"veraPDF's check-pdfua is missing at {CHECK_PDFUA} (it comes with ../shared)"
    files = sorted((site_dir / "downloads").glob("*.pdf")) + sorted((example_dir / "downloads").glob("*.pdf"))
    assert len(files) == 8
    result = subprocess.run(["bash", str(CHECK_PDFUA), *map(str, files)], check=False, capture_output=True, text=True, timeout=600)
    report = result.stdout + result.stderr
    assert result.returncode == 0 and report.count("compliant: true") == len(files), report
