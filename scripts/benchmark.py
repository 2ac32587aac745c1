"""Speed and size report (not a test): how long the editors' tools take and how big the site is.

Runs each step a few times and prints the median, so a slow machine shows up as numbers in
a report instead of as a flaky timed test. Usage: `make benchmark`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml
from pypdf import PdfReader

from macros.links import check_site_links
from macros.pdf import write_pdfs
from macros.site import load_site
from scripts.weight import table as weight_table

PYTHON = sys.executable
MKDOCS = str(Path(PYTHON).with_name("mkdocs"))
PAGES = {"home": "index.html", "principle": "principes/samen-leren/index.html", "figures": "visie/cijfers/index.html", "overview": "overzicht/index.html"}


def timed(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` in seconds; stops on failure."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the report."""
    rows = [
        ("make check (python -m macros.check)", timed([PYTHON, "-m", "macros.check", "check"], 5)),
        ("make translations", timed([PYTHON, "-m", "macros.check", "translations"], 5)),
    ]
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        rows.append(("full strict build, both languages", timed([MKDOCS, "build", "--strict", "--quiet", "--site-dir", str(site)], 3)))
        start = time.perf_counter()
        check_site_links(site, "https://regiovisie.rsjijsselland.nl/")
        rows.append(("link check of the built site (part of the build)", time.perf_counter() - start))
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nhooks:")[0])
        plugins = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[1])
        names = {"nl": config["site_name"]} | {
            lang["locale"]: lang["site_name"] for entry in plugins if isinstance(entry, dict) and "i18n" in entry
            for lang in entry["i18n"]["languages"] if lang.get("site_name")
        }
        start = time.perf_counter()
        pdfs = write_pdfs(load_site(ROOT), site, config["site_url"], names, config["copyright"])
        rows.append(("PDFs: brochure and poster in both languages (part of the build)", time.perf_counter() - start))
        files = [f for f in site.rglob("*") if f.is_file()]
        html = [f for f in files if f.suffix == ".html"]
        redirects = [f for f in html if 'data-rv="redirect"' in f.read_text(encoding="utf-8")]
        sizes = [
            ("files in site/", len(files)),
            ("HTML pages (without redirects)", len(html) - len(redirects)),
            ("redirect pages (short and old addresses)", len(redirects)),
            ("site/ size, kB", round(sum(f.stat().st_size for f in files) / 1024)),
        ]
        sizes += [(f"{pdf.name}: kB, pages", f"{round(pdf.stat().st_size / 1024)}, {len(PdfReader(pdf).pages)}") for pdf in pdfs]
        sizes += [(f"{name} page HTML, kB", round((site / path).stat().st_size / 1024, 1)) for name, path in PAGES.items()]
        weights = weight_table([site])
    print("| step | median seconds |\n|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} |")
    print("\n| size | value |\n|---|---|")
    for name, value in sizes:
        print(f"| {name} | {value} |")
    print("\nFirst visit per page type (what the browser fetches; lazy images below the fold excluded):\n")
    print(weights)


if __name__ == "__main__":
    main()
