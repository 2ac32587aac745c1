"""The content itself: complete, traceable figures, nothing that must not be published."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from macros.load.site import load_site
from tests.conftest import ROOT
from tests.htmlscan import file_of, pages

sys.path.insert(0, str(ROOT / "scripts"))
from protected_stories import shingles

SITE = load_site(ROOT)
PROTECTED = set((Path(__file__).with_name("protected_shingles.txt")).read_text(encoding="utf-8").split())


def test_the_2030_personas_are_the_four_of_the_vision() -> None:
    personas = {u.meta["name"]: u.meta["age"] for u in SITE.units.ordered("personas", "nl")}
    assert personas == {"Bram": 17, "Sarah": 14, "Madik": 43, "Chantal": 27}
    for unit in SITE.units.ordered("personas", "nl"):
        assert unit.meta["quotes"], unit.id


def test_vision_has_both_parts_three_ambitions_and_four_principles() -> None:
    sections = SITE.units.ordered("vision", "nl")
    assert {u.meta["part"] for u in sections} == {"A", "B"}
    ambitions = sorted(u.meta["ambition"] for u in sections if u.meta["ambition"])
    assert ambitions == [1, 2, 3]
    assert all(u.meta["goals"] for u in sections if u.meta["ambition"])
    assert sorted(u.meta["number"] for u in SITE.units.ordered("principles", "nl")) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    "term",
    ["jeugdhulp", "jeugdzorg", "jeugdzorgplus", "gecertificeerde-instelling", "rsj", "lokaal-team",
     "uithuisplaatsing", "ambulant", "pleegzorg", "hervormingsagenda"],
)
def test_glossary_explains_the_words_residents_stumble_on(term: str) -> None:
    for lang in ("nl", "en"):
        assert term in SITE.units.get("vision", "begrippen", lang).heading_ids


def test_no_hand_typed_figures_in_content() -> None:
    """Numbers of three or more digits come from data/indicators.yaml through macros."""
    without_macros = re.compile(r"\{\{.*?\}\}")
    number = re.compile(r"(?<![\w#-])\d{1,3}(?:[.,]\d{3})+(?!\d)|(?<![\w#-])\d{3,}(?!\d)")
    for pairs in SITE.units.by_type.values():
        for pair in pairs.values():
            for unit in pair.values():
                for found in number.findall(without_macros.sub("", unit.body)):
                    value = int(found.replace(".", "").replace(",", ""))
                    # Years (2019, 2021–2025, 2030) are not figures.
                    assert 1990 <= value <= 2100, f"{unit.path}: {found} (use {{{{ indicator(...) }}}})"


def test_no_page_repeats_the_youth_stories_of_the_previous_vision(site_dir: Path) -> None:
    assert len(PROTECTED) > 1000
    for page_path in pages(site_dir):
        if page_path.startswith(("assets/", "search/")):
            continue
        text = re.sub(r"<[^>]+>", " ", file_of(site_dir, page_path).read_text(encoding="utf-8"))
        assert not (shingles(text) & PROTECTED), page_path


def test_the_interface_strings_use_none_of_the_words_we_avoid() -> None:
    """The engine's own words (macros/ui.yaml) keep to the region's list (data/terms.yaml) too:
    `make check` reads the editors' files, this test the engine's."""
    import yaml as _yaml

    from macros.core.problems import Problems
    from macros.load.terms import load_terms

    terms = load_terms(ROOT, Problems())
    assert terms.avoided and terms.pairs
    strings = _yaml.safe_load((ROOT / "macros" / "ui.yaml").read_text(encoding="utf-8"))
    found = [(key, word.word) for key, texts in strings.items() for word in terms.avoided if word.pattern.search(str(texts[word.lang]))]
    assert found == []
