"""Broken inputs: each folder in tests/fixtures/ breaks a copy of the real content and pins its messages.

A fixture folder holds ``edits.yaml`` (what to change in content/ and data/: ``replace`` +
``with``, ``append``, ``create``, ``rename``, ``remove``, ``remove_line``, ``symlink`` (the file becomes a
link to that path, relative to the project copy unless absolute) or ``bom``) and ``expected.txt``:
the exact errors, one line each (empty: the input is valid). ``warnings.txt``, where present,
pins the warnings too. Edits apply to the current content, so fixtures stay valid as the
content grows; an edit whose text is no longer found fails the test.

Messages are Dutch for the editors; ``expected.en.txt`` and ``warnings.en.txt`` pin the same
lines in English, as a maintainer sees them with ``REGIOVISIE_MESSAGES=en``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from macros.core.problems import LANGUAGE_SETTING, ContentError, Message, Problem, Problems
from macros.core.safety import WHAT_NL
from macros.load.catalog import macro_specs
from macros.load.site import load_site
from tests.conftest import ROOT, copy_project_content, run_build

FIXTURES = Path(__file__).with_name("fixtures")
FINGERPRINT = re.compile(r"nl-[0-9a-f]{10}")
CASES = sorted(p.name for p in FIXTURES.iterdir() if p.is_dir())
# The pinned files per language: Dutch (the default) and English (REGIOVISIE_MESSAGES=en).
PINNED = {"nl": ("expected.txt", "warnings.txt"), "en": ("expected.en.txt", "warnings.en.txt")}


def broken_project(case: str, target: Path) -> Path:
    """A copy of the real content/ and data/ with the fixture's edits applied."""
    copy_project_content(target)
    for edit in yaml.safe_load((FIXTURES / case / "edits.yaml").read_text(encoding="utf-8")):
        file = target / edit["file"]
        if "create" in edit:
            file.parent.mkdir(parents=True, exist_ok=True)
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


def load_problems(root: Path) -> list[Problem]:
    """Every problem the loaders report for ``root``: errors and warnings."""
    try:
        return load_site(root).warnings
    except ContentError as error:
        return error.problems


def test_every_fixture_has_pinned_messages() -> None:
    assert len(CASES) >= 30
    for case in CASES:
        for errors, warnings in PINNED.values():
            assert (FIXTURES / case / errors).is_file(), (case, errors)
            # Warnings are pinned in both languages or in neither.
            assert (FIXTURES / case / warnings).is_file() == (FIXTURES / case / "warnings.txt").is_file(), (case, warnings)
            # A fixture is about a mistake: at least errors or warnings are pinned.
            assert expected(case, errors) or expected(case, warnings), case
        # The same problems in both languages: as many lines, each with the same file, line and field.
        for dutch, english in zip(*PINNED.values()):
            if (FIXTURES / case / dutch).is_file():
                where = [line.split(": ", 2)[:2] for line in expected(case, dutch)]
                assert where == [line.split(": ", 2)[:2] for line in expected(case, english)], (case, dutch)


@pytest.mark.parametrize("lang", list(PINNED))
@pytest.mark.parametrize("case", CASES)
def test_broken_input_reports_every_problem_with_file_and_line(case: str, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The setting is read when problems are sorted and shown, so it is set before loading.
    if lang == "en":
        monkeypatch.setenv(LANGUAGE_SETTING, "en")
    else:
        monkeypatch.delenv(LANGUAGE_SETTING, raising=False)
    errors, warnings = PINNED[lang]
    problems = load_problems(broken_project(case, tmp_path))
    assert report(problems, warnings=False) == expected(case, errors)
    # Warnings are pinned where the fixture is about them (warnings.txt).
    if (FIXTURES / case / warnings).is_file():
        assert report(problems, warnings=True) == expected(case, warnings)


@pytest.mark.parametrize("case", CASES)
def test_every_problem_has_a_dutch_and_an_english_message(case: str, tmp_path: Path) -> None:
    for problem in load_problems(broken_project(case, tmp_path)):
        assert isinstance(problem.text, Message), f"{case}: a plain message: {problem}"
        assert problem.text.nl.strip() and problem.text.en.strip(), f"{case}: an empty message: {problem}"
        assert problem.text.nl != problem.text.en, f"{case}: not translated: {problem}"


def _plain_messages(file: Path) -> list[str]:
    """Calls ``….add(path, line, field, message)`` or ``.warn(…)`` whose message is written as a
    plain string: a Dutch editor would read it in English."""
    found = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("add", "warn")):
            continue
        if len(node.args) == 4 and isinstance(node.args[3], (ast.Constant, ast.JoinedStr, ast.BinOp)):
            found.append(f"{file.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_problem_is_reported_as_a_plain_string() -> None:
    """Also the checks no fixture reaches: every message is written as Message(nl=…, en=…)."""
    assert [place for file in sorted((ROOT / "macros").glob("*.py")) for place in _plain_messages(file)] == []


def test_every_macro_argument_has_dutch_words() -> None:
    site = load_site(ROOT)
    whats = {param.what for spec in macro_specs(site).values() for param in spec.params if param.what}
    assert whats - set(WHAT_NL) == set()


def test_messages_are_dutch_unless_a_maintainer_asks_for_english(monkeypatch: pytest.MonkeyPatch) -> None:
    problems = Problems()
    problems.add("content/x.nl.md", 3, "number", Message(nl="schrijf een getal", en="expected a number"))
    error = ContentError(problems.errors)
    monkeypatch.delenv(LANGUAGE_SETTING, raising=False)
    assert str(problems.errors[0]) == "content/x.nl.md:3: number: schrijf een getal"
    assert str(error) == "1 fout om te verbeteren (hierboven staan bij elke fout het bestand en de regel); er is niets gebouwd."
    monkeypatch.setenv(LANGUAGE_SETTING, "en")
    assert str(problems.errors[0]) == "content/x.nl.md:3: number: expected a number"
    assert str(error) == "1 problem to fix (each with its file and line above); nothing was built."
    # Anything else than "en" keeps the editors' language.
    monkeypatch.setenv(LANGUAGE_SETTING, "fr")
    assert problems.errors[0].message == "schrijf een getal"


@pytest.mark.parametrize("case", ["bad-persona-fields", "missing-translation"])
def test_build_stops_with_the_messages_and_no_traceback(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The build shows the editors' language (the build inherits this process's environment).
    monkeypatch.delenv(LANGUAGE_SETTING, raising=False)
    root = broken_project(case, tmp_path / "project")
    out = tmp_path / "site"
    result = run_build(out, content_root=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    for line in expected(case):
        assert f"ERROR   -  {line}" in output
    count = len(expected(case))
    assert f"{count} fout{'en' if count > 1 else ''} om te verbeteren (hierboven staan bij elke fout het bestand en de regel); er is niets gebouwd." in output
    assert not (out / "index.html").exists()
