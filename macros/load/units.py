"""The content types and their units: what each type's front matter holds (its schema), a
loaded unit, and the front matter's place in a file. Loaded and checked by
``macros/load/content.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from macros.core.paths import localize
from macros.core.problems import Message
from macros.core.schema import Field, Where
from macros.load.changes import UNIT_CHANGES

# A point, goal or quote: its own id, so partners can link to one sentence.
_POINT = Field(
    "map",
    Message(nl="een punt met een `id` en een `text`", en="a point with an `id` and a `text`"),
    fields={
        "id": Field(
            "id",
            Message(nl="een kort id voor dit punt, in beide talen hetzelfde", en="a short id for this point, the same in both languages"),
        ),
        "text": Field("text", Message(nl="de tekst van dit punt", en="the text of this point")),
    },
)

_QUOTE = Field(
    "map",
    Message(nl="een citaat met een `id`, een `theme` en een `text`", en="a quote with an `id`, a `theme` and a `text`"),
    fields={
        "id": Field(
            "id",
            Message(nl="een kort id voor dit citaat, in beide talen hetzelfde", en="a short id for this quote, the same in both languages"),
        ),
        "theme": Field(
            "text",
            Message(
                nl="het id van het onderdeel van de visie of het principe waar dit citaat bij hoort, "
                "eventueel met het id van een tussenkop: `visie#eigen-regie`",
                en="the id of the vision section or principle this quote illustrates, optionally with a heading id: `visie#eigen-regie`",
            ),
        ),
        "text": Field(
            "text",
            Message(nl="de woorden van de persoon, zonder aanhalingstekens", en="the words of the persona, without quotation marks"),
        ),
    },
)


# A sentence of the version for young people, with where in the vision it comes from.
_YOUTH_POINT = Field(
    "map",
    Message(nl="een zin met een `id`, een `text` en een `from`", en="a sentence with an `id`, a `text` and a `from`"),
    fields={
        "id": Field(
            "id",
            Message(nl="een kort id voor deze zin, in beide talen hetzelfde", en="a short id for this sentence, the same in both languages"),
        ),
        "text": Field("text", Message(nl="de zin, in makkelijke taal", en="the sentence, in easy words")),
        "from": Field(
            "text",
            Message(
                nl="waar dit in de visie staat: het id van een onderdeel of principe, eventueel met een tussenkop: `ambitie-samen-hulp#tijdelijk`",
                en="where the vision says this: the id of a vision section or principle, optionally with a heading id: `ambitie-samen-hulp#tijdelijk`",
            ),
        ),
    },
)
# The parts of the version for young people, in reading order (their headings are in ui.yaml).
_YOUTH_PARTS = {
    "intro": Message(nl="wat deze visie is en wie hem maakte", en="what this vision is and who made it"),
    "changes": Message(nl="wat er voor jou verandert: elke ambitie en elk principe", en="what changes for you: each ambition and each principle"),
    "help": Message(nl="wat je mag verwachten als jij of je gezin hulp krijgt", en="what you can expect when you or your family get help"),
    "ask": Message(nl="bij wie je terechtkunt met een vraag", en="who to ask"),
}
YOUTH_PARTS = tuple(_YOUTH_PARTS)


@dataclass(frozen=True)
class ContentType:
    """One kind of unit: its folder, its address on the site and its front matter schema."""

    name: str
    folder: str
    url_folder: str
    fields: dict[str, Field]
    # Fields that must hold the same value in both languages.
    shared: tuple[str, ...]


_COMMON = {
    "id": Field(
        "id",
        Message(
            nl="het id van dit onderdeel, gelijk aan de bestandsnaam zonder .nl.md of .en.md",
            en="the id of this unit, the same as the file name before .nl.md or .en.md",
        ),
    ),
    "title": Field("text", Message(nl="de titel van deze pagina", en="the title of this page")),
    "summary": Field(
        "text",
        Message(nl="één of twee zinnen die zeggen waar deze pagina over gaat", en="one or two sentences that say what this page is about"),
    ),
    # What changed on this page, and when (macros/load/changes.py). Not `changes:`, which the
    # page for young people has as one of its parts.
    "history": UNIT_CHANGES,
    # Checked by macros/load/translations.py: English files only.
    "translates": Field(
        "text",
        Message(
            nl="de vingerafdruk van de Nederlandse tekst die dit bestand vertaalt, zoals nl-3f2a9c1b7d",
            en="the fingerprint of the Dutch text this file translates, like nl-3f2a9c1b7d",
        ),
        required=False,
    ),
}

TYPES: dict[str, ContentType] = {
    "vision": ContentType(
        "vision",
        "vision",
        "visie",
        {
            **_COMMON,
            "order": Field(
                "int",
                Message(
                    nl="een heel getal voor de volgorde van de onderdelen (1, 2, 3 …)",
                    en="a whole number that sets the order of the sections (1, 2, 3 …)",
                ),
                minimum=1,
            ),
            "part": Field("text", Message(nl="het deel van de visie: A of B", en="the part of the vision: A or B"), choices=("A", "B")),
            "ambition": Field(
                "int",
                Message(
                    nl="het nummer van de ambitie (1, 2, 3 …), als dit onderdeel een ambitie is",
                    en="the number of the ambition (1, 2, 3 …) if this section is one",
                ),
                required=False,
                minimum=1,
            ),
            "goals": Field(
                "list",
                Message(nl="de doelen onder 'Waar werken we naartoe'", en="the goals under 'Waar werken we naartoe'"),
                required=False,
                item=_POINT,
                min_items=1,
            ),
            "motto": Field(
                "text",
                Message(nl="de kernzin van de visie, bovenaan het overzicht", en="the core sentence of the vision, shown on top of the overview"),
                required=False,
            ),
            "overview": Field(
                "list",
                Message(
                    nl="de ids van de tussenkoppen van deze pagina die het overzicht (praatplaat) als uitspraken toont",
                    en="the heading ids of this page that the overview (praatplaat) shows as statements",
                ),
                required=False,
                item=Field("id", Message(nl="het id van een tussenkop op deze pagina", en="a heading id of this page")),
                min_items=1,
            ),
        },
        ("order", "part", "ambition"),
    ),
    "principles": ContentType(
        "principles",
        "principles",
        "principes",
        {
            **_COMMON,
            "number": Field(
                "int", Message(nl="het nummer van het principe (1, 2, 3 …)", en="the number of the principle (1, 2, 3 …)"), minimum=1
            ),
            "points": Field(
                "list", Message(nl="de punten van dit principe", en="the points of this principle"), item=_POINT, min_items=1
            ),
        },
        ("number",),
    ),
    "personas": ContentType(
        "personas",
        "personas",
        "personas",
        {
            **_COMMON,
            "name": Field("text", Message(nl="de voornaam van de persoon", en="the first name of the persona")),
            "age": Field(
                "int",
                Message(nl="de leeftijd als heel getal, zoals 14", en="the age as a whole number, like 14"),
                minimum=0,
                maximum=120,
            ),
            "role": Field("text", Message(nl="wie deze persoon is, in een paar woorden", en="who this persona is, in a few words")),
            "quotes": Field(
                "list", Message(nl="de citaten van deze persoon", en="the quotes of this persona"), item=_QUOTE, min_items=1
            ),
        },
        ("age",),
    ),
    # The vision for young people (12–18), in easy words: each sentence names its source.
    "youth": ContentType(
        "youth",
        "youth",
        "jongeren",
        {
            **_COMMON,
            **{part: Field("list", what, item=_YOUTH_POINT, min_items=1) for part, what in _YOUTH_PARTS.items()},
            "stories": Field(
                "list",
                Message(nl="de ids van de verhalen uit 2030 die deze pagina laat zien", en="the ids of the 2030 stories this page shows"),
                required=False,
                item=Field("id", Message(nl="het id van een persoon", en="the id of a persona")),
                min_items=1,
            ),
        },
        ("stories",),
    ),
}

# Markdown shapes shared with macros/load/markup.py.
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
HEADING_ID = re.compile(r"\{\s+#(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\s*\}$")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Unit:
    """One content unit in one language, after validation."""

    type: str
    id: str
    lang: str
    path: str
    meta: dict[str, Any]
    body: str
    body_line: int
    headings: tuple[tuple[str, str], ...]
    field_lines: dict[str, int]

    @property
    def heading_ids(self) -> tuple[str, ...]:
        """The ids of the body's headings, in order."""
        return tuple(heading_id for heading_id, _ in self.headings)

    @property
    def anchors(self) -> tuple[str, ...]:
        """The ids partners may link to: headings, points, goals and quotes."""
        items = [item.get("id") for name in ("points", "goals", "quotes", *YOUTH_PARTS) for item in self.meta.get(name) or [] if isinstance(item, dict)]
        return self.heading_ids + tuple(str(i) for i in items if i)

    @property
    def key(self) -> str:
        """The page without language, like ``principes/samen-leren``."""
        return f"{TYPES[self.type].url_folder}/{self.id}"

    @property
    def url(self) -> str:
        """The page address below the language root, like ``principes/eigen-regie/`` or ``principles/eigen-regie/``."""
        return localize(f"{TYPES[self.type].url_folder}/{self.id}/", self.lang)

    @property
    def title(self) -> str:
        """The page title."""
        return str(self.meta["title"])


