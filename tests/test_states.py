"""The states no engine sees on its own: each put on screen, then checked (axe where it applies).

The list of states is ``macros.core.audit.STATES``, which the accessibility statement shows; the first
test proves each has its test here, so the statement never claims one that is not tested.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.core import audit
from macros.load.site import load_site
from tests.conftest import ROOT
from tests.htmlscan import pages
from tests.test_keyboard import tab_to
from tests.test_quality import AXE_OPTIONS

pytestmark = pytest.mark.browser
SITE = load_site(ROOT)
SHOTS = ROOT / "test-output" / "screenshots"
PAGE_TYPES = ("", "en/", "overzicht/", "principes/samen-leren/", "en/stories/sarah/", "visie/cijfers/", "en/vision/begrippen/", "toegankelijkheid/")
# Text that a box cuts off: a box that hides what overflows it, and holds more than it shows.
# Text for screen readers only is clipped to nothing on purpose.
CLIPPED = """() => [...document.querySelectorAll('body *')].filter(e => {
    const s = getComputedStyle(e);
    if (/visually-hidden/.test(e.className) || s.clip === 'rect(0px, 0px, 0px, 0px)' || !e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
    if (e.closest('[data-rv=sidebar], [data-rv=tabs], #rv-menu:not(:popover-open), dialog:not([open])')) return false;
    const hides = (v) => v === 'hidden' || v === 'clip';
    return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
}).map(e => e.tagName + '.' + e.className)"""
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _violations(tab) -> list[str]:
    result = Axe().run(tab, options=AXE_OPTIONS)
    return [f"{v['id']}: {v['help']} at {[(n['target'], n['failureSummary']) for n in v['nodes']][:3]}" for v in result.response["violations"]]


def _focused(tab) -> str:
    return tab.evaluate("document.activeElement.dataset.rv || document.activeElement.className || document.activeElement.tagName")


def test_every_state_the_statement_names_has_its_test() -> None:
    here = sys.modules[__name__]
    missing = [state for state in audit.STATES if not callable(getattr(here, "test_state_" + state.replace("-", "_"), None))]
    assert missing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_state_open_menu(server: str, browser, scheme: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{server}/principes/samen-leren/")
    tab_to(tab, "open-drawer", 20)
    tab.keyboard.press("Space")
    assert tab.evaluate("document.getElementById('rv-menu').matches(':popover-open')")
    # Focus goes into the menu next; the page's own section is open, the current page marked.
    tab.keyboard.press("Tab")
    assert _focused(tab) == "close-menu"
    current = tab.locator("#rv-menu [aria-current=page]")
    assert current.count() == 1 and current.inner_text() == SITE.units.get("principles", "samen-leren", "nl").title
    links = tab.locator("#rv-menu a")
    assert links.count() >= 5 and all(links.nth(i).is_visible() for i in range(links.count()))
    assert _violations(tab) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"state-open-menu-{scheme}.png"))
    tab.keyboard.press("Escape")
    assert not tab.evaluate("document.getElementById('rv-menu').matches(':popover-open')")
    assert _focused(tab) == "open-drawer"
    context.close()


@pytest.mark.parametrize(
    ("width", "height", "scheme"), [(390, 844, "light"), (1280, 800, "dark"), (320, 640, "dark"), (320, 200, "light")]
)
def test_state_search_results(server: str, browser, width: int, height: int, scheme: str) -> None:
    """The search dialog with results: on a phone, a wide screen in dark mode, at 320 px and at
    400 % zoom (320 × 200); from the keyboard, labelled in the page's language, counted aloud."""
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    tab = context.new_page()
    tab.goto(f"{server}/en/")
    tab_to(tab, "open-search", 20)
    tab.keyboard.press("Space")
    assert _focused(tab) == "search-input"
    assert tab.locator("[data-rv=search]").get_attribute("aria-labelledby")
    assert tab.get_by_label(SITE.t("search_label", "en")).count() == 1
    tab.keyboard.type("learn", delay=40)
    status = tab.locator("[data-rv=search-status]")
    status.filter(has_text="learn").wait_for(timeout=15_000)
    count = tab.locator("[data-rv=search-results] li").count()
    # The live region says how many were found (role=status is polite and atomic).
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == SITE.t("search_results", "en").replace("{count}", str(count)).replace("{query}", "learn")
    assert _violations(tab) == []
    assert tab.evaluate(SIDEWAYS) <= 0
    # Tab goes from the field to the results; the chosen one shows it.
    tab.keyboard.press("Tab")
    chosen = tab.evaluate(
        """(() => { const e = document.activeElement; const s = getComputedStyle(e); const r = e.getBoundingClientRect();
        return {result: !!e.closest('[data-rv=search-results]'), outline: s.outlineStyle, seen: r.top >= 0 && r.bottom <= innerHeight}; })()"""
    )
    assert chosen == {"result": True, "outline": "solid", "seen": True}, chosen
    SHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SHOTS / f"state-search-results-{width}x{height}-{scheme}.png"))
    # Escape closes it, and focus is back on the button that opened it.
    tab.keyboard.press("Escape")
    assert _focused(tab) == "open-search"
    context.close()


def test_state_link_copied(server: str, browser) -> None:
    # Reduced motion: axe looks at the page as it stands, not at the header's options fading
    # back in after Tab passed the search field.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, permissions=["clipboard-read", "clipboard-write"], reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(f"{server}/principes/samen-leren/")
    tab_to(tab, "copy-link", 60)
    tab.keyboard.press("Enter")
    status = tab.locator(".rv-copied[role=status]").first
    status.wait_for(state="visible", timeout=5_000)
    confirmation = tab.locator("a[data-rv=point-link][data-rv-copied]").first.get_attribute("data-rv-copied")
    assert confirmation and status.inner_text() == confirmation
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(server) and "#" in copied
    assert _violations(tab) == []
    context.close()


