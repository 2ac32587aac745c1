"""The region's identity: ``data/region.yaml`` in the region's folder.

The engine names no region. Everything that makes a site one region's and not another's
is read from this one file: the names in both languages, the period, the
publisher and the municipalities, how to reach the publisher, the site's address, an
optional logo and optional colours. It is checked like every other file editors write,
with the line of each mistake; every string in it is plain text (escaped wherever it
lands). Colours are checked for contrast, so a region cannot make its site fail WCAG.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from macros.core import tokens
from macros.core.colours import contrast
from macros.core.files import read_source
from macros.core.licences import LICENCES, Licence
from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGES, LINES, Field, Where, check, compose
from macros.core.svg import check_svg
from macros.load.changes import REGION_CHANGES
from macros.load.municipalities import check_codes, check_local_teams

REL = "data/region.yaml"
_TEXTS = lambda what, required=True: Field("texts", what, required=required)
_HEX = Field(
    "text",
    Message(
        nl="een kleur: # en dan zes cijfers of letters a tot f, zoals `#0e5a43`",
        en="a colour as # and six hexadecimal digits, like `#0e5a43`",
    ),
    required=False,
)
_WHITE = Message(nl="wit", en="white")
_WHITE_TEXT = Message(nl="witte tekst erop", en="white text on it")


# The colours a region may set, with the backgrounds each must stand out on (WCAG 2.2 AA:
# 4.5:1 for text). The engine's own palette (macros/tokens.yaml) is used for the rest.
LIGHT = tokens.colour("background")
PAPER = tokens.colour("paper")
DARK = tokens.colour("background", "dark")
DARK_PAPER = tokens.colour("paper", "dark")
_DARK = Message(nl=f"de donkere achtergrond {DARK}", en=f"the dark background {DARK}")
_DARK_PAPER = Message(nl=f"de donkere papierkleur {DARK_PAPER}", en=f"the dark paper colour {DARK_PAPER}")
COLOURS: dict[str, tuple[str, tuple[tuple[str, Message], ...]]] = {
    # token: (CSS custom property, ((background or "on", what it is), ...))
    "brand": ("--rv-color-brand", ((LIGHT, _WHITE), (PAPER, Message(nl=f"de papierkleur {PAPER}", en=f"the paper colour {PAPER}")))),
    "brand_dark": ("--rv-color-brand-dark", (("on:" + LIGHT, _WHITE_TEXT),)),
    "accent": ("--rv-color-accent", ((LIGHT, _WHITE), ("on:" + LIGHT, _WHITE_TEXT))),
    "dark_brand": ("--rv-color-brand", ((DARK, _DARK), (DARK_PAPER, _DARK_PAPER))),
    "dark_accent": ("--rv-color-accent", ((DARK, _DARK), (DARK_PAPER, _DARK_PAPER))),
}
TEXT_CONTRAST = 4.5

REGION = Field(
    "map",
    Message(nl="de gegevens van de regio", en="the region's identity"),
    fields={
        "name": _TEXTS(
            Message(
                nl="de naam van de regio, zoals in “in de regio …”, bijvoorbeeld `Noord`",
                en="the region's name, as in “in de regio …”, like `Noord`",
            )
        ),
        "title": _TEXTS(
            Message(
                nl="de naam van de site zonder jaartallen, zoals `Regiovisie jeugdhulp Noord`",
                en="the site's name without the period, like `Regiovisie jeugdhulp Noord`",
            )
        ),
        "short": _TEXTS(
            Message(
                nl="een korte naam voor de kop op een telefoon, hoogstens 10 tekens, zoals `Regiovisie`",
                en="a short name for the header on a phone, at most 10 characters, like `Regiovisie`",
            )
        ),
        "description": _TEXTS(
            Message(
                nl="één zin: wat dit is en voor wie (staat onder de titel op de startpagina)",
                en="one sentence on what this is and for whom (shown under the title on the home page)",
            )
        ),
        "period": Field(
            "map",
            Message(nl="de jaren van de visie", en="the years of the vision"),
            fields={
                "from": Field("int", Message(nl="het eerste jaar, zoals 2026", en="the first year, like 2026"), minimum=2000, maximum=2100),
                "to": Field("int", Message(nl="het laatste jaar, zoals 2031", en="the last year, like 2031"), minimum=2000, maximum=2100),
            },
        ),
        "publisher": Field(
            "text", Message(nl="wie de visie uitgeeft, zoals `Jeugdteam Noord`", en="who publishes the vision, like `Jeugdteam Noord`")
        ),
        "municipalities": Field(
            "list",
            Message(
                nl="de gemeenten van de regio, elk op een eigen regel met een streepje",
                en="the municipalities of the region, one per line with a dash",
            ),
            # `- Beekdorp` is short for `- name: Beekdorp` (see _municipality_maps).
            item=Field(
                "map",
                Message(nl="een gemeente: `- Beekdorp`, of met haar lokale team: `- name:` en `local_team:`", en="a municipality: `- Beekdorp`, or with its local team: `- name:` and `local_team:`"),
                fields={
                    "name": Field("text", Message(nl="de naam van een gemeente", en="the name of a municipality")),
                    "local_team": Field(
                        "text",
                        Message(
                            nl="de pagina waar jongeren en gezinnen lezen hoe ze het lokale team van de gemeente bereiken, met https://",
                            en="the page where young people and families read how to reach the municipality's local team, with https://",
                        ),
                        required=False,
                    ),
                    "code": Field(
                        "text",
                        Message(
                            nl="de code van de gemeente bij het CBS, zoals `GM0193`: de site maakt er de TOOI-naam van de gemeente van",
                            en="the municipality's code at Statistics Netherlands (CBS), like `GM0193`: the site makes the municipality's TOOI identifier from it",
                        ),
                        required=False,
                    ),
                },
            ),
            min_items=2,
        ),
        "contact": _TEXTS(
            Message(
                nl="hoe lezers de uitgever bereiken met een vraag over de visie (één of twee zinnen)",
                en="how readers reach the publisher with a question about the vision (one or two sentences)",
            )
        ),
        "site_url": Field(
            "text",
            Message(nl="het adres van de site, zoals `https://regiovisie.example.nl/`", en="the site's address, like `https://regiovisie.example.nl/`"),
        ),
        "statement_date": Field(
            "date",
            Message(
                nl="de datum van de toegankelijkheidsverklaring, als jaar-maand-dag, zoals 2026-11-22",
                en="the date of the accessibility statement, as year-month-day, like 2026-11-22",
            ),
        ),
        # The whole vision's changes: "Vastgesteld door …", a new version (macros/load/changes.py).
        "history": REGION_CHANGES,
        "known_problems": Field(
            "list",
            Message(
                nl="wat nog niet goed werkt, voor de toegankelijkheidsverklaring: per probleem een regel met een streepje, met `nl:` en `en:`",
                en="what is known not to work, for the accessibility statement: one item per problem, with `nl:` and `en:`",
            ),
            required=False,
            item=Field(
                "map",
                Message(nl="één probleem in beide talen", en="one problem in both languages"),
                fields={
                    "nl": Field(
                        "text",
                        Message(
                            nl="het probleem in het Nederlands, in één of twee eenvoudige zinnen",
                            en="the problem in Dutch, in one or two plain sentences",
                        ),
                    ),
                    "en": Field(
                        "text",
                        Message(
                            nl="het probleem in het Engels, in één of twee eenvoudige zinnen",
                            en="the problem in English, in one or two plain sentences",
                        ),
                    ),
                },
            ),
        ),
        "licence": Field(
            "text",
            Message(
                nl="de licentie van de teksten en cijfers van de site, als code: `CC-BY-4.0`, `CC0-1.0` of `CC-BY-SA-4.0`",
                en="the licence of the site's texts and figures, as a code: `CC-BY-4.0`, `CC0-1.0` or `CC-BY-SA-4.0`",
            ),
            choices=tuple(LICENCES),
        ),
        "logo": Field(
            "text",
            Message(
                nl="de bestandsnaam van het logo van de regio in data/, zoals `logo.svg`",
                en="the file name of the region's logo in data/, like `logo.svg`",
            ),
            required=False,
        ),
        "colours": Field(
            "map",
            Message(nl="de eigen kleuren van de regio (elke kleur mag weg)", en="the region's own colours (each optional)"),
            required=False,
            fields={token: _HEX for token in COLOURS},
        ),
    },
)

_URL = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(?::[0-9]+)?(?:/[A-Za-z0-9._~-]+)*/$")
_LOGO = re.compile(r"^[a-z0-9][a-z0-9-]*\.svg$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORT_MAX = 10
# The site's name without its years: with them it must fit the header on two lines at 320 px.
TITLE_MAX = 50


@dataclass(frozen=True)
class LocalTeam:
    """Where young people and families in one municipality find its local team."""

    municipality: str
    url: str


@dataclass(frozen=True)
class Region:
    """One region's validated identity."""

    name: dict[str, str]
    title: dict[str, str]
    short: dict[str, str]
    description: dict[str, str]
    period: tuple[int, int]
    publisher: str
    municipalities: tuple[str, ...]
    contact: dict[str, str]
    site_url: str
    statement_date: datetime.date
    known_problems: tuple[dict[str, str], ...] = ()
    logo: Path | None = None
    # The licence of the content (macros/core/licences.py): an SPDX id.
    licence: str = "CC-BY-4.0"
    colours: tuple[tuple[str, str], ...] = ()
    # Where young people and families find each municipality's local team (`local_team:`).
    local_teams: tuple[LocalTeam, ...] = ()
    # The whole vision's changes as written (checked items; macros/load/changes.py reads them).
    changes: tuple[dict[str, Any], ...] = ()
    # Each municipality's CBS code (`code:`, like GM0193), where the region wrote it.
    codes: tuple[tuple[str, str], ...] = ()

    @property
    def content_licence(self) -> Licence:
        """The licence of the region's texts and figures (macros/core/licences.py)."""
        return LICENCES[self.licence]

    def site_name(self, lang: str) -> str:
        """The full name: title and period, like "Regiovisie jeugdhulp Noord 2026–2031"."""
        return f"{self.title[lang]} {self.period[0]}–{self.period[1]}"


