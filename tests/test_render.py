"""Unit tests for the renderers: praatplaat, cards, quotes beside their theme."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.site import load_site
from macros.render import units as render
from tests.htmlscan import Document

SITE = load_site(Path(__file__).resolve().parent.parent)


def link(path: str) -> str:
    return "/" + path


def parse(markup: str) -> Document:
    doc = Document()
    doc.feed(markup)
    return doc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_praatplaat_links_every_principle_ambition_and_statement(lang: str) -> None:
    doc = parse(str(render.praatplaat(SITE, lang, link)))
    hrefs = [a.attrs["href"] for a in doc.find("a")]
    prefix = "/" if lang == "nl" else f"/{lang}/"
    for unit in SITE.units.ordered("principles", lang):
        assert prefix + unit.url in hrefs
    ambitions = [u for u in SITE.units.ordered("vision", lang) if u.meta["ambition"]]
    assert len(ambitions) == 3
    for unit in ambitions:
        assert prefix + unit.url in hrefs
    vision = next(u for u in SITE.units.ordered("vision", lang) if u.meta["motto"])
    for heading_id in vision.meta["overview"]:
        assert f"{prefix}{vision.url}#{heading_id}" in hrefs
    assert next(p.text for p in doc.find("p", class_="rv-praatplaat__motto")).strip() == vision.meta["motto"]
    # Headings nest under the level asked for.
    assert len(doc.find("h2")) == 1 and len(doc.find("h3")) == 3


def test_praatplaat_escapes_editor_text() -> None:
    vision = next(u for u in SITE.units.ordered("vision", "nl") if u.meta["motto"])
    original = vision.meta["motto"]
    vision.meta["motto"] = "<script>alert(1)</script>"
    try:
        markup = str(render.praatplaat(SITE, "nl", link))
    finally:
        vision.meta["motto"] = original
    assert "<script>" not in markup and "&lt;script&gt;" in markup


def test_cards_link_to_their_unit_with_the_requested_heading_level() -> None:
    doc = parse(str(render.unit_list(SITE, "personas", "en", link, level=3)))
    personas = SITE.units.ordered("personas", "en")
    assert [h.text.strip() for h in doc.find("h3")] == [p.title for p in personas]
    # Each card says who the persona is, and shows its drawing as decoration.
    assert [p.text for p in doc.find("p", class_="rv-card__role")] == [p.meta["role"] for p in personas]
    assert all(img.attrs["alt"] == "" for img in doc.find("img", class_="rv-portrait"))
    assert [a.attrs["href"] for a in doc.find("a")] == ["/en/" + p.url for p in personas]


def test_quotes_appear_beside_the_theme_they_illustrate() -> None:
    for persona in SITE.units.ordered("personas", "nl"):
        for quote in persona.meta["quotes"]:
            target_id, _, _ = quote["theme"].partition("#")
            kind = SITE.units.all_ids()[target_id]
            theme = SITE.units.get(kind, target_id, "nl")
            markup = str(render.unit_footer(SITE, theme, link))
            assert f'id="citaat-{quote["id"]}"' in markup
            assert f'/{persona.url}#{quote["id"]}' in markup
