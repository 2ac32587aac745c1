"""Jargon explained where it stands: on each page, the first use of a word from the glossary
(the vision page ``begrippen``) links to its entry there.

The glossary's entries are its second-level headings with an id, ``## Leefwereld { #leefwereld }``;
the word is the heading without what stands between brackets (``Outpatient help (ambulante
hulp)`` is found as "outpatient help"). A word is found whole and in any case, once per page:
its first use in running text, not in a heading, link, quote, chart, code, a kicker or a box of
facts, the citation or the list of changes. On the site it links to the glossary page; in the brochure, where the glossary
is a section of the same document, to that section.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from macros.load.site import Site
from macros.load.units import Unit

# The vision page that holds the glossary.
GLOSSARY = "begrippen"
_ENTRY = re.compile(r"^##\s+(?P<words>.+?)\s+\{\s*#(?P<anchor>[a-z0-9-]+)\s*\}\s*$", re.MULTILINE)
_TAG = re.compile(r"<[^>]+>")
_BRACKETS = re.compile(r"\s*\([^)]*\)")
_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_NAME = re.compile(r"</?\s*([a-zA-Z0-9]+)")
# Where no word is marked: links and headings (a link in a link, a link in a title), code,
# drawings, quotes (spoken words), form controls, and what is already a definition.
_SKIP = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "kbd", "script", "style", "svg", "figure",
                   "blockquote", "button", "dfn", "abbr", "textarea", "title", "time"})  # fmt: skip
# Blocks of a unit page about the page rather than its subject: its changes, its citation, its dates.
_SKIP_BLOCKS = ('data-rv="changes"', 'data-rv="citation"', 'data-rv="last-updated"', 'data-rv="print-address"', 'data-rv="youth-link"')
# Lines that are not running text: the kicker above a title, a box of facts whose link is a button.
_SKIP_CLASSES = re.compile(r'\bclass="[^"]*\b(?:rv-kicker|rv-info)\b')
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class Term:
    """One glossary entry: the word as found in running text, and its heading's id."""

    words: str
    anchor: str

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        parts = r"\s+".join(re.escape(part) for part in self.words.split())
        return re.compile(rf"(?<![\w-]){parts}(?![\w-])", re.IGNORECASE)


def glossary_unit(site: Site, lang: str) -> Unit | None:
    """The glossary page in ``lang``, if the region has one."""
    return next((unit for unit in site.units.ordered("vision", lang) if unit.id == GLOSSARY), None)


def terms(unit: Unit) -> list[Term]:
    """The glossary's entries, in its order (read once per text: every page of a build asks)."""
    return list(_terms(unit.body))


@lru_cache(maxsize=8)
def _terms(body: str) -> tuple[Term, ...]:
    found = []
    for entry in _ENTRY.finditer(body):
        words = _BRACKETS.sub("", html.unescape(_TAG.sub("", entry.group("words")))).strip()
        if words:
            found.append(Term(words, entry.group("anchor")))
    return tuple(found)


def mark(markup: str, entries: list[Term], href: Callable[[str], str]) -> str:
    """``markup`` with the first use of each entry's word linked to ``href(anchor)``."""
    remaining = {term.anchor: term for term in entries}
    out: list[str] = []
    stack: list[tuple[str, bool]] = []
    for token in _TOKEN.split(markup):
        if not token:
            continue
        if token.startswith("<"):
            out.append(token)
            found = _NAME.match(token)
            if token.startswith("<!--") or found is None:
                continue
            name = found.group(1).lower()
            if token.startswith("</"):
                while stack:
                    if stack.pop()[0] == name:
                        break
            elif name not in _VOID and not token.endswith("/>"):
                skipping = (
                    bool(stack and stack[-1][1]) or name in _SKIP or any(marker in token for marker in _SKIP_BLOCKS) or bool(_SKIP_CLASSES.search(token))
                )
                stack.append((name, skipping))
            continue
        if (stack and stack[-1][1]) or not remaining:
            out.append(token)
            continue
        out.append(_mark_text(token, remaining, href))
    return "".join(out)


def _mark_text(text: str, remaining: dict[str, Term], href: Callable[[str], str]) -> str:
    """One run of text with each remaining word's first use linked (and no longer remaining)."""
    pieces, position = [], 0
    while remaining:
        hits = [(match.start(), -len(match.group(0)), term.anchor, match) for term in remaining.values() if (match := term.pattern.search(text, position))]
        if not hits:
            break
        _, _, anchor, match = min(hits)
        pieces.append(text[position : match.start()])
        pieces.append(f'<a class="rv-term" href="{html.escape(href(anchor))}" data-rv="term">{match.group(0)}</a>')
        position = match.end()
        del remaining[anchor]
    pieces.append(text[position:])
    return "".join(pieces)
