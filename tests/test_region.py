"""The generator for any region: the engine names no region, and other regions build.

The example region (``examples/voorbeeld``) is built and swept like the real site (see
``test_quality.py``); here its pages are read for its own name, its counts and its colours,
and a new region started with ``make region`` is built with one principle removed.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of, parse

# The real region's own words: its names and municipalities, read from its region file.
_REGION = yaml.safe_load((ROOT / "data" / "region.yaml").read_text(encoding="utf-8"))
# A municipality is written `- Zwolle` or `- name: Zwolle` (with its local team).
_MUNICIPALITIES = [item["name"] if isinstance(item, dict) else item for item in _REGION["municipalities"]]
REGION_WORDS = sorted({"IJsselland", "RSJ", _REGION["publisher"], *_MUNICIPALITIES, *_REGION["name"].values()})
# What the engine is: everything that is not a region's content/ or data/.
ENGINE = [
    *sorted((ROOT / "macros").rglob("*")),
    *sorted((ROOT / "docs").rglob("*")),
    ROOT / "mkdocs.yml",
    ROOT / "Makefile",
]


def _words_in(folder: Path, words: list[str]) -> list[str]:
    """Every ``file: word`` where one of ``words`` stands in a text file of ``folder``."""
    found = []
    for file in sorted(folder.rglob("*")):
        if file.is_file() and file.suffix in (".html", ".xml", ".json", ".txt", ".css", ".js", ".svg"):
            text = file.read_text(encoding="utf-8")
            found += [f"{file.relative_to(folder)}: {word}" for word in words if re.search(rf"\b{re.escape(word)}\b", text)]
    return found


def _page_text(site: Path, path: str) -> str:
    """The text of a page's body, white space evened out."""
    return " ".join(parse(file_of(site, path)).find("body")[0].text.split())


def _pdf_text(file: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(file).pages)


def test_the_engine_names_no_region() -> None:
    """No engine file names IJsselland, its publisher or one of its municipalities."""
    found = []
    for file in ENGINE:
        if file.is_file() and file.suffix not in (".pyc",):
            text = file.read_text(encoding="utf-8")
            found += [f"{file.relative_to(ROOT)}: {word}" for word in REGION_WORDS if re.search(rf"\b{re.escape(word)}\b", text)]
    assert found == []
    assert len(REGION_WORDS) > 10  # the municipalities were read


def test_the_example_region_names_itself_and_never_ijsselland(example_dir: Path) -> None:
    region = yaml.safe_load((EXAMPLE / "data" / "region.yaml").read_text(encoding="utf-8"))
    assert _words_in(example_dir, REGION_WORDS) == []
    for path, lang in (("", "nl"), ("en/", "en")):
        page = parse(file_of(example_dir, path))
        assert page.find("title")[0].text == f'{region["title"][lang]} {region["period"]["from"]}–{region["period"]["to"]}'
        footer = " ".join(page.find("footer")[0].text.split())
        assert all(name in footer for name in (item["name"] if isinstance(item, dict) else item for item in region["municipalities"])) and region["publisher"] in footer
    for pdf in sorted((example_dir / "downloads").glob("*.pdf")):
        text = _pdf_text(pdf)
        assert region["name"]["nl"] in text or region["name"]["en"] in text, pdf.name
        assert not [word for word in REGION_WORDS if word in text], pdf.name


def test_counts_come_from_the_content(example_dir: Path) -> None:
    """Three principles in the example: the pages say three, in words, and count to three."""
    principles = sorted((EXAMPLE / "content" / "principles").glob("*.nl.md"))
    assert len(principles) == 3
    assert "de drie principes" in _page_text(example_dir, "downloads/")
    assert "the three principles" in _page_text(example_dir, "en/downloads/")
    assert "drie gemeenten samen" in _page_text(example_dir, "contact/")
    kicker = _page_text(example_dir, "principes/leren/")
    assert "Leidend principe 3 van 3" in kicker


def test_the_example_region_has_its_own_logo_colours_and_portrait(example_dir: Path) -> None:
    region = yaml.safe_load((EXAMPLE / "data" / "region.yaml").read_text(encoding="utf-8"))
    home = file_of(example_dir, "").read_text(encoding="utf-8")
    assert 'href="assets/region.css"' in home
    css = (example_dir / "assets" / "region.css").read_text(encoding="utf-8")
    for token, value in region["colours"].items():
        assert value in css, token
    assert (example_dir / "assets" / "logo.svg").read_bytes() == (EXAMPLE / "data" / "logo.svg").read_bytes()
    assert 'rel="icon" href="assets/logo.svg"' in home
    assert (example_dir / "assets" / "portraits" / "noor.svg").read_bytes() == (EXAMPLE / "content" / "personas" / "noor.svg").read_bytes()
    # The real region's portraits are not part of the engine.
    assert not (example_dir / "assets" / "portraits" / "bram.svg").exists()


