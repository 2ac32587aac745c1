"""Schema, loader and number formatting for ``data/indicators.yaml``.

Every figure on the site comes from this file, with its year, unit and source.
Numbers are formatted with Babel in the reader's language, never by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from babel.numbers import format_decimal

from .problems import Problems
from .schema import LINES, Field, Where, check, compose

UNITS = ("count", "percent", "euro")

_TEXTS = lambda what, required=True: Field("texts", what, required=required)  # noqa: E731

INDICATOR = Field(
    "map",
    "an indicator",
    fields={
        "id": Field("id", "a short id for this figure, like `jeugdhulp-totaal`"),
        "label": _TEXTS("what this figure counts"),
        "unit": Field("text", "the unit", choices=UNITS),
        "values": Field(
            "dict",
            "the values by year, like `2024: 12887`",
            key=Field("int", "a year, like 2024", minimum=1990, maximum=2100),
            item=Field("number", "a number, without dots or spaces (12887, 11.7)"),
            min_items=1,
        ),
        "source": _TEXTS("where the figure comes from"),
        "note": _TEXTS("a note that explains the figure", required=False),
        "share_of": Field(
            "map",
            "the count and the base this percentage is computed from",
            required=False,
            fields={
                "count": Field("id", "the id of the indicator that is counted"),
                "base": Field("id", "the id of the indicator it is a share of"),
            },
        ),
        "target": Field(
            "map",
            "a target with a `label`, and a `value` or a `change` per year",
            required=False,
            fields={
                "label": _TEXTS("the target in words"),
                "value": Field("number", "the target value", required=False),
                "change_per_year": Field("number", "the change per year in percent, like -5", required=False),
                "year": Field("int", "the year the target is for", required=False, minimum=1990, maximum=2100),
            },
        ),
    },
)



@dataclass(frozen=True)
class Indicator:
    """One validated figure."""

    id: str
    label: dict[str, str]
    unit: str
    values: dict[int, float]
    source: dict[str, str]
    note: dict[str, str] | None
    share_of: dict[str, str] | None
    target: dict[str, Any] | None
    line: int

    @property
    def latest_year(self) -> int:
        """The most recent year with a value."""
        return max(self.values)


def load_indicators(root: Path, problems: Problems) -> dict[str, Indicator]:
    """Load and check ``data/indicators.yaml``; problems go into ``problems``."""
    path = root / "data" / "indicators.yaml"
    rel = "data/indicators.yaml"
    if not path.is_file():
        problems.add(rel, 1, "file", "the file is missing (expected the list of figures)")
        return {}
    where = Where(rel, 0, problems)
    node = compose(path.read_text(encoding="utf-8"), where)
    if node is None:
        return {}
    # The file is a mapping with one list; each item is checked under its own id.
    if not isinstance(node, yaml.MappingNode) or [k.value for k, _ in node.value] != ["indicators"] or not isinstance(node.value[0][1], yaml.SequenceNode):
        problems.add(rel, where.line(node), "indicators", "expected the file to start with `indicators:` and then a list of figures, each starting with `- id:`")
        return {}
    result: dict[str, Indicator] = {}
    for position, item_node in enumerate(node.value[0][1].value, start=1):
        name = _item_name(item_node, position)
        item = check(item_node, INDICATOR, where, name)
        if not item or None in (item.get("id"), item.get("label"), item.get("unit"), item.get("values"), item.get("source")):
            continue
        line = where.line(item_node)
        if item["id"] in result:
            problems.add(rel, item[LINES]["id"], f"{name}.id", f'"{item["id"]}" is already used on line {result[item["id"]].line} (expected a unique id)')
            continue
        result[item["id"]] = Indicator(
            item["id"], item["label"], item["unit"], item["values"], item["source"], item.get("note"),
            item.get("share_of"), item.get("target"), line,
        )
    for ind in result.values():
        if ind.share_of:
            if ind.unit != "percent":
                problems.add(rel, ind.line, f"{ind.id}.share_of", "only a percentage can be a share (expected `unit: percent`)")
            for key in ("count", "base"):
                ref = ind.share_of.get(key)
                if ref and ref not in result:
                    problems.add(rel, ind.line, f"{ind.id}.share_of.{key}", f'"{ref}" is not an indicator id (expected one of: {", ".join(sorted(result))})')
    return result


def _item_name(node: yaml.Node, position: int) -> str:
    """The name used in messages: the item's id if it has a plain one, else its position."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                return str(value.value)
    return f"indicators[{position}]"


_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
_MILLION = {"nl": "miljoen", "en": "million"}


def format_value(value: float, unit: str, lang: str) -> str:
    """A value as the reader of ``lang`` writes it: 12.887 / 12,887, 11,7% / 11.7%, € 200 miljoen / €200 million."""
    locale = _LOCALES[lang]
    number = Decimal(str(value))
    if unit == "percent":
        text = format_decimal(number, format="#,##0.0", locale=locale)
        return f"{text}%"
    if unit == "euro":
        if abs(number) >= 1_000_000:
            millions = format_decimal(number / 1_000_000, format="#,##0.#", locale=locale)
            amount = f"{millions} {_MILLION[lang]}"
        else:
            amount = format_decimal(number, format="#,##0", locale=locale)
        return f"€\u00a0{amount}" if lang == "nl" else f"€{amount}"
    return format_decimal(number, format="#,##0.##", locale=locale)
