"""Fingerprint the four youth stories of the 2021–2025 vision, which must never be published.

Those stories are about real (anonymised) young people. This script reads them from the
seed document and writes hashes of every run of eight words to tests/protected_shingles.txt,
so the tests can prove that no page repeats them, without the repository holding their text.
Run it again only if the seed document changes: `python scripts/protected_stories.py ../shared/seeds`.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

SEED = "002_f4efd8b62f7285fa.txt"
STORY_HEADING = re.compile(r"^# (?!Inhoud)[A-ZÖ]+\s*$")
SHINGLE = 8
# Text that the published 2026–2031 vision and its council proposal also hold is public.
PUBLIC = ("000_68d7b727f9026f0a.txt", "001_18c9066212e1532d.txt")
OUT = Path(__file__).resolve().parent.parent / "tests" / "protected_shingles.txt"


def words(text: str) -> list[str]:
    """Lower-case words, so punctuation and line breaks do not hide a repeat."""
    return re.findall(r"[a-zà-ÿ0-9]+", text.lower())


def shingles(text: str) -> set[str]:
    """Short hashes of every run of eight words."""
    tokens = words(text)
    return {
        hashlib.sha256(" ".join(tokens[i : i + SHINGLE]).encode()).hexdigest()[:16]
        for i in range(len(tokens) - SHINGLE + 1)
    }


def stories(seed_text: str) -> list[str]:
    """The text of each story: from its name heading to the next chapter heading."""
    found, current = [], None
    for line in seed_text.splitlines():
        if STORY_HEADING.match(line):
            current = []
            found.append(current)
        elif line.startswith("## "):
            current = None
        elif current is not None:
            current.append(line)
    return ["\n".join(lines) for lines in found]


def main(seeds: Path) -> None:
    texts = stories((seeds / SEED).read_text(encoding="utf-8"))
    public = set().union(*(shingles((seeds / name).read_text(encoding="utf-8")) for name in PUBLIC))
    hashes = sorted(set().union(*(shingles(t) for t in texts)) - public)
    OUT.write_text("\n".join(hashes) + "\n", encoding="utf-8")
    print(f"{len(texts)} stories, {len(hashes)} fingerprints written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds"))
