"""Regions at the edges of what a real region can hold, for the print layout test
(tests/test_print_layout.py): the printed pieces must lay out for any of them.

``python scripts/extremes.py /tmp/extremes`` writes one folder per region:

- ``klein``: the example region cut down to one principle, one ambition, no stories and two
  municipalities (the fewest a region has); with a logo and a picture (the example's);
- ``veel``: this project's own region twice over (``scripts/synth.py``): eight principles, six
  ambitions and six stories, eleven municipalities, no logo or picture of its own;
- ``lang``: this project's own region with every title, summary and core sentence as long as
  make check allows.

Each is a region as an editor would leave it: make check finds no error in it (its published
addresses are registered afresh, as for a new region). Only the editing is done here; the
words are the regions' own, repeated where a text is made longer.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.core.text_checks import LIMITS, LONGEST_WORD
from scripts.synth import check, multiply, record_translation

EXAMPLE = ROOT / "examples" / "voorbeeld"
NAMES = ("klein", "veel", "lang")


def _remove_unit(region: Path, folder: str, unit_id: str) -> None:
    for file in (region / "content" / folder).glob(f"{unit_id}.*"):
        file.unlink()


def _drop_youth_items(region: Path, sources: set[str]) -> None:
    """The page for young people without its lines that come from removed units, and without stories."""
    for file in (region / "content" / "youth").glob("*.md"):
        text = file.read_text(encoding="utf-8")
        for source in sources:
            text = re.sub(rf"  - id: [a-z0-9-]+\n    text: .*\n    from: {re.escape(source)}(?:#[a-z0-9-]+)?\n", "", text)
        text = re.sub(r"stories:\n(?:  - [a-z0-9-]+\n)+", "", text)
        file.write_text(text, encoding="utf-8")


def _register(region: Path) -> None:
    """Its addresses registered afresh, as for a region that has published nothing yet."""
    (region / "data" / "addresses.txt").write_text("", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "macros.cli.check", "register", "--root", str(region)], cwd=ROOT, capture_output=True, check=True)


def _record_translations(region: Path) -> None:
    """Every English file's record of its Dutch text brought up to date (the texts were edited)."""
    for english in sorted((region / "content").rglob("*.en.md")):
        dutch = english.with_name(english.name.replace(".en.md", ".nl.md"))
        english.write_text(record_translation(english.read_text(encoding="utf-8"), dutch.read_text(encoding="utf-8")), encoding="utf-8")


def small(target: Path) -> Path:
    """The example region with one principle, one ambition, no stories and two municipalities."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(EXAMPLE / "content", target / "content")
    shutil.copytree(EXAMPLE / "data", target / "data")
    principles = sorted(f.name.split(".")[0] for f in (target / "content" / "principles").glob("*.nl.md"))
    personas = sorted(f.name.split(".")[0] for f in (target / "content" / "personas").glob("*.nl.md"))
    for unit_id in principles[1:]:
        _remove_unit(target, "principles", unit_id)
    for unit_id in personas:
        _remove_unit(target, "personas", unit_id)
    _drop_youth_items(target, set(principles[1:]) | set(personas))
    region = target / "data" / "region.yaml"
    text = region.read_text(encoding="utf-8")
    text = re.sub(r"(municipalities:\n(?:  - name: .*\n    local_team: .*\n){2})(?:  - name: .*\n    local_team: .*\n)+", r"\1", text)
    region.write_text(text, encoding="utf-8")
    _record_translations(target)
    _register(target)
    return target


def _longest(text: str, limit: int) -> str:
    """``text`` made as long as ``limit`` allows by repeating its own words, ending on a whole word."""
    words = [word for word in re.findall(r"[^\s]+", text) if len(word) < LONGEST_WORD] or ["tekst"]
    out = text.rstrip(".")
    position = 0
    while len(out) + 1 + len(words[position % len(words)]) <= limit - 1:
        out += " " + words[position % len(words)].strip(".,:;!?").lower()
        position += 1
    return out + "."


def _lengthen(file: Path, fields: dict[str, int]) -> None:
    """The front matter's one-line ``fields`` at their longest (a value in double quotes)."""
    text = file.read_text(encoding="utf-8")
    for field, limit in fields.items():

        def longer(found: re.Match[str], limit: int = limit) -> str:
            value = found.group(2).strip().strip('"').strip("'")
            return f'{found.group(1)}"{_longest(value, limit).replace(chr(34), "")}"'

        text = re.sub(rf"^({field}: )(.+)$", longer, text, count=1, flags=re.MULTILINE)
    file.write_text(text, encoding="utf-8")


def many(target: Path) -> Path:
    """This project's region twice over: eight principles, six ambitions, six stories, eleven municipalities."""
    multiply(ROOT, 2, target)
    personas = sorted(f.name.split(".")[0] for f in (target / "content" / "personas").glob("*.nl.md"))
    for unit_id in [p for p in personas if p.endswith("-k2")][2:]:
        _remove_unit(target, "personas", unit_id)
    # One page for young people, as every region has.
    for file in (target / "content" / "youth").glob("*-k2.*"):
        file.unlink()
    _record_translations(target)
    _register(target)
    return target


def long(target: Path) -> Path:
    """This project's region with every title, summary and core sentence as long as make check allows."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "data", target / "data")
    limits = {name: limit for name, (limit, *_) in LIMITS["*"].items()}
    for file in sorted((target / "content").rglob("*.md")):
        fields = dict(limits)
        if "motto:" in file.read_text(encoding="utf-8"):
            fields["motto"] = LIMITS["vision"]["motto"][0]
        _lengthen(file, fields)
    _record_translations(target)
    _register(target)
    return target


def write(folder: Path, checked: bool = True) -> dict[str, Path]:
    """The regions under ``folder``; ``checked``: each through make check, and a region with
    errors stops here, with make check's words (a build of them stops on errors anyway)."""
    regions = {"klein": small(folder / "klein"), "veel": many(folder / "veel"), "lang": long(folder / "lang")}
    for name, region in regions.items() if checked else ():
        result = check(region)
        if result.returncode != 0:
            raise SystemExit(f"extremes: the region {name} has errors:\n{result.stdout[-4000:]}")
    return regions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where to write the regions (each replaced if it exists)")
    for name, region in write(parser.parse_args().folder).items():
        print(f"{name}: {region}")


if __name__ == "__main__":
    main()
