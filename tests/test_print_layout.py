"""Print that lays out for any region: the brochure, the A3 poster and the leaflet of regions at
the edges of what a region can hold (scripts/extremes.py), checked on every page.

- no word crosses another word, a drawing, a picture or a QR code, and none leaves its sheet
  (tests/layout.py);
- the poster is one A3 page whose content reaches 90 % of the sheet's height and width, with
  the core sentence at 40 pt or more and every statement at 18 pt or more;
- the leaflet is one A4 page;
- each link-preview image is one card with no word crossed or cut;
- veraPDF finds every file PDF/UA-1 and PDF/A-2a.

The regions' PDFs are drawn as pictures in test-output/extremes/ for a person to look at.
"""

from __future__ import annotations

import os
import re
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pdfplumber
import pytest

from macros.load.addresses import in_language
from macros.load.site import load_site
from scripts import extremes
from tests.conftest import ROOT, extremes_build
from tests.layout import file_problems, page_problems
from tests.test_pdf import CHECK_PDFUA, _sizes, _words, verapdf

OUTPUT = ROOT / "test-output" / "extremes"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each extreme region written and built with its PDFs (started in the background when the
    session's first build starts: tests/conftest.py)."""
    regions, sites = extremes_build(tmp_path_factory).result()
    for name, (_, done) in sites.items():
        assert done.returncode == 0, f"{name}:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"
    return {name: site for name, (site, _) in sites.items()} | {f"{name}-region": region for name, region in regions.items()}


def _pdfs(built: dict[str, Path], name: str) -> list[Path]:
    return sorted((built[name] / "downloads").glob("*.pdf"))


@pytest.fixture(scope="module")
def crossings(built: dict[str, Path], site_dir: Path, example_dir: Path) -> dict[Path, list[str]]:
    """The layout problems of every PDF of the extremes and of the two real regions, by file,
    found side by side in worker processes (one file each)."""
    files = [path for name in extremes.NAMES for path in _pdfs(built, name)]
    files += [path for root in (site_dir, example_dir) for path in sorted((root / "downloads").glob("*.pdf"))]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return dict(zip(files, pool.map(file_problems, [str(path) for path in files])))


@pytest.mark.parametrize("name", extremes.NAMES)
def test_no_text_crosses_a_drawing_a_picture_or_other_text_and_none_leaves_its_sheet(built: dict[str, Path], crossings: dict[Path, list[str]], name: str) -> None:
    files = _pdfs(built, name)
    assert len(files) == 6, [f.name for f in files]
    assert [problem for path in files for problem in crossings[path]] == []


def test_no_text_crosses_anything_in_the_two_real_regions_either(site_dir: Path, example_dir: Path, crossings: dict[Path, list[str]]) -> None:
    """The same check on the PDFs of this region and the example region, as they are built."""
    files = [path for root in (site_dir, example_dir) for path in sorted((root / "downloads").glob("*.pdf"))]
    assert len(files) == 12
    assert [problem for path in files for problem in crossings[path]] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", extremes.NAMES)
def test_the_poster_fills_one_a3_sheet_and_reads_from_across_a_room(built: dict[str, Path], name: str, lang: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    [path] = [p for p in _pdfs(built, name) if "praatplaat" in p.name and (p.name.startswith("regiovisie") == (lang == "nl"))]
    with pdfplumber.open(path) as document:
        assert len(document.pages) == 1, f"{path.name}: {len(document.pages)} pages"
        page = document.pages[0]
        assert (page.width, page.height) == pytest.approx((1190.55, 841.89), abs=1)
        items = page.chars + page.lines + page.rects
        lowest, left, right = max(i["bottom"] for i in items), min(i["x0"] for i in items), max(i["x1"] for i in items)
        assert lowest / page.height >= 0.9, f"{name}: the content stops at {lowest / page.height:.0%} of the sheet's height"
        assert (right - left) / page.width >= 0.9, f"{name}: the content spans {(right - left) / page.width:.0%} of the sheet's width"
    overview = LexborHTMLParser((built[name] / in_language("/overzicht/", lang).lstrip("/") / "index.html").read_text(encoding="utf-8"))
    words = _words(path)
    assert min(_sizes(words, overview.css_first(".rv-praatplaat__motto").text(strip=True))) >= 40
    # Every statement on the sheet (an ambition's summary may give way to its title and code).
    blocks = ".rv-praatplaat__vision li, .rv-praatplaat__principles li, .rv-praatplaat__ambitions li > a"
    for node in overview.css(blocks):
        assert min(_sizes(words, re.sub(r"^\d+ ", "", node.text(separator=" ", strip=True)))) >= 18, node.text()


@pytest.mark.parametrize("name", extremes.NAMES)
def test_the_leaflet_is_one_a4_page(built: dict[str, Path], name: str) -> None:
    leaflets = [p for p in _pdfs(built, name) if p.stem.endswith(("-jongeren", "-young-people"))]
    assert len(leaflets) == 2
    for path in leaflets:
        with pdfplumber.open(path) as document:
            assert len(document.pages) == 1, f"{path.name}: {len(document.pages)} pages"
            assert (document.pages[0].width, document.pages[0].height) == pytest.approx((595.28, 841.89), abs=1)


@pytest.mark.parametrize("name", extremes.NAMES)
def test_the_preview_images_lay_out_without_crossing_or_cutting_text(built: dict[str, Path], name: str) -> None:
    """The link-preview cards (publish/social.py), one page each as WeasyPrint lays them out
    before they become pictures: no card runs onto a second page, no word crosses another or a
    drawing, and none leaves the card."""
    import io

    from weasyprint import HTML

    from macros.publish import social

    site = load_site(built[f"{name}-region"])
    problems = []
    for lang in ("nl", "en"):
        document = social._card_document(site, lang, built[name])
        data = HTML(string=str(document), base_url=built[name].as_uri() + "/").write_pdf()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            assert len(pdf.pages) == len(social.cards(site, lang)), f"{name} ({lang}): a card runs onto a second page"
            for number, page in enumerate(pdf.pages, start=1):
                problems += page_problems(page, f"{name} card {lang} {number}")
    assert problems == []


def test_every_pdf_of_the_extremes_passes_verapdf(built: dict[str, Path]) -> None:
    files = [path for name in extremes.NAMES for path in _pdfs(built, name)]
    assert CHECK_PDFUA.is_file() and len(files) == 6 * len(extremes.NAMES)
    for standard, (code, report) in verapdf(files).items():
        assert code == 0 and report.count("compliant: true") == len(files), f"{standard}:\n{report}"


def test_the_extremes_span_the_range_and_their_pages_are_drawn_for_review(built: dict[str, Path]) -> None:
    counts = {}
    for name in extremes.NAMES:
        site = load_site(built[f"{name}-region"])
        counts[name] = (len(site.units.ordered("principles", "nl")), sum(1 for u in site.units.ordered("vision", "nl") if u.meta.get("ambition")), len(site.units.ordered("personas", "nl")))
    assert counts["klein"] == (1, 1, 0) and counts["veel"] == (8, 6, 6)
    longest = load_site(built["lang-region"])
    assert max(len(u.title) for u in longest.units.ordered("principles", "nl")) >= 85
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for old in OUTPUT.glob("*.png"):
        old.unlink()
    jobs = [
        subprocess.Popen(["pdftoppm", "-r", "30", "-png", str(path), str(OUTPUT / f"{name}-{path.stem}")])
        for name in extremes.NAMES
        for path in _pdfs(built, name)
    ]
    assert all(job.wait(timeout=300) == 0 for job in jobs)
    assert len(list(OUTPUT.glob("*.png"))) >= 6 * len(extremes.NAMES)
