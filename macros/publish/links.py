"""Every internal link and #id on the built site resolves: checked on the HTML itself.

The source checks (macros/load/markup.py) catch an editor's broken link with file and line.
This check runs after the build on what readers get, so it also covers links made by
our templates, redirect pages and the sitemaps. Pure function: a folder in, a list of
problems out.

It grows in a straight line with the site. Every page carries the site's navigation, so
the number of links on all pages together grows with the square of the pages; that
navigation is made by MkDocs from the pages that exist and cannot point to a missing one.
So the check reads links where they can break: a page's content (``<article>``), our
footer, the language switch and the head's alternates, and every link on pages without an
article (redirect pages); ids are collected from the whole page. Pages are parsed with
lexbor (selectolax), and each distinct target is resolved once.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser

from macros.core.problems import Message, Problem

_REFRESH = re.compile(r"url=(.+)$", re.IGNORECASE)
_SITEMAP_URL = re.compile(r'<loc>([^<]+)</loc>|href="([^"]+)"')
# Where links are made from content and our own templates, on a page with an article.
_CONTENT_LINKS = (
    "article [href], article [src], [data-rv=footer] [href], [data-rv=language-switch], "
    "link[rel=canonical], link[rel=alternate], link[rel=icon], script[src]"
)
_ALL_LINKS = "[href], [src]"
# Addresses that name a file; any other address may be a folder (with its index.html).
_FILE_ENDINGS = (".html", ".pdf", ".css", ".js", ".svg", ".xml", ".json", ".png", ".gz")


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    # (attribute, target) pairs in document order
    links: list[tuple[str, str]] = field(default_factory=list)
    base: str | None = None


def _scan(file: Path) -> _Page:
    document = LexborHTMLParser(file.read_bytes())
    page = _Page()
    for node in document.css("[id], a[name]"):
        attributes = node.attributes
        page.ids.update(value for name in ("id", "name") if (value := attributes.get(name)) and (name == "id" or node.tag == "a"))
    base = document.css_first("base[href]")
    if base is not None:
        page.base = base.attributes.get("href")
    for meta in document.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "refresh":
            match = _REFRESH.search(meta.attributes.get("content") or "")
            if match:
                page.links.append(("refresh", match.group(1).strip()))
    selector = _CONTENT_LINKS if document.css_first("article") is not None else _ALL_LINKS
    for node in document.css(selector):
        if node.tag == "base":
            continue
        for name in ("href", "src"):
            value = node.attributes.get(name)
            if value:
                page.links.append((f"<{node.tag} {name}>", value))
    return page


def _address(site_dir: Path, file: Path) -> str:
    rel = file.relative_to(site_dir).as_posix()
    return "/" + rel.removesuffix("index.html")


def check_site_links(site_dir: Path, site_url: str = "", not_built: str | None = None) -> list[str]:
    """Every broken internal link or #id in the HTML and sitemaps under ``site_dir``.

    ``site_url`` is the published address; absolute links to it count as internal, and its
    path (a site in a sub-folder) is taken off before looking for the file. ``not_built``: a
    folder whose files this build leaves out on purpose (the PDFs in the editors' preview).
    """
    home = urlsplit(site_url)
    prefix = home.path.rstrip("/")
    pages = {_address(site_dir, file): _scan(file) for file in sorted(site_dir.rglob("*.html"))}
    root = str(site_dir)
    files: dict[str, bool] = {}
    problems: list[str] = []

    def exists(rel: str) -> bool:
        """Whether the file at ``rel`` (below the site, no leading slash) exists; asked once."""
        if rel not in files:
            files[rel] = os.path.isfile(os.path.join(root, rel))
        return files[rel]

    def target_path(base: str, target: str) -> tuple[str | None, str | None, str]:
        """(problem, resolved path, fragment) of one link; path None when not checked."""
        parts = urlsplit(target)
        if parts.scheme in ("javascript", "vbscript"):
            return f"runs code: {target}", None, ""
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None, None, ""  # mailto:, tel:, and data: images inside the theme
        if parts.netloc and parts.netloc != home.netloc:
            return None, None, ""
        path = unquote(parts.path)
        if parts.netloc or path.startswith("/"):
            if prefix and not path.startswith(prefix + "/") and path != prefix:
                return f"points outside the site ({target})", None, ""
            path = path[len(prefix) :] or "/"
        elif path:
            # dirname keeps "/x" of a folder address "/x/", and "/" of a file address "/404.html".
            path = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) + ("/" if path.endswith("/") else "")
            if not path.startswith("/"):
                return f"goes above the site root ({target})", None, ""
        else:
            path = base
        return None, path.replace("//", "/"), parts.fragment

    resolved: dict[tuple[str, str], str | None] = {}

    def resolve(base: str, target: str) -> str | None:
        # Relative links resolve against the base's folder: one answer per folder and target.
        key = (base if not target or target.startswith(("#", "?")) else posixpath.dirname(base), target)
        if key not in resolved:
            resolved[key] = _resolve(base, target)
        return resolved[key]

    def _resolve(base: str, target: str) -> str | None:
        problem, path, fragment = target_path(base, target)
        if problem or path is None:
            return problem
        rel = path.lstrip("/")
        if path.endswith("/") or (not path.endswith(_FILE_ENDINGS) and os.path.isdir(os.path.join(root, rel))):
            path = path.rstrip("/") + "/"
            rel = (path.lstrip("/") + "index.html")
        if not exists(rel):
            if not_built and path.startswith(f"/{not_built}/") and path.endswith(".pdf"):
                return None
            return f"leads nowhere: {target}"
        if fragment and rel.endswith(".html"):
            page = pages.get("/" + rel.removesuffix("index.html"))
            if page is None or unquote(fragment) not in page.ids:
                return f'leads to {path} but that page has no id "{fragment}": {target}'
        return None

    for address, page in pages.items():
        base = address
        if page.base:
            base_parts = urlsplit(page.base)
            base = base_parts.path[len(prefix) :] if prefix and base_parts.path.startswith(prefix) else base_parts.path
        for attribute, target in page.links:
            message = resolve(base, target)
            if message:
                problems.append(f"{address}: {attribute} {message}")
    for sitemap in sorted(site_dir.rglob("sitemap.xml")):
        for loc, href in _SITEMAP_URL.findall(sitemap.read_text(encoding="utf-8")):
            # Namespace addresses (sitemaps.org, w3.org) are on other hosts: not checked.
            message = resolve("/", loc or href)
            if message:
                problems.append(f"/{sitemap.relative_to(site_dir).as_posix()}: {message}")
    return problems


def in_sources(broken: list[str], current: dict[str, str], root: Path, docs: Path) -> list[Problem]:
    """The broken links of a built site as problems on the file and line an editor wrote them:
    the page's source (data/addresses' map of each address to its file) and the first line that
    holds the link's target, in the editors' language."""
    problems = []
    for item in broken:
        page, _, rest = item.partition(": ")
        where = rest.rsplit(": ", 1)
        target = where[-1].strip()
        source = current.get(page) or current.get(page.rstrip("/") + "/") or ""
        file = (docs / source[len("docs/") :]) if source.startswith("docs/") else root / source
        line = 1
        if source and file.is_file():
            wanted = [target, target.rstrip("/").rsplit("/", 1)[-1]]
            for number, text in enumerate(file.read_text(encoding="utf-8").split("\n"), start=1):
                if any(word and word in text for word in wanted):
                    line = number
                    break
        problems.append(
            Problem(
                source or page,
                line,
                "link",
                Message(
                    nl=f"op de gebouwde pagina {page} leidt deze link nergens heen: {target} (controleer het adres of het #id; {rest})",
                    en=f"on the built page {page} this link leads nowhere: {target} ({rest})",
                ),
            )
        )
    return problems
