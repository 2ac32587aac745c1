"""Speed and size report (not a test): our build against a stock build, the editors' tools, page weight.

``make benchmark`` prints one report, as Markdown tables:

1. our strict build against "the peer" (stock MkDocs + Material + mkdocs-static-i18n over the
   same staged pages, ``scripts/peer.py``) at 1×, 5× and 20× content (``scripts/synth.py``),
   with the ratio, the cost per page and the peak memory of each build. "Ours" is the site
   without the PDFs (``REGIOVISIE_PREVIEW=1``), as the peer makes none; the PDFs are timed
   on their own;
2. the targets beside the numbers, each "met" or "missed";
3. ``make check``, ``make translations``, the PDFs, the link check, one rebuild of
   ``make serve`` after one edit;
4. sizes, and the page weight per page type (HTML + CSS + JS + images, kB gzip).

Each build runs a few times and the median is printed, so a slow machine shows up as numbers
in a report instead of as a flaky timed test. Ours and the peer run in turns (one of each per
pair), so a change in the machine's load falls on both.
Options: ``--sizes 1,5,20``; ``--runs N`` (default 3, and 1 at 20× and more).
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader

from macros.load.site import load_site
from macros.publish.links import check_site_links
from scripts.peer import write_config
from scripts.synth import check as check_region
from scripts.synth import multiply
from scripts.weight import table as weight_table

PYTHON = sys.executable
MKDOCS = str(Path(PYTHON).with_name("mkdocs"))
# Runs a command and prints its wall time, CPU time and peak memory (kB). RUSAGE_CHILDREN after
# the child has exited holds the largest resident set of any process it waited for: here, the
# build. Timing inside the wrapper leaves the wrapper's own start-up out. CPU time is printed
# too: on a busy machine it varies much less than wall time.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)\n"
    "sys.exit(code)\n"
)
# Default runs per size: the median of 3, and one run from 20× on (a long build varies less).
RUNS, LARGE = 3, 20
# How long `make serve` may take to start or to rebuild before the benchmark gives up.
SERVE_TIMEOUT = 120.0


@dataclass(frozen=True)
class Run:
    """One build: wall seconds, CPU seconds (user + system) and peak memory (MiB)."""

    seconds: float
    cpu: float
    mib: float


@dataclass
class Size:
    """Ours and the peer at one content size."""

    size: int
    pages: int
    peer_pages: int
    check_seconds: float
    peer_strict: bool
    ours: list[Run] = field(default_factory=list)
    peer: list[Run] = field(default_factory=list)

    @property
    def ours_s(self) -> float:
        """Median seconds of our build."""
        return statistics.median(r.seconds for r in self.ours)

    @property
    def peer_s(self) -> float:
        """Median seconds of the peer's build."""
        return statistics.median(r.seconds for r in self.peer)

    @property
    def cpu_ratio(self) -> float:
        """Our median CPU time over the peer's: the ratio with the machine's other load left out."""
        return statistics.median(r.cpu for r in self.ours) / statistics.median(r.cpu for r in self.peer)

    @property
    def per_page_ms(self) -> float:
        """Our cost per built page (redirect pages not counted), in milliseconds."""
        return 1000 * self.ours_s / self.pages

    @property
    def peer_per_page_ms(self) -> float:
        """The peer's cost per built page, in milliseconds."""
        return 1000 * self.peer_s / self.peer_pages

    @property
    def ours_mib(self) -> float:
        """Our largest peak memory over the runs."""
        return max(r.mib for r in self.ours)

    @property
    def peer_mib(self) -> float:
        """The peer's largest peak memory over the runs."""
        return max(r.mib for r in self.peer)


@dataclass(frozen=True)
class Serve:
    """One `make serve` edit, in seconds: until the watcher noticed, the rebuild, until the browsers reload."""

    noticed: float
    built: float
    reloaded: float


# --- running builds -------------------------------------------------------------------------


