"""Quality gate in Chromium: every page, both languages, two widths, light and dark.

One sweep visits each page once per setting and records what axe-core finds, every request,
every console message and every cookie. A second engine, Siteimprove Alfa (the W3C ACT rules,
``tests/alfa.mjs``), audits the same pages in the same settings in a Node process of its own,
at the same time. The tests below then assert on those records, so a failure names every page
and setting at once.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros import audit
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT
from tests.htmlscan import pages

pytestmark = pytest.mark.browser

# The settings the accessibility statement names (macros/audit.py).
SETTINGS = [(s.name, {"width": s.width, "height": s.height}, s.scheme) for s in audit.SETTINGS]
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


ALFA = ROOT / "tests" / "alfa.mjs"
NODE_MODULES = ROOT / "node_modules" / "@siteimprove" / "alfa-rules"
# A page with two failures Alfa must find (text at 1.6:1, an image without a text
# alternative): proof that the engine runs and can fail, beside the real pages.
ALFA_CANARY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body><main><h1>Canary</h1><p style="color:#ccc;background:#fff">Too faint to read.</p><img src="x.png"></main></body></html>"""


# Alfa audits in Node, one page at a time: two processes, each with half the settings, keep
# both cores busy while the axe sweeps wait for their pages to settle.
ALFA_PROCESSES = 2


def _start_alfa(sites: dict[str, tuple[Path, str]], folder: Path) -> list[tuple[subprocess.Popen[bytes], Path]]:
    """Start Alfa over every page of ``sites`` (name: folder, address) in all SETTINGS, and the canary."""
    if not NODE_MODULES.is_dir():
        pytest.fail("Siteimprove Alfa is missing: run `make test`, which installs it with npm ci")
    (folder / "canary.html").write_text(ALFA_CANARY, encoding="utf-8")
    targets = [{"name": name, "base": base, "pages": site_pages(path)} for name, (path, base) in sites.items()]
    targets.append({"name": "canary", "base": folder.as_uri(), "pages": ["canary.html"]})
    settings = [{"name": name, "width": v["width"], "height": v["height"], "scheme": scheme} for name, v, scheme in SETTINGS]
    started = []
    for index in range(ALFA_PROCESSES):
        jobs, out = folder / f"jobs-{index}.json", folder / f"alfa-{index}.json"
        jobs.write_text(json.dumps({"settings": settings[index::ALFA_PROCESSES], "sites": targets}), encoding="utf-8")
        started.append((subprocess.Popen(["node", str(ALFA), str(jobs), str(out)], cwd=ROOT, stderr=subprocess.PIPE), out))
    return started


def _finish_alfa(started: list[tuple[subprocess.Popen[bytes], Path]]) -> list[dict]:
    records: list[dict] = []
    for process, out in started:
        _, errors = process.communicate(timeout=1200)
        assert process.returncode == 0, errors.decode()
        records += json.loads(out.read_text(encoding="utf-8"))
    return records


def _alfa_report(records: list[dict]) -> str:
    """Failed outcomes per site, rule and setting, for test-output/alfa.txt."""
    counts = Counter((r["site"], f["rule"], ",".join(f["criteria"]), r["setting"]) for r in records for f in r["failed"])
    lines = [f"Siteimprove Alfa: {len(records)} audits, {records[0]['rules'] if records else 0} rules (WCAG 2.2 A and AA)"]
    for site in sorted({r["site"] for r in records}):
        mine = [r for r in records if r["site"] == site]
        lines.append(f"{site}: {len(mine)} audits, {sum(r['outcomes'] for r in mine)} outcomes, {sum(len(r['failed']) for r in mine)} failed")
        lines += [f"  {rule} ({criteria}) {setting}: {n}" for (s, rule, criteria, setting), n in sorted(counts.items()) if s == site]
    return "\n".join(lines) + "\n"


@dataclass
class Sweeps:
    """What both engines found on both sites."""

    axe: dict[str, list[Visit]]
    alfa: list[dict]


@pytest.fixture(scope="session")
def sweeps(site_dir: Path, server: str, example_dir: Path, example_server: str) -> Sweeps:
    """The region's own site and the example region, swept by axe and Alfa at the same time."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    with tempfile.TemporaryDirectory() as folder:
        alfa = _start_alfa({"site": (site_dir, server), "example": (example_dir, example_server)}, Path(folder))
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {"site": pool.submit(_sweep, site_dir, server), "example": pool.submit(_sweep, example_dir, example_server)}
            axe = {name: future.result() for name, future in futures.items()}
        records = _finish_alfa(alfa)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "alfa.txt").write_text(_alfa_report(records), encoding="utf-8")
    return Sweeps(axe, records)


@pytest.fixture(scope="session", params=["site", "example"])
def swept(request: pytest.FixtureRequest, sweeps: Sweeps, site_dir: Path, example_dir: Path, server: str, example_server: str) -> tuple[list[Visit], Path, str]:
    """One site's sweep with its folder and address: every test below runs for both sites."""
    if request.param == "site":
        return sweeps.axe["site"], site_dir, server
    return sweeps.axe["example"], example_dir, example_server


@pytest.mark.parametrize("site", ["site", "example"])
def test_alfa_audited_every_page_in_every_setting(sweeps: Sweeps, site_dir: Path, example_dir: Path, site: str) -> None:
    folder = site_dir if site == "site" else example_dir
    audited = Counter(r["page"] for r in sweeps.alfa if r["site"] == site)
    assert audited == {page: len(SETTINGS) for page in site_pages(folder)}
    assert all(r["outcomes"] > 0 and r["rules"] > 40 for r in sweeps.alfa if r["site"] == site)


@pytest.mark.parametrize("site", ["site", "example"])
def test_alfa_finds_no_failure_at_level_a_or_aa(sweeps: Sweeps, site: str) -> None:
    failed = [f"{r['setting']} /{r['page']}: {f['rule']} ({', '.join(f['criteria'])}) at {f['target']}: {f['why']} {f['html']}"
              for r in sweeps.alfa if r["site"] == site for f in r["failed"]]
    assert failed == []


def test_alfa_can_fail(sweeps: Sweeps) -> None:
    canary = [r for r in sweeps.alfa if r["site"] == "canary"]
    assert len(canary) == len(SETTINGS)
    for record in canary:
        criteria = {c for f in record["failed"] for c in f["criteria"]}
        assert {"1.4.3", "1.1.1"} <= criteria, record


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