def load_region(root: Path, problems: Problems) -> Region | None:
    """Load and check ``data/region.yaml`` of the region in ``root``."""
    path = root / REL
    if not path.is_file():
        problems.add(
            REL,
            1,
            "file",
            Message(
                nl="het bestand ontbreekt (hierin staan de naam van de regio, de uitgever en de gemeenten; "
                "kopieer het uit examples/voorbeeld/data/region.yaml)",
                en="the file is missing (expected the region's name, publisher and municipalities; "
                "copy it from examples/voorbeeld/data/region.yaml)",
            ),
        )
        return None
    text = read_source(path, root, problems)
    if text is None:
        return None
    where = Where(REL, problems=problems)
    before = len(problems.errors)
    data = check(_municipality_maps(compose(text, where)), REGION, where, "")
    if data is None:
        return None
    # Every mistake at once: the values are checked also when a field is missing or unknown.
    _check_values(data, data[LINES], root, problems)
    if len(problems.errors) > before:
        return None
    return Region(
        name=data["name"],
        title=data["title"],
        short=data["short"],
        description=data["description"],
        period=(data["period"]["from"], data["period"]["to"]),
        publisher=data["publisher"],
        municipalities=tuple(item["name"] for item in data["municipalities"]),
        contact=data["contact"],
        site_url=data["site_url"],
        statement_date=data["statement_date"],
        known_problems=tuple({lang: item[lang] for lang in LANGUAGES} for item in data["known_problems"] or []),
        logo=root / "data" / data["logo"] if data["logo"] else None,
        licence=data["licence"],
        local_teams=tuple(LocalTeam(item["name"], item["local_team"]) for item in data["municipalities"] if item["local_team"]),
        colours=tuple((token, value.lower()) for token, value in (data["colours"] or {}).items() if token != LINES and value),
        changes=tuple(data["history"] or []),
        codes=tuple((item["name"], item["code"]) for item in data["municipalities"] if item["code"]),
    )


