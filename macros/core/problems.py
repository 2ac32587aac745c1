"""One error shape for everything an editor can get wrong.

Every check in the loaders appends a :class:`Problem`; the build prints all of them
at once and stops. Nothing here raises on the first mistake.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

# Messages are in Dutch, the editors' language; a maintainer who wants English sets this to "en"
# (`REGIOVISIE_MESSAGES=en make check`).
LANGUAGE_SETTING = "REGIOVISIE_MESSAGES"


def message_language() -> str:
    """"nl" (the default) or "en", read each time so a setting made later still counts."""
    return "en" if os.environ.get(LANGUAGE_SETTING, "").strip().lower() == "en" else "nl"


@dataclass(frozen=True)
class Message:
    """One message in both languages: Dutch for the editors (B1, says what to write), English
    for maintainers. Shown in the language of :func:`message_language`."""

    nl: str
    en: str

    def __str__(self) -> str:
        return self.en if message_language() == "en" else self.nl


# The fields of a problem that stops a whole file from being read: the cause of what follows.
UNREADABLE = ("file", "yaml", "indicators", "front matter")


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, printed as ``path:line: field: message``."""

    path: str
    line: int
    field: str
    text: Message | str = field(compare=False)
    warning: bool = False

    @property
    def message(self) -> str:
        """The message in the editors' language (or English when asked for)."""
        return str(self.text)

    @property
    def cause(self) -> bool:
        """Whether this problem stops its whole file from being read (shown first)."""
        return not self.warning and self.field in UNREADABLE

    def order(self) -> tuple[str, int, str, str]:
        """File, line, field, then the message as shown: a stable order for every report."""
        return (self.path, self.line, self.field, self.message)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


@dataclass
class Problems:
    """A collector that loaders append to; sorted output keeps reports stable."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, field_name: str, message: Message | str) -> None:
        """Record an error."""
        self.items.append(Problem(path, line, field_name, message))

    def warn(self, path: str, line: int, field_name: str, message: Message | str) -> None:
        """Record a warning: reported, but the build goes on."""
        self.items.append(Problem(path, line, field_name, message, warning=True))

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop the build, in file and line order."""
        return sorted((p for p in self.items if not p.warning), key=Problem.order)

    @property
    def warnings(self) -> list[Problem]:
        """The problems that are only reported."""
        return sorted((p for p in self.items if p.warning), key=Problem.order)


class ContentError(Exception):
    """Raised once, after loading, when any error was found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = sum(not p.warning for p in problems)
        self.text = Message(
            nl=f"{count} {'fout' if count == 1 else 'fouten'} om te verbeteren (hierboven staan bij elke fout het bestand en de regel); "
            "er is niets gebouwd.",
            en=f"{count} {'problem' if count == 1 else 'problems'} to fix (each with its file and line above); nothing was built.",
        )
        super().__init__(self.text.en)

    def __str__(self) -> str:
        # In the language of the messages above it, chosen when it is shown.
        return str(self.text)
