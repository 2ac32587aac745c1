"""A keyboard walk through every page type: Tab all the way round, then Shift+Tab all the way back.

At every stop the focused element must be on screen and visible, not under the sticky header
(WCAG 2.4.11; here not even partly), and show a focus indicator at least 2 px wide with a contrast of at least 3:1
against what is behind it (WCAG 1.4.11; 2.4.13 asks this at AAA, the NL Design System aims for
it, so do we). Every setting of macros/core/audit.py, both sites' page types.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from macros.core import audit
from tests.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser

# The page kinds of the statement (macros/core/audit.py), each by one or two pages of both languages.
PAGE_TYPES = {
    "home": ["", "en/"],
    "overview": ["overzicht/"],
    "principle": ["principes/samen-leren/", "en/principles/leefwereld-centraal/"],
    "story": ["personas/sarah/"],
    "vision": ["visie/onze-visie/", "en/vision/begrippen/"],
    "figures": ["visie/cijfers/"],
    "youth": ["en/young-people/voor-jou/"],
    "service": ["toegankelijkheid/"],
    "downloads": ["en/downloads/"],
    "not-found": ["404.html"],
}
EXAMPLE_TYPES = {
    "home": [""],
    "overview": ["en/overview/"],
    "principle": ["en/principles/een-plan/"],
    "story": ["personas/noor/"],
    "vision": ["visie/visie/"],
    "figures": ["visie/cijfers/"],
    "youth": ["jongeren/voor-jou/"],
    "service": ["en/privacy/"],
    "downloads": ["downloads/"],
    "not-found": ["en/404.html"],
}
MAX_STOPS = 400

# What one stop looks like, measured in the page.
# Colours are read back from a canvas, so every CSS colour syntax (color-mix, color()) compares.
INSPECT = """async () => {
  // No frame to wait for: no script moves anything after a scroll (the sticky header and the
  // section list are laid out by CSS, which the measurements below bring up to date).
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const shown = focused;
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 1;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const rgba = (colour) => { context.clearRect(0, 0, 1, 1); context.fillStyle = '#000'; context.fillStyle = colour;
    context.fillRect(0, 0, 1, 1); return [...context.getImageData(0, 0, 1, 1).data]; };
  const luminance = ([r, g, b]) => { const f = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const style = getComputedStyle(shown);
  const offset = parseFloat(style.outlineOffset) || 0;
  // What the ring is drawn on: the element itself for a ring inside it, else what holds it.
  let behind = offset < 0 ? shown : shown.parentElement, background = [255, 255, 255, 255];
  for (; behind; behind = behind.parentElement) {
    const colour = rgba(getComputedStyle(behind).backgroundColor);
    if (colour[3] > 200) { background = colour; break; }
  }
  const ring = rgba(style.outlineColor);
  const [a, b] = [luminance(ring), luminance(background)];
  const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const box = shown.getBoundingClientRect();
  // Covered: what is on top at the middle of its top edge and at its centre is not the element
  // (the sticky header, or anything else drawn over it).
  // A link that wraps is measured on its first line (its whole box also holds other text).
  const line = shown.getClientRects()[0] || box;
  const x = Math.min(Math.max(line.left + line.width / 2, 0), innerWidth - 1);
  const onTop = [line.top + Math.min(3, line.height / 2), line.top + line.height / 2].map((y) => document.elementFromPoint(x, Math.min(Math.max(y, 0), innerHeight - 1)));
  const covering = onTop.find((hit) => !(hit && (shown.contains(hit) || hit.contains(shown))));
  const name = (focused.dataset.rv || focused.getAttribute('aria-label') || focused.innerText || focused.tagName).trim().slice(0, 40);
  const path = []; for (let e = focused; e && e !== document.body; e = e.parentElement) path.unshift(e.tagName + [...e.parentElement.children].indexOf(e));
  return {key: path.join('/'), name, covering: covering === undefined ? '' : covering ? covering.tagName + '.' + covering.className : 'nothing',
    inViewport: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    visible: box.width > 0 && box.height > 0 && style.visibility === 'visible' && parseFloat(style.opacity) > 0,
    ring: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth), contrast: Math.round(contrast * 100) / 100};
}"""


def _walk(page, key: str) -> tuple[list[dict], bool]:
    """Press ``key`` until focus comes back to the first stop; the stops, and whether it wrapped."""
    stops: list[dict] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press(key)
        stop = page.evaluate(INSPECT)
        if stop is None:
            continue  # between the last stop and the first: the browser's own UI
        if stops and stop["key"] == stops[0]["key"]:
            return stops, True
        stops.append(stop)
    return stops, False


def _problems(stop: dict) -> list[str]:
    found = []
    if not stop["inViewport"] or not stop["visible"]:
        found.append("not on screen")
    if stop["covering"]:
        found.append(f"covered by {stop['covering']}")
    if stop["ring"] < audit.FOCUS_RING_PX:
        found.append(f"focus ring {stop['ring']} px")
    if stop["contrast"] < audit.FOCUS_RING_CONTRAST:
        found.append(f"focus ring contrast {stop['contrast']}:1")
    return found


def _walk_site(server: str, paths: dict[str, list[str]]) -> list[str]:
    """Every page type in every setting, both ways round, in a Chromium of its own."""
    from playwright.sync_api import sync_playwright

    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for setting in audit.SETTINGS:
            width, scheme = setting.width, setting.scheme
            # Reduced motion: each stop is measured where it ends up, not halfway through the
            # skip link's fade or a smooth scroll.
            context = browser.new_context(viewport={"width": width, "height": setting.height}, color_scheme=scheme, reduced_motion="reduce")
            tab = context.new_page()
            for name, path in ((kind, path) for kind, kind_paths in paths.items() for path in kind_paths):
                tab.goto(f"{server}/{path}")
                forward, wrapped = _walk(tab, "Tab")
                if not wrapped or len(forward) < 5:
                    failures.append(f"{name} {width} {scheme}: Tab did not come round ({len(forward)} stops)")
                backward, wrapped_back = _walk(tab, "Shift+Tab")
                if not wrapped_back or {s["key"] for s in backward} != {s["key"] for s in forward}:
                    failures.append(f"{name} {width} {scheme}: Shift+Tab does not visit the same stops")
                for direction, stops in (("Tab", forward), ("Shift+Tab", backward)):
                    for stop in stops:
                        for problem in _problems(stop):
                            failures.append(f"{name} {width} {scheme} {direction} '{stop['name']}': {problem}")
            context.close()
        browser.close()
    return failures


def test_the_walk_covers_every_page_kind_the_statement_names() -> None:
    assert list(PAGE_TYPES) == list(EXAMPLE_TYPES) == list(audit.WALKED)


def test_keyboard_walk_finds_no_invisible_covered_or_faint_focus(server: str, example_server: str) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        site = pool.submit(_walk_site, server, PAGE_TYPES)
        other = pool.submit(_walk_site, example_server, EXAMPLE_TYPES)
        failures = site.result() + other.result()
    assert failures == []
