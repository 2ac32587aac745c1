"""The whole validated input of the site: content units, indicators and interface strings.

:func:`load_site` is the single entry point: it runs every check, and raises one
:class:`ContentError` listing all problems, so rendering code can trust what it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import Markup

from macros.core.files import read_source
from macros.core.problems import UNREADABLE, ContentError, Message, Problem, Problems
from macros.core.safety import check_template_text
from macros.core.schema import LANGUAGE_ADJECTIVES_NL, LANGUAGES
from macros.core.templating import plain
from macros.core.text_checks import check_heading_levels, check_lengths
from macros.load import changes, translations
from macros.load.addresses import REGISTER, SHORT, Addresses, add_short_links, check_register, read_redirects
from macros.load.catalog import macro_specs
from macros.load.content import load_portraits, load_units
from macros.load.docs import check_docs
from macros.load.figure_years import check_figure_years
from macros.load.helplines import Helpline, load_helplines
from macros.load.images import check_references, load_images
from macros.load.indicator_types import Figure, Indicator
from macros.load.indicators import load_indicators
from macros.load.markup import PageText, check_markup
from macros.load.region import Region, fill, load_region
from macros.load.terms import Terms, check_words, load_terms
from macros.load.units import TYPES, Units, front_matter_end

UI_STRINGS = Path(__file__).resolve().parents[1] / "ui.yaml"
# The project's pages that are not content units.
DOCS = Path(__file__).resolve().parents[2] / "docs"


@dataclass
class Site:
    """Everything the renderers may use, already checked."""

    root: Path
    units: Units
    indicators: dict[str, Indicator]
    figures: dict[str, Figure]
    strings: dict[str, dict[str, str]]
    warnings: list[Problem] = field(default_factory=list)
    translations: list[translations.Translation] = field(default_factory=list)
    addresses: Addresses = field(default_factory=Addresses)
    # Addresses the site has now that data/addresses.txt does not list yet.
    unregistered: list[str] = field(default_factory=list)
    # The pages that are not content units, and the engine's assets.
    docs: Path = DOCS
    # The region's identity (data/region.yaml); None only while loading failed.
    region: Region | None = None
    # The personas' drawings in the region's folder, by persona id.
    portraits: dict[str, Path] = field(default_factory=dict)
    # Pictures in content/images/ by file name (macros/load/images.py).
    images: dict[str, Path] = field(default_factory=dict)
    # The pages in docs/ (without language suffix), found once while loading.
    doc_pages: list[str] = field(default_factory=list)
    # Help now, for young people (data/helplines.yaml): required with a page for young people.
    helplines: tuple[Helpline, ...] = ()
    # The site's words (data/terms.yaml): one English term per Dutch term, words to avoid.
    terms: Terms = field(default_factory=Terms)
    _escaped: dict[str, dict[str, Markup]] = field(default_factory=dict, repr=False)

    def t(self, key: str, lang: str) -> str:
        """An interface string in ``lang``; a missing one is a programming error."""
        return self.strings[key][lang]

    def strings_in(self, lang: str) -> dict[str, str]:
        """All interface strings in one language."""
        return {key: texts[lang] for key, texts in self.strings.items()}

    def changes_in(self, lang: str) -> tuple[changes.Change, ...]:
        """Every recorded change in ``lang``, of the units and of the whole vision, newest first."""
        found = [
            change
            for pairs in self.units.by_type.values()
            for pair in pairs.values()
            for change in changes.from_unit(pair[lang].meta, pair[lang].key, lang)
        ]
        if self.region is not None:
            found += changes.from_region(list(self.region.changes), lang)
        return tuple(sorted(found, key=lambda change: change.day, reverse=True))

    def escaped_strings(self, lang: str) -> dict[str, Markup]:
        """All interface strings in one language, escaped (for our page templates, which do
        not escape); made once per build and language, not once per page."""
        if lang not in self._escaped:
            self._escaped[lang] = {key: plain(text) for key, text in self.strings_in(lang).items()}
        return self._escaped[lang]


def load_strings(problems: Problems, region: Region | None = None) -> dict[str, dict[str, str]]:
    """Interface strings: every key must exist in every language (no silent fallback).

    The region's words ({region}, {publisher}, {municipality_count}) are filled in here; a
    string that names them cannot be shown before the region file is valid.
    """
    data = yaml.load(UI_STRINGS.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    rel = "macros/ui.yaml"
    for key, texts in data.items():
        for lang in LANGUAGES:
            if not isinstance(texts, dict) or not str(texts.get(lang, "")).strip():
                problems.add(
                    rel,
                    1,
                    key,
                    Message(
                        nl=f"deze vaste tekst van de site heeft geen {LANGUAGE_ADJECTIVES_NL[lang]} tekst (schrijf `{lang}: …`)",
                        en=f"the interface string has no {lang} text (expected `{lang}: …`)",
                    ),
                )
            elif region is not None:
                texts[lang] = fill(str(texts[lang]), region, lang)
    return data


def _word_files(root: Path, docs: Path, units: Units, doc_pages: list[str]) -> list[tuple[str, str, str | None]]:
    """Every file an editor writes, as (path, text, language; None for a file of both languages)."""
    files: list[tuple[str, str, str | None]] = []
    for pairs in units.by_type.values():
        for pair in pairs.values():
            files += [(unit.path, (root / unit.path).read_text(encoding="utf-8"), lang) for lang, unit in pair.items()]
    for page in doc_pages:
        for lang in LANGUAGES:
            file = docs / f"{page}.{lang}.md"
            if file.is_file():
                files.append((f"docs/{page}.{lang}.md", file.read_text(encoding="utf-8"), lang))
    for rel in ("data/region.yaml", "data/indicators.yaml", "data/helplines.yaml"):
        if (root / rel).is_file():
            files.append((rel, (root / rel).read_text(encoding="utf-8"), None))
    return files


def _doc_body(text: str) -> tuple[str, int]:
    """A docs page's text after its front matter, and the line the text starts on."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    return (text, 1) if end is None else ("\n".join(lines[end + 1 :]), end + 2)


