"""A tiny HTML reader for tests: the elements of a page with their attributes and text."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    """One start tag with its attributes and the text up to its end tag (best effort)."""

    tag: str
    attrs: dict[str, str]
    text: str = ""


@dataclass
class Document(HTMLParser):
    """Parsed page: a flat list of elements in document order."""

    elements: list[Element] = field(default_factory=list)
    _open: list[Element] = field(default_factory=list)

    def __post_init__(self) -> None:
        HTMLParser.__init__(self, convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in ("meta", "link", "img", "br", "hr", "input", "source", "base", "path", "circle", "rect"):
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements with this tag whose attributes have these values (``class_`` for class)."""
        wanted = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in wanted.items())]

    def ids(self) -> list[str]:
        """Every id on the page, in order."""
        return [e.attrs["id"] for e in self.elements if "id" in e.attrs]


def parse(path: Path) -> Document:
    """Parse one HTML file."""
    document = Document()
    document.feed(path.read_text(encoding="utf-8"))
    return document


def resolve(page_path: str, href: str) -> str:
    """Resolve a relative link from a page path (like ``en/principes/x/``) to a site path."""
    base = page_path if page_path.endswith("/") or not page_path else posixpath.dirname(page_path) + "/"
    joined = posixpath.normpath(posixpath.join("/" + base, href.split("#")[0]))
    return (joined.lstrip("/") + ("/" if href.split("#")[0].endswith("/") and joined != "/" else "")).replace("//", "/")


REDIRECT_MARK = '<body data-rv="redirect">'


def pages(site: Path) -> list[str]:
    """Every HTML page of the site as a path below the root: ``""``, ``en/``, ``404.html``…

    Redirect pages (old and short addresses) are not pages: see :func:`redirect_pages`.
    """
    return [page for page, redirect in _all_pages(site) if not redirect]


def redirect_pages(site: Path) -> list[str]:
    """The small pages at old and short addresses that send readers on."""
    return [page for page, redirect in _all_pages(site) if redirect]


def _all_pages(site: Path) -> list[tuple[str, bool]]:
    result = []
    for file in sorted(site.rglob("*.html")):
        rel = file.relative_to(site).as_posix()
        result.append((rel.removesuffix("index.html"), REDIRECT_MARK in file.read_text(encoding="utf-8")))
    return result


def file_of(site: Path, page_path: str) -> Path:
    """The file behind a page path."""
    return site / (page_path + "index.html" if page_path == "" or page_path.endswith("/") else page_path)
