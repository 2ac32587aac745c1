"""The open data described for programs: a Data Package that frictionless validates, CSV on the
Web metadata that the csvw library reads the CSV through, and a DCAT-AP-NL 3.0 catalogue that
the published SHACL shapes accept; what kind each value is, and whether parts add up."""

from __future__ import annotations

import csv
import io
import json
import shutil
import warnings
from pathlib import Path
from typing import Any

import pytest
import rdflib

from macros.core.paths import DESCRIPTOR_FILES
from macros.load.indicator_checks import parts_sums
from macros.load.site import load_site
from tests.conftest import EXAMPLE, ROOT

# Plain namespaces: rdflib's closed ones warn when pytest looks into the module's names.
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
SHAPES = Path(__file__).with_name("shapes") / "dcat-ap-nl-3.0"
SITES = {"ijsselland": ROOT, "example": EXAMPLE}


def _downloads(site_dir: Path, example_dir: Path, region: str) -> Path:
    return (site_dir if region == "ijsselland" else example_dir) / "downloads"


def _rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((folder / "cijfers.csv").read_bytes().decode("utf-8-sig"))))


def _frictionless_errors(package: Path) -> list[str]:
    from frictionless import validate

    report = validate(str(package))
    return [f"{task.name}: {error.type}: {error.message}" for task in report.tasks for error in task.errors] + [e.message for e in report.errors]


@pytest.mark.parametrize("region", list(SITES))
def test_the_data_package_is_valid_and_a_wrong_value_is_caught(site_dir: Path, example_dir: Path, region: str, tmp_path: Path) -> None:
    folder = _downloads(site_dir, example_dir, region)
    assert _frictionless_errors(folder / DESCRIPTOR_FILES["datapackage"]) == []
    package = json.loads((folder / DESCRIPTOR_FILES["datapackage"]).read_text(encoding="utf-8"))
    fields = [field["name"] for field in package["resources"][0]["schema"]["fields"]]
    assert fields == list(_rows(folder)[0]), "the package describes the CSV's columns in their order"
    site = load_site(SITES[region])
    assert package["licenses"][0]["name"] == site.region.licence and package["version"] == _rows(folder)[0]["version"]
    # The check has teeth: one unknown status, one value that is not a number, a duplicate key.
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken, ignore=shutil.ignore_patterns("*.pdf", "*.png"))
    text = (broken / "cijfers.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    header, first = text[0].split(","), next(csv.reader([text[1]]))
    first[header.index("status")] = "gemeten"
    first[header.index("value")] = "12.887,5"
    text[1] = ",".join(f'"{cell}"' for cell in first)
    text.insert(2, text[1])
    (broken / "cijfers.csv").write_bytes(("\ufeff" + "\r\n".join(text)).encode("utf-8"))
    found = " ".join(_frictionless_errors(broken / DESCRIPTOR_FILES["datapackage"]))
    assert "constraint-error" in found and "type-error" in found and "primary-key" in found, found


@pytest.mark.parametrize("region", list(SITES))
def test_csv_on_the_web_reads_every_row_with_its_types(site_dir: Path, example_dir: Path, region: str, tmp_path: Path) -> None:
    import csvw

    folder = _downloads(site_dir, example_dir, region)
    site = load_site(SITES[region])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # csvw warns, not raises, on a cell that does not fit its column
        rows = list(csvw.Table.from_file(folder / DESCRIPTOR_FILES["csvw"]).iterdicts(strict=True))
    assert len(rows) == sum(len(indicator.values) for indicator in site.indicators.values())
    for row in rows:
        indicator = site.indicators[row["id"]]
        assert isinstance(row["year"], int) and float(row["value"]) == indicator.values[row["year"]]
        assert row["status"] == indicator.status and row["version"].date().isoformat() == _rows(folder)[0]["version"]
    # A cell that does not fit its column is refused.
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken, ignore=shutil.ignore_patterns("*.pdf", "*.png"))
    raw = (broken / "cijfers.csv").read_bytes().decode("utf-8-sig")
    first_value = _rows(folder)[0]["value"]
    (broken / "cijfers.csv").write_bytes(("\ufeff" + raw.replace(f",{first_value},", ",veel,", 1)).encode("utf-8"))
    with warnings.catch_warnings(), pytest.raises((UserWarning, ValueError)):
        warnings.simplefilter("error")
        list(csvw.Table.from_file(broken / DESCRIPTOR_FILES["csvw"]).iterdicts(strict=True))


