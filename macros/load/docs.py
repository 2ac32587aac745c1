"""The engine's pages that are not content units (``docs/``): one file per language each."""

from __future__ import annotations

import re
from pathlib import Path

from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGE_ADJECTIVES_NL, LANGUAGE_NAMES, LANGUAGES

# Folders in docs/ that hold no pages (our page templates).
NOT_PAGES = ("overrides",)
LANG_SUFFIX = re.compile(r"\.(?P<lang>[a-z]{2})\.md$")


def check_docs(docs: Path, problems: Problems) -> list[str]:
    """Every page in docs/ in both languages; return the pages without suffix."""
    pages: dict[str, set[str]] = {}
    for file in sorted(docs.rglob("*.md")):
        rel = file.relative_to(docs).as_posix()
        if rel.split("/")[0] in NOT_PAGES:
            continue
        match = LANG_SUFFIX.search(rel)
        if not match or match.group("lang") not in LANGUAGES:
            problems.add(
                f"docs/{rel}",
                1,
                "file name",
                Message(
                    nl="geef de pagina een naam die eindigt op .nl.md of .en.md (één bestand per taal)",
                    en="expected a page name ending in .nl.md or .en.md (one file per language)",
                ),
            )
            continue
        pages.setdefault(rel[: match.start()], set()).add(match.group("lang"))
    for page, langs in pages.items():
        for lang in LANGUAGES:
            if lang not in langs:
                have = next(iter(langs))
                problems.add(
                    f"docs/{page}.{have}.md",
                    1,
                    "translation",
                    Message(
                        nl=f"de {LANGUAGE_ADJECTIVES_NL[lang]} versie ontbreekt (maak een bestand docs/{page}.{lang}.md)",
                        en=f"the {LANGUAGE_NAMES[lang]} version is missing (expected a file docs/{page}.{lang}.md)",
                    ),
                )
    return sorted(pages)
