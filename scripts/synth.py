"""Synthetic content for the benchmark: a region folder with its content units multiplied.

``python scripts/synth.py 5 /tmp/region-5x --check`` copies a region's ``content/`` and
``data/`` and adds, for every copy k = 2 … N, each vision section, principle and persona again
under a new id (``samen-leren-k2``), in both languages, with any other file beside them
(a persona's portrait ``bram.svg`` becomes ``bram-k2.svg``). The front matter of a copy is
changed only where the build requires unique values, so the result builds without errors:

- ``id`` gets the suffix, and ``title`` gets " (k)" (the navigation shows distinct titles);
- ``order``, ``number`` and ``ambition`` move past the largest value of the source, so
  orders, principle numbers and the short addresses ``/p/N/`` and ``/a/N/`` stay unique;
- a quote's ``theme`` points at the copy of its section or principle (same heading ids);
- ``motto`` and ``overview`` are dropped: a vision has one core sentence and one poster;
- the English copy's ``translates`` record is the fingerprint of its Dutch copy, computed
  with the project's own function, so no "out of date" warnings flood the build.

Only the editing is done here; the text is the project's own. The new addresses are not in
``data/addresses.txt``: the build warns about that and still succeeds (``--check`` runs
``make check`` on the result to prove there is no error).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.load.translations import FIELD, fingerprint
from macros.load.units import TYPES, front_matter_end

# The folders of content units, from the schema (vision, principles, personas).
FOLDERS = tuple(ctype.folder for ctype in TYPES.values())
# Numbered fields that must stay unique across the site: moved past the source's largest value.
NUMBERED = ("order", "number", "ambition")
# Fields a vision holds once (its core sentence, the statements on the poster): not copied.
ONCE = ("motto", "overview")
# A quote's theme, at any indentation inside the quotes list.
_THEME = re.compile(r"^(?P<lead>\s+(?:- )?theme:[ \t]*)(?P<value>.+?)[ \t]*$")


@dataclass(frozen=True)
class Source:
    """What the copies need to know about the source region: its unit ids and largest numbers."""

    unit_ids: frozenset[str]
    largest: dict[str, int]


def survey(source: Path) -> Source:
    """Read every unit's front matter once: the ids, and the largest value of each numbered field."""
    ids: set[str] = set()
    largest = dict.fromkeys(NUMBERED, 0)
    for folder in FOLDERS:
        for file in sorted((source / "content" / folder).glob("*.nl.md")):
            meta = _meta(file.read_text(encoding="utf-8"))
            ids.add(file.name.split(".")[0])
            for name in NUMBERED:
                if isinstance(meta.get(name), int):
                    largest[name] = max(largest[name], meta[name])
    return Source(frozenset(ids), largest)


def _meta(text: str) -> dict[str, object]:
    lines = text.split("\n")
    end = front_matter_end(lines)
    if end is None:
        raise SystemExit("synth: a unit without front matter; run `make check` on the source region first")
    return yaml.safe_load("\n".join(lines[1:end])) or {}


def _is_continuation(line: str) -> bool:
    """A line that belongs to the field above it: indented, or an item of a top-level list."""
    return line[:1] in (" ", "\t", "-") and line.strip() != "---"


def _set_field(lines: list[str], name: str, value: str | None) -> list[str]:
    """Replace a top-level field (with its continuation lines) by ``name: value``; None removes it."""
    out: list[str] = []
    skipping = False
    for line in lines:
        if skipping and _is_continuation(line):
            continue
        skipping = False
        if line.startswith(f"{name}:"):
            skipping = True
            if value is not None:
                out.append(f"{name}: {value}")
            continue
        out.append(line)
    return out


def _retheme(line: str, k: int, unit_ids: frozenset[str]) -> str:
    """A quote theme ``onze-visie#ouders`` as ``onze-visie-k2#ouders`` when that unit is copied too."""
    match = _THEME.match(line)
    if not match:
        return line
    theme = str(yaml.safe_load(match.group("value")))
    target, hash_, anchor = theme.partition("#")
    if target not in unit_ids:
        return line
    return match.group("lead") + json.dumps(f"{target}-k{k}{hash_}{anchor}", ensure_ascii=False)


