"""schema.org JSON-LD on every page, read by a JSON-LD parser (rdflib): the site and its
publisher, each unit a report that is part of the vision, with its translation and dates,
the figures page a dataset with its files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from macros.load.site import load_site
from macros.render.units import unit_path
from tests.conftest import ROOT
from tests.htmlscan import file_of
from tests.test_site import html_pages

SITE = load_site(ROOT)
# rdflib's JSON-LD parser uses a graph class it deprecates itself.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
SCHEMA = "https://schema.org/"
_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def _graph(text: str) -> Graph:
    """The page's JSON-LD as triples; schema.org's context given as its vocabulary (no network)."""
    blocks = _BLOCK.findall(text)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    data["@context"] = {"@vocab": SCHEMA}
    graph = Graph()
    graph.parse(data=json.dumps(data), format="json-ld")
    return graph


def test_every_page_has_json_ld_that_a_parser_reads(site_dir: Path) -> None:
    root = SITE.region.site_url
    for page in html_pages(site_dir):
        text = file_of(site_dir, page).read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue
        graph = _graph(text)
        assert (URIRef(f"{root}#website"), RDF.type, URIRef(SCHEMA + "WebSite")) in graph, page
        assert (URIRef(f"{root}#publisher"), URIRef(SCHEMA + "name"), Literal(SITE.region.publisher)) in graph, page


def test_a_unit_is_a_report_of_the_vision_with_its_translation_and_dates(site_dir: Path) -> None:
    root = SITE.region.site_url
    for lang, other, link in (("nl", "en", "workTranslation"), ("en", "nl", "translationOfWork")):
        for unit in SITE.units.ordered("principles", lang):
            url = URIRef(root + unit_path(unit))
            text = file_of(site_dir, unit_path(unit)).read_text(encoding="utf-8")
            graph = _graph(text)
            assert (url, RDF.type, URIRef(SCHEMA + "Report")) in graph
            assert (url, URIRef(SCHEMA + "isPartOf"), URIRef(f"{root}#vision")) in graph
            assert (url, URIRef(SCHEMA + "inLanguage"), Literal(lang)) in graph
            assert (url, URIRef(SCHEMA + "author"), URIRef(f"{root}#publisher")) in graph
            counterpart = root + unit_path(SITE.units.get("principles", unit.id, other))
            assert (url, URIRef(SCHEMA + link), URIRef(counterpart)) in graph
            modified = str(graph.value(url, URIRef(SCHEMA + "dateModified")))
            published = str(graph.value(url, URIRef(SCHEMA + "datePublished")))
            assert f'<time datetime="{modified}">' in text and published <= modified


def test_the_figures_page_is_a_dataset_with_its_files(site_dir: Path) -> None:
    unit = next(u for u in SITE.units.ordered("vision", "nl") if "figure(" in u.body)
    graph = _graph(file_of(site_dir, unit_path(unit)).read_text(encoding="utf-8"))
    datasets = list(graph.subjects(RDF.type, URIRef(SCHEMA + "Dataset")))
    assert len(datasets) == 1
    files = [str(graph.value(d, URIRef(SCHEMA + "contentUrl"))) for d in graph.objects(datasets[0], URIRef(SCHEMA + "distribution"))]
    assert sorted(f.rsplit("/", 1)[1] for f in files) == ["cijfers.csv", "cijfers.json"]
    for address in files:
        assert (site_dir / address[len(SITE.region.site_url) :]).is_file()
