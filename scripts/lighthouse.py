"""Lighthouse report (not a test): the four category scores per page type.

Serves site/ on 127.0.0.1, runs npm's pinned `lighthouse` with Debian's chromium
(CHROME_PATH), and writes test-output/lighthouse/<type>.json plus a summary table.
Usage: `make lighthouse` (after `make build`).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output" / "lighthouse"
PAGE_TYPES = {
    "home": "",
    "home-en": "en/",
    "overview": "overzicht/",
    "principle": "principes/samen-leren/",
    "persona": "personas/sarah/",
    "figures": "visie/cijfers/",
    "glossary": "en/vision/begrippen/",
    "accessibility": "toegankelijkheid/",
}
FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(ROOT / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    rows = []
    for name, path in PAGE_TYPES.items():
        target = OUT / f"{name}.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), f"{base}/{path}", "--quiet", "--output=json",
             f"--output-path={target}", f"--chrome-flags={FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
            env=env, check=True, timeout=300,
        )
        categories = json.loads(target.read_text(encoding="utf-8"))["categories"]
        rows.append((name, *(round((categories[c]["score"] or 0) * 100) for c in ("performance", "accessibility", "best-practices", "seo"))))
    server.shutdown()
    lines = [f"{'page':14} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}"] + [f"{r[0]:14} {r[1]:5d} {r[2]:5d} {r[3]:5d} {r[4]:5d}" for r in rows]
    (OUT / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
