"""Valid HTML: the Nu Html Checker (vnu-jar from npm, on the machine's Java) on every page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site_dir: Path, example_dir: Path) -> None:
    """Both the region's own site and the example region, in one run of the checker."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("the HTML checker is missing: run `make test`, which installs vnu-jar with npm")
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", str(site_dir), str(example_dir)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    checked = {m["url"] for m in messages}
    errors = [f'{m["url"]}:{m.get("lastLine")}: {m["message"]}' for m in messages if m["type"] != "info"]
    assert errors == []
    assert result.returncode == 0
    # The checker really read the site: it reports nothing for valid files, so prove it can fail.
    broken = site_dir.parent / "vnu-canary"
    broken.mkdir(exist_ok=True)
    (broken / "index.html").write_text('<!doctype html><html lang="nl"><title>x</title><input type="checkbox" autocomplete="off">', encoding="utf-8")
    canary = subprocess.run([java, "-jar", str(VNU), "--format", "json", str(broken)], capture_output=True, text=True, timeout=120, check=False)
    assert json.loads(canary.stderr)["messages"], checked
