"""The search index: Pagefind (PyPI ``pagefind[bin]``, pinned) over the built site.

One index per language (Pagefind groups pages by ``<html lang>``, with Dutch stemming for
Dutch), built from each page's article only (``data-pagefind-body`` in docs/overrides/main.html;
blocks marked ``data-pagefind-ignore`` and pages without an article, like the redirect pages,
are left out). The reader's browser loads it only when the search is opened
(docs/assets/site.js), with Pagefind's own JavaScript API; its ready-made interfaces are not
used, so they are not published.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from pagefind_bin import get_executable

FOLDER = "pagefind"
# Pagefind's ready-made interfaces: our own dialog uses its API (pagefind.js) instead.
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexFailed(RuntimeError):
    """Pagefind stopped with an error (not an editor's mistake: the engine's or the machine's)."""


def start_index(site_dir: Path) -> subprocess.Popen[str]:
    """Start indexing the built pages of ``site_dir`` into ``site_dir/pagefind``, once every
    page is final; :func:`finish_index` waits for it (the link check runs meanwhile)."""
    shutil.rmtree(site_dir / FOLDER, ignore_errors=True)
    # Pagefind's own binary, run directly (through `python -m pagefind` it starts 50 ms later).
    return subprocess.Popen(
        [str(get_executable()), "--site", str(site_dir), "--output-subdir", FOLDER, "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_index(site_dir: Path, running: subprocess.Popen[str]) -> None:
    """Wait for Pagefind; leave only the files our search dialog uses, in a fixed order."""
    output = site_dir / FOLDER
    stdout, stderr = running.communicate()
    if running.returncode != 0 or not (output / "pagefind.js").is_file():
        raise SearchIndexFailed(f"Pagefind could not index {site_dir}: {stderr.strip() or stdout.strip()}")
    for name in UNUSED:
        (output / name).unlink(missing_ok=True)
    # Pagefind lists the languages in its entry file in no fixed order: sorted, so two builds of
    # one commit are byte for byte the same (the other files are named by their contents).
    entry = output / "pagefind-entry.json"
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

