"""Synthetic content for the benchmark: a region folder with its units multiplied.

``python -m scripts.synth 5 /tmp/region-5x`` copies the project's ``content/`` and ``data/``
and adds, for every copy k = 2 … N, each vision section, principle and persona again under a
new id (``samen-leren-k2``), with a distinct title, the next free principle numbers and
section orders, and an English file whose translation record matches its Dutch file. The
sections that exist once by nature (the one with the core sentence and the overview, the
ambitions) are not copied. The result builds without errors; its new addresses are not in
the register, which is a warning only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.translations import FIELD, fingerprint

# Front matter that makes a section unique in the vision: not copied.
_ONCE = re.compile(r"^(motto|ambition|overview):", re.MULTILINE)


def _copy_unit(text: str, unit_id: str, k: int, principles: int) -> str:
    text = re.sub(r"^id: .*$", f"id: {unit_id}-k{k}", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} ({k})", text, count=1, flags=re.MULTILINE)
    text = re.sub(r"^number: (\d+)$", lambda m: f"number: {int(m.group(1)) + principles * (k - 1)}", text, count=1, flags=re.MULTILINE)
    return re.sub(r"^order: (\d+)$", lambda m: f"order: {int(m.group(1)) + 100 * k}", text, count=1, flags=re.MULTILINE)


def multiply(source: Path, times: int, target: Path) -> Path:
    """Write ``target``: the region in ``source`` with its content ``times`` as large."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source / "content", target / "content")
    shutil.copytree(source / "data", target / "data")
    principles = len(list((source / "content" / "principles").glob("*.nl.md")))
    for folder in ("vision", "principles", "personas"):
        files = sorted((source / "content" / folder).glob("*.md"))
        for k in range(2, times + 1):
            for file in files:
                unit_id, lang, _ = file.name.split(".")
                text = file.read_text(encoding="utf-8")
                if folder == "vision" and _ONCE.search(text):
                    continue
                (target / "content" / folder / f"{unit_id}-k{k}.{lang}.md").write_text(_copy_unit(text, unit_id, k, principles), encoding="utf-8")
            for drawing in sorted((source / "content" / folder).glob("*.svg")):
                shutil.copyfile(drawing, target / "content" / folder / f"{drawing.stem}-k{k}.svg")
    # Each English copy translates its Dutch copy, whose id and title changed.
    for dutch in sorted((target / "content").rglob("*-k*.nl.md")):
        english = dutch.with_name(dutch.name.replace(".nl.md", ".en.md"))
        record = fingerprint(dutch.read_text(encoding="utf-8"))
        text = re.sub(rf"^{FIELD}:.*$", f"{FIELD}: {record}", english.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE)
        english.write_text(text, encoding="utf-8")
    return target


def main() -> None:
    """Command line: the factor and the target folder."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("times", type=int)
    parser.add_argument("target", type=Path)
    parser.add_argument("--source", type=Path, default=ROOT)
    args = parser.parse_args()
    multiply(args.source, args.times, args.target)


if __name__ == "__main__":
    main()