def test_state_forced_colours(server: str, browser) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(forced_colors="active", viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.goto(f"{server}/visie/cijfers/")
    colours = tab.evaluate(
        """() => { const fill = (s) => getComputedStyle(document.querySelector(s)).fill;
        return {bar: fill('.rv-chart__bar'), outside: fill('.rv-chart__value:not(.rv-chart__value--inside)'),
                inside: fill('.rv-chart__value--inside'), background: getComputedStyle(document.body).backgroundColor}; }"""
    )
    # Bars and the values beside them in the text colour; a value inside a bar in the background colour.
    assert colours["bar"] == colours["outside"] != colours["background"]
    assert colours["inside"] == colours["background"] != colours["bar"]
    # Focus stays visible: the ring is a system colour, not transparent.
    tab_to(tab, "skip-link", 3)
    ring = tab.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineColor]; })()")
    assert ring[0] != "none" and "0, 0, 0, 0" not in ring[1]
    tab.screenshot(path=str(SHOTS / "forced-colors-cijfers.png"), full_page=True)
    tab.goto(f"{server}/overzicht/")
    tab.screenshot(path=str(SHOTS / "forced-colors-overzicht.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_state_text_200(server: str, browser, width: int) -> None:
    # As a reader's browser setting does it: the default font size doubled (16 → 32 px), so
    # em-based media queries follow too (a style on the root would not move them).
    context = browser.new_context(viewport={"width": width, "height": 800})
    tab = context.new_page()
    session = context.new_cdp_session(tab)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    for path in PAGE_TYPES:
        tab.goto(f"{server}/{path}")
        assert tab.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 32
        assert (path, tab.evaluate(CLIPPED), tab.evaluate(SIDEWAYS) <= 0) == (path, [], True)
    context.close()


# WCAG 1.4.12: line height 1.5, paragraphs 2 × the font size apart, letters 0.12 and words 0.16.
SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }"""


@pytest.mark.parametrize("width", [390, 1280])
def test_state_text_spacing(server: str, browser, width: int) -> None:
    # The reader's own style sheet (a browser extension or bookmarklet, as WCAG 1.4.12 has in
    # mind) is not the page's: the page's Content-Security-Policy does not apply to it.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    tab = context.new_page()
    for path in PAGE_TYPES:
        tab.goto(f"{server}/{path}")
        tab.add_style_tag(content=SPACING)
        assert (path, tab.evaluate(CLIPPED), tab.evaluate(SIDEWAYS) <= 0) == (path, [], True)
    context.close()


def test_state_narrow_320(site_dir: Path, server: str, browser) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    wide = []
    for path in pages(site_dir):
        if path.startswith(("assets/", "search/")):
            continue
        tab.goto(f"{server}/{path}")
        if tab.evaluate(SIDEWAYS) > 0:
            wide.append(path)
    # Every chart's text stays inside its chart, and every table fits: nothing to scroll to.
    tab.goto(f"{server}/visie/cijfers/")
    outside = tab.evaluate(
        """() => [...document.querySelectorAll('svg.rv-chart')].flatMap(svg => { const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();
                return r.left < box.left - 1 || r.right > box.right + 1; }).map(t => t.textContent); })"""
    )
    tables = tab.evaluate("[...document.querySelectorAll('.rv-table')].filter(t => t.scrollWidth > t.clientWidth + 1).length")
    context.close()
    assert (wide, outside, tables) == ([], [], 0)


def test_state_zoom_400(server: str, browser) -> None:
    # A 1280 × 800 screen at 400 % zoom is a 320 × 200 window of CSS pixels.
    context = browser.new_context(viewport={"width": 320, "height": 200})
    tab = context.new_page()
    for path in PAGE_TYPES:
        tab.goto(f"{server}/{path}")
        header = tab.evaluate("document.querySelector('header').getBoundingClientRect().height")
        assert (path, tab.evaluate(SIDEWAYS) <= 0, header <= 100) == (path, True, True)
    # The menu opens, and its last link can be reached and seen.
    tab_to(tab, "open-drawer", 20)
    tab.keyboard.press("Enter")
    last = tab.locator("#rv-menu a").last
    last.focus()
    assert last.is_visible() and tab.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })()")
    context.close()


def test_state_no_javascript(server: str, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    for key in ("Enter", "Space"):
        tab.goto(f"{server}/en/")
        tab_to(tab, "open-drawer", 20)
        tab.keyboard.press(key)
        assert tab.evaluate("document.getElementById('rv-menu').matches(':popover-open')"), key
    # No search without JavaScript: the header offers the overview in its place.
    tab.goto(f"{server}/en/")
    assert not tab.locator("[data-rv=open-search]").is_visible()
    tab_to(tab, "search-alternative", 20)
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"{server}/en/overview/")
    context.close()
    # axe itself needs JavaScript: here the site's scripts are refused instead, so the page
    # looks as it does without JavaScript, and axe checks the header with the overview link.
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.route("**/*.js", lambda route: route.abort())
    tab = context.new_page()
    tab.goto(f"{server}/en/")
    assert tab.locator("[data-rv=search-alternative]").is_visible()
    assert _violations(tab) == []
    context.close()
