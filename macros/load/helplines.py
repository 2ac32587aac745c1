"""Help now, for young people: ``data/helplines.yaml`` in the region's folder.

The page for young people and its leaflet start with the lines a young person can reach
today, free: the national ones (112, De Kindertelefoon, 113 Zelfmoordpreventie, Veilig
Thuis) and any crisis service of the region's own. Each line says where its number and
hours were read and on which day (``source``, ``checked``), so an editor can check it again;
a date in the future or an address that is not a web page is refused. Every string is plain
text, escaped wherever it lands.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from macros.core.files import read_source
from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGES, LINES, Field, Where, check, compose
from macros.core.text_checks import web_address_problem

REL = "data/helplines.yaml"

_WEB = Message(
    nl="een webadres dat met https:// begint, zoals `https://www.kindertelefoon.nl/`",
    en="a web address starting with https://, like `https://www.kindertelefoon.nl/`",
)
LINE = Field(
    "map",
    Message(nl="één hulplijn", en="one help line"),
    fields={
        "id": Field("id", Message(nl="een korte naam voor de hulplijn, zoals `kindertelefoon`", en="a short name for the line, like `kindertelefoon`")),
        "name": Field("texts", Message(nl="de naam van de hulplijn, zoals `De Kindertelefoon`", en="the line's name, like `De Kindertelefoon`")),
        "what": Field(
            "texts",
            Message(
                nl="in één of twee korte zinnen: waarvoor je belt of chat, en of het gratis en anoniem is",
                en="in one or two short sentences: what you call or chat about, and whether it is free and anonymous",
            ),
        ),
        "phone": Field(
            "text",
            Message(nl="het telefoonnummer met cijfers en streepjes, zoals `0800-0432`", en="the phone number in digits and dashes, like `0800-0432`"),
            required=False,
        ),
        "chat": Field("text", _WEB, required=False),
        "hours": Field("texts", Message(nl="wanneer je kunt bellen of chatten, zoals `Elke dag van 11.00 tot 21.00 uur.`", en="when you can call or chat, like `Every day from 11 am to 9 pm.`")),
        "source": Field("text", Message(nl="de pagina van de organisatie zelf waar het nummer en de tijden staan", en="the organisation's own page that gives the number and hours")),
        "checked": Field(
            "date",
            Message(
                nl="de dag waarop je het nummer en de tijden op die pagina hebt gecontroleerd, als jaar-maand-dag, zoals 2026-12-04",
                en="the day you checked the number and hours on that page, as year-month-day, like 2026-12-04",
            ),
        ),
    },
)
HELPLINES = Field(
    "map",
    Message(nl="de hulplijnen voor jongeren", en="the help lines for young people"),
    fields={
        "lines": Field(
            "list",
            Message(nl="de hulplijnen, elk met een streepje ervoor", en="the help lines, each after a dash"),
            item=LINE,
            min_items=1,
        ),
    },
)
_PHONE = re.compile(r"^[0-9]+(?:[ -][0-9]+)*$")


@dataclass(frozen=True)
class Helpline:
    """One line a young person can reach now."""

    id: str
    name: dict[str, str]
    what: dict[str, str]
    hours: dict[str, str]
    source: str
    checked: datetime.date
    phone: str = ""
    chat: str = ""

    @property
    def tel(self) -> str:
        """The number as a ``tel:`` address: digits only."""
        return "tel:" + re.sub(r"[^0-9]", "", self.phone) if self.phone else ""


def load_helplines(root: Path, problems: Problems, required: bool, today: datetime.date | None = None) -> tuple[Helpline, ...]:
    """Load and check ``data/helplines.yaml``; ``required`` when the region has a page for
    young people (that page must give help now)."""
    path = root / REL
    if not path.is_file():
        if required:
            problems.add(
                REL,
                1,
                "file",
                Message(
                    nl="het bestand ontbreekt: de pagina voor jongeren moet hulplijnen geven die een jongere nu kan bellen "
                    "(kopieer het uit examples/voorbeeld/data/helplines.yaml en controleer elk nummer)",
                    en="the file is missing: the page for young people must give help lines a young person can call now "
                    "(copy it from examples/voorbeeld/data/helplines.yaml and check every number)",
                ),
            )
        return ()
    text = read_source(path, root, problems)
    if text is None:
        return ()
    where = Where(REL, problems=problems)
    before = len(problems.errors)
    data = check(compose(text, where), HELPLINES, where, "")
    if data is None or not data["lines"]:
        return ()
    today = today or datetime.date.today()
    seen: set[str] = set()
    found = []
    for number, item in enumerate(data["lines"]):
        if item is None:
            continue
        lines = item[LINES]
        name = f"lines[{number}]"
        if item["id"] and item["id"] in seen:
            problems.add(
                REL, lines["id"], f"{name}.id",
                Message(nl=f'"{item["id"]}" staat er twee keer in (geef elke hulplijn een eigen id)', en=f'"{item["id"]}" appears twice (expected a new id for each line)'),
            )
        seen.add(item["id"])
        if item["phone"] is not None and not _PHONE.match(item["phone"]):
            problems.add(
                REL, lines["phone"], f"{name}.phone",
                Message(
                    nl=f'"{item["phone"]}" is geen telefoonnummer (schrijf alleen cijfers, met een streepje of spatie ertussen, zoals `0800-0432`)',
                    en=f'"{item["phone"]}" is not a phone number (expected digits with a dash or space between, like `0800-0432`)',
                ),
            )
        if item["phone"] is None and item["chat"] is None:
            problems.add(
                REL, lines["id"], name,
                Message(
                    nl="deze hulplijn heeft geen telefoonnummer en geen chat (schrijf `phone:` of `chat:`, of allebei)",
                    en="the line has neither a phone number nor a chat (expected `phone:` or `chat:`, or both)",
                ),
            )
        for key in ("chat", "source"):
            wrong = web_address_problem(item[key], _WEB) if item[key] is not None else None
            if wrong is not None:
                problems.add(REL, lines[key], f"{name}.{key}", wrong)
        if isinstance(item["checked"], datetime.date) and item["checked"] > today:
            problems.add(
                REL, lines["checked"], f"{name}.checked",
                Message(
                    nl=f"{item['checked'].isoformat()} ligt in de toekomst (schrijf de dag waarop je het nummer echt hebt gecontroleerd)",
                    en=f"{item['checked'].isoformat()} is in the future (expected the day you actually checked the number)",
                ),
            )
        if len(problems.errors) == before:
            found.append(
                Helpline(
                    id=item["id"],
                    name={lang: item["name"][lang] for lang in LANGUAGES},
                    what={lang: item["what"][lang] for lang in LANGUAGES},
                    hours={lang: item["hours"][lang] for lang in LANGUAGES},
                    source=item["source"],
                    checked=item["checked"],
                    phone=item["phone"] or "",
                    chat=item["chat"] or "",
                )
            )
    return tuple(found) if len(problems.errors) == before else ()
