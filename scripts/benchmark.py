"""Speed and size report (not a test): our build against a stock build, the editors' tools, page weight.

``make benchmark`` prints, in one run:

1. our strict build against "the peer" (stock MkDocs + Material + mkdocs-static-i18n over the
   same staged pages, ``scripts/peer.py``) at 1×, 5× and 20× content (``scripts/synth.py``),
   with the ratio, the cost per page and the peak memory of each build. "Ours" is the site
   without the PDFs, as the peer has none; the PDFs are timed on their own;
2. ``make check``, ``make translations``, the link check, the PDFs, one rebuild of
   ``make serve`` after one edit;
3. sizes, and the page weight per page type (HTML + CSS + JS + images, kB gzip).

Each step runs a few times and the median is printed, so a slow machine shows up as numbers
in a report instead of as a flaky timed test. The targets are printed beside the numbers.
Options: ``--sizes 1,5,20``, ``--runs 3`` (20× runs once unless ``--runs`` is given).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pypdf import PdfReader

from macros.links import check_site_links
from macros.site import load_site
from scripts.peer import write_config
from scripts.synth import multiply
from scripts.weight import table as weight_table

PYTHON = sys.executable
MKDOCS = str(Path(PYTHON).with_name("mkdocs"))
# Runs a command and prints the peak memory (kB) of its process tree's largest member.
_MEASURE = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    "sys.exit(code)\n"
)


@dataclass
class Run:
    """One build: seconds, peak memory in MiB."""

    seconds: float
    mib: float


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("REGIOVISIE_REGION", None)
    env.update(extra)
    return env


def measured(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> Run:
    """Wall time and peak memory of one command; stops on failure."""
    start = time.perf_counter()
    result = subprocess.run([PYTHON, "-c", _MEASURE, *command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr}")
    return Run(seconds, int(result.stdout.strip().split()[-1]) / 1024)


def ours(region: Path, site: Path, stage: Path, pdfs: bool = False) -> Run:
    """Our strict build of ``region``; without PDFs unless asked (the editors' preview skips them)."""
    extra = {"REGIOVISIE_REGION": str(region), "REGIOVISIE_STAGE": str(stage)}
    if not pdfs:
        extra["REGIOVISIE_PREVIEW"] = "1"
    return measured([MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site)], _env(**extra))


def peer(config: Path, site: Path) -> Run:
    """The stock build of the same staged pages."""
    return measured([MKDOCS, "build", "--quiet", "-f", str(config), "--site-dir", str(site)], _env(), cwd=config.parent)


def pages_in(site: Path) -> int:
    """Built pages, without the small redirect pages."""
    return sum(1 for f in site.rglob("*.html") if 'data-rv="redirect"' not in f.read_text(encoding="utf-8"))


