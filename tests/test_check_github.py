"""`make check` on GitHub Actions: every problem on its own line of the pull request, and a summary in Dutch."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from macros.cli.check import annotations, summary
from macros.core.problems import Message, Problem
from tests.conftest import EXAMPLE, ROOT

# The workflow command GitHub reads from a step's output (docs: "workflow commands").
COMMAND = re.compile(r"^::(error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),title=(?P<title>[^:]*)::(?P<message>.*)$")


def _check(region: Path, workspace: Path, summary_file: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(workspace), "GITHUB_STEP_SUMMARY": str(summary_file)}
    env.pop("REGIOVISIE_MESSAGES", None)
    return subprocess.run([sys.executable, "-m", "macros.cli.check", "check", "--root", str(region)], check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_each_problem_is_an_annotation_on_its_file_and_line_in_the_repository(tmp_path: Path) -> None:
    # A region in a subfolder of the repository, with a picture without alt text and a field too short.
    region = tmp_path / "regions" / "voorbeeld"
    shutil.copytree(EXAMPLE, region)
    page = region / "content" / "vision" / "ambitie-dichtbij.nl.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"!\[[^\]]*\]", "![]", text), encoding="utf-8")
    line = next(n for n, row in enumerate(page.read_text(encoding="utf-8").split("\n"), start=1) if row.startswith("![]"))
    summary_file = tmp_path / "summary.md"
    result = _check(region, tmp_path, summary_file)
    assert result.returncode == 1, result.stdout + result.stderr
    commands = [COMMAND.match(row) for row in result.stdout.split("\n") if row.startswith("::")]
    assert commands and all(commands), result.stdout
    found = [(m.group(1), m.group("file"), int(m.group("line"))) for m in commands]
    assert ("error", "regions/voorbeeld/content/vision/ambitie-dichtbij.nl.md", line) in found, found
    message = next(m.group("message") for m in commands if int(m.group("line")) == line)
    assert message.startswith("de afbeelding ../images/speeltuin-in-de-wijk.jpg heeft geen alt-tekst")
    # The job summary: a Dutch table with the same problem.
    written = summary_file.read_text(encoding="utf-8")
    assert written.startswith("## Controle van teksten en cijfers")
    assert f"| content/vision/ambitie-dichtbij.nl.md | {line} | fout | afbeelding | de afbeelding" in written


def test_a_valid_region_writes_no_annotation_and_a_clean_summary(tmp_path: Path) -> None:
    summary_file = tmp_path / "summary.md"
    result = _check(EXAMPLE, ROOT, summary_file)
    assert result.returncode == 0, result.stdout
    assert not [row for row in result.stdout.split("\n") if row.startswith("::error")]
    assert "Geen fouten" in summary_file.read_text(encoding="utf-8")


def test_annotation_text_is_escaped_so_a_message_cannot_end_or_forge_a_command(tmp_path: Path) -> None:
    problem = Problem("content/a,b:c.md", 3, "title", Message(nl="100% fout\n::error file=x::nep", en="x"))
    (line,) = annotations([problem], tmp_path, tmp_path)
    assert line == "::error file=content/a%2Cb%3Ac.md,line=3,title=title::100%25 fout%0A::error file=x::nep"
    assert "\n" not in line
    warning = Problem("data/region.yaml", 1, "tekst", Message(nl="a | b", en="x"), warning=True)
    assert annotations([warning], tmp_path, tmp_path)[0].startswith("::warning file=data/region.yaml,line=1,")
    assert "| data/region.yaml | 1 | waarschuwing | tekst | a \\| b |" in summary([warning])


def test_annotations_lead_with_a_file_that_cannot_be_read() -> None:
    """GitHub shows ten annotations a step: a file that cannot be read comes first, then the rest by file and line."""
    from macros.cli.check import annotations
    from macros.core.problems import Message, Problem

    problems = [
        Problem("content/a.nl.md", 3, "indicator", Message(nl="gevolg", en="consequence")),
        Problem("data/region.yaml", 9, "title", Message(nl="los", en="apart")),
        Problem("data/indicators.yaml", 7, "yaml", Message(nl="oorzaak", en="cause")),
    ]
    lines = annotations(problems, ROOT, ROOT)
    assert [line.split("file=")[1].split(",")[0] for line in lines] == ["data/indicators.yaml", "content/a.nl.md", "data/region.yaml"]