@dataclass
class Units:
    """All units, indexed by type, id and language."""

    by_type: dict[str, dict[str, dict[str, Unit]]]

    def get(self, type_name: str, unit_id: str, lang: str) -> Unit:
        """One unit in one language; the loader guarantees both languages exist."""
        return self.by_type[type_name][unit_id][lang]

    def ordered(self, type_name: str, lang: str) -> list[Unit]:
        """All units of a type in one language, in their reading order."""
        key = {"vision": "order", "principles": "number"}.get(type_name)
        units = [pair[lang] for pair in self.by_type[type_name].values()]
        return sorted(units, key=lambda u: ((u.meta.get(key) or 0) if key else 0, u.id))

    def all_ids(self) -> dict[str, str]:
        """Every unit id with its type."""
        return {unit_id: t for t, pairs in self.by_type.items() for unit_id in pairs}


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the `---` line that closes the front matter; None if there is none."""
    if not lines or lines[0].strip() != "---":
        return None
    return next((index for index in range(1, len(lines)) if lines[index].strip() == "---"), None)


def split_front_matter(text: str, where: Where) -> tuple[str, int, str, int] | None:
    """Split a file into (front matter, its first line, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        where.problems.add(
            where.path,
            1,
            "front matter",
            Message(
                nl="het bestand moet beginnen met een regel `---`, dan de velden, dan weer `---`",
                en="the file must start with a line `---`, then the fields, then `---`",
            ),
        )
        return None
    end = front_matter_end(lines)
    if end is None:
        where.problems.add(
            where.path,
            1,
            "front matter",
            Message(nl="na de velden staat geen regel `---` (zet die regel onder de velden)", en="no closing `---` line after the fields"),
        )
        return None
    return "\n".join(lines[1:end]), 2, "\n".join(lines[end + 1 :]), end + 2
