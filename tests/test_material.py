"""Every patch of Material's output (macros/theme/material.py): what it changes, and that the
build stops, naming the patch, when Material's markup no longer looks as the patch expects."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest

from macros.theme import material
from macros.theme.material import MaterialChanged, Patch

WORDS = material.header_words("Naar de inhoud", "Menu", "Zoeken", "Overzicht", "overzicht/", "Regiovisie &amp; zo", "Regio")
PATCHES = {patch.name: patch for patch in material.page_patches(WORDS)}
DRAWER = '<label class="md-header__button md-icon" for="__drawer"><svg></svg></label>'
SEARCH = '<label class="md-header__button md-icon" for="__search"><svg></svg></label>'
NAME = '<div class="md-header__topic">\n          <span class="md-ellipsis">\n            Regiovisie &amp; zo\n          </span>'
# name: (Material's markup as the patch expects it, what the patch makes of it, the same markup moved)
CASES = {
    "toggle autocomplete": (
        ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'),
        ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
        '<input class="md-toggle" type="checkbox" data-md-toggle="drawer" id="__drawer" autocomplete="off">',
    ),
    "empty tabindex": (
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">',
        '<label class="md-nav__link" for="__nav_2" id="__nav_2_label">',
        '<label tabindex="" class="md-nav__link" for="__nav_2" id="__nav_2_label">',
    ),
    "palette.css": (
        '<link rel="stylesheet" href="a.css">\n    <link rel="stylesheet" href="../assets/stylesheets/palette.06af60db.min.css">',
        '<link rel="stylesheet" href="a.css">',
        '<link href="../assets/stylesheets/palette.06af60db.min.css" rel="stylesheet">',
    ),
    "table of contents label": (
        '<label class="md-nav__title" for="__toc">Inhoud</label>',
        '<div class="md-nav__title">Inhoud</div>',
        '<label for="__toc" class="md-nav__title">Inhoud</label>',
    ),
    "skip link": (
        '<div data-md-component="skip"><a href="#x" class="md-skip">Skip</a></div>',
        '<div data-md-component="skip"><a href="#inhoud" class="md-skip" data-rv="skip-link">Naar de inhoud</a></div>',
        '<div data-md-component="skip-link"><a href="#x" class="md-skip">Skip</a></div>',
    ),
    "menu button": (
        DRAWER,
        ('<button type="button" class="md-header__button md-icon rv-header-button rv-menu-button" popovertarget="rv-menu" '
        'data-rv="open-drawer"><svg></svg><span class="rv-header-button__word">Menu</span></button>'),
        DRAWER.replace("md-header__button md-icon", "md-icon md-header__button"),
    ),
    "search button": (
        SEARCH,
        ('<button type="button" class="md-header__button md-icon rv-header-button rv-search-button" data-rv="open-search">'
        '<svg></svg><span class="rv-header-button__word">Zoeken</span></button>'
        '<a class="md-header__button rv-header-button rv-search-alternative" href="overzicht/" data-rv="search-alternative">'
        '<span class="rv-header-button__word">Overzicht</span></a>'),
        SEARCH.replace('for="__search"', 'for="__search_toggle"'),
    ),
    "aria-expanded on nav": (
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label" aria-expanded="false">',
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label">',
        '<nav aria-expanded="false" class="md-nav" data-md-level="1" aria-labelledby="__nav_2_label">',
    ),
    "article": (
        '<article class="md-content__inner md-typeset">',
        '<article class="md-content__inner md-typeset" id="inhoud" tabindex="-1">',
        '<article class="md-typeset md-content__inner">',
    ),
    "site name": (
        NAME,
        ('<div class="md-header__topic">\n          <span class="md-ellipsis"><span class="rv-name--long">Regiovisie &amp; zo</span>'
        '<span class="rv-name--short">Regio</span></span>'),
        NAME.replace("          <span", "  <span"),
    ),
}


def test_every_patch_is_tested_here() -> None:
    assert set(PATCHES) == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_patch_changes_what_it_says(name: str) -> None:
    before, after, _ = CASES[name]
    assert PATCHES[name].apply(f"<p>vóór</p>{before}<p>na</p>", "x.md") == f"<p>vóór</p>{after}<p>na</p>"


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_patch_stops_the_build_when_materials_markup_moved(name: str) -> None:
    _, _, moved = CASES[name]
    with pytest.raises(MaterialChanged, match=name.replace(".", r"\.")) as raised:
        PATCHES[name].apply(f"<p>vóór</p>{moved}<p>na</p>", "principes/x.nl.md")
    assert "principes/x.nl.md" in str(raised.value) and "macros/theme/material.py" in str(raised.value)


def test_a_counted_patch_stops_on_a_second_match_too() -> None:
    before, _, _ = CASES["article"]
    with pytest.raises(MaterialChanged, match="found 2, expected 1"):
        PATCHES["article"].apply(before * 2, "x.md")


def test_the_patches_are_made_for_the_installed_material() -> None:
    assert importlib.metadata.version("mkdocs-material") == material.MATERIAL_VERSION
    material.check_version()


def test_the_bundle_patch_stops_when_the_call_is_gone(tmp_path: Path) -> None:
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / "bundle.0123.min.js").write_text("var a=1;" + material.MATERIAL_ALTERNATE_CALL + "var b=2;", encoding="utf-8")
    material._drop_alternate_lookup(tmp_path)
    assert material.MATERIAL_ALTERNATE_CALL not in (scripts / "bundle.0123.min.js").read_text(encoding="utf-8")
    with pytest.raises(MaterialChanged, match="alternate lookup"):
        material._drop_alternate_lookup(tmp_path)


def test_patch_with_a_string_pattern_counts_too() -> None:
    patch = Patch("plain", "<a>", "<b>")
    assert patch.apply("<a>", "x") == "<b>"
    with pytest.raises(MaterialChanged):
        patch.apply("<c>", "x")
