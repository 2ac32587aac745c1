"""A reference manager saves a unit page as a report by the publisher, kept whole, with title,
date, language and address: from the page's citation metadata (tried with Zotero's own
translation server, ../shared/tools/zotero) and from the RIS and BibTeX files beside it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from macros.load.site import load_site
from macros.render.units import unit_path
from tests.conftest import ROOT

SITE = load_site(ROOT)
ZOTERO = ROOT.parent / "shared" / "tools" / "zotero" / "save-as-zotero"
PAGES = [unit for type_name in ("principles", "vision", "personas") for lang in ("nl", "en") for unit in SITE.units.ordered(type_name, lang)[:1]]


def _day(site_dir: Path, unit: object) -> str:
    """The date the page says it last changed."""
    page = (site_dir / unit_path(unit) / "index.html").read_text(encoding="utf-8")  # type: ignore[arg-type]
    return page.split('data-rv="last-updated"', 1)[1].split('datetime="', 1)[1][:10]


def test_zotero_saves_a_report_by_the_publisher_whole_with_title_date_language_and_address(site_dir: Path) -> None:
    assert ZOTERO.is_file(), "the Zotero tool is in ../shared/tools/zotero"
    result = subprocess.run(
        ["bash", str(ZOTERO), "--json", str(site_dir), *("/" + unit_path(unit) for unit in PAGES)],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    saved = json.loads(result.stdout[result.stdout.index("{") :])
    for unit in PAGES:
        page = saved["/" + unit_path(unit)]
        assert page["status"] == 200 and page["translator_used"] == "Embedded Metadata", page
        (item,) = page["items"]
        assert item["url"] == SITE.region.site_url + unit_path(unit)
        assert item["itemType"] == "report"
        assert item["creators"] == [{"name": SITE.region.publisher, "creatorType": "author"}]
        assert item["title"] == unit.title and item["language"] == unit.lang
        assert item["date"].replace("/", "-") == _day(site_dir, unit)


@pytest.mark.parametrize("unit", PAGES, ids=lambda u: f"{u.lang}-{u.id}")
def test_ris_and_bibtex_beside_the_page_hold_the_same_reference(site_dir: Path, unit: object) -> None:
    folder = site_dir / unit_path(unit)  # type: ignore[arg-type]
    ris = (folder / "citation.ris").read_text(encoding="utf-8")
    fields = [line.split("  - ", 1) for line in ris.splitlines() if line]
    assert fields[0] == ["TY", "RPRT"] and fields[-1][0] == "ER"
    values = {tag: value for tag, value in fields}
    assert [value for tag, value in fields if tag == "AU"] == [SITE.region.publisher]
    assert values["TI"] == unit.title and values["LA"] == unit.lang  # type: ignore[attr-defined]
    assert values["UR"] == SITE.region.site_url + unit_path(unit)  # type: ignore[arg-type]
    assert values["DA"].replace("/", "-") == _day(site_dir, unit)
    bib = (folder / "citation.bib").read_text(encoding="utf-8")
    assert bib.startswith("@techreport{") and f"author = {{{{{SITE.region.publisher}}}}}" in bib
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="citation.ris"' in page and 'href="citation.bib"' in page
