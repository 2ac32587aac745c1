"""Jargon explained where it stands: the first use of a glossary word on a page links to its entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from macros.load.site import load_site
from macros.render import glossary
from tests.conftest import ROOT
from tests.htmlscan import file_of

SITE = load_site(ROOT)
# Where a word is never marked: the same places glossary.mark leaves alone.
SKIP = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "svg", "figure", "blockquote", "button", "dfn", "abbr", "textarea", "title", "time"}
SKIP_BLOCKS = {"changes", "citation", "last-updated", "print-address", "youth-link"}
SKIP_CLASSES = {"rv-kicker", "rv-info"}


def test_marking_skips_links_headings_quotes_and_drawings_and_marks_once() -> None:
    entries = [glossary.Term("leefwereld", "leefwereld"), glossary.Term("ambulante hulp", "ambulant")]
    markup = (
        "<h2>De leefwereld</h2><p>Zie <a href='x'>leefwereld</a>.</p><blockquote><p>Mijn leefwereld</p></blockquote>"
        "<svg><text>leefwereld</text></svg><section data-rv=\"citation\"><p>leefwereld</p></section>"
        "<p>In de Leefwereld en in de leefwereld, met ambulante\nhulp.</p><p>leefwereld</p>"
    )
    marked = glossary.mark(markup, entries, lambda anchor: f"../begrippen/#{anchor}")
    links = re.findall(r'<a class="rv-term" href="([^"]+)" data-rv="term">([^<]+)</a>', marked)
    assert links == [("../begrippen/#leefwereld", "Leefwereld"), ("../begrippen/#ambulant", "ambulante\nhulp")]
    # Everything else is as it was.
    assert re.sub(r'<a class="rv-term"[^>]*>([^<]+)</a>', r"\1", marked) == markup
    # Whole words only: a longer word that starts with it is not the word.
    assert "rv-term" not in glossary.mark("<p>JeugdzorgPlus en jeugdhulpregio</p>", [glossary.Term("jeugdzorg", "j"), glossary.Term("jeugdhulp", "h")], str)


def _texts_in_order(node: LexborNode, skipping: bool = False) -> list[tuple[str, bool, LexborNode | None]]:
    """Every text of ``node`` in document order: (text, skipped?, the glossary link it is in)."""
    found = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            found.append((child.text(deep=False) or "", skipping, None))
            continue
        if child.tag == "a" and "rv-term" in (child.attributes.get("class") or ""):
            found.append((child.text(), False, child))
            continue
        classes = set((child.attributes.get("class") or "").split())
        skip = skipping or child.tag in SKIP or child.attributes.get("data-rv") in SKIP_BLOCKS or bool(classes & SKIP_CLASSES)
        found += _texts_in_order(child, skip)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_glossary_word_links_where_a_page_first_uses_it(site_dir: Path, lang: str) -> None:
    page = glossary.glossary_unit(SITE, lang)
    assert page is not None
    entries = {term.anchor: term for term in glossary.terms(page)}
    assert {"leefwereld", "systeemwereld", "regie", "integraal", "ambulant"} <= set(entries)
    glossary_file = file_of(site_dir, ("" if lang == "nl" else "en/") + page.url)
    ids = {node.attributes["id"] for node in LexborHTMLParser(glossary_file.read_text(encoding="utf-8")).css("[id]")}
    linked: set[str] = set()
    for type_name in SITE.units.by_type:
        for unit in SITE.units.ordered(type_name, lang):
            path = file_of(site_dir, ("" if lang == "nl" else "en/") + unit.url)
            article = LexborHTMLParser(path.read_text(encoding="utf-8")).css_first("article")
            links = article.css("a.rv-term")
            if unit is page:
                assert links == [], "the glossary links to nothing of itself"
                continue
            anchors = [link.attributes["href"].rsplit("#", 1)[1] for link in links]
            assert len(anchors) == len(set(anchors)), (unit.key, "a word is linked once per page")
            texts = _texts_in_order(article)
            for link, anchor in zip(links, anchors):
                assert anchor in entries and anchor in ids, (unit.key, anchor)
                assert (path.parent / link.attributes["href"].split("#")[0]).resolve() == glossary_file.parent.resolve()
                # No use of the word in running text before the linked one.
                before = []
                for text, skipped, in_link in texts:
                    if in_link is not None and in_link.attributes["href"] == link.attributes["href"]:
                        break
                    if not skipped:
                        before.append(text)
                assert not entries[anchor].pattern.search(" ".join(before)), (unit.key, anchor)
            # And no word of the glossary is used without its link.
            running = " ".join(text for text, skipped, in_link in texts if not skipped and in_link is None)
            for anchor, term in entries.items():
                if anchor not in anchors:
                    assert not term.pattern.search(running), (unit.key, anchor)
            linked |= set(anchors)
    assert {"leefwereld", "systeemwereld", "ambulant", "integraal"} <= linked


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_brochure_links_a_glossary_word_to_its_entry_in_the_brochure(lang: str, tmp_path: Path) -> None:
    from macros.publish.documents import brochure_html

    document = brochure_html(SITE, ROOT / "docs", "https://example.org/", SITE.region.site_name(lang), SITE.region.publisher, lang)
    targets = re.findall(r'<a class="rv-term" href="#([^"]+)" data-rv="term">', document)
    assert len(targets) >= 10
    ids = set(re.findall(r'\bid="([^"]+)"', document))
    assert set(targets) <= ids, set(targets) - ids
