"""A unit's page as Markdown: what comes above its body, the body as the editor wrote it (links
in the page's language, pictures for its address), and what comes below. The site builds it
with MkDocs (``stage/pages.py``); the brochure renders the same Markdown for paper
(``publish/documents.py``), where ``medium="print"`` leaves out what only a screen uses.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from macros.core.paths import localize_link
from macros.core.schema import LANGUAGES
from macros.load import images
from macros.load.markup import INLINE_LINK, REFERENCE, repository_key
from macros.load.site import Site
from macros.load.units import Unit
from macros.render.units import Link, unit_footer, unit_header

# What a macro call looks like in a body: an expression, a statement or a comment.
JINJA = re.compile(r"\{\{|\{%|\{#")
# The Markdown extensions of mkdocs.yml, with MkDocs' own defaults first (tests/test_layers.py
# holds them to the configuration): paper reads the body as the site does.
MARKDOWN_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition", "md_in_html"]
MARKDOWN_CONFIGS = {"toc": {"permalink": False}}


def has_macros(unit: Unit) -> bool:
    """Whether the body calls a macro (else mkdocs-macros need not compile it)."""
    return bool(JINJA.search(unit.body))


def unit_markdown(site: Site, unit: Unit, link: Link, medium: str = "screen") -> str:
    """The page's Markdown, with links from ``link`` (relative on the site, absolute on paper)."""
    body = repository_links(unit.body.strip(), unit.path, unit.key)
    body = images.render(localize_links(body, unit.lang), site.images, link, decoration=medium != "print")
    return f"{unit_header(site, unit, link, medium)}\n\n{body}\n\n{unit_footer(site, unit, link, medium)}\n"


def _map_targets(text: str, change: Callable[[str], str]) -> str:
    """Every link target in a body's Markdown (inline and reference links) through ``change``."""

    def rewrite(match: re.Match[str]) -> str:
        group = 2 if match.re is INLINE_LINK else 1
        whole = match.group(0)
        start, end = match.start(group) - match.start(), match.end(group) - match.start()
        return whole[:start] + change(whole[start:end]) + whole[end:]

    return "\n".join(REFERENCE.sub(rewrite, INLINE_LINK.sub(rewrite, line)) for line in text.split("\n"))


def repository_links(text: str, source: str, key: str) -> str:
    """Links written as the file in the repository (``../principles/samen-leren.nl.md``, which
    GitHub's preview follows) as the site's own (``../principes/samen-leren.md``), from the page
    ``key`` whose file is ``source``."""

    def to_site(written: str) -> str:
        path, hash_, anchor = written.partition("#")
        target = repository_key(source, path)
        if target is None:
            return written
        return posixpath.relpath(f"{target}.md", posixpath.dirname(key) or ".") + hash_ + anchor

    return _map_targets(text, to_site)


def localize_links(text: str, lang: str) -> str:
    """Editors link to pages by their Dutch folders in both languages; staged English pages
    live in English folders, so their links are renamed to match."""
    if lang == LANGUAGES[0]:
        return text
    return _map_targets(text, lambda written: localize_link(written, lang))
