"""Every change we make to what Material for MkDocs writes, in one place, pinned to its version.

Material (9.8.2, ``requirements.txt``) renders the pages; where its markup fails a check we
hold (the HTML checker, axe, Alfa, the keyboard walk) and no template block lets us write our
own, the page it made is changed here. Each patch says why, and is guarded: it must find what
it changes exactly as often as expected, or its own leftovers must be gone afterwards, else the
build stops with :class:`MaterialChanged` naming the patch (never a silent no-op when Material's
markup moves). ``tests/test_material.py`` has a test per patch. A move off Material touches
this folder only.
"""

from __future__ import annotations

import html
import importlib.metadata
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError

# The version these patches were written against (checked when a build starts).
MATERIAL_VERSION = "9.8.2"
# Material fetches `sitemap.xml` below every <link rel=alternate> on each page (404s, and a
# request to the production host from any other host). Our switcher links straight to the
# counterpart page, so that lookup is not needed: the call is taken out of the bundle.
MATERIAL_ALTERNATE_CALL = "ui({document$:ct});"
# The id our skip link leads to: the article itself.
CONTENT_ID = "inhoud"


def check_version() -> None:
    """Stop before building when another Material is installed than these patches were made for."""
    installed = importlib.metadata.version("mkdocs-material")
    if installed != MATERIAL_VERSION:
        raise MaterialChanged("version", "mkdocs-material", f"installed {installed}, patches made for {MATERIAL_VERSION}")


class MaterialChanged(PluginError):
    """Material's output no longer looks as a patch expects: review that patch."""

    def __init__(self, patch: str, where: str, detail: str = ""):
        super().__init__(f"{where}: Material's markup changed ({patch}{': ' + detail if detail else ''}); review macros/theme/material.py")
        self.patch = patch


@dataclass(frozen=True)
class Patch:
    """One change to a page: ``pattern`` replaced by ``new`` (a string or a function of the
    match). ``count`` is how often it must match; with ``count=None`` it may match any number
    of times, and ``leftover`` must not be found afterwards."""

    name: str
    pattern: re.Pattern[str] | str
    new: str | Callable[[re.Match[str]], str]
    count: int | None = 1
    leftover: re.Pattern[str] | None = None
    # Take out the white space before the match too (for an element that is removed).
    with_space_before: bool = False

    def apply(self, page: str, where: str) -> str:
        """The page with this patch applied, or :class:`MaterialChanged`."""
        if self.with_space_before:
            # The pattern starts with a literal `<`, so the search skips ahead quickly; a leading
            # `\s*` in the pattern would try every position of the page (slow on large pages).
            assert isinstance(self.pattern, re.Pattern) and self.new == "" and self.count == 1
            found = list(self.pattern.finditer(page))
            if len(found) != 1:
                raise MaterialChanged(self.name, where, f"found {len(found)}, expected 1")
            start = found[0].start()
            while start > 0 and page[start - 1].isspace():
                start -= 1
            return page[:start] + page[found[0].end() :]
        if isinstance(self.pattern, str):
            assert isinstance(self.new, str)
            # A plain string: str methods are several times faster than a regular expression.
            found = page.count(self.pattern)
            if self.count is not None and found != self.count:
                raise MaterialChanged(self.name, where, f"found {found}, expected {self.count}")
            return page.replace(self.pattern, self.new)
        new = self.new
        result, found = self.pattern.subn(new if callable(new) else lambda _: new, page)
        if self.count is not None and found != self.count:
            raise MaterialChanged(self.name, where, f"found {found}, expected {self.count}")
        if self.leftover is not None and self.leftover.search(result):
            raise MaterialChanged(self.name, where, "some were not changed")
        return result


# Material writes autocomplete="off" on its two toggle checkboxes, outside any template
# block; the HTML checker rejects autocomplete on checkboxes.
TOGGLE_AUTOCOMPLETE = Patch(
    "toggle autocomplete",
    re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">'),
    lambda m: m.group(1) + ">",
    count=2,
)
# Material's nav-item partial writes tabindex="" on section labels (sections are not
# focusable); an empty tabindex is invalid HTML and ignored by browsers, so we drop it.
EMPTY_TABINDEX = Patch(
    "empty tabindex",
    re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex="">'),
    lambda m: m.group(1) + ">",
    count=None,
    leftover=re.compile(r'tabindex=""'),
)
# Material's palette.css holds its named colours; our own tokens (docs/assets/site.css) define
# both colour schemes, so the first visit does not load it. The element goes with the white
# space before it.
PALETTE_CSS = Patch(
    "palette.css",
    re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">'),
    "",
    with_space_before=True,
)
# Material's table of contents title is a <label for="__toc">; the checkbox exists only on
# pages in the navigation, so elsewhere the label names nothing.
TOC_LABEL = Patch(
    "table of contents label",
    re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL),
    lambda m: f'<div class="md-nav__title">{m.group(1)}</div>',
    count=None,
    leftover=re.compile(r'for="__toc"'),
)
# `aria-expanded` is not allowed on a <nav> (WCAG 4.1.2); Material writes it on every
# section's list. The sections are always open (navigation.sections), so it says nothing.
NAV_EXPANDED = Patch(
    "aria-expanded on nav",
    re.compile(r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby="[^"]+") aria-expanded="(?:true|false)"'),
    lambda m: m.group(1),
    count=None,
    leftover=re.compile(r'<nav [^>]*aria-expanded'),
)
# The article is where our skip link leads: it gets an id and can take focus.
ARTICLE = Patch(
    "article",
    '<article class="md-content__inner md-typeset">',
    f'<article class="md-content__inner md-typeset" id="{CONTENT_ID}" tabindex="-1">',
)
# Material's skip link points at the first heading of the table of contents, so pages
# without one have none. Ours is on every page and moves focus to the article itself.
_SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>', re.DOTALL)
# Material opens its menu and search with a <label for=…>: Tab skips a label, and no key
# opens one without JavaScript. Ours are buttons: the menu button opens an HTML popover
# (docs/overrides/partials/rv-menu.html), with Enter and Space, with or without JavaScript;
# the search button opens Material's search (docs/assets/site.js). Without JavaScript there is
# no search, so a link to the overview of the whole vision stands in its place (site.css).
_HEADER_LABEL = '<label class="md-header__button md-icon" for="__{toggle}">(.*?)</label>'
_DRAWER_LABEL = re.compile(_HEADER_LABEL.format(toggle="drawer"), re.DOTALL)
_SEARCH_LABEL = re.compile(_HEADER_LABEL.format(toggle="search"), re.DOTALL)
# The site's name once in the header, as Material writes it, and with a short form beside it
# that fits a phone's header (CSS shows one of the two).
_HEADER_NAME = '<div class="md-header__topic">\n          <span class="md-ellipsis">\n            {name}\n          </span>'
_HEADER_NAMES = '<div class="md-header__topic">\n          <span class="md-ellipsis"><span class="rv-name--long">{name}</span><span class="rv-name--short">{short}</span></span>'


