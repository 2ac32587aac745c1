"""Broken inputs: each folder in tests/fixtures/ breaks a copy of the real content and pins its messages.

A fixture folder holds ``edits.yaml`` (what to change in content/ and data/: ``replace`` +
``with``, ``append``, ``create``, ``rename``, ``remove``, ``remove_line``, ``symlink`` (the file becomes a
link to that path, relative to the project copy unless absolute) or ``bom``) and ``expected.txt``:
the exact errors, one line each (empty: the input is valid). ``warnings.txt``, where present,
pins the warnings too. Edits apply to the current content, so fixtures stay valid as the
content grows; an edit whose text is no longer found fails the test.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from macros.problems import ContentError, Problem
from macros.site import load_site
from tests.conftest import copy_project_content, run_build

FIXTURES = Path(__file__).with_name("fixtures")
FINGERPRINT = re.compile(r"nl-[0-9a-f]{10}")
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())


def broken_project(case: str, target: Path) -> Path:
    """A copy of the real content/ and data/ with the fixture's edits applied."""
    copy_project_content(target)
    for edit in yaml.safe_load((FIXTURES / case / "edits.yaml").read_text(encoding="utf-8")):
        file = target / edit["file"]
        if "create" in edit:
            file.write_text(edit["create"], encoding="utf-8")
        elif "remove" in edit:
            file.unlink()
        elif "symlink" in edit:
            file.unlink()
            file.symlink_to(edit["symlink"] if edit["symlink"].startswith("/") else target / edit["symlink"])
        elif "bom" in edit:
            file.write_text("\ufeff" + file.read_text(encoding="utf-8"), encoding="utf-8")
        elif "rename" in edit:
            file.rename(target / edit["rename"])
        elif "remove_line" in edit:
            lines = file.read_text(encoding="utf-8").split("\n")
            found = [line for line in lines if line.startswith(edit["remove_line"])]
            assert len(found) == 1, f"{case}: no single line starting with {edit['remove_line']!r} in {edit['file']}"
            file.write_text("\n".join(line for line in lines if line not in found), encoding="utf-8")
        elif "append" in edit:
            file.write_text(file.read_text(encoding="utf-8") + edit["append"], encoding="utf-8")
        else:
            text = file.read_text(encoding="utf-8")
            assert text.count(edit["replace"]) == 1, f"{case}: {edit['replace']!r} not found once in {edit['file']}"
            file.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8")
    return target


def expected(case: str, name: str = "expected.txt") -> list[str]:
    text = (FIXTURES / case / name).read_text(encoding="utf-8").strip()
    return text.split("\n") if text else []


def report(problems: list[Problem], warnings: bool) -> list[str]:
    """Errors or warnings as printed; fingerprints of the live Dutch text written as nl-…"""
    return [FINGERPRINT.sub("nl-…", str(p)) for p in problems if p.warning == warnings]


def test_every_fixture_has_pinned_messages() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        assert (FIXTURES / case / "expected.txt").is_file(), case
        # A fixture is about a mistake: at least errors or warnings are pinned.
        assert expected(case) or expected(case, "warnings.txt"), case


@pytest.mark.parametrize("case", CASES)
def test_broken_input_reports_every_problem_with_file_and_line(case: str, tmp_path: Path) -> None:
    root = broken_project(case, tmp_path)
    try:
        problems = load_site(root).warnings
    except ContentError as error:
        problems = error.problems
    assert report(problems, warnings=False) == expected(case)
    # Warnings are pinned where the fixture is about them (warnings.txt).
    if (FIXTURES / case / "warnings.txt").is_file():
        assert report(problems, warnings=True) == expected(case, "warnings.txt")


def test_real_content_has_no_problems() -> None:
    site = load_site(Path(__file__).resolve().parent.parent)
    assert site.warnings == []


@pytest.mark.parametrize("case", ["bad-persona-fields", "missing-translation"])
def test_build_stops_with_the_messages_and_no_traceback(case: str, tmp_path: Path) -> None:
    root = broken_project(case, tmp_path / "project")
    out = tmp_path / "site"
    result = run_build(out, content_root=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for line in expected(case):
        assert f"ERROR   -  {line}" in output
    count = len(expected(case))
    assert f"{count} problem{'s' if count > 1 else ''} to fix (each with its file and line above); nothing was built." in output
    assert not (out / "index.html").exists()