def compare(sizes: list[int], runs: int | None, work: Path) -> list[dict[str, float]]:
    """Ours and the peer at each size, one run of each per pair, medians."""
    rows = []
    for size in sizes:
        region = ROOT if size == 1 else multiply(ROOT, size, work / f"region-{size}x")
        stage = work / f"stage-{size}x"
        ours(region, work / "ours", stage)  # also writes the staged pages for the peer
        config = write_config(stage, work / f"peer-{size}x.yml")
        count = runs or (1 if size >= 20 else 3)
        pairs = [(ours(region, work / "ours", stage), peer(config, work / "peer")) for _ in range(count)]
        ours_s = statistics.median(p[0].seconds for p in pairs)
        peer_s = statistics.median(p[1].seconds for p in pairs)
        pages = pages_in(work / "ours")
        rows.append({
            "size": size, "pages": pages, "peer_pages": pages_in(work / "peer"), "ours": ours_s, "peer": peer_s,
            "per_page_ms": 1000 * ours_s / pages, "ours_mib": max(p[0].mib for p in pairs), "peer_mib": max(p[1].mib for p in pairs),
        })
    return rows


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_rebuild(work: Path, edits: int = 3) -> tuple[float, float]:
    """`make serve` at 1×: (median seconds from saving a file to the browser reload, median build time it reports)."""
    region = work / "serve-region"
    shutil.copytree(ROOT / "content", region / "content")
    shutil.copytree(ROOT / "data", region / "data")
    port = _free_port()
    env = _env(REGIOVISIE_PREVIEW="1", REGIOVISIE_REGION=str(region), REGIOVISIE_STAGE=str(work / "serve-stage"))
    server = subprocess.Popen([MKDOCS, "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: list[str] = []

    def wait_for(text: str, after: int) -> None:
        assert server.stderr is not None
        while not any(text in line for line in lines[after:]):
            line = server.stderr.readline()
            if not line:
                raise SystemExit("mkdocs serve stopped:\n" + "".join(lines[-20:]))
            lines.append(line)

    try:
        wait_for("Serving on", 0)
        walls, builds = [], []
        page = region / "content" / "vision" / "proces.nl.md"
        for number in range(edits):
            mark = len(lines)
            start = time.perf_counter()
            page.write_text(page.read_text(encoding="utf-8") + f"\nEen zin erbij ({number}).\n", encoding="utf-8")
            wait_for("Reloading browsers", mark)
            walls.append(time.perf_counter() - start)
            built = [float(m.group(1)) for line in lines[mark:] if (m := re.search(r"Documentation built in ([0-9.]+) seconds", line))]
            builds += built[-1:]
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=20)
    return statistics.median(walls), statistics.median(builds)


def timed(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` in seconds; stops on failure."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True, env=_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _verdict(met: bool) -> str:
    return "met" if met else "**missed**"


def main() -> None:
    """Print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,5,20")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = compare(sizes, args.runs, work)
        tools = [
            ("make check (python -m macros.check)", timed([PYTHON, "-m", "macros.check", "check"], 5)),
            ("make translations", timed([PYTHON, "-m", "macros.check", "translations"], 5)),
        ]
        full = [ours(ROOT, work / "full", work / "stage-full", pdfs=True) for _ in range(3)]
        pages_only = [ours(ROOT, work / "pages", work / "stage-pages") for _ in range(3)]
        pdf_seconds = statistics.median(r.seconds for r in full) - statistics.median(r.seconds for r in pages_only)
        tools.append(("full strict build with the PDFs, both languages (make build)", statistics.median(r.seconds for r in full)))
        tools.append(("the PDFs: brochure and poster in both languages (difference)", pdf_seconds))
        start = time.perf_counter()
        check_site_links(work / "full", load_site(ROOT).region.site_url)  # type: ignore[union-attr]
        tools.append(("link check of the built site (part of the build)", time.perf_counter() - start))
        wall, built = serve_rebuild(work)
        tools.append(("make serve: one edit saved → browser reloads", wall))
        tools.append(("make serve: the rebuild itself (as MkDocs reports it)", built))
        site = work / "full"
        files = [f for f in site.rglob("*") if f.is_file()]
        sizes_table = [("HTML pages (without redirects)", pages_in(site)), ("site/ size, kB", round(sum(f.stat().st_size for f in files) / 1024))]
        sizes_table += [(f"{pdf.name}: kB, pages", f"{round(pdf.stat().st_size / 1024)}, {len(PdfReader(pdf).pages)}") for pdf in sorted((site / "downloads").glob("*.pdf"))]
        weights = weight_table([site])

    print("## Our build against the peer (stock MkDocs + Material + i18n, same staged pages; ours without PDFs)\n")
    print("| content | pages | ours, s | peer, s | ratio | ours per page, ms | per page vs 1× | ours peak MiB | peer peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    base = rows[0]["per_page_ms"] if rows and rows[0]["size"] == 1 else None
    for row in rows:
        growth = f"{row['per_page_ms'] / base:.2f}×" if base else "–"
        print(f"| {row['size']}× | {row['pages']} | {row['ours']:.2f} | {row['peer']:.2f} | {row['ours'] / row['peer']:.2f}× | {row['per_page_ms']:.1f} | {growth} | {row['ours_mib']:.0f} | {row['peer_mib']:.0f} |")
    print("\n## Targets\n")
    by_size = {row["size"]: row for row in rows}
    if 1 in by_size:
        one = by_size[1]
        print(f"- 1×: ours ≤ 1.2× the peer: {one['ours'] / one['peer']:.2f}× — {_verdict(one['ours'] <= 1.2 * one['peer'])}")
    if 20 in by_size:
        twenty = by_size[20]
        print(f"- 20×: ours ≤ 1.3× the peer: {twenty['ours'] / twenty['peer']:.2f}× — {_verdict(twenty['ours'] <= 1.3 * twenty['peer'])}")
        if base:
            print(f"- 20×: per-page cost within 1.5× of 1×: {twenty['per_page_ms'] / base:.2f}× — {_verdict(twenty['per_page_ms'] <= 1.5 * base)}")
        print(f"- 20×: peak memory ≤ 2× the peer's: {twenty['ours_mib'] / twenty['peer_mib']:.2f}× — {_verdict(twenty['ours_mib'] <= 2 * twenty['peer_mib'])}")
    print(f"- make serve rebuild after one edit ≤ 2 s at 1×: {wall:.2f} s — {_verdict(wall <= 2)}")
    print("\n## The editors' tools and the build\n\n| step | median seconds |\n|---|---|")
    for name, seconds in tools:
        print(f"| {name} | {seconds:.2f} |")
    print("\n## Sizes\n\n| size | value |\n|---|---|")
    for name, value in sizes_table:
        print(f"| {name} | {value} |")
    print("\n## First visit per page type (what the browser fetches; lazy images below the fold excluded)\n")
    print(weights)


if __name__ == "__main__":
    main()