@dataclass(frozen=True)
class Words:
    """What the page-specific patches write, in the page's language, already escaped."""

    skip: str  # "Naar de inhoud"
    menu: str
    search: str
    search_alternative: str
    overview: str  # the overview's address relative to the page
    name: str  # the site's name as Material printed it
    short: str  # the short name for a phone's header


def page_patches(words: Words) -> list[Patch]:
    """The patches for one page, in the order they run."""

    def drawer(match: re.Match[str]) -> str:
        return (
            '<button type="button" class="md-header__button md-icon rv-header-button rv-menu-button" popovertarget="rv-menu" '
            f'data-rv="open-drawer">{match.group(1).strip()}<span class="rv-header-button__word">{words.menu}</span></button>'
        )

    def search_button(match: re.Match[str]) -> str:
        return (
            f'<button type="button" class="md-header__button md-icon rv-header-button rv-search-button" data-rv="open-search">'
            f'{match.group(1).strip()}<span class="rv-header-button__word">{words.search}</span></button>'
            f'<a class="md-header__button rv-header-button rv-search-alternative" href="{words.overview}" data-rv="search-alternative">'
            f'<span class="rv-header-button__word">{words.search_alternative}</span></a>'
        )

    skip = f'<div data-md-component="skip"><a href="#{CONTENT_ID}" class="md-skip" data-rv="skip-link">{words.skip}</a></div>'
    return [
        TOGGLE_AUTOCOMPLETE,
        EMPTY_TABINDEX,
        PALETTE_CSS,
        TOC_LABEL,
        Patch("skip link", _SKIP_LINK, skip),
        Patch("menu button", _DRAWER_LABEL, drawer),
        Patch("search button", _SEARCH_LABEL, search_button),
        NAV_EXPANDED,
        ARTICLE,
        Patch("site name", _HEADER_NAME.format(name=words.name), _HEADER_NAMES.format(name=words.name, short=words.short)),
    ]


def patch_page(output: str, where: str, words: Words) -> str:
    """One built page with every patch applied (``where``: the page's source, for messages)."""
    for patch in page_patches(words):
        if patch is TOC_LABEL and 'id="__toc"' in output:
            continue  # pages in the navigation have the toc toggle this label names
        output = patch.apply(output, where)
    return output


def header_words(skip: str, menu: str, search: str, search_alternative: str, overview: str, name: str, short: str) -> Words:
    """:class:`Words` from plain interface strings (escaped here) and the escaped site names."""
    return Words(html.escape(skip), html.escape(menu), html.escape(search), html.escape(search_alternative), html.escape(overview), name, short)


def patch_site(site_dir: Path, languages: tuple[str, ...]) -> None:
    """After the last language: one search index per language, and the bundle without the
    alternate-sitemap lookup (so no copy of the sitemap is needed below /en/: the one sitemap
    lists every page in both languages)."""
    _split_search_index(site_dir)
    _drop_alternate_lookup(site_dir)
    for lang in languages[1:]:
        for name in ("sitemap.xml", "sitemap.xml.gz"):
            (site_dir / lang / name).unlink(missing_ok=True)


def _split_search_index(site_dir: Path) -> None:
    """Write one search index per language: /search/ for Dutch, /en/search/ for English."""
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index["docs"]
    dutch = [d for d in docs if not d["location"].startswith("en/")]
    english = [dict(d, location=d["location"][3:]) for d in docs if d["location"].startswith("en/")]
    for lang, entries, path in (("nl", dutch, index_path), ("en", english, site_dir / "en" / "search" / "search_index.json")):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dict(index, docs=entries, config=dict(index["config"], lang=[lang]))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _drop_alternate_lookup(site_dir: Path) -> None:
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise MaterialChanged("alternate lookup", "assets/javascripts", f"expected one bundle, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    if text.count(MATERIAL_ALTERNATE_CALL) != 1:
        raise MaterialChanged("alternate lookup", bundles[0].name, f"{MATERIAL_ALTERNATE_CALL} not found once")
    bundles[0].write_text(text.replace(MATERIAL_ALTERNATE_CALL, ""), encoding="utf-8")