def _env(**extra: str) -> dict[str, str]:
    """The environment of a build: no region or stage inherited from the caller, only what is given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REGIOVISIE_")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.update(extra)
    return env


def attempt(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[Run | None, str]:
    """Run ``command`` under the measuring wrapper: (its Run, or None when it failed; its stderr)."""
    result = subprocess.run([PYTHON, "-c", _MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return None, result.stderr
    seconds, cpu, kib = result.stdout.split()[-3:]
    return Run(float(seconds), float(cpu), int(kib) / 1024), result.stderr


def measured(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> Run:
    """Wall time and peak memory of one command that must succeed."""
    run, stderr = attempt(command, env, cwd)
    if run is None:
        raise SystemExit(f"benchmark: failed: {' '.join(command)}\n{stderr[-3000:]}")
    return run


# MkDocs 1.6 `--quiet` raises its logger's level to ERROR, so warnings are never made and
# `--strict` cannot count them: `--strict --quiet` passes a build that warns. Timed runs are
# quiet, as `make build` is; the first run of each build is not, so that strict means strict.
def ours(region: Path, site: Path, stage: Path, pdfs: bool = False, quiet: bool = True) -> Run:
    """Our strict build of ``region``; without the PDFs unless asked (as in the editors' preview)."""
    extra = {"REGIOVISIE_REGION": str(region), "REGIOVISIE_STAGE": str(stage)}
    if not pdfs:
        extra["REGIOVISIE_PREVIEW"] = "1"
    return measured([MKDOCS, "build", "--strict", *(["--quiet"] if quiet else []), "--site-dir", str(site)], _env(**extra))


def _peer_command(config: Path, site: Path, strict: bool, quiet: bool = True) -> list[str]:
    flags = (["--strict"] if strict else []) + (["--quiet"] if quiet else [])
    return [MKDOCS, "build", *flags, "-f", str(config), "--site-dir", str(site)]


def peer(config: Path, site: Path, strict: bool) -> Run:
    """The stock build of the same staged pages."""
    return measured(_peer_command(config, site, strict), _env(), cwd=config.parent)


def peer_strictness(config: Path, site: Path) -> tuple[bool, str]:
    """Whether the peer builds our staged pages with ``--strict``; if not, the first warning why.

    The staged pages are written for our build (links to addresses our hooks make, macro
    calls as text), so a stock build may warn where ours does not: then the peer is built
    without ``--strict``, and the report says so. This run also warms the peer's caches.
    """
    run, stderr = attempt(_peer_command(config, site, strict=True, quiet=False), _env(), cwd=config.parent)
    if run is not None:
        return True, ""
    peer(config, site, strict=False)
    reasons = [line.strip() for line in stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return False, (reasons or stderr.strip().splitlines()[-1:] or ["no message"])[0]


def pages_in(site: Path) -> int:
    """Built HTML pages, without the small redirect pages our build writes for old and short addresses."""
    return sum(1 for f in site.rglob("*.html") if 'data-rv="redirect"' not in f.read_text(encoding="utf-8"))


def timed_check(region: Path) -> float:
    """Seconds of ``make check`` on ``region``; stops when it finds an error.

    Our build runs in preview mode to skip the PDFs, and a preview shows content errors as
    pages instead of failing: a region that does not check clean would be measured wrongly.
    """
    start = time.perf_counter()
    result = check_region(region)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"benchmark: the region {region} has errors:\n{result.stdout[-3000:]}")
    return seconds


# --- the comparison ---------------------------------------------------------------------------


def compare(size: int, runs: int | None, work: Path, notes: list[str]) -> Size:
    """Ours and the peer at one size: a warm-up of each, then ``runs`` pairs, one of each per pair."""
    region = ROOT if size == 1 else multiply(ROOT, size, work / f"region-{size}x")
    check_seconds = timed_check(region)
    stage, site_ours, site_peer = work / f"stage-{size}x", work / f"ours-{size}x", work / f"peer-{size}x"
    ours(region, site_ours, stage, quiet=False)  # the warm-up: truly strict, and it stages the pages the peer builds
    config = write_config(stage, work / f"peer-{size}x.yml")
    strict, why = peer_strictness(config, site_peer)
    if not strict:
        notes.append(f"At {size}× the peer was built without `--strict`: a stock build warns on our staged pages ({why}).")
    result = Size(size, pages_in(site_ours), pages_in(site_peer), check_seconds, strict)
    for _ in range(runs or (1 if size >= LARGE else RUNS)):
        result.ours.append(ours(region, site_ours, stage))
        result.peer.append(peer(config, site_peer, strict))
    shutil.rmtree(site_peer)
    return result


# --- make serve -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Log:
    """The log lines of a running `mkdocs serve`, each with the moment it arrived.

    A thread reads stderr, so waiting for a line can time out instead of hanging on a server
    that stopped talking.
    """

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self.seen: list[str] = []
        assert server.stderr is not None
        threading.Thread(target=self._read, args=(server.stderr,), daemon=True).start()

    def _read(self, stream: TextIO) -> None:
        for line in stream:
            self.lines.put((time.perf_counter(), line))

    def _next(self, timeout: float) -> tuple[float, str] | None:
        try:
            moment, line = self.lines.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        self.seen.append(line)
        if "An error happened during the rebuild" in line:
            raise SystemExit("benchmark: `mkdocs serve` failed to rebuild:\n" + "".join(self.seen[-20:]))
        return moment, line

    def wait_for(self, text: str, after: float = 0.0) -> tuple[float, str]:
        """The moment and line of the next line containing ``text`` that arrived after ``after``."""
        deadline = time.perf_counter() + SERVE_TIMEOUT
        while (found := self._next(deadline - time.perf_counter())) is not None:
            if text in found[1] and found[0] >= after:
                return found
        raise SystemExit(f"benchmark: `mkdocs serve` did not log {text!r} in {SERVE_TIMEOUT:.0f} s:\n" + "".join(self.seen[-20:]))

    def quiet(self, seconds: float) -> None:
        """Wait until the server has logged nothing for ``seconds`` (a rebuild started by another change has ended)."""
        deadline = time.perf_counter() + SERVE_TIMEOUT
        while self._next(seconds) is not None:
            if time.perf_counter() > deadline:
                raise SystemExit("benchmark: `mkdocs serve` keeps rebuilding:\n" + "".join(self.seen[-20:]))


def _shows(url: str, text: str) -> bool:
    """Whether the page at ``url`` contains ``text`` (what a reloaded browser would show)."""
    with urllib.request.urlopen(url, timeout=10) as response:  # a local address we started
        return text in response.read().decode("utf-8")


def _edit(log: _Log, page: Path, url: str, number: int) -> Serve:
    """Append a sentence to ``page``; time the watcher, the rebuild and the reload that shows it.

    Another change to a watched folder (``docs/``, ``macros/`` while someone works on them) can
    start a rebuild of its own: a reload counts only once the served page has the sentence.
    """
    sentence = f"Een zin erbij ({number})."
    log.quiet(1.0)
    start = time.perf_counter()
    with page.open("a", encoding="utf-8") as file:
        file.write(f"\n{sentence}\n")
    noticed, _ = log.wait_for("Detected file changes", after=start)
    while True:
        # Not "Documentation built in": MkDocs' build logger drops a message it has logged
        # before, so a rebuild as fast as an earlier one prints no such line.
        building, _ = log.wait_for("Building documentation", after=start)
        reloaded, _ = log.wait_for("Reloading browsers", after=start)
        if _shows(url, sentence):
            break
    return Serve(noticed - start, reloaded - building, reloaded - start)


def serve_rebuild(work: Path, edits: int = 3) -> Serve:
    """`make serve` at 1×, on a copy of the region: the medians of ``edits`` edits to one Dutch page.

    MkDocs' watcher polls every 0.5 s and waits 0.1 s for more changes, so "noticed" is part
    of what an editor waits for; the rebuild runs from "Building documentation" to "Reloading browsers".
    """
    region = work / "serve-region"
    shutil.copytree(ROOT / "content", region / "content")
    shutil.copytree(ROOT / "data", region / "data")
    env = _env(REGIOVISIE_PREVIEW="1", REGIOVISIE_REGION=str(region), REGIOVISIE_STAGE=str(work / "serve-stage"))
    address = f"127.0.0.1:{_free_port()}"
    command = [MKDOCS, "serve", "--strict", "--dev-addr", address]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        log = _Log(server)
        log.wait_for("Serving on")
        page, url = region / "content" / "vision" / "proces.nl.md", f"http://{address}/visie/proces/"
        results = [_edit(log, page, url, number) for number in range(edits)]
    finally:
        _stop(server)
    return Serve(*(statistics.median(getattr(r, name) for r in results) for name in ("noticed", "built", "reloaded")))


def _stop(server: subprocess.Popen[str]) -> None:
    """Stop `mkdocs serve` as Ctrl-C does (it then removes its temporary site); kill it if it hangs."""
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# --- the editors' tools, the PDFs, sizes ------------------------------------------------------


def timed(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` in seconds (exit status 0 or 1: `make translations` reports with 1)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=_env(), check=False)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"benchmark: failed: {' '.join(command)}\n{result.stderr[-3000:]}")
    return statistics.median(times)


def pdf_times(work: Path, runs: int = RUNS) -> tuple[float, float, Path]:
    """(full build with PDFs, the PDFs alone, the full site): the PDFs as the difference of two builds.

    With ``REGIOVISIE_PREVIEW=1`` the build skips the PDFs and nothing else that costs time,
    so the difference is the PDFs' cost however the hooks call macros/publish/pdf.py.
    """
    full, pages = [], []
    for _ in range(runs):
        full.append(ours(ROOT, work / "full", work / "stage-full", pdfs=True).seconds)
        pages.append(ours(ROOT, work / "pages", work / "stage-pages").seconds)
    return statistics.median(full), statistics.median(full) - statistics.median(pages), work / "full"


def link_check_seconds(site: Path) -> float:
    """Seconds of the check of every internal link and #id on the built site (part of every build)."""
    site_url = load_site(ROOT).region.site_url  # type: ignore[union-attr]
    start = time.perf_counter()
    check_site_links(site, site_url)
    return time.perf_counter() - start


def sizes_of(site: Path) -> list[tuple[str, str]]:
    """Pages, the site's size on disk, and each PDF's size and page count."""
    files = [f for f in site.rglob("*") if f.is_file()]
    rows = [("HTML pages (without redirects)", str(pages_in(site))), ("site size, kB", str(round(sum(f.stat().st_size for f in files) / 1024)))]
    for pdf in sorted((site / "downloads").glob("*.pdf")):
        rows.append((f"{pdf.name}: kB, pages", f"{round(pdf.stat().st_size / 1024)}, {len(PdfReader(pdf).pages)}"))
    return rows


# --- the report -------------------------------------------------------------------------------


def table(head: list[str], rows: list[list[str]]) -> str:
    """A Markdown table."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in rows])


def comparison_table(sizes: list[Size]) -> str:
    """One row per content size: times, ratio, cost per page and its growth, peak memory."""
    base = next((s.per_page_ms for s in sizes if s.size == 1), None)
    rows = []
    for s in sizes:
        growth = f"{s.per_page_ms / base:.2f}×" if base else "–"
        rows.append([
            f"{s.size}×", f"{s.pages} / {s.peer_pages}", f"{s.ours_s:.2f}", f"{s.peer_s:.2f}" + ("" if s.peer_strict else " (not strict)"),
            f"{s.ours_s / s.peer_s:.2f}×", f"{s.cpu_ratio:.2f}×", f"{s.per_page_ms:.1f}", growth, f"{s.peer_per_page_ms:.1f}",
            f"{s.ours_mib:.0f}", f"{s.peer_mib:.0f}", f"{s.check_seconds:.2f}", str(len(s.ours)),
        ])
    head = ["content", "pages ours / peer", "ours, s", "peer, s", "ratio", "ratio of CPU time", "ours per page, ms", "per page vs 1×",
            "peer per page, ms", "ours peak MiB", "peer peak MiB", "make check, s", "runs"]
    return table(head, rows)


def marginal(sizes: list[Size]) -> str:
    """What one more page costs, between the smallest and largest size: ours and the peer's.

    Per-page cost falls with size while the fixed start-up (imports, theme, loading) spreads
    over more pages; the marginal cost shows what grows with the content.
    """
    if len(sizes) < 2:
        return ""
    small, large = sizes[0], sizes[-1]
    ours_ms = 1000 * (large.ours_s - small.ours_s) / (large.pages - small.pages)
    peer_ms = 1000 * (large.peer_s - small.peer_s) / (large.peer_pages - small.peer_pages)
    return f"Each page added between {small.size}× and {large.size}× costs ours {ours_ms:.1f} ms and the peer {peer_ms:.1f} ms."


def targets_table(sizes: list[Size], serve: Serve) -> str:
    """The targets of issue 14 beside the numbers (a report: a missed target fails nothing)."""
    by_size = {s.size: s for s in sizes}
    one, twenty = by_size.get(1), by_size.get(20)
    targets: list[tuple[str, float | None, float, str]] = [
        ("1×: ours ≤ 1.2 × the peer", one.ours_s / one.peer_s if one else None, 1.2, "×"),
        ("20×: ours ≤ 1.3 × the peer", twenty.ours_s / twenty.peer_s if twenty else None, 1.3, "×"),
        ("20×: cost per page ≤ 1.5 × the cost per page at 1×", twenty.per_page_ms / one.per_page_ms if one and twenty else None, 1.5, "×"),
        ("20×: peak memory ≤ 2 × the peer's", twenty.ours_mib / twenty.peer_mib if twenty else None, 2.0, "×"),
        ("1×: one `make serve` rebuild ≤ 2 s (edit saved → browsers reload)", serve.reloaded, 2.0, " s"),
    ]
    rows = []
    for name, value, limit, unit in targets:
        if value is None:
            rows.append([name, "not measured (see --sizes)", "–"])
        else:
            rows.append([name, f"{value:.2f}{unit}", "met" if value <= limit else "**missed**"])
    return table(["target", "measured", "verdict"], rows)


INTRO = (
    "Ours: `mkdocs build --strict` without the PDFs. The peer: stock MkDocs + Material + mkdocs-static-i18n "
    "over the same staged pages (`scripts/peer.py`). Times are medians of wall time (the CPU-time ratio leaves out other "
    "load on the machine); peak memory is the build process's largest "
    "resident set. Pages are built HTML pages without redirect pages. A first, untimed run of each, without "
    "`--quiet` (which hides warnings from `--strict`), proves both build strict-clean.\n"
)


def machine(load_before: float) -> str:
    """The machine the numbers come from: its processors and how busy it was (other work slows a run)."""
    return f"Machine: {os.cpu_count()} CPUs; load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.\n"


def report(sizes: list[Size], notes: list[str], serve: Serve, tools: list[tuple[str, float]], site: Path, load_before: float) -> str:
    """The whole report, in Markdown."""
    parts = [
        "## Our build against the peer\n",
        INTRO,
        machine(load_before),
        comparison_table(sizes),
        "",
        *[line for line in (marginal(sizes), *notes) if line],
        "\n## Targets\n",
        targets_table(sizes, serve),
        "\n## The editors' tools and the build (1×)\n",
        table(["step", "median seconds"], [[name, f"{seconds:.2f}"] for name, seconds in tools]),
        "\n## Sizes (1×, `make build`)\n",
        table(["size", "value"], [list(row) for row in sizes_of(site)]),
        "\n## First visit per page type (what the browser fetches; lazy images below the fold excluded)\n",
        weight_table([site]),
    ]
    return "\n".join(parts)


def main() -> None:
    """Measure everything, then print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5,20", help="content sizes, comma-separated (default 1,5,20)")
    parser.add_argument("--runs", type=int, default=None, help="runs per size (default 3, and 1 from 20× on)")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="regiovisie-benchmark-") as tmp:
        work = Path(tmp)
        notes: list[str] = []
        sizes = [compare(int(size), args.runs, work, notes) for size in args.sizes.split(",")]
        full, pdfs, site = pdf_times(work)
        serve = serve_rebuild(work)
        tools = [
            ("make check (python -m macros.check)", timed([PYTHON, "-m", "macros.cli.check", "check"], 5)),
            ("make translations", timed([PYTHON, "-m", "macros.cli.check", "translations"], 5)),
            ("full strict build with the PDFs, both languages (make build)", full),
            ("the PDFs: brochure and poster in both languages (with minus without)", pdfs),
            ("link check of the built site (part of every build)", link_check_seconds(site)),
            ("make serve: edit saved → watcher notices (polls every 0.5 s)", serve.noticed),
            ("make serve: the rebuild (MkDocs' log: building → reloading)", serve.built),
            ("make serve: edit saved → browsers reload", serve.reloaded),
        ]
        print(report(sizes, notes, serve, tools, site, load_before))


if __name__ == "__main__":
    main()
