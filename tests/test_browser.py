"""Behaviour in Debian's Chromium: one behaviour per test, selectors on stable attributes."""

from __future__ import annotations

import re

import pytest

from macros.load.site import load_site
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
    page.locator("[data-rv=open-search]").click()
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


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_copy_link_copies_the_full_address_of_one_point_and_says_so(server: str, browser, lang: str) -> None:
    principle = SITE.units.ordered("principles", lang)[-1]
    point = principle.meta["points"][2]
    number = f"{principle.meta['number']}.3"
    context = browser.new_context(viewport={"width": 390, "height": 844}, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    prefix = "" if lang == "nl" else "en/"
    tab.goto(f"{server}/{prefix}{principle.url}")
    item = tab.locator(f"li#{point['id']}")
    # Each point's link has its own name, with the point's number.
    assert item.locator("a[data-rv=point-link]").inner_text() == SITE.t("link_to_point_number", lang).format(number=number)
    item.locator("button[data-rv=copy-link]").click()
    status = item.locator("[role=status]")
    status.wait_for()
    assert status.inner_text() == SITE.t("link_copied", lang)
    assert tab.evaluate("navigator.clipboard.readText()") == f"{server}/{prefix}{principle.url}#{point['id']}"
    context.close()


def test_language_switch_keeps_the_point_the_reader_is_on(server: str, page) -> None:
    principle = SITE.units.ordered("principles", "nl")[0]
    english = SITE.units.get("principles", principle.id, "en")
    point = principle.meta["points"][1]["id"]
    page.goto(f"{server}/{principle.url}#{point}")
    page.locator("[data-rv=language-switch]").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/en/{english.url}#{point}"
    # Following a link to another point on the page updates the switch as well.
    other = principle.meta["points"][0]["id"]
    page.goto(f"{server}/en/{english.url}#{other}")
    assert page.locator("[data-rv=language-switch]").get_attribute("href").endswith(f"#{other}")


@pytest.mark.parametrize("path", ["", "en/", "overzicht/", "personas/bram/"])
def test_brochure_pages_have_no_long_sidebar(server: str, browser, path: str) -> None:
    """At 1280 px: at most 12 navigation links beside the content, none in a sidebar on these pages."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(f"{server}/{path}")
    visible = [link for link in tab.locator(".md-tabs a, .md-sidebar a").all() if link.is_visible()]
    assert len(visible) <= 12, [link.inner_text() for link in visible]
    assert not [link for link in tab.locator(".md-sidebar--primary a").all() if link.is_visible()]
    # The site name once in view: the header, not again in a sidebar or tab.
    names = [e for e in tab.get_by_text(SITE.region.short["nl" if not path.startswith("en/") else "en"], exact=True).all() if e.is_visible()]
    assert len(names) <= 1
    context.close()


def test_overview_prints_on_one_landscape_page_and_other_pages_portrait(server: str, page) -> None:
    sizes = {}
    for path in ("overzicht/", SITE.units.ordered("principles", "nl")[0].url):
        page.goto(f"{server}/{path}")
        pdf = page.pdf(prefer_css_page_size=True)
        boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
        sizes[path] = [(float(w), float(h)) for w, h in boxes]
    poster = sizes["overzicht/"]
    assert len(poster) == 1, poster
    assert poster[0][0] > poster[0][1]
    others = [size for path, found in sizes.items() if path != "overzicht/" for size in found]
    assert others and all(w < h for w, h in others)
