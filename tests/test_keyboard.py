"""Keyboard, reflow, zoom and preferences in Chromium."""

from __future__ import annotations

import pytest

from macros.load.site import load_site
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
SITE = load_site(ROOT)
SHOTS = ROOT / "test-output" / "screenshots"


def focused(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, rv: e.dataset.rv || '', text: (e.innerText || '').trim(),
                outline: s.outlineStyle + ' ' + s.outlineWidth, shadow: s.boxShadow} }"""
    )


def tab_to(page, rv: str, limit: int) -> list[dict]:
    """Press Tab until the element with data-rv=``rv`` has focus; every stop shows its focus."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        assert stops[-1]["outline"] != "none 0px" or stops[-1]["shadow"] != "none", stops[-1]
        if stops[-1]["rv"] == rv:
            return stops
    pytest.fail(f"{rv} is not reachable with Tab: {stops}")


@pytest.mark.parametrize("path", ["", "en/", "principes/samen-leren/", "en/vision/cijfers/"])
def test_first_tab_reaches_the_skip_link_and_it_moves_focus_into_the_content(server: str, browser, path: str) -> None:
    lang = "en" if path.startswith("en/") else "nl"
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/{path}")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["rv"] == "skip-link" and first["text"] == SITE.t("skip_to_content", lang)
    assert first["outline"] != "none 0px" or first["shadow"] != "none"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "inhoud"
    context.close()


def test_keyboard_reaches_the_switcher_and_search_and_both_work(server: str, browser) -> None:
    principle = SITE.units.ordered("principles", "nl")[0]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{server}/{principle.url}")
    tab_to(page, "language-switch", 15)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server}/en/{SITE.units.get('principles', principle.id, 'en').url}")
    # Search from the keyboard alone: Tab to the search button, Enter, type, Tab to a result, Enter.
    tab_to(page, "open-search", 20)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.dataset.rv") == "search-input"
    page.keyboard.type("learn", delay=50)
    page.locator("[data-rv=search-status]").filter(has_text="learn").wait_for(timeout=15_000)
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('[data-rv=search-results]')")
    before = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != before, timeout=15_000)
    assert page.url.startswith(f"{server}/en/")
    context.close()


def test_reduced_motion_removes_animation(server: str, browser) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{server}/")
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter(e => {
            const s = getComputedStyle(e);
            return (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0) || parseFloat(s.transitionDuration) > 0;
        }).length"""
    )
    assert moving == 0
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots_of_every_page_type_for_review(server: str, browser, width: int, scheme: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    types = {"home": "", "home-en": "en/", "overzicht": "overzicht/", "principe": "principes/samen-leren/",
             "principe-en": "en/principles/leefwereld-centraal/", "persona": "personas/sarah/", "visie": "visie/onze-visie/",
             "ambitie": "visie/ambitie-basis/", "cijfers": "visie/cijfers/", "begrippen": "en/vision/begrippen/", "404": "404.html",
             "toegankelijkheid": "toegankelijkheid/", "downloads": "downloads/", "privacy-en": "en/privacy/"}
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    for name, path in types.items():
        response = page.goto(f"{server}/{path}")
        assert response is not None and response.ok, path
        target = SHOTS / f"{name}-{width}-{scheme}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 10_000
    context.close()
