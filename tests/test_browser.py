"""Behaviour in Debian's Chromium: one behaviour per test, selectors on stable attributes."""

from __future__ import annotations

import re

import pytest

from macros.site import load_site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SITE = load_site(ROOT)


def test_language_switcher_click_lands_on_the_counterpart(server: str, page) -> None:
    principle = SITE.units.ordered("principles", "nl")[1]
    english = SITE.units.get("principles", principle.id, "en")
    page.goto(f"{server}/{principle.url}")
    assert page.locator("html").get_attribute("lang") == "nl"
    page.locator("[data-rv=language-switch]").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/en/{english.url}"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == english.title
    # And back again, to the same Dutch page.
    page.locator("[data-rv=language-switch]").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/{principle.url}"


def test_point_anchor_is_the_same_in_both_languages(server: str, page) -> None:
    principle = SITE.units.ordered("principles", "nl")[0]
    point = principle.meta["points"][-1]["id"]
    for prefix in ("", "en/"):
        page.goto(f"{server}/{prefix}{principle.url}#{point}")
        assert page.locator(f"li#{point}").is_visible()


def test_search_on_english_pages_finds_english_pages_only(server: str, page) -> None:
    english = SITE.units.get("principles", "samen-leren", "en")
    dutch = SITE.units.get("principles", "samen-leren", "nl")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/en/")
    page.locator("label[for=__search]").first.click()
    # Material reacts to key events, so type like a person does.
    page.locator("input[data-md-component=search-query]").press_sequentially("learn")
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    titles = " ".join(results.all_inner_texts())
    assert english.title in titles
    assert dutch.title not in titles
    assert any(url.endswith("/en/search/search_index.json") for url in requests)
    # A result leads to the English page.
    results.filter(has_text=english.title).first.locator("a").first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].split("#")[0] == f"{server}/en/{english.url}"
    assert all(re.match(re.escape(server), url) for url in requests)
