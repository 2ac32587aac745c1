"""Translation status: which version of the Dutch text each English file translates.

Every English file records a fingerprint of its Dutch file in its front matter::

    translates: nl-3f2a9c1b7d

The fingerprint is the start of a SHA-256 of the Dutch file (front matter and text, with
line ends and trailing spaces evened out). When someone changes the Dutch file, its
fingerprint changes and the English file is *out of date*: a warning that names both
files and the value to write once the English text has been brought up to date.
A missing English file is an error (reported by the loaders); so is a missing record.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from macros.core.files import read_source
from macros.core.problems import Message, Problems
from macros.load.units import front_matter_end

FIELD = "translates"
_RECORD = re.compile(rf"^{FIELD}:[ \t]*(?P<value>.*?)[ \t]*(?:[ \t]#.*)?$", re.MULTILINE)
_FINGERPRINT = re.compile(r"^nl-[0-9a-f]{10}$")
_PREFIX = "nl-"


def fingerprint(text: str) -> str:
    """The fingerprint of a Dutch file's text, like ``nl-3f2a9c1b7d``."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    normal = "\n".join(lines).strip("\n") + "\n"
    return _PREFIX + hashlib.sha256(normal.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Translation:
    """One Dutch file and its English counterpart (which may be missing)."""

    dutch: str
    english: str
    current: str  # the fingerprint of the Dutch file now
    recorded: str | None  # what the English file says it translates; None if no record
    line: int  # the line of the record in the English file (1 if none)
    exists: bool
    dutch_record: int | None = None  # the line of a record wrongly kept in the Dutch file

    @property
    def status(self) -> str:
        """One of: missing, not recorded, not a fingerprint, out of date, up to date."""
        if not self.exists:
            return "missing"
        if not self.recorded:
            return "not recorded"
        if not _FINGERPRINT.match(self.recorded):
            return "not a fingerprint"
        return "up to date" if self.recorded == self.current else "out of date"


def _front_matter(text: str) -> str:
    """The front matter block of a page, or "" when there is none."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    return "" if end is None else "\n".join(lines[: end + 1])


def _record(text: str) -> tuple[str | None, int]:
    match = _RECORD.search(_front_matter(text))
    if not match:
        return None, 1
    return match.group("value").strip("\"'") or None, text.count("\n", 0, match.start()) + 1


def scan(root: Path, folders: list[tuple[Path, str]]) -> list[Translation]:
    """Every Dutch page in ``folders`` (path, how to name it) with its English counterpart."""
    found = []
    for folder, shown in folders:
        for dutch in sorted(folder.rglob("*.nl.md")) if folder.is_dir() else []:
            if "overrides" in dutch.relative_to(folder).parts:
                continue
            english = dutch.with_name(dutch.name[: -len(".nl.md")] + ".en.md")
            rel_nl = f"{shown}/{dutch.relative_to(folder).as_posix()}"
            rel_en = f"{shown}/{english.relative_to(folder).as_posix()}"
            # Unreadable files and links are reported by the loaders.
            dutch_text = read_source(dutch, folder)
            english_text = read_source(english, folder) if english.is_file() else ""
            if dutch_text is None or english_text is None:
                continue
            recorded, line = _record(english_text) if english.is_file() else (None, 1)
            wrong, wrong_line = _record(dutch_text)
            found.append(Translation(rel_nl, rel_en, fingerprint(dutch_text), recorded, line, english.is_file(), wrong_line if wrong else None))
    return found


def check(translations: list[Translation], problems: Problems) -> None:
    """Errors for missing records, warnings for out-of-date translations.

    Missing English files are reported by the loaders, which know the page names.
    """
    for item in translations:
        if item.status == "not recorded":
            problems.add(
                item.english,
                item.line,
                FIELD,
                Message(
                    nl=f"ontbreekt: zet bij de velden bovenaan `{FIELD}: {item.current}`, "
                    f"als de Engelse tekst hetzelfde zegt als {item.dutch}",
                    en=f"missing: record which Dutch text this translates (expected `{FIELD}: {item.current}` in the front matter, "
                    f"once the English text matches {item.dutch})",
                ),
            )
        elif item.status == "not a fingerprint":
            problems.add(
                item.english,
                item.line,
                FIELD,
                Message(
                    nl=f"`{item.recorded}` is geen vingerafdruk (schrijf `{FIELD}: {item.current}`, "
                    f"als de Engelse tekst hetzelfde zegt als {item.dutch})",
                    en=f"`{item.recorded}` is not a fingerprint (expected `{FIELD}: {item.current}`, once the English text matches {item.dutch})",
                ),
            )
        elif item.status == "out of date":
            problems.warn(
                item.english,
                item.line,
                FIELD,
                Message(
                    nl=f"{item.dutch} is veranderd sinds deze vertaling ({item.recorded}, nu {item.current}): "
                    f"werk de Engelse tekst bij en schrijf dan `{FIELD}: {item.current}`",
                    en=f"{item.dutch} has changed since this translation ({item.recorded}, now {item.current}): "
                    f"bring the English text up to date, then write `{FIELD}: {item.current}`",
                ),
            )
        if item.dutch_record:
            problems.add(
                item.dutch,
                item.dutch_record,
                FIELD,
                Message(
                    nl=f"alleen het Engelse bestand heeft `{FIELD}` (haal deze regel weg)",
                    en=f"only the English file records `{FIELD}` (remove this line)",
                ),
            )


# The table's words for editors (Dutch) and maintainers (English, REGIOVISIE_MESSAGES=en).
_TABLE = {
    "head": Message(nl="Nederlands bestand|Engels bestand|stand|schrijf in het Engelse bestand", en="Dutch file|English file|status|write in the English file"),
    "up to date": Message(nl="bijgewerkt", en="up to date"),
    "out of date": Message(nl="verouderd", en="out of date"),
    "missing": Message(nl="ontbreekt", en="missing"),
    "not recorded": Message(nl="niet-vastgelegd", en="not recorded"),
    "not a fingerprint": Message(nl="geen-vingerafdruk", en="not a fingerprint"),
}


def table(translations: list[Translation]) -> str:
    """A plain-text table of every page's translation status, in the editors' language."""
    rows = [tuple(str(_TABLE["head"]).split("|"))]
    for item in translations:
        todo = "" if item.status == "up to date" else f"{FIELD}: {item.current}"
        rows.append((item.dutch, item.english, str(_TABLE[item.status]), todo))
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
        if index == 0:
            lines.append("  ".join("-" * width for width in widths) + "  " + "-" * len(rows[0][3]))
    counts: dict[str, int] = {}
    for item in translations:
        counts[item.status] = counts.get(item.status, 0) + 1
    lines.append("")
    lines.append(", ".join(f"{count} {_TABLE[status]}" for status, count in sorted(counts.items())))
    return "\n".join(line.rstrip() for line in lines)
