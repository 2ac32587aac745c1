"""Start a region: ``make region NAME="Regio Noord"`` copies the example region into a new folder.

The copy is a site that builds at once: the example's content and figures with the new name
filled in where the example names itself, translation records brought up to date for the
renamed texts, and an empty register of published addresses (a new site has published
nothing yet). The region then replaces the example's texts, figures and municipalities.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from macros.load.addresses import REGISTER, write_register
from macros.load.translations import FIELD, fingerprint

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "voorbeeld"
# How the example names itself, per language; replaced by the new name (longest first).
EXAMPLE_NAMES = (
    ("Regio Voorbeeld", "Regio {name}"),
    ("regio Voorbeeld", "regio {name}"),
    ("the Example region", "the {name} region"),
    ("Example region", "{name} region"),
    ("Voorbeeld", "{name}"),
)


def slug(name: str) -> str:
    """A folder or host name from a region's name: "Regio Noord-Oost" -> "regio-noord-oost"."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _rename(text: str, name: str) -> str:
    for old, new in EXAMPLE_NAMES:
        text = re.sub(rf"\b{re.escape(old)}\b", new.format(name=name), text)
    return text


def _record_translations(content: Path) -> None:
    """After renaming, each English file translates its renamed Dutch file: write that down."""
    for dutch in sorted(content.rglob("*.nl.md")):
        english = dutch.with_name(dutch.name[: -len(".nl.md")] + ".en.md")
        if english.is_file():
            record = fingerprint(dutch.read_text(encoding="utf-8"))
            text = re.sub(rf"^{FIELD}:.*$", f"{FIELD}: {record}", english.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
            english.write_text(text, encoding="utf-8")


def create(name: str, target: Path) -> Path:
    """Copy the example region to ``target`` with ``name`` filled in."""
    if target.exists():
        raise FileExistsError(f"{target} already exists (expected a new folder: choose another DIR=)")
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns(Path(REGISTER).name))
    for file in sorted(target.rglob("*")):
        if file.is_file() and file.suffix in (".md", ".yaml"):
            file.write_text(_rename(file.read_text(encoding="utf-8"), name), encoding="utf-8")
    region = target / "data" / "region.yaml"
    text = region.read_text(encoding="utf-8")
    text = re.sub(r"^site_url: .*$", f"site_url: https://visie.{slug(name)}.example/", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^name:\n  nl: .*\n  en: .*$", f"name:\n  nl: {name}\n  en: {name}", text, count=1, flags=re.MULTILINE)
    # The header on a phone has room for 10 characters: a short name that always fits.
    text = re.sub(r"^short:\n  nl: .*\n  en: .*$", "short:\n  nl: Regiovisie\n  en: Youth care", text, count=1, flags=re.MULTILINE)
    region.write_text(text, encoding="utf-8")
    _record_translations(target / "content")
    write_register(target, [])
    return target


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m macros.new_region NAME [DIR]``."""
    parser = argparse.ArgumentParser(prog="make region", description=__doc__.split("\n\n")[0])
    parser.add_argument("name", help='the region\'s name, like "Noord"')
    parser.add_argument("dir", nargs="?", type=Path, help="the new folder (default: regions/<name>)")
    args = parser.parse_args(argv)
    name = " ".join(args.name.split())
    if not name or any(char in name for char in "<>{}[]\"\\`*_#"):
        print('Geef een naam zonder tekens als < > { } [ ] " * _ #, bijvoorbeeld: make region NAME="Noord"', file=sys.stderr)
        return 2
    target = args.dir or ROOT / "regions" / slug(name)
    try:
        create(name, target)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 2
    shown = target.relative_to(ROOT) if target.resolve().is_relative_to(ROOT) else target
    print(f"Regio {name} staat in {shown}/. Volgende stap: vul {shown}/data/region.yaml in, vervang de teksten in {shown}/content/ en bekijk het met `make serve REGION={shown}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
