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


def test_every_page_carries_government_metadata_with_the_municipalities_as_tooi_identifiers(site_dir: Path, example_dir: Path) -> None:
    """DCTERMS as OWMS core names it; each municipality with a CBS code as its TOOI URI
    (data/region.yaml), the period as an interval, the date the page's own "last changed" line shows."""
    from selectolax.lexbor import LexborHTMLParser

    region = SITE.region
    codes = dict(region.codes)
    assert set(codes) == set(region.municipalities), "every IJsselland municipality has its CBS code"
    tooi = [f"https://identifier.overheid.nl/tooi/id/gemeente/{codes[name].lower()}" for name in region.municipalities]
    assert all(re.fullmatch(r"https://identifier\.overheid\.nl/tooi/id/gemeente/gm\d{4}", uri) for uri in tooi)
    for root, site, spatial in ((site_dir, SITE, tooi), (example_dir, load_site(ROOT / "examples" / "voorbeeld"), None)):
        for page in html_pages(root):
            tree = LexborHTMLParser(file_of(root, page).read_text(encoding="utf-8"))
            meta: dict[str, list[str]] = {}
            for node in tree.css('head meta[name^="DCTERMS."]'):
                meta.setdefault(node.attributes["name"], []).append(node.attributes["content"])
            lang = tree.css_first("html").attributes["lang"]
            assert meta["DCTERMS.language"] == [lang], page
            assert meta["DCTERMS.identifier"] == [site.region.site_url + page], page
            assert meta["DCTERMS.creator"] == meta["DCTERMS.publisher"] == [site.region.publisher], page
            assert meta["DCTERMS.temporal"] == [f"{site.region.period[0]}/{site.region.period[1]}"], page
            assert meta["DCTERMS.title"] == [tree.css_first("title").text().split(" – ")[0]], page
            # Without codes (the example region), the municipalities by name.
            assert meta["DCTERMS.spatial"] == (spatial or list(site.region.municipalities)), page
            shown = tree.css_first("[data-rv=last-updated] time")
            if shown is not None:
                assert meta["DCTERMS.modified"] == [shown.attributes["datetime"]], page
