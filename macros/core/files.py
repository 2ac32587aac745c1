"""Reading the files editors write: real files inside the project, UTF-8, no byte-order mark.

A content file that is a symbolic link could publish any file of the machine that builds
the site, so links are refused by name. Editors on Windows often save a byte-order mark
(BOM) in front of the text; it is invisible, so it is left out, with a warning that says
how to save the file without one.
"""

from __future__ import annotations

import functools
from pathlib import Path

from macros.core.problems import Message, Problems
from macros.core.text_checks import scan

BOM = "\ufeff"


@functools.lru_cache(maxsize=64)
def _resolved(root: Path) -> Path:
    """The real path of a project or region folder (asked for every file, the same each time)."""
    return root.resolve()


def read_source(file: Path, root: Path, problems: Problems | None = None) -> str | None:
    """The text of ``file`` (named relative to ``root``), or None after reporting why not.

    With ``problems=None`` nothing is reported: for a second reader of a file the loaders
    have already checked.
    """
    problems = Problems() if problems is None else problems
    rel = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
    real_root = _resolved(root)
    if file.is_symlink() or not file.resolve().is_relative_to(real_root):
        target = file.resolve()
        shown = target.relative_to(real_root).as_posix() if target.is_relative_to(real_root) else target
        problems.add(
            rel,
            1,
            "file",
            Message(
                nl=f"is een link naar {shown} (hier hoort een echt bestand: zet het bestand zelf in de map, geen link ernaar)",
                en=f"is a link to {shown} (expected a real file here: put the file itself in the repository, not a link to it)",
            ),
        )
        return None
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(
            rel, 1, "file", Message(nl="dit bestand is geen UTF-8-tekst (sla het op als UTF-8)", en="this file is not UTF-8 text (save it as UTF-8)")
        )
        return None
    if text.startswith(BOM):
        problems.warn(
            rel,
            1,
            "file",
            Message(
                nl="begint met een onzichtbaar teken (BOM); dat is weggelaten (sla het bestand op als UTF-8 zonder BOM)",
                en="starts with an invisible byte-order mark (BOM), which was left out (save the file as UTF-8 without BOM)",
            ),
        )
        text = text[len(BOM) :]
    # Characters a reader cannot see: refused or removed on their own line (text_checks.py).
    return scan(rel, text, problems).text
