"""Partners reuse and cite: the figures as open data, the licence everywhere it applies, a citation per page."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pikepdf
import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.core.licences import LICENCES
from macros.load.site import load_site
from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of, pages

SITE = load_site(ROOT)
LICENCE = LICENCES[SITE.region.licence]


def _tree(site_dir: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser(file_of(site_dir, page).read_text(encoding="utf-8"))


def test_the_figures_download_as_csv_that_a_spreadsheet_reads_with_machine_numbers(site_dir: Path) -> None:
    raw = (site_dir / "downloads" / "cijfers.csv").read_bytes()
    # A byte-order mark, so Excel reads the file as UTF-8 (accents, the en dash).
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    expected = sum(len(indicator.values) for indicator in SITE.indicators.values())
    assert len(rows) == expected
    for row in rows:
        indicator = SITE.indicators[row["id"]]
        value = indicator.values[int(row["year"])]
        # A dot for decimals, no thousands separators: the value reads back exactly.
        assert re.fullmatch(r"-?\d+(\.\d+)?", row["value"]), row["value"]
        assert float(row["value"]) == value
        assert row["label_nl"] == indicator.label["nl"] and row["label_en"] == indicator.label["en"]
        assert row["source_nl"] == indicator.source["nl"] and row["unit"] == indicator.unit
        assert row["licence"] == LICENCE.id and row["licence_url"].startswith("https://creativecommons.org/")
    assert any("." in row["value"] for row in rows) and any(int(float(row["value"])) > 9999 for row in rows)


def test_the_figures_download_as_json_with_their_licence(site_dir: Path) -> None:
    data = json.loads((site_dir / "downloads" / "cijfers.json").read_text(encoding="utf-8"))
    assert data["licence"]["id"] == LICENCE.id and data["licence"]["url"] == LICENCE.url
    assert data["publisher"] == SITE.region.publisher and data["source"] == SITE.region.site_url
    assert [item["id"] for item in data["indicators"]] == list(SITE.indicators)
    for item in data["indicators"]:
        indicator = SITE.indicators[item["id"]]
        assert {v["year"]: v["value"] for v in item["values"]} == indicator.values
        assert all(isinstance(v["value"], (int, float)) for v in item["values"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_chart_offers_its_figures_as_csv_and_json_with_the_licence(site_dir: Path, lang: str) -> None:
    prefix = "" if lang == "nl" else "en/"
    figures_page = next(u for u in SITE.units.ordered("vision", lang) if "figure(" in u.body)
    page = prefix + figures_page.url
    tree = _tree(site_dir, page)
    charts = tree.css("figure.rv-figure")
    assert charts
    for chart in charts:
        links = {a.attributes["data-rv"]: a.attributes["href"] for a in chart.css("p.rv-figure__data a[data-rv]")}
        assert set(links) == {"data-csv", "data-json"}, chart.attributes.get("id")
        for href in links.values():
            assert (file_of(site_dir, page).parent / href).resolve().is_file(), href
        licence = chart.css_first("p.rv-figure__data a[rel=license]")
        assert licence.text() == LICENCE.short and licence.attributes["href"] == LICENCE.url[lang]
    # The downloads page offers them too, with format and size.
    downloads = _tree(site_dir, prefix + "downloads/")
    offered = {a.attributes["href"].rsplit("/", 1)[-1]: a.attributes["type"] for a in downloads.css("a[data-rv=download]")}
    assert offered["cijfers.csv"] == "text/csv" and offered["cijfers.json"] == "application/json"
    sizes = {span.attributes["data-rv-size"]: span.text() for span in downloads.css("span[data-rv-size]")}
    assert sizes["cijfers.csv"].startswith("CSV, ") and sizes["cijfers.json"].startswith("JSON, ")


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_every_page_names_the_licence_in_its_footer_and_head(site_dir: Path, example_dir: Path, region: str) -> None:
    root = site_dir if region == "ijsselland" else example_dir
    site = SITE if region == "ijsselland" else load_site(EXAMPLE)
    licence = LICENCES[site.region.licence]
    for page in pages(root):
        lang = "en" if page.startswith("en/") else "nl"
        tree = _tree(root, page)
        head = tree.css_first('head link[rel="license"]')
        assert head is not None and head.attributes["href"] == licence.url[lang], page
        footer = tree.css_first("[data-rv=licence]")
        assert footer is not None and licence.short in footer.text() and licence.terms[lang] in footer.text(), page


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_the_brochures_colophon_and_metadata_carry_the_licence(site_dir: Path, example_dir: Path, region: str) -> None:
    from pypdf import PdfReader

    root = site_dir if region == "ijsselland" else example_dir
    site = SITE if region == "ijsselland" else load_site(EXAMPLE)
    licence = LICENCES[site.region.licence]
    for path in sorted((root / "downloads").glob("*.pdf")):
        with pikepdf.open(path) as pdf:
            lang = str(pdf.Root.Lang)
            xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        assert licence.name[lang] in xmp and f"<xmpRights:WebStatement>{licence.url[lang]}</xmpRights:WebStatement>" in xmp, path.name
        if "praatplaat" not in path.name and not path.stem.endswith(("-jongeren", "-young-people")):
            last = re.sub(r"\s+", " ", PdfReader(path).pages[-1].extract_text())
            # The deed's address may wrap at a slash.
            assert licence.name[lang] in last and licence.url[lang] in last.replace(" ", ""), path.name


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_principle_story_and_vision_page_has_a_citation_with_its_short_address(site_dir: Path, lang: str) -> None:
    from macros.render.units import short_address

    prefix = "" if lang == "nl" else "en/"
    for type_name in ("principles", "personas", "vision"):
        for unit in SITE.units.ordered(type_name, lang):
            tree = _tree(site_dir, prefix + unit.url)
            block = tree.css_first("[data-rv=citation]")
            assert block is not None, unit.path
            text = block.css_first(".rv-cite__text").text()
            assert text.startswith(f"{SITE.region.publisher} (")
            assert unit.title in text and SITE.region.site_name(lang) in text
            updated = tree.css_first("[data-rv=last-updated] time").text()
            assert short_address(SITE, unit) in text and updated in text, text
            if type_name == "principles":
                assert f"/p/{unit.meta['number']}/" in text
