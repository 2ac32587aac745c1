"""Quality gate in Chromium: every page, both languages, two widths, light and dark.

One sweep visits each page once per setting and records what axe-core finds, every request,
every console message and every cookie. A second engine, Siteimprove Alfa (the W3C ACT rules,
``tests/alfa.mjs``), audits the same page as it stands in the browser, in Node processes of
its own, while the sweep goes on. The tests below then assert on those records, so a failure names every page
and setting at once.
"""

from __future__ import annotations

import json
import queue
import subprocess
import tempfile
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from macros.core import audit
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT
from tests.htmlscan import pages

pytestmark = pytest.mark.browser

# The settings the accessibility statement names (macros/core/audit.py).
SETTINGS = [(s.name, {"width": s.width, "height": s.height}, s.scheme) for s in audit.SETTINGS]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
# Exclusions, each with its reason. None today: add one only with a written reason.
AXE_EXCLUDED_RULES: dict[str, str] = {}
OUTPUT = ROOT / "test-output"
# The search dialog with results is audited as a state of its own in every setting: the home
# page with the search open, a word both regions use typed in.
SEARCH_STATE = "#search-results"
SEARCH_WORD = "jeugdhulp"


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


def audited_pages(site_dir: Path) -> list[str]:
    """What each setting audits: every page, and the open search with results."""
    return [*site_pages(site_dir), SEARCH_STATE]


def _sweep(site_dir: Path, server: str, site: str, alfa: AlfaFeed, extra: tuple[str, ...] = ()) -> list[Visit]:
    """Visit every page of one site in every setting once, in a Chromium of its own.

    At each page axe runs, then the page is handed to Alfa (``AlfaFeed``) as it stands. The
    ``extra`` addresses (the canary) are handed to Alfa only. Playwright's sync API belongs to
    one thread, so each site's sweep starts its own browser; the two sites are swept side by
    side (see ``sweeps``).
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
            tab.on("request", lambda request, log=current: log and log[-1].requests.append(request.url))
            tab.on("console", lambda message, log=current: log and message.type in ("error", "warning") and log[-1].console.append(f"{message.type}: {message.text}"))
            tab.on("pageerror", lambda error, log=current: log and log[-1].console.append(f"pageerror: {error}"))
            for page_path in audited_pages(site_dir):
                current.append(Visit(page_path, setting))
                if page_path == SEARCH_STATE:
                    tab.goto(f"{server}/", wait_until="networkidle")
                    tab.locator("[data-rv=open-search]").click()
                    tab.locator("[data-rv=search-input]").fill(SEARCH_WORD)
                    tab.locator("[data-rv=search-results] li").first.wait_for(timeout=15_000)
                else:
                    # Everything a page loads by itself is in before "load" (its scripts are
                    # deferred; the search fetches nothing until it is opened): no idle wait.
                    tab.goto(f"{server}/{page_path}", wait_until="load")
                result = axe.run(tab, options=options)
                for violation in result.response["violations"]:
                    targets = [", ".join(node["target"]) for node in violation["nodes"]][:3]
                    current[-1].violations.append(f'{violation["id"]} ({violation["impact"]}): {violation["help"]} at {targets}')
                current[-1].cookies = [c["name"] for c in context.cookies()]
                alfa.send(tab, site, setting, page_path)
            visits += current
            current.clear()
            for address in extra:
                tab.goto(address)
                alfa.send(tab, "canary", setting, address.rsplit("/", 1)[-1])
            context.close()
        browser.close()
    return visits


ALFA = ROOT / "tests" / "alfa.mjs"
NODE_MODULES = ROOT / "node_modules" / "@siteimprove" / "alfa-rules"
# A page with two failures Alfa must find (text at 1.6:1, an image without a text
# alternative): proof that the engine runs and can fail, beside the real pages.
ALFA_CANARY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Canary</title></head>
<body><main><h1>Canary</h1><p style="color:#ccc;background:#fff">Too faint to read.</p><img src="x.png"></main></body></html>"""


class AlfaFeed:
    """Pages, as the sweeps have them open, to Alfa in Node (``tests/alfa.mjs``).

    Each page is serialised in the browser by Alfa's own functions (those alfa-playwright runs)
    and written as one line to one of two Node processes, which audit while the sweeps load
    the next pages: every page is loaded once for both engines. The queue is short, so the
    sweeps wait for Alfa rather than holding many pages in memory.
    """

    PROCESSES = 2

    def __init__(self, folder: Path) -> None:
        if not NODE_MODULES.is_dir():
            pytest.fail("Siteimprove Alfa is missing: run `make test`, which installs it with npm ci")
        serialisers = json.loads(subprocess.run(["node", str(ALFA), "--serialisers"], cwd=ROOT, check=True, capture_output=True, text=True).stdout)
        self.script = f"async () => JSON.stringify({{document: await ({serialisers['document']})(document), device: ({serialisers['device']})(window)}})"
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.outputs = [folder / f"alfa-{index}.jsonl" for index in range(self.PROCESSES)]
        self.errors = [out.with_suffix(".log") for out in self.outputs]
        self.processes = [
            subprocess.Popen(["node", str(ALFA), str(out)], cwd=ROOT, stdin=subprocess.PIPE, stderr=log.open("wb"))
            for out, log in zip(self.outputs, self.errors)
        ]
        self.writers = [threading.Thread(target=self._write, args=(process,), daemon=True) for process in self.processes]
        for writer in self.writers:
            writer.start()

    def _write(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdin is not None
        broken = False
        while (line := self.queue.get()) is not None:
            if broken:
                continue  # the process has stopped (finish() reports why); keep the sweeps going
            try:
                process.stdin.write(line)
            except BrokenPipeError:
                broken = True
        if not broken:
            process.stdin.close()

    def send(self, tab: object, site: str, setting: str, page: str) -> None:
        """Hand the page open in ``tab`` to Alfa."""
        snapshot = tab.evaluate(self.script)  # type: ignore[attr-defined]
        head = json.dumps({"site": site, "setting": setting, "page": page, "url": tab.url})  # type: ignore[attr-defined]
        self.queue.put(f'{head[:-1]}, "snapshot": {snapshot}}}\n'.encode())

    def finish(self) -> list[dict]:
        """Wait for the audits; every record."""
        for _ in self.processes:
            self.queue.put(None)
        records: list[dict] = []
        for process, writer, out, log in zip(self.processes, self.writers, self.outputs, self.errors):
            writer.join()
            assert process.wait(timeout=1200) == 0, log.read_text(encoding="utf-8", errors="replace")
            records += [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
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
        canary = Path(folder) / "canary.html"
        canary.write_text(ALFA_CANARY, encoding="utf-8")
        alfa = AlfaFeed(Path(folder))
        with ThreadPoolExecutor(max_workers=2) as pool:
            futures = {
                "site": pool.submit(_sweep, site_dir, server, "site", alfa, (canary.as_uri(),)),
                "example": pool.submit(_sweep, example_dir, example_server, "example", alfa),
            }
            axe = {name: future.result() for name, future in futures.items()}
        records = alfa.finish()
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
    assert audited == {page: len(SETTINGS) for page in audited_pages(folder)}
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
    assert len(sweep) == len(audited_pages(site_dir)) * len(SETTINGS)
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
