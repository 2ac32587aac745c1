"""What ``data/indicators.yaml`` may hold: the schema of an indicator and of a figure (a chart),
and the checked values. Loaded and checked by ``macros/load/indicators.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.core.problems import Message
from macros.core.schema import Field

UNITS = ("count", "percent", "euro")
# What a value is: measured (the default), an estimate (with the source's wording) or a target.
STATUSES = ("measured", "estimate", "target")

_TEXTS = lambda what, required=True: Field("texts", what, required=required)

INDICATOR = Field(
    "map",
    Message(nl="een cijfer", en="an indicator"),
    fields={
        "id": Field("id", Message(nl="een kort id voor dit cijfer, zoals `jeugdhulp-totaal`", en="a short id for this figure, like `jeugdhulp-totaal`")),
        "label": _TEXTS(Message(nl="wat dit cijfer telt", en="what this figure counts")),
        "short": _TEXTS(
            Message(
                nl="een korte naam voor grafieken, hoogstens 28 tekens, zoals `Nederland`",
                en="a short label for charts, at most 28 characters, like `Nederland`",
            ),
            required=False,
        ),
        "unit": Field("text", Message(nl="de eenheid", en="the unit"), choices=UNITS),
        "values": Field(
            "dict",
            Message(nl="de waarden per jaar, zoals `2024: 12887`", en="the values by year, like `2024: 12887`"),
            key=Field("int", Message(nl="een jaar, zoals 2024", en="a year, like 2024"), minimum=1990, maximum=2100),
            item=Field(
                "number",
                Message(
                    nl="een getal zonder punt of spatie, zoals 12887 (een percentage met een punt: 11.7)",
                    en="a number, without dots or spaces (12887, 11.7)",
                ),
            ),
            min_items=1,
        ),
        "source": _TEXTS(Message(nl="de bron van het cijfer", en="where the figure comes from")),
        "note": _TEXTS(Message(nl="een toelichting bij het cijfer", en="a note that explains the figure"), required=False),
        "key": Field(
            "bool",
            Message(nl="true om dit cijfer bij de kerncijfers te tonen", en="true to show this figure among the key figures"),
            required=False,
        ),
        "headline": Field(
            "bool",
            Message(
                nl="true voor het ene cijfer op de startpagina (bij hoogstens één cijfer)",
                en="true for the one figure the home page shows (at most one)",
            ),
            required=False,
        ),
        "part_of": Field(
            "id",
            Message(
                nl="het id van het cijfer waar dit cijfer een deel van is (een aantal binnen een groter aantal)",
                en="the id of the indicator this figure is a part of (a count within a larger count)",
            ),
            required=False,
        ),
        "share_of": Field(
            "map",
            Message(
                nl="het aantal en het totaal waaruit dit percentage berekend is",
                en="the count and the base this percentage is computed from",
            ),
            required=False,
            fields={
                "count": Field("id", Message(nl="het id van het cijfer dat geteld wordt", en="the id of the indicator that is counted")),
                "base": Field("id", Message(nl="het id van het cijfer met het totaal", en="the id of the indicator it is a share of")),
            },
        ),
        "status": Field(
            "text",
            Message(
                nl="wat voor waarde dit is: `measured` (gemeten, zo staat het als je niets schrijft), `estimate` (een schatting) of `target` (een doel)",
                en="what kind of value this is: `measured` (the default), `estimate` or `target`",
            ),
            required=False,
            choices=STATUSES,
        ),
        "estimate": _TEXTS(
            Message(
                nl="bij `status: estimate`: hoe de bron de schatting noemt, zoals `ongeveer 200 miljoen euro`",
                en="with `status: estimate`: how the source words the estimate, like `about 200 million euros`",
            ),
            required=False,
        ),
        "parts": Field(
            "map",
            Message(
                nl="bij een cijfer met delen (`part_of`): of de delen samen het hele aantal zijn, zoals `{complete: true}`",
                en="on a figure with parts (`part_of`): whether the parts add up to it, like `{complete: true}`",
            ),
            required=False,
            fields={
                "complete": Field(
                    "bool",
                    Message(
                        nl="true als de delen samen precies dit aantal zijn, anders false",
                        en="true when the parts add up to exactly this figure, otherwise false",
                    ),
                ),
                "note": _TEXTS(
                    Message(
                        nl="waarom de delen samen niet het hele aantal zijn (nodig bij `complete: false`)",
                        en="why the parts do not add up to the whole (needed with `complete: false`)",
                    ),
                    required=False,
                ),
            },
        ),
        "target": Field(
            "map",
            Message(
                nl="een doel met een `label`, en een `value` of een `change` per jaar",
                en="a target with a `label`, and a `value` or a `change` per year",
            ),
            required=False,
            fields={
                "label": _TEXTS(Message(nl="het doel in woorden", en="the target in words")),
                "value": Field("number", Message(nl="de waarde van het doel", en="the target value"), required=False),
                "change_per_year": Field(
                    "number",
                    Message(nl="de verandering per jaar in procenten, zoals -5", en="the change per year in percent, like -5"),
                    required=False,
                ),
                "year": Field(
                    "int",
                    Message(nl="het jaar van het doel", en="the year the target is for"),
                    required=False,
                    minimum=1990,
                    maximum=2100,
                ),
            },
        ),
    },
)


FIGURE_TYPES = ("compare", "change", "parts")

FIGURE = Field(
    "map",
    Message(nl="een grafiek", en="a figure"),
    fields={
        "id": Field(
            "id",
            Message(nl="een kort id voor deze grafiek, zoals `jeugdhulp-vergelijking`", en="a short id for this chart, like `jeugdhulp-vergelijking`"),
        ),
        "type": Field("text", Message(nl="het soort grafiek", en="the kind of chart"), choices=FIGURE_TYPES),
        "title": _TEXTS(Message(nl="de titel van de grafiek", en="the title of the chart")),
        "indicators": Field(
            "list",
            Message(
                nl="de ids van de cijfers in de grafiek (bij `change`: één id)",
                en="the ids of the figures in the chart (for `change`: one id)",
            ),
            item=Field("id", Message(nl="het id van een cijfer", en="the id of an indicator")),
            min_items=1,
        ),
        "year": Field(
            "int",
            Message(
                nl="het jaar dat de grafiek toont, als dat niet het laatste jaar is",
                en="the year to show, if not the latest",
            ),
            required=False,
            minimum=1990,
            maximum=2100,
        ),
    },
)


@dataclass(frozen=True)
class Figure:
    """One validated chart definition over indicators."""

    id: str
    type: str
    title: dict[str, str]
    indicators: tuple[str, ...]
    year: int | None
    line: int


@dataclass(frozen=True)
class Indicator:
    """One validated figure."""

    id: str
    label: dict[str, str]
    short: dict[str, str] | None
    unit: str
    values: dict[int, float]
    source: dict[str, str]
    note: dict[str, str] | None
    share_of: dict[str, str] | None
    target: dict[str, Any] | None
    line: int
    key: bool = False
    part_of: str | None = None
    headline: bool = False
    # The line of each year's value, for messages about one value.
    value_lines: dict[int, int] = field(default_factory=dict)
    status: str = "measured"
    # With status "estimate": how the source words it ("ongeveer 200 miljoen euro"), per language.
    estimate: dict[str, str] | None = None
    # On a whole with parts: {"complete": bool, "note": {lang: text} or None}.
    parts: dict[str, Any] | None = None

    @property
    def latest_year(self) -> int:
        """The most recent year with a value."""
        return max(self.values)
