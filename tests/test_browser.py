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


def _search(page, words: str) -> list[str]:
    """Open the search from the header, type like a person does, and wait for the count."""
    page.locator("[data-rv=open-search]").click()
    page.locator("[data-rv=search-input]").press_sequentially(words)
    status = page.locator("[data-rv=search-status]")
    # The live region says the count once the results are there (never "…", the loading line).
    status.filter(has_text=words).wait_for(timeout=15_000)
    return page.locator("[data-rv=search-results] li").all_inner_texts()


def test_search_on_english_pages_finds_english_pages_only(server: str, page) -> None:
    english = SITE.units.get("principles", "samen-leren", "en")
    dutch = SITE.units.get("principles", "samen-leren", "nl")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{server}/en/")
    # Nothing of the search is fetched until the reader opens it.
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url]
    titles = " ".join(_search(page, "learn"))
    assert english.title in titles
    assert dutch.title not in titles
    # Only the English index is read: Pagefind keeps one per language (by <html lang>).
    assert any("/pagefind/wasm.en." in url for url in requests)
    assert not [url for url in requests if "/pagefind/" in url and ("_nl" in url or ".nl_" in url or "/nl_" in url)]
    # A result leads to the English page.
    page.locator("[data-rv=search-results] a", has_text=english.title).first.click()
    page.wait_for_load_state()
    assert page.url.split("?")[0].split("#")[0] == f"{server}/en/{english.url}"
    assert all(re.match(re.escape(server), url) for url in requests)


def test_dutch_search_finds_other_forms_of_a_word(server: str, page) -> None:
    """Dutch stemming: "oplossingen" also finds "oplossen", which it is no prefix of."""
    page.goto(f"{server}/")
    assert _search(page, "oplossingen")
    marked = {word.lower().strip(".,:;!?") for word in page.locator("[data-rv=search-results] mark").all_inner_texts()}
    assert [word for word in marked if not word.startswith("oplossingen")], marked


def test_search_says_when_nothing_is_found_and_escape_returns_focus(server: str, page) -> None:
    page.goto(f"{server}/")
    assert _search(page, "qqzzxx") == []
    assert page.locator("[data-rv=search-status]").inner_text() == SITE.t("search_none", "nl").replace("{query}", "qqzzxx")
    page.keyboard.press("Escape")
    assert not page.locator("[data-rv=search]").is_visible()
    assert page.evaluate("document.activeElement.dataset.rv") == "open-search"


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
    visible = [link for link in tab.locator("[data-rv=tabs] a, [data-rv=sidebar] a").all() if link.is_visible()]
    assert len(visible) <= 12, [link.inner_text() for link in visible]
    assert not [link for link in tab.locator("[data-rv=sidebar] a").all() if link.is_visible()]
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


def test_an_injected_inline_script_and_style_are_blocked_and_the_page_still_works(server: str, page) -> None:
    """The Content-Security-Policy is a second wall: script or style that slipped into a page's
    HTML does not run, and the site's own scripts do."""
    url = f"{server}/principes/samen-leren/"

    def inject(route) -> None:
        response = route.fetch()
        probe = '<script>document.documentElement.dataset.injected = "yes"</script><p data-probe style="color: rgb(255, 0, 0)">probe</p>'
        route.fulfill(response=response, body=response.text().replace("</article>", probe + "</article>"))

    page.route(url, inject)
    blocked: list[str] = []
    page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-probe]").count() == 1
    assert page.evaluate("document.documentElement.dataset.injected") is None
    assert page.evaluate("getComputedStyle(document.querySelector('[data-probe]')).color") != "rgb(255, 0, 0)"
    assert any("script" in text for text in blocked) and any("style" in text for text in blocked), blocked
    # The site's own scripts ran: the page knows it has JavaScript, and the copy buttons are there.
    assert page.evaluate("document.documentElement.className") == "js"
    assert page.locator("button[data-rv=copy-link]").count() == len(
        SITE.units.get("principles", "samen-leren", "nl").meta["points"]
    )


def test_the_dark_button_keeps_a_choice_only_while_it_differs_from_the_system(server: str, browser) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="light")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("console", lambda message: message.type == "error" and errors.append(message.text))
    tab.goto(f"{server}/")
    button = tab.locator("button[data-rv=scheme]")
    background = "getComputedStyle(document.body).backgroundColor"
    light = tab.evaluate(background)
    assert button.get_attribute("aria-pressed") == "false" and button.inner_text() == SITE.t("scheme_toggle", "nl")
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    dark = tab.evaluate(background)
    assert dark != light
    assert tab.evaluate("localStorage.getItem('rv-scheme')") == "dark"
    # The choice holds on the next page, from the first paint (scheme.js, before the stylesheet applies).
    tab.goto(f"{server}/en/")
    assert tab.evaluate(background) == dark and tab.locator("button[data-rv=scheme]").get_attribute("aria-pressed") == "true"
    # Back to the system's scheme: nothing is kept.
    tab.locator("button[data-rv=scheme]").click()
    assert tab.evaluate(background) == light
    assert tab.evaluate("localStorage.getItem('rv-scheme')") is None
    assert not tab.context.cookies()
    assert errors == []
    context.close()


def test_dark_mode_follows_the_system_without_javascript(server: str, browser) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme, java_script_enabled=False)
        tab = context.new_page()
        tab.goto(f"{server}/")
        # Without JavaScript there is no button that could not work.
        assert not tab.locator("button[data-rv=scheme]").is_visible()
        colours = tab.evaluate("[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).colorScheme]")
        context.close()
        assert colours == (["rgb(255, 255, 255)", "light"] if scheme == "light" else ["rgb(30, 33, 41)", "dark"]), (
            scheme,
            colours,
        )
