"""The editors' preview (`make serve`) shows every problem in the browser and comes back when fixed."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.conftest import MKDOCS, ROOT, copy_project_content, run_build
from tests.htmlscan import Document

PAYLOAD = "<img src=x onerror=alert(1)>"
PRINCIPLE = "content/principles/samen-leren.nl.md"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _parse(text: str) -> Document:
    document = Document()
    document.feed(text)
    return document


def _break(root: Path) -> None:
    file = root / PRINCIPLE
    file.write_text(file.read_text(encoding="utf-8").replace("number: 4\n", f"number: vier {PAYLOAD}\n"), encoding="utf-8")


def test_serve_shows_problems_in_both_languages_and_recovers(tmp_path: Path) -> None:
    root = copy_project_content(tmp_path / "project")
    _break(root)
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REGIOVISIE_PREVIEW="1", REGIOVISIE_REGION=str(root))
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        status, text = 0, ""
        while time.monotonic() < deadline:
            try:
                status, text = _get(base)
                break
            except OSError:
                time.sleep(0.5)
        assert status == 200, text
        for address, lang, code in (("", "nl", 200), ("en/", "en", 200), ("principes/samen-leren/", "nl", 404), ("en/principles/samen-leren/", "en", 404)):
            status, text = _get(base + address)
            assert status == code, address
            document = _parse(text)
            blocks = {b.attrs["lang"]: b.text for b in document.find("div", class_="rv-preview")}
            assert lang in blocks, (address, list(blocks))
            # The problem with its file and line, the editor's text shown as text, never as an element.
            assert f"{PRINCIPLE}:3: number:" in blocks[lang]
            assert PAYLOAD in blocks[lang]
            assert not document.find("img", src="x")
            # It looks again by itself.
            assert any(m.attrs.get("http-equiv") == "refresh" for m in document.find("meta"))
            # Styled at every address: its style sheets are found from the root.
            bases = [b.attrs["href"] for b in document.find("base")]
            page_base = urllib.parse.urljoin(base + address, bases[0]) if bases else base + address
            sheets = [link.attrs["href"] for link in document.find("link") if link.attrs.get("rel") == "stylesheet"]
            assert sheets and all(_get(urllib.parse.urljoin(page_base, sheet))[0] == 200 for sheet in sheets), (address, sheets)
        file = root / PRINCIPLE
        file.write_text(file.read_text(encoding="utf-8").replace(f"number: vier {PAYLOAD}\n", "number: 4\n"), encoding="utf-8")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            status, text = _get(base)
            if 'class="rv-hero"' in text:
                break
            time.sleep(0.5)
        assert 'class="rv-hero"' in text, "the site did not come back after the fix"
        assert _get(base + "principes/samen-leren/")[0] == 200
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert f"ERROR   -  {PRINCIPLE}:3: number:" in output
    assert "Traceback" not in output


def test_build_still_fails_on_the_same_problem(tmp_path: Path) -> None:
    root = copy_project_content(tmp_path / "project")
    _break(root)
    out = tmp_path / "site"
    result = run_build(out, content_root=root)
    assert result.returncode != 0
    assert f"ERROR   -  {PRINCIPLE}:3: number:" in result.stdout + result.stderr
    assert not (out / "index.html").exists()
