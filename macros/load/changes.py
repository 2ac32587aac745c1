"""The changes editors record, where they make them.

A unit's front matter may hold ``history:`` (each with ``date``, ``kind`` and a ``note`` in the
file's own language); ``data/region.yaml`` may hold the whole vision's (with the note in both
languages: "Vastgesteld door …", a new version). A change is ``major`` (what the text says
changed: it shows as "Laatst gewijzigd" and goes into the feed) or ``minor`` (a typo, a link).
Dates are what the editor wrote, never the build's time; one in the future is refused.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from macros.core.problems import Message, Problems
from macros.core.schema import LINES, Field

KINDS = ("major", "minor")
_DATE = Field(
    "date", Message(nl="de dag van de wijziging, als jaar-maand-dag, zoals 2026-12-04", en="the day of the change, as year-month-day, like 2026-12-04")
)
_KIND = Field(
    "text",
    Message(
        nl="`major` (wat de tekst zegt, is veranderd) of `minor` (een taalfout, een link)",
        en="`major` (what the text says changed) or `minor` (a typo, a link)",
    ),
    choices=KINDS,
)
_LIST = Message(
    nl="de wijzigingen, elk met een streepje en daaronder `date:`, `kind:` en `note:`",
    en="the changes, each a list item with `date:`, `kind:` and `note:`",
)
_ONE = Message(nl="een wijziging met `date:`, `kind:` en `note:`", en="a change with `date:`, `kind:` and `note:`")


def _history(note: Field) -> Field:
    """A `history:` list, each change with its date, its kind and ``note``."""
    return Field("list", _LIST, required=False, min_items=1, item=Field("map", _ONE, fields={"date": _DATE, "kind": _KIND, "note": note}))


# In a unit's front matter: the note in the file's language.
UNIT_CHANGES = _history(Field("text", Message(nl="in één korte zin wat er veranderde", en="what changed, in one short sentence")))
# In data/region.yaml: the whole vision's changes, the note in both languages.
REGION_CHANGES = _history(Field("texts", Message(nl="wat er veranderde, in één korte zin", en="what changed, in one short sentence")))


@dataclass(frozen=True)
class Change:
    """One recorded change: of a unit (``unit`` is its key, like ``principles/samen-leren``) or of
    the whole vision (``unit`` is empty)."""

    day: datetime.date
    kind: str
    note: str
    lang: str
    unit: str = ""

    @property
    def major(self) -> bool:
        return self.kind == "major"


def from_unit(meta: dict[str, Any], key: str, lang: str) -> tuple[Change, ...]:
    """A checked unit's changes, newest first."""
    items = [Change(item["date"], item["kind"], item["note"], lang, key) for item in meta.get("history") or []]
    return tuple(sorted(items, key=lambda change: change.day, reverse=True))


def from_region(items: list[dict[str, Any]] | None, lang: str) -> tuple[Change, ...]:
    """The whole vision's changes in one language, newest first."""
    found = [Change(item["date"], item["kind"], item["note"][lang], lang) for item in items or []]
    return tuple(sorted(found, key=lambda change: change.day, reverse=True))


def check_dates(items: list[dict[str, Any]] | None, path: str, problems: Problems, today: datetime.date | None = None) -> None:
    """A change dated in the future is refused, on its line."""
    today = today or datetime.date.today()
    for item in items or []:
        if isinstance(item, dict) and isinstance(item.get("date"), datetime.date) and item["date"] > today:
            problems.add(
                path,
                item.get(LINES, {}).get("date", 1),
                "history.date",
                Message(
                    nl=f"{item['date'].isoformat()} ligt in de toekomst (schrijf de dag waarop de wijziging is gedaan)",
                    en=f"{item['date'].isoformat()} is in the future (expected the day the change was made)",
                ),
            )
