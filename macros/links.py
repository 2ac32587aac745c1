"""Every internal link and #id on the built site resolves: checked on the HTML itself.

The source checks (macros/markup.py) catch an editor's broken link with file and line.
This check runs after the build on what readers get, so it also covers links made by
templates, the theme, redirect pages and the sitemap. Pure function: a folder in,
a list of problems out.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_REFRESH = re.compile(r"url=(.+)$", re.IGNORECASE)
_SITEMAP_URL = re.compile(r'<loc>([^<]+)</loc>|href="([^"]+)"')


@dataclass
class _Page:
    ids: set[str] = field(default_factory=set)
    # (attribute, target) pairs in document order
    links: list[tuple[str, str]] = field(default_factory=list)
    base: str | None = None


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = _Page()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(values[name])
        if tag == "base" and values.get("href"):
            self.page.base = values["href"]
        elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = _REFRESH.search(values.get("content", ""))
            if match:
                self.page.links.append(("refresh", match.group(1).strip()))
        for name in ("href", "src"):
            if values.get(name) and tag != "base":
                self.page.links.append((f"<{tag} {name}>", values[name]))

    handle_startendtag = handle_starttag


def _scan(file: Path) -> _Page:
    scanner = _Scanner()
    scanner.feed(file.read_text(encoding="utf-8"))
    scanner.close()
    return scanner.page


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
    problems: list[str] = []

    def resolve(base: str, target: str) -> str | None:
        parts = urlsplit(target)
        if parts.scheme in ("javascript", "vbscript"):
            return f"runs code: {target}"
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None  # mailto:, tel:, and data: images inside the theme
        if parts.netloc and parts.netloc != home.netloc:
            return None
        path = unquote(parts.path)
        if parts.netloc or path.startswith("/"):
            if prefix and not path.startswith(prefix + "/") and path != prefix:
                return f"points outside the site ({target})"
            path = path[len(prefix) :] or "/"
        elif path:
            # dirname keeps "/x" of a folder address "/x/", and "/" of a file address "/404.html".
            path = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) + ("/" if path.endswith("/") else "")
            if not path.startswith("/"):
                return f"goes above the site root ({target})"
        else:
            path = base
        path = path.replace("//", "/")
        file = site_dir / path.lstrip("/")
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
            path = path.rstrip("/") + "/"
        if not file.is_file():
            if not_built and path.startswith(f"/{not_built}/") and path.endswith(".pdf"):
                return None
            return f"leads nowhere: {target}"
        if parts.fragment and file.suffix == ".html":
            ids = pages[_address(site_dir, file)].ids
            if unquote(parts.fragment) not in ids:
                return f'leads to {path} but that page has no id "{parts.fragment}": {target}'
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