def _check_values(data: dict[str, Any], lines: dict[str, int], root: Path, problems: Problems) -> None:
    """What the schema cannot say: formats, ranges between fields, files and contrast."""
    period = data["period"] or {}
    if isinstance(period.get("from"), int) and isinstance(period.get("to"), int) and period["to"] < period["from"]:
        problems.add(
            REL,
            lines["period"],
            "period",
            Message(
                nl=f"eindigt ({period['to']}) voordat het begint ({period['from']}) (het jaar bij `to:` komt na het jaar bij `from:`)",
                en=f"ends ({period['to']}) before it starts ({period['from']}) (expected `to:` after `from:`)",
            ),
        )
    for lang in LANGUAGES:
        title = (data["title"] or {}).get(lang)
        if isinstance(title, str) and len(title) > TITLE_MAX:
            problems.add(
                REL,
                data["title"][LINES].get(lang, lines["title"]),
                f"title.{lang}",
                Message(
                    nl=f"is {len(title)} tekens lang (schrijf hoogstens {TITLE_MAX} tekens, zodat de naam met de jaartallen in de kop van de site past)",
                    en=f"is {len(title)} characters long (expected at most {TITLE_MAX}, so the name with its years fits the site's header)",
                ),
            )
        if (data["short"] or {}).get(lang) and len(data["short"][lang]) > SHORT_MAX:
            length = len(data["short"][lang])
            problems.add(
                REL,
                data["short"][LINES].get(lang, lines["short"]),
                f"short.{lang}",
                Message(
                    nl=f"is {length} tekens lang (schrijf hoogstens {SHORT_MAX} tekens, zodat het in de kop op een telefoon past)",
                    en=f"is {length} characters (expected at most {SHORT_MAX}, so it fits a phone's header)",
                ),
            )
    url = data["site_url"] or "https://example.nl/"
    if url.startswith("http://"):
        secure = "https://" + url[7:]
        problems.add(
            REL,
            lines["site_url"],
            "site_url",
            Message(nl=f"moet met https beginnen (schrijf `{secure}`)", en=f"must be https (expected `{secure}`)"),
        )
    elif not _URL.match(url):
        problems.add(
            REL,
            lines["site_url"],
            "site_url",
            Message(
                nl=f'"{url}" is geen adres van een site (schrijf https://, de domeinnaam en een / aan het eind, '
                "zoals `https://regiovisie.example.nl/`)",
                en=f'"{url}" is not a site address (expected https://, the host name and a / at the end, '
                "like `https://regiovisie.example.nl/`)",
            ),
        )
    names = [item["name"] for item in data["municipalities"] or [] if item and item["name"]]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.add(
            REL,
            lines["municipalities"],
            "municipalities",
            Message(
                nl=f'"{name}" staat er twee keer in (noem elke gemeente één keer)',
                en=f'"{name}" appears twice (expected each municipality once)',
            ),
        )
    check_local_teams(data, lines, problems)
    check_codes(data, lines, problems)
    logo = data["logo"]
    if logo is not None:
        if not _LOGO.match(logo):
            problems.add(
                REL,
                lines["logo"],
                "logo",
                Message(
                    nl=f'"{logo}" is geen goede naam voor een logo (schrijf de naam van een SVG-bestand in data/, zoals `logo.svg`)',
                    en=f'"{logo}" is not a logo file name (expected the name of an SVG file in data/, like `logo.svg`)',
                ),
            )
        elif not (root / "data" / logo).is_file():
            problems.add(
                REL,
                lines["logo"],
                "logo",
                Message(
                    nl=f"het bestand data/{logo} bestaat niet (zet het logo daar als SVG-bestand)",
                    en=f"there is no file data/{logo} (expected the logo as an SVG file there)",
                ),
            )
        else:
            check_svg(root / "data" / logo, root, problems)
    colours = data["colours"] or {}
    colour_lines = colours.get(LINES, {})
    for token, value in colours.items():
        if token == LINES or value is None:
            continue
        line = colour_lines.get(token, lines["colours"])
        if not _COLOUR.match(value):
            problems.add(
                REL,
                line,
                f"colours.{token}",
                Message(
                    nl=f'"{value}" is geen kleur (schrijf # en dan zes cijfers of letters a tot f, zoals `#0e5a43`)',
                    en=f'"{value}" is not a colour (expected # and six hexadecimal digits, like `#0e5a43`)',
                ),
            )
            continue
        for background, what in COLOURS[token][1]:
            on = background.startswith("on:")
            ratio = contrast(value, background[3:] if on else background)
            if ratio < TEXT_CONTRAST:
                darker = on or not token.startswith("dark_")
                problems.add(
                    REL,
                    line,
                    f"colours.{token}",
                    Message(
                        nl=(f"witte tekst op {value}" if on else f"{value} op {what.nl}")
                        + f" heeft een contrast van {ratio:.1f}:1 (dat moet minstens {TEXT_CONTRAST}:1 zijn: "
                        f"kies een {'donkerdere' if darker else 'lichtere'} kleur)",
                        en=(f"white text on {value}" if on else f"{value} on {what.en}")
                        + f" has a contrast of {ratio:.1f}:1 (expected at least {TEXT_CONTRAST}:1: "
                        f"choose a {'darker' if darker else 'lighter'} colour)",
                    ),
                )