def copy_text(text: str, k: int, source: Source) -> str:
    """One unit file as copy ``k``: the front matter made unique, the body unchanged."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    assert end is not None  # survey() has read every front matter
    meta = _meta(text)
    front = lines[1:end]
    front = _set_field(front, "id", f"{meta['id']}-k{k}")
    # JSON strings are YAML strings: a title with a colon or quotes stays one valid scalar.
    front = _set_field(front, "title", json.dumps(f"{meta['title']} ({k})", ensure_ascii=False))
    for name in NUMBERED:
        if isinstance(meta.get(name), int):
            front = _set_field(front, name, str(meta[name] + source.largest[name] * (k - 1)))
    for name in ONCE:
        front = _set_field(front, name, None)
    front = [_retheme(line, k, source.unit_ids) for line in front]
    return "\n".join([lines[0], *front, *lines[end:]])


def record_translation(english: str, dutch: str) -> str:
    """The English text with its ``translates`` record set to the Dutch copy's fingerprint."""
    lines = english.split("\n")
    end = front_matter_end(lines)
    assert end is not None
    front = _set_field(lines[1:end], FIELD, fingerprint(dutch))
    return "\n".join([lines[0], *front, *lines[end:]])


def copy_unit(folder: Path, unit_id: str, k: int, source: Source) -> None:
    """Write copy ``k`` of one unit: both languages (the English record matching), and its other files."""
    dutch = copy_text((folder / f"{unit_id}.nl.md").read_text(encoding="utf-8"), k, source)
    english = copy_text((folder / f"{unit_id}.en.md").read_text(encoding="utf-8"), k, source)
    (folder / f"{unit_id}-k{k}.nl.md").write_text(dutch, encoding="utf-8")
    (folder / f"{unit_id}-k{k}.en.md").write_text(record_translation(english, dutch), encoding="utf-8")
    for other in sorted(folder.glob(f"{unit_id}.*")):
        if not other.name.endswith(".md"):
            shutil.copyfile(other, folder / f"{unit_id}-k{k}{other.name[len(unit_id):]}")


def multiply(source: Path, times: int, target: Path) -> Path:
    """Write ``target``: the region in ``source`` (``content/`` and all of ``data/``) with its units ``times`` over."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source / "content", target / "content")
    shutil.copytree(source / "data", target / "data")
    found = survey(source)
    for folder in FOLDERS:
        units = sorted(f.name.split(".")[0] for f in (source / "content" / folder).glob("*.nl.md"))
        for k in range(2, times + 1):
            for unit_id in units:
                copy_unit(target / "content" / folder, unit_id, k, found)
    return target


def check(region: Path) -> subprocess.CompletedProcess[str]:
    """``make check`` on a region folder (exit status 0: no errors; warnings allowed)."""
    return subprocess.run(
        [sys.executable, "-m", "macros.cli.check", "check", "--root", str(region)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


def main() -> None:
    """Command line: the factor, the target folder, optionally the source region and a check."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("times", type=int, help="how many copies of each unit (1 copies the region unchanged)")
    parser.add_argument("target", type=Path, help="the new region folder (replaced if it exists)")
    parser.add_argument("--source", type=Path, default=ROOT, help="the region to multiply (default: this project's own)")
    parser.add_argument("--check", action="store_true", help="run `make check` on the result and exit with its status")
    args = parser.parse_args()
    multiply(args.source.resolve(), args.times, args.target.resolve())
    if args.check:
        result = check(args.target.resolve())
        # On success only the summary (every new address is a warning); on failure the whole list.
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        print("\n".join(lines[-2:]) if result.returncode == 0 else result.stdout)
        sys.exit(result.returncode)


if __name__ == "__main__":
    main()