def _make(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env, check=False)


def test_a_new_region_without_one_principle_builds_under_its_own_name(tmp_path: Path) -> None:
    """`make region`, remove a principle, `make check` and `make build REGION=…`: a site of its own."""
    folder = tmp_path / "noorderkwartier"
    env = {k: v for k, v in os.environ.items() if k != "REGIOVISIE_REGION"}
    env["REGIOVISIE_STAGE"] = str(tmp_path / "stage")
    made = _make("region", "NAME=Noorderkwartier", f"DIR={folder}", env=env)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "make serve REGION=" in made.stdout and len(made.stdout.strip().split("\n")) == 1
    register = (folder / "data" / "addresses.txt").read_text(encoding="utf-8")
    assert [line for line in register.split("\n") if line and not line.startswith("#")] == []
    for file in (folder / "content" / "principles").glob("leren.*.md"):
        file.unlink()
    # Its sentence on the page for young people goes too (make check would name it otherwise).
    for file in (folder / "content" / "youth").glob("*.md"):
        text = file.read_text(encoding="utf-8")
        file.write_text(re.sub(r"  - id: leren\n    text: [^\n]*\n    from: leren\n", "", text), encoding="utf-8")
    checked = _make("check", f"REGION={folder}", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    site = tmp_path / "site"
    built = _make("build", f"REGION={folder}", f"SITE={site}", env=env)
    assert built.returncode == 0, built.stdout + built.stderr
    assert _words_in(site, REGION_WORDS) == []
    assert "Regiovisie jeugdhulp Noorderkwartier" in file_of(site, "").read_text(encoding="utf-8")
    assert "de twee principes" in _page_text(site, "downloads/")
    assert "Leidend principe 2 van 2" in _page_text(site, "principes/een-plan/")
    assert not (site / "principes" / "leren").exists() and not (site / "p" / "3").exists()
    assert (site / "p" / "2" / "index.html").is_file()


def test_make_region_refuses_an_existing_folder(tmp_path: Path) -> None:
    folder = tmp_path / "bestaat"
    folder.mkdir()
    made = _make("region", "NAME=Bestaat", f"DIR={folder}")
    assert made.returncode != 0 and "already exists" in made.stderr
    assert not any(folder.iterdir())


@pytest.mark.parametrize("name", ["<script>", "Regio {{ 7*7 }}"])
def test_make_region_refuses_markup_in_the_name(tmp_path: Path, name: str) -> None:
    made = _make("region", f"NAME={name}", f"DIR={tmp_path / 'x'}")
    assert made.returncode != 0 and not (tmp_path / "x").exists()


def test_the_example_is_a_complete_region() -> None:
    """The example has what a region must write: both languages of every file, a region file."""
    assert (EXAMPLE / "data" / "region.yaml").is_file() and (EXAMPLE / "data" / "indicators.yaml").is_file()
    for folder in ("vision", "principles", "personas"):
        dutch = {f.name.split(".")[0] for f in (EXAMPLE / "content" / folder).glob("*.nl.md")}
        english = {f.name.split(".")[0] for f in (EXAMPLE / "content" / folder).glob("*.en.md")}
        assert dutch and dutch == english, folder


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_example_region_in_its_own_colours_for_review(example_server: str, browser, scheme: str) -> None:
    """Screenshots of the example region (test-output/screenshots/voorbeeld-*), and no sideways scroll at 320 px."""
    shots = ROOT / "test-output" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    colour = yaml.safe_load((EXAMPLE / "data" / "region.yaml").read_text(encoding="utf-8"))["colours"]["brand_dark"]
    expected_band = "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (1, 3, 5)))
    for width in (320, 390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        page = context.new_page()
        for name, path in (("home", ""), ("principe", "principes/luisteren/"), ("persona", "en/stories/noor/")):
            response = page.goto(f"{example_server}/{path}")
            assert response is not None and response.ok, path
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (width, path)
            # The region's colour reaches the page: the header band is the region's brand_dark.
            band = page.evaluate("getComputedStyle(document.querySelector('.rv-header')).backgroundColor")
            assert band == expected_band, band
            if width != 320:
                page.screenshot(path=str(shots / f"voorbeeld-{name}-{width}-{scheme}.png"), full_page=True)
        context.close()