def _municipality_maps(node: yaml.Node | None) -> yaml.Node | None:
    """``- Beekdorp`` under ``municipalities:`` as ``- name: Beekdorp``, so both forms are one schema."""
    if not isinstance(node, yaml.MappingNode):
        return node
    for key, value in node.value:
        if key.value == "municipalities" and isinstance(value, yaml.SequenceNode):
            value.value = [
                yaml.MappingNode(
                    "tag:yaml.org,2002:map",
                    [(yaml.ScalarNode("tag:yaml.org,2002:str", "name", item.start_mark, item.start_mark), item)],
                    item.start_mark,
                    item.end_mark,
                )
                if isinstance(item, yaml.ScalarNode)
                else item
                for item in value.value
            ]
    return node


# Counts in words, as plain language writes small numbers; larger ones as digits.
NUMBER_WORDS = {
    "nl": ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
}


def number_word(count: int, lang: str) -> str:
    """``4`` as "vier" / "four"; from 13 on, digits."""
    words = NUMBER_WORDS[lang]
    return words[count] if 0 <= count < len(words) else str(count)


def fill(text: str, region: Region, lang: str) -> str:
    """Put the region's words into an interface string: {region}, {publisher}, {municipality_count}."""
    values = {
        "region": region.name[lang],
        "publisher": region.publisher,
        "municipality_count": number_word(len(region.municipalities), lang),
    }
    return re.sub(r"\{(region|publisher|municipality_count)\}", lambda m: values[m.group(1)], text)
