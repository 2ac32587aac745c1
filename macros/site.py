"""The whole validated input of the site: content units, indicators and interface strings.

:func:`load_site` is the single entry point: it runs every check, and raises one
:class:`ContentError` listing all problems, so rendering code can trust what it gets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .content import Units, load_units
from .indicators import Indicator, load_indicators
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
    strings: dict[str, dict[str, str]]
    warnings: list[Problem] = field(default_factory=list)

    def t(self, key: str, lang: str) -> str:
        """An interface string in ``lang``; a missing one is a programming error."""
        return self.strings[key][lang]


def load_strings(problems: Problems) -> dict[str, dict[str, str]]:
    """Interface strings: every key must exist in every language (no silent fallback)."""
    data = yaml.safe_load(UI_STRINGS.read_text(encoding="utf-8"))
    rel = "macros/ui.yaml"
    for key, texts in data.items():
        for lang in LANGUAGES:
            if not isinstance(texts, dict) or not str(texts.get(lang, "")).strip():
                problems.add(rel, 1, key, f"the interface string has no {lang} text (expected `{lang}: …`)")
    return data


def load_site(root: Path) -> Site:
    """Load and validate everything under ``root``; raise ContentError with all problems."""
    problems = Problems()
    units = load_units(root, problems)
    indicators = load_indicators(root, problems)
    strings = load_strings(problems)
    if problems.errors:
        raise ContentError(problems.errors + problems.warnings)
    return Site(root, units, indicators, strings, problems.warnings)
