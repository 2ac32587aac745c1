"""The whole validated input of the site: content units, indicators and interface strings.

:func:`load_site` is the single entry point: it runs every check, and raises one
:class:`ContentError` listing all problems, so rendering code can trust what it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .content import Units, load_units
from .indicators import Figure, Indicator, load_indicators
from .problems import ContentError, Problem, Problems
from .schema import LANGUAGES

UI_STRINGS = Path(__file__).with_name("ui.yaml")
# Where the hooks keep the loaded site on the MkDocs config, for the macros to read.
SITE_KEY = "regiovisie_site"


@dataclass
class Site:
    """Everything the renderers may use, already checked."""

    root: Path
    units: Units
    indicators: dict[str, Indicator]
    figures: dict[str, Figure]
    strings: dict[str, dict[str, str]]
    warnings: list[Problem] = field(default_factory=list)

    def t(self, key: str, lang: str) -> str:
        """An interface string in ``lang``; a missing one is a programming error."""
        return self.strings[key][lang]

    def strings_in(self, lang: str) -> dict[str, str]:
        """All interface strings in one language."""
        return {key: texts[lang] for key, texts in self.strings.items()}


def load_strings(problems: Problems) -> dict[str, dict[str, str]]:
    """Interface strings: every key must exist in every language (no silent fallback)."""
    data = yaml.safe_load(UI_STRINGS.read_text(encoding="utf-8"))
    rel = "macros/ui.yaml"
    for key, texts in data.items():
        for lang in LANGUAGES:
            if not isinstance(texts, dict) or not str(texts.get(lang, "")).strip():
                problems.add(rel, 1, key, f"the interface string has no {lang} text (expected `{lang}: …`)")
    return data


def load_site(root: Path, docs: Path | None = None) -> Site:
    """Load and validate everything under ``root`` (and the pages in ``docs``).

    Raises one ContentError with every problem found.
    """
    from .catalog import macro_specs
    from .pages import check_docs
    from .safety import check_template_text

    problems = Problems()
    units = load_units(root, problems)
    declared: set[str] = set()
    indicators, figures = load_indicators(root, problems, declared)
    strings = load_strings(problems)
    site = Site(root, units, indicators, figures, strings)
    specs = macro_specs(site, declared)
    for pairs in units.by_type.values():
        for pair in pairs.values():
            for unit in pair.values():
                check_template_text(unit.body, unit.path, unit.body_line, specs, problems)
    if docs is not None:
        for page in check_docs(docs, problems):
            for lang in LANGUAGES:
                file = docs / f"{page}.{lang}.md"
                if file.is_file():
                    check_template_text(file.read_text(encoding="utf-8"), f"docs/{page}.{lang}.md", 1, specs, problems)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    site.warnings = problems.warnings
    return site
