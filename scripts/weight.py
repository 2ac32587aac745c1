"""Page weight of a first visit, per page type and language, in kB gzip (measured in Chromium).

Every response of a first visit is counted (a fresh browser context: nothing cached), at its
gzip size (zlib level 6, what web servers send by default), grouped by kind. The budget test
(tests/test_weight.py) asserts :data:`BUDGET_KB` on the same numbers; `make benchmark` prints
the table. Usage: `python scripts/weight.py SITE_DIR [OTHER_SITE_DIR]`: with two folders, both
side by side (before and after a change).
"""

from __future__ import annotations

import contextlib
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

# Run as a script too (`python scripts/weight.py site`): the project on the path first.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.local import CHROMIUM, CHROMIUM_ARGS, serve

# Every page type, in both languages (the example region's addresses differ: see tests/test_weight.py).
PAGE_TYPES = {
    "home": ("", "en/"),
    "principle": ("principes/samen-leren/", "en/principles/samen-leren/"),
    "story": ("personas/sarah/", "en/stories/sarah/"),
    "vision": ("visie/onze-visie/", "en/vision/onze-visie/"),
    "figures": ("visie/cijfers/", "en/vision/cijfers/"),
    "overview": ("overzicht/", "en/overview/"),
    "youth": ("jongeren/voor-jou/", "en/young-people/voor-jou/"),
    "service": ("toegankelijkheid/", "en/accessibility/"),
    "downloads": ("downloads/", "en/downloads/"),
    "not-found": ("404.html", "en/404.html"),
}
KINDS = ("html", "css", "js", "images", "other")
# The most a first visit of any page may weigh, everything counted.
BUDGET_KB = 25.0
_KIND = {"document": "html", "stylesheet": "css", "script": "js", "image": "images"}


def gzip_kb(data: bytes) -> float:
    return len(gzip.compress(data, 6, mtime=0)) / 1024


def start_visit(context: object, url: str) -> tuple[object, list[object]]:
    """Open ``url`` in a fresh tab of ``context`` and record its responses; returns at once, so
    several visits can load side by side (:func:`finish_visit` waits for each)."""
    tab = context.new_page()  # type: ignore[attr-defined]
    responses: list[object] = []
    tab.on("response", lambda response: responses.append(response))
    tab.goto(url, wait_until="commit")
    return tab, responses


def finish_visit(visit: tuple[object, list[object]]) -> dict[str, float]:
    """kB gzip per kind of every response of the visit, once the network has been idle for 0.5 s."""
    tab, responses = visit
    tab.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    totals = dict.fromkeys(KINDS, 0.0)
    for response in responses:
        kind = _KIND.get(response.request.resource_type, "other")  # type: ignore[attr-defined]
        totals[kind] += gzip_kb(response.body())  # type: ignore[attr-defined]
    tab.close()  # type: ignore[attr-defined]
    return totals


@contextlib.contextmanager
def serving(site: Path) -> Iterator[str]:
    """The folder served on a free port of 127.0.0.1; yields its base address."""
    for base in serve(site):
        yield base + "/"


def measure(site: Path) -> dict[tuple[str, str], dict[str, float]]:
    """Every page type in both languages: kB gzip per kind."""
    from playwright.sync_api import sync_playwright

    found = {}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        visits = {}
        for name, paths in PAGE_TYPES.items():
            for lang, path in zip(("nl", "en"), paths):
                if (site / (path if path.endswith(".html") else path + "index.html")).is_file():
                    context = browser.new_context(viewport={"width": 390, "height": 844})
                    visits[(name, lang)] = (context, start_visit(context, base + path))
        for key, (context, visit) in visits.items():
            found[key] = finish_visit(visit)
            context.close()
        browser.close()
    return found


# What a first search fetches: the reader opens the search on the home page and types a word.
SEARCHES = {"nl": ("", "leren"), "en": ("en/", "learn")}


def first_search(site: Path) -> dict[str, tuple[float, int]]:
    """Per language: kB gzip and number of requests from opening the search to its first results."""
    from playwright.sync_api import sync_playwright

    found = {}
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for lang, (path, words) in SEARCHES.items():
            context = browser.new_context(viewport={"width": 390, "height": 844})
            tab = context.new_page()
            tab.goto(base + path, wait_until="networkidle")
            responses: list[object] = []
            tab.on("response", lambda response, seen=responses: seen.append(response))
            tab.locator("[data-rv=open-search]").click()
            tab.locator("[data-rv=search-input]").press_sequentially(words)
            tab.locator("[data-rv=search-status]").filter(has_text=words).wait_for(timeout=15_000)
            tab.wait_for_load_state("networkidle")
            found[lang] = (sum(gzip_kb(r.body()) for r in responses), len(responses))  # type: ignore[attr-defined]
            context.close()
        browser.close()
    return found


def table(sites: list[Path]) -> str:
    """A Markdown table: one row per page type and language, one column per site folder."""
    results = [measure(site) for site in sites]
    head = "| page type | " + " | ".join(f"{site.name}: " + " / ".join(KINDS) + " = total kB gzip" for site in sites) + " |"
    lines = [head, "|---|" + "---|" * len(sites)]
    for name in PAGE_TYPES:
        for lang in ("nl", "en"):
            cells = []
            for found in results:
                weights = found.get((name, lang))
                cells.append(
                    "–"
                    if weights is None
                    else " / ".join(f"{weights[k]:.1f}" for k in KINDS) + f" = **{sum(weights.values()):.1f}**"
                )
            lines.append(f"| {name} ({lang}) | " + " | ".join(cells) + " |")
    for site in sites:
        if (site / "pagefind" / "pagefind.js").is_file():
            for lang, (kb, count) in first_search(site).items():
                lines.append(
                    f"\nA first search in {lang} on {site.name} ({SEARCHES[lang][1]!r}): {kb:.1f} kB gzip in {count} requests."
                )
    return "\n".join(lines)


if __name__ == "__main__":
    print(table([Path(arg) for arg in sys.argv[1:]]))