def _shacl(data: rdflib.Graph) -> list[tuple[str, str, str]]:
    """(severity, path, focus) of every result of the DCAT-AP-NL 3.0 shapes on ``data``."""
    import pyshacl

    shapes = rdflib.Graph()
    for file in sorted(SHAPES.glob("*.ttl")):
        shapes.parse(file, format="turtle")
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    return sorted(
        (str(report.value(r, SH.resultSeverity)).rsplit("#", 1)[-1], str(report.value(r, SH.resultPath)), str(report.value(r, SH.focusNode)))
        for r in report.subjects(SH.resultSeverity, None)
    )


@pytest.mark.parametrize("region", list(SITES))
def test_the_dcat_catalogue_meets_the_dcat_ap_nl_shapes(site_dir: Path, example_dir: Path, region: str) -> None:
    folder = _downloads(site_dir, example_dir, region)
    data = rdflib.Graph().parse(folder / DESCRIPTOR_FILES["dcat"], format="json-ld")
    results = _shacl(data)
    # No violation; of the recommendations, only a data service is missing (static files have none).
    assert [r for r in results if r[0] != "Warning"] == []
    assert {(r[0], r[1]) for r in results} <= {("Warning", str(DCAT.accessService))}
    site = load_site(SITES[region])
    dataset = next(data.subjects(rdflib.RDF.type, DCAT.Dataset))
    titles = {t.language: str(t) for t in data.objects(dataset, DCTERMS.title)}
    assert set(titles) == {"nl", "en"} and site.region.site_name("nl") in titles["nl"] and site.region.site_name("en") in titles["en"]
    downloads = {str(d).rsplit("/", 1)[-1] for dist in data.objects(dataset, DCAT.distribution) for d in data.objects(dist, DCAT.downloadURL)}
    assert downloads == {"cijfers.csv", "cijfers.json"}
    for name in downloads:
        assert (folder / name).is_file()
    # The shapes have teeth: without a contact point and a theme the dataset is refused.
    data.remove((dataset, DCAT.contactPoint, None))
    data.remove((dataset, DCAT.theme, None))
    assert {(r[0], r[1].rsplit("#", 1)[-1]) for r in _shacl(data)} >= {("Violation", "contactPoint"), ("Violation", "theme")}


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_each_value_says_what_kind_it_is_and_parts_say_whether_they_add_up(site_dir: Path) -> None:
    folder = site_dir / "downloads"
    site = load_site(ROOT)
    data = json.loads((folder / "cijfers.json").read_text(encoding="utf-8"))
    assert not {key for key in _keys(data) if key.startswith("_")}, "no key of the build's own"
    assert data["version"] == data["modified"] and data["issued"] <= data["modified"]
    rows = _rows(folder)
    assert {row["version"] for row in rows} == {data["version"]}
    kinds = {indicator.status for indicator in site.indicators.values()}
    assert kinds == {"measured", "estimate", "target"}, "the real data has all three kinds"
    by_id = {item["id"]: item for item in data["indicators"]}
    for row in rows:
        indicator = site.indicators[row["id"]]
        assert row["status"] == indicator.status == by_id[row["id"]]["status"]
        assert all(v["status"] == indicator.status for v in by_id[row["id"]]["values"])
        # An estimate carries the source's words, in both languages; nothing else does.
        assert bool(row["estimate_nl"]) == bool(row["estimate_en"]) == (indicator.status == "estimate")
        if indicator.parts is not None:
            sums = parts_sums(indicator, site.indicators)
            assert row["parts_complete"] == str(indicator.parts["complete"]).lower()
            assert (float(row["parts_sum"]) if row["parts_sum"] else None) == sums.get(int(row["year"]))
            assert by_id[row["id"]]["parts"]["sum"] == [{"year": y, "value": int(v)} for y, v in sorted(sums.items())]
            if not indicator.parts["complete"]:
                assert row["parts_note_nl"] and row["parts_note_en"], "parts that do not add up say why"
        else:
            assert row["parts_complete"] == row["parts_sum"] == row["parts_note_nl"] == ""
    # The one whole in the real data whose parts do not add up.
    whole = next(i for i in site.indicators.values() if i.parts)
    assert sum(parts_sums(whole, site.indicators).values()) < sum(whole.values[y] for y in parts_sums(whole, site.indicators))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_downloads_page_offers_the_descriptors(site_dir: Path, lang: str) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from tests.htmlscan import file_of

    page = ("" if lang == "nl" else "en/") + "downloads/"
    tree = LexborHTMLParser(file_of(site_dir, page).read_text(encoding="utf-8"))
    offered = {a.attributes["href"].rsplit("/", 1)[-1] for a in tree.css("a[data-rv=download]")}
    assert set(DESCRIPTOR_FILES.values()) <= offered
    sizes = {span.attributes["data-rv-size"]: span.text() for span in tree.css("span[data-rv-size]")}
    assert sizes["catalog.jsonld"].startswith("JSON-LD, ") and sizes["datapackage.json"].startswith("JSON, ")
