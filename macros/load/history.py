"""When each source file last changed, from git history: the "last updated" line of a page.

Dates come from commits, never from the clock or file times, so two builds of the same
commit are identical. A file with changes that are not committed yet (an editor's preview)
shows today's date; without git (a copy of the project) the date of SOURCE_DATE_EPOCH, or today.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

from babel.dates import format_date

from macros.load.indicators import LOCALES


def _git(repo: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def _fallback() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


class History:
    """Last commit dates of the files in one git work tree."""

    def __init__(self, repo: Path, folders: tuple[Path, ...] | None = None) -> None:
        """``folders``: where the pages come from (the engine's docs/, the region's content/ and
        data/); those outside ``repo`` (a region kept elsewhere) get the fallback date."""
        self.repo = repo.resolve()
        self.dates: dict[str, datetime.date] = {}
        # The first commit of each file: when it was published.
        self.first: dict[str, datetime.date] = {}
        self.dirty: set[str] = set()
        inside = [f.resolve() for f in folders or (repo / "content", repo / "docs", repo / "data") if f.resolve().is_relative_to(self.repo)]
        paths = [f.relative_to(self.repo).as_posix() for f in inside]
        if not paths:
            return
        log = _git(self.repo, "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *paths)
        if log is None:
            return
        when: datetime.date | None = None
        for line in log.split("\n"):
            if line.startswith("\x00"):
                when = datetime.date.fromisoformat(line[1:].strip())
            elif line.strip() and when is not None:
                # The log lists newest first: keep the first date seen for each file.
                self.dates.setdefault(line.strip(), when)
                self.first[line.strip()] = when
        status = _git(self.repo, "status", "--porcelain", "--untracked-files=all", "--", *paths) or ""
        self.dirty = {line[3:].strip() for line in status.split("\n") if line.strip()}

    def changed(self, file: Path) -> datetime.date:
        """The date ``file`` last changed."""
        try:
            rel = file.resolve().relative_to(self.repo).as_posix()
        except ValueError:
            return _fallback()
        if rel in self.dirty:
            return datetime.date.today()
        return self.dates.get(rel) or _fallback()


    def span(self) -> tuple[datetime.date, datetime.date]:
        """When the content (every file of the folders read) was first published, and when it
        last changed: the dates of the PDFs, from what was written, never the build's time."""
        changed = [*self.dates.values(), *([datetime.date.today()] if self.dirty else [])]
        first = list(self.first.values())
        return (min(first) if first else _fallback(), max(changed) if changed else _fallback())

    def published(self, file: Path) -> datetime.date:
        """The date ``file`` was first committed (its first publication), else when it changed."""
        try:
            rel = file.resolve().relative_to(self.repo).as_posix()
        except ValueError:
            return _fallback()
        return self.first.get(rel) or self.changed(file)


def long_date(day: datetime.date, lang: str) -> str:
    """A date written out in the page's language: "22 november 2026", "22 November 2026"."""
    return format_date(day, format="long", locale=LOCALES[lang])


def build_date() -> datetime.date:
    """The date of this version: the last commit (SOURCE_DATE_EPOCH), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()
