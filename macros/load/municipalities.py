"""The checks of ``municipalities:`` in ``data/region.yaml`` beyond their schema: each local
team's page is a web page, each CBS code is GM and four digits, and where one municipality has
a local team or a code, every one has. Called by ``macros/load/region.py``.
"""

from __future__ import annotations

import re
from typing import Any

from macros.core.problems import Message, Problems
from macros.core.schema import LINES
from macros.core.text_checks import web_address_problem

REL = "data/region.yaml"
_TEAM_ADDRESS = Message(nl="een adres dat met https:// begint", en="an address starting with https://")


def check_local_teams(data: dict[str, Any], lines: dict[str, int], problems: Problems) -> None:
    """A local team's page is a web page; where one municipality has one, every one has."""
    items = [item for item in data["municipalities"] or [] if item]
    with_team = [item for item in items if item["local_team"]]
    for number, item in enumerate(items):
        url = item["local_team"]
        line = item[LINES].get("local_team", item[LINES].get("name", lines["municipalities"]))
        wrong = web_address_problem(url, _TEAM_ADDRESS) if url else None
        if wrong is not None:
            problems.add(REL, line, f"municipalities[{number}].local_team", wrong)
        elif not url and with_team and item["name"]:
            problems.add(
                REL, line, f"municipalities[{number}].local_team",
                Message(
                    nl=f"{item['name']} heeft nog geen lokaal team (schrijf `- name: {item['name']}` met daaronder `local_team:` en de pagina van het team, "
                    "zodat elke jongere zijn eigen team vindt)",
                    en=f"{item['name']} has no local team yet (expected `- name: {item['name']}` with `local_team:` and the team's page below it, "
                    "so every young person finds their own)",
                ),
            )


_CODE = re.compile(r"^GM[0-9]{4}$")


def check_codes(data: dict[str, Any], lines: dict[str, int], problems: Problems) -> None:
    """A municipality's CBS code is GM and four digits, each used once; where one municipality
    has one, every one has (a region is described by all its municipalities or by none)."""
    items = [item for item in data["municipalities"] or [] if item]
    seen: dict[str, str] = {}
    with_code = [item for item in items if item["code"]]
    for number, item in enumerate(items):
        code = item["code"]
        line = item[LINES].get("code", item[LINES].get("name", lines["municipalities"]))
        where = f"municipalities[{number}].code"
        if code and not _CODE.match(code):
            problems.add(REL, line, where, Message(
                nl=f"“{code}” is geen CBS-code (schrijf GM en vier cijfers, zoals `GM0193`; de codes staan bij het CBS, “Gebieden in Nederland”)",
                en=f"“{code}” is not a CBS code (expected GM and four digits, like `GM0193`; CBS lists them in “Gebieden in Nederland”)",
            ))
        elif code and code in seen:
            problems.add(REL, line, where, Message(
                nl=f"{code} staat al bij {seen[code]} (elke gemeente heeft een eigen code)",
                en=f"{code} is already the code of {seen[code]} (expected a code of its own for each municipality)",
            ))
        elif not code and with_code and item["name"]:
            problems.add(REL, line, where, Message(
                nl=f"{item['name']} heeft nog geen code (schrijf `code:` met de CBS-code onder `- name: {item['name']}`, zoals bij de andere gemeenten)",
                en=f"{item['name']} has no code yet (expected `code:` with its CBS code under `- name: {item['name']}`, as for the other municipalities)",
            ))
        if code:
            seen.setdefault(code, item["name"])