def load_site(root: Path, docs: Path = DOCS) -> Site:
    """Load and validate everything under ``root`` and the pages in ``docs``.

    Raises one ContentError with every problem found.
    """
    problems = Problems()
    region = load_region(root, problems)
    units = load_units(root, problems)
    declared: set[str] = set()
    indicators, figures = load_indicators(root, problems, declared)
    strings = load_strings(problems, region)
    site = Site(root, units, indicators, figures, strings, docs=docs, region=region)
    site.portraits = load_portraits(root, units, problems)
    site.images = load_images(root, problems)
    site.helplines = load_helplines(root, problems, required=bool(units.by_type.get("youth")))
    unreadable = any(p.path == "data/indicators.yaml" and p.field in UNREADABLE for p in problems.errors)
    specs = macro_specs(site, declared, figures_read=not unreadable)

    # Every page as editors wrote it, and the ids each one has before rendering.
    texts: list[PageText] = []
    anchors: dict[str, frozenset[str] | None] = {}
    addresses = Addresses()
    for pairs in units.by_type.values():
        for pair in pairs.values():
            anchors[pair["nl"].key] = frozenset(pair["nl"].anchors)
            addresses.add_page(pair["nl"].key, {lang: unit.path for lang, unit in pair.items()}, pair["nl"].anchors)
            texts += [PageText(unit.key, unit.path, unit.body, unit.body_line) for unit in pair.values()]
    site.doc_pages = check_docs(docs, problems)
    for page in site.doc_pages:
        if page != "404":
            addresses.add_page(page, {lang: f"docs/{page}.{lang}.md" for lang in LANGUAGES})
        anchors.setdefault(page, None)
        for lang in LANGUAGES:
            file = docs / f"{page}.{lang}.md"
            text = read_source(file, docs.parent, problems) if file.is_file() else None
            if text is not None:
                body, first = _doc_body(text)
                texts.append(PageText(page, f"docs/{page}.{lang}.md", body, first))
    for text in texts:
        check_template_text(text.text, text.path, text.first_line, specs, problems)
        check_markup(text, anchors, docs, problems)
        check_references(text.path, text.text, text.first_line, site.images, root, problems)
        check_heading_levels(text.path, text.text, text.first_line, problems)
        check_figure_years(text.path, text.text, text.first_line, problems)
    for pairs in units.by_type.values():
        for pair in pairs.values():
            for unit in pair.values():
                check_lengths(unit, problems)
                changes.check_dates(unit.meta.get("history"), unit.path, problems)
    if region is not None:
        changes.check_dates(list(region.changes), "data/region.yaml", problems)

    # Words we avoid (data/terms.yaml), in every file an editor writes: warnings on their line.
    site.terms = load_terms(root, problems)
    check_words(site.terms, _word_files(root, docs, units, site.doc_pages), problems)

    site.translations = translations.scan(root, [(root / "content", "content"), (docs, "docs")])
    translations.check(site.translations, problems)

    add_short_links(addresses, short_links(units))
    addresses.add_folder_redirects()
    read_redirects(root, addresses, problems)
    site.addresses = addresses
    site.unregistered = check_register(root, addresses, problems, _unsettled(root, units, problems))
    by_source: dict[str, list[str]] = {}
    for address in site.unregistered:
        by_source.setdefault(addresses.current[address], []).append(address)
    for source, new in sorted(by_source.items()):
        listed = f"{', '.join(new[:3])}{' …' if len(new) > 3 else ''}"
        problems.warn(
            source,
            1,
            "address",
            Message(
                nl=("1 nieuw adres staat" if len(new) == 1 else f"{len(new)} nieuwe adressen staan")
                + f" nog niet in {REGISTER}: {listed} (draai `make register` en neem het bestand mee in je pull request)",
                en=f"{len(new)} new address(es) not in {REGISTER} yet: {listed} (run `make register` and commit the file)",
            ),
        )

    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    site.warnings = problems.warnings
    return site


def _unsettled(root: Path, units: Units, problems: Problems) -> tuple[str, ...]:
    """Addresses of pages with errors of their own: their absence is not a second problem."""
    unsettled = []
    for ctype in TYPES.values():
        folder = root / "content" / ctype.folder
        for file in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            unit_id = file.name.split(".")[0]
            if unit_id not in units.by_type[ctype.name]:
                unsettled.append(f"/{ctype.url_folder}/{unit_id}/")
    # Short addresses count principles and ambitions: unsure while any of them has an error.
    for letter, short in SHORT.items():
        if any(p.path.startswith(f"content/{TYPES[short.content_type].folder}/") for p in problems.errors):
            unsettled.append(f"/{letter}/")
    return tuple(unsettled)


def short_links(units: Units) -> dict[str, str]:
    """Short print addresses: ``/p/1/`` for principle 1, ``/a/1/`` for ambition 1."""
    return {
        f"/{letter}/{unit.meta[short.number_field]}/": f"/{unit.url}"
        for letter, short in SHORT.items()
        for unit in units.ordered(short.content_type, LANGUAGES[0])
        if unit.meta.get(short.number_field)
    }
