"""Quality gate in Chromium: every page, both languages, two widths, light and dark.

One sweep visits each page once per setting and records what axe-core finds, every request,
every console message and every cookie. The tests below then assert on that record, so a
failure names every page and setting at once.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT
from tests.htmlscan import pages

pytestmark = pytest.mark.browser

SETTINGS = [
    ("phone-light", {"width": 390, "height": 844}, "light"),
    ("phone-dark", {"width": 390, "height": 844}, "dark"),
    ("desktop-light", {"width": 1280, "height": 800}, "light"),
    ("desktop-dark", {"width": 1280, "height": 800}, "dark"),
]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# Exclusions, each with its reason. None today: add one only with a written reason.
AXE_EXCLUDED_RULES: dict[str, str] = {}
OUTPUT = ROOT / "test-output"


@dataclass
class Visit:
    """What one page load in one setting showed."""

    page: str
    setting: str
    violations: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)


def site_pages(site_dir: Path) -> list[str]:
    return [p for p in pages(site_dir) if not p.startswith(("assets/", "search/"))]


def _sweep(site_dir: Path, server: str) -> list[Visit]:
    """Visit every page of one site in every setting once, in a Chromium of its own.

    Playwright's sync API belongs to one thread, so each site's sweep starts its own
    browser; the two sites are swept side by side (see ``sweeps``).
    """
    from playwright.sync_api import sync_playwright

    axe = Axe()
    options = dict(AXE_OPTIONS)
    if AXE_EXCLUDED_RULES:
        options["rules"] = {rule: {"enabled": False} for rule in AXE_EXCLUDED_RULES}
    visits: list[Visit] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for setting, viewport, scheme in SETTINGS:
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            tab = context.new_page()
            # One tab per setting; the listeners write to the visit in progress.
            current: list[Visit] = []
            tab.on("request", lambda request, log=current: log[-1].requests.append(request.url))
            tab.on("console", lambda message, log=current: message.type in ("error", "warning") and log[-1].console.append(f"{message.type}: {message.text}"))
            tab.on("pageerror", lambda error, log=current: log[-1].console.append(f"pageerror: {error}"))
            for page_path in site_pages(site_dir):
                current.append(Visit(page_path, setting))
                tab.goto(f"{server}/{page_path}", wait_until="networkidle")
                result = axe.run(tab, options=options)
                for violation in result.response["violations"]:
                    targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
                    current[-1].violations.append(f'{violation["id"]} ({violation["impact"]}): {violation["help"]} at {targets}')
                current[-1].cookies = [c["name"] for c in context.cookies()]
            visits += current
            context.close()
        browser.close()
    return visits


@pytest.fixture(scope="session")
def sweeps(site_dir: Path, server: str, example_dir: Path, example_server: str) -> dict[str, list[Visit]]:
    """The region's own site and the example region, swept at the same time."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {"site": pool.submit(_sweep, site_dir, server), "example": pool.submit(_sweep, example_dir, example_server)}
        return {name: future.result() for name, future in futures.items()}


@pytest.fixture(scope="session", params=["site", "example"])
def swept(request: pytest.FixtureRequest, sweeps: dict[str, list[Visit]], site_dir: Path, example_dir: Path, server: str, example_server: str) -> tuple[list[Visit], Path, str]:
    """One site's sweep with its folder and address: every test below runs for both sites."""
    if request.param == "site":
        return sweeps["site"], site_dir, server
    return sweeps["example"], example_dir, example_server


def _report(visits: list[Visit], attribute: str) -> list[str]:
    return [f"{v.setting} /{v.page}: {item}" for v in visits for item in getattr(v, attribute)]


def test_every_page_was_visited_in_every_setting(swept: tuple[list[Visit], Path, str]) -> None:
    sweep, site_dir, _ = swept
    assert len(sweep) == len(site_pages(site_dir)) * len(SETTINGS)
    assert any(v.page.startswith("en/") for v in sweep) and any(v.page == "" for v in sweep)


def test_no_accessibility_violations(swept: tuple[list[Visit], Path, str]) -> None:
    sweep = swept[0]
    assert _report(sweep, "violations") == []


def test_no_request_leaves_the_local_server(swept: tuple[list[Visit], Path, str]) -> None:
    sweep, _, server = swept
    host = urlsplit(server).netloc
    foreign = [f"{v.setting} /{v.page}: {url}" for v in sweep for url in v.requests if urlsplit(url).netloc != host and not url.startswith("data:")]
    assert foreign == []
    assert all(v.requests for v in sweep)


def test_no_console_errors(swept: tuple[list[Visit], Path, str]) -> None:
    sweep = swept[0]
    assert _report(sweep, "console") == []


def test_no_cookies(swept: tuple[list[Visit], Path, str]) -> None:
    sweep = swept[0]
    assert _report(sweep, "cookies") == []
