"""The page-weight budget: every page type in both languages, a first visit, ≤ 25 kB gzip.

Weight, unlike time, is deterministic, so this is an assertion (scripts/weight.py measures it
the same way for `make benchmark`): every response the page's first visit fetches, at its
gzip size, nothing cached. Search costs nothing until the reader opens it.
"""

from __future__ import annotations

import pytest

from scripts.weight import BUDGET_KB, PAGE_TYPES, finish_visit, start_visit

pytestmark = pytest.mark.browser


def test_a_first_visit_of_every_page_type_weighs_at_most_the_budget(server: str, browser) -> None:
    visits = {}
    for paths in PAGE_TYPES.values():
        for path in paths:
            # A fresh context per page: nothing cached, no request of another page counted.
            context = browser.new_context(viewport={"width": 390, "height": 844})
            requests: list[str] = []
            context.on("request", lambda request, seen=requests: seen.append(request.url))
            visits[path] = (context, requests, start_visit(context, f"{server}/{path}"))
    over, empty, searched = [], [], []
    for path, (context, requests, visit) in visits.items():
        weights = finish_visit(visit)
        context.close()
        # What was measured is the page with its stylesheet and scripts (never an empty visit).
        if min(weights["html"], weights["css"], weights["js"]) < 0.5:
            empty.append((path, weights))
        if sum(weights.values()) > BUDGET_KB:
            over.append((path, round(sum(weights.values()), 1), weights))
        # Not a byte of search before the reader asks for it.
        searched += [url for url in requests if "/pagefind/" in url]
    assert len(visits) == 2 * len(PAGE_TYPES)
    assert (over, empty, searched) == ([], [], [])
