"""Lighthouse report (not a test): the four category scores per page type, in both languages.

Serves site/ on 127.0.0.1 with gzip (as a web server would: Lighthouse's performance score
counts transfer sizes), runs npm's pinned `lighthouse` (mobile, its default) with Debian's
chromium (CHROME_PATH), and writes test-output/lighthouse/<type>.json plus a summary table.
Usage: `make lighthouse` (after `make build`).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import mimetypes
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-output" / "lighthouse"
sys.path.insert(0, str(ROOT))
from scripts.local import CHROMIUM_ARGS, QuietHandler
from scripts.weight import PAGE_TYPES  # every page type, both languages

FLAGS = " ".join(CHROMIUM_ARGS)


class Compressing(QuietHandler):
    """Static files, gzip-compressed where the browser accepts it (text, scripts, SVG, JSON)."""

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            super().do_GET()
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        packed = kind.startswith("text/") or kind in ("application/javascript", "image/svg+xml", "application/json")
        if packed:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        if packed:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Compressing, directory=str(ROOT / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    env = dict(os.environ, CHROME_PATH="/usr/bin/chromium")
    rows = []
    pages = [(f"{name} ({lang})", path) for name, paths in PAGE_TYPES.items() for lang, path in zip(("nl", "en"), paths)]
    for name, path in pages:
        target = OUT / f"{name.replace(' (', '-').rstrip(')')}.json"
        subprocess.run(
            [str(ROOT / "node_modules" / ".bin" / "lighthouse"), f"{base}/{path}", "--quiet", "--output=json",
             f"--output-path={target}", f"--chrome-flags={FLAGS}", "--only-categories=performance,accessibility,best-practices,seo"],
            env=env, check=True, timeout=300,
        )
        categories = json.loads(target.read_text(encoding="utf-8"))["categories"]
        rows.append((name, *(round((categories[c]["score"] or 0) * 100) for c in ("performance", "accessibility", "best-practices", "seo"))))
    server.shutdown()
    lines = [f"{'page':18} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}"] + [f"{r[0]:18} {r[1]:5d} {r[2]:5d} {r[3]:5d} {r[4]:5d}" for r in rows]
    (OUT / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
