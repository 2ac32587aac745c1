"""Page weight of a first visit, per page type: HTML + CSS + JS + images, in kB gzip (a report).

Usage: `python scripts/weight.py SITE_DIR [OTHER_SITE_DIR]`; with two folders it prints both
side by side (before and after a change). `make benchmark` includes the table.
"""

from __future__ import annotations

import gzip
import posixpath
import sys
from html.parser import HTMLParser
from pathlib import Path

PAGE_TYPES = {
    "home": "index.html",
    "principle": "principes/samen-leren/index.html",
    "persona": "personas/sarah/index.html",
    "vision": "visie/onze-visie/index.html",
    "figures": "visie/cijfers/index.html",
    "overview": "overzicht/index.html",
}
KINDS = ("html", "css", "js", "images")


class _Assets(HTMLParser):
    """The files a browser fetches for a page on its first visit (stylesheets, scripts, images, icons)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "stylesheet":
            self.found.append(("css", a["href"]))
        elif tag == "link" and "icon" in a.get("rel", ""):
            self.found.append(("images", a["href"]))
        elif tag == "script" and a.get("src"):
            self.found.append(("js", a["src"]))
        elif tag == "img" and a.get("src") and a.get("loading") != "lazy":
            # Lazy images (the portraits below the fold) are not part of the first view.
            self.found.append(("images", a["src"]))


def _gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, 9)) / 1024


def weigh(site: Path, page: str) -> dict[str, float]:
    """kB gzip per kind for one page and what it loads (each file counted once)."""
    html = (site / page).read_bytes()
    totals = dict.fromkeys(KINDS, 0.0)
    totals["html"] = _gzip_kb(html)
    parser = _Assets()
    parser.feed(html.decode("utf-8"))
    seen: set[str] = set()
    for kind, href in parser.found:
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href.split("?")[0].split("#")[0]))
        file = site / path
        if path in seen or not file.is_file():
            continue
        seen.add(path)
        totals[kind] += _gzip_kb(file.read_bytes())
    return totals


def table(sites: list[Path]) -> str:
    """A Markdown table: one row per page type, one column group per site folder."""
    labels = [s.name for s in sites]
    head = "| page type | " + " | ".join(f"{label}: HTML / CSS / JS / images = total kB gzip" for label in labels) + " |"
    lines = [head, "|---|" + "---|" * len(sites)]
    for name, page in PAGE_TYPES.items():
        cells = []
        for site in sites:
            if not (site / page).is_file():
                cells.append("–")
                continue
            w = weigh(site, page)
            cells.append(" / ".join(f"{w[k]:.1f}" for k in KINDS) + f" = **{sum(w.values()):.1f}**")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([Path(arg) for arg in sys.argv[1:]]))
