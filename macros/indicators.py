"""Schema, loader and number formatting for ``data/indicators.yaml``.

Every figure on the site comes from this file, with its year, unit and source.
Numbers are formatted with Babel in the reader's language, never by hand.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal

from .problems import Problems
from .schema import LINES, Field, Where, check, compose

UNITS = ("count", "percent", "euro")

_TEXTS = lambda what, required=True: Field("texts", what, required=required)

INDICATOR = Field(
    "map",
    "an indicator",
    fields={
        "id": Field("id", "a short id for this figure, like `jeugdhulp-totaal`"),
        "label": _TEXTS("what this figure counts"),
        "short": _TEXTS("a short label for charts, at most 28 characters, like `IJsselland`", required=False),
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
        "key": Field("bool", "true to show this figure among the key figures on the home page", required=False),
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



FIGURE_TYPES = ("compare", "change", "parts")

FIGURE = Field(
    "map",
    "a figure",
    fields={
        "id": Field("id", "a short id for this chart, like `jeugdhulp-vergelijking`"),
        "type": Field("text", "the kind of chart", choices=FIGURE_TYPES),
        "title": _TEXTS("the title of the chart"),
        "indicators": Field(
            "list",
            "the ids of the figures in the chart (for `change`: one id)",
            item=Field("id", "the id of an indicator"),
            min_items=1,
        ),
        "year": Field("int", "the year to show, if not the latest", required=False, minimum=1990, maximum=2100),
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

    @property
    def latest_year(self) -> int:
        """The most recent year with a value."""
        return max(self.values)


def load_indicators(root: Path, problems: Problems, declared: set[str] | None = None) -> tuple[dict[str, Indicator], dict[str, Figure]]:
    """Load and check ``data/indicators.yaml``; problems go into ``problems``.

    ``declared`` (optional) receives every indicator and figure id written in the file,
    valid or not, so pages that use them are not reported a second time.
    """
    declared = set() if declared is None else declared
    path = root / "data" / "indicators.yaml"
    rel = "data/indicators.yaml"
    if not path.is_file():
        problems.add(rel, 1, "file", "the file is missing (expected the list of figures)")
        return {}, {}
    where = Where(rel, 0, problems)
    node = compose(path.read_text(encoding="utf-8"), where)
    if node is None:
        return {}, {}
    # The file is a mapping with one list; each item is checked under its own id.
    sections = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    if not isinstance(sections.get("indicators"), yaml.SequenceNode) or set(sections) - {"indicators", "figures"}:
        problems.add(rel, where.line(node), "indicators", "expected `indicators:` with a list of figures (each starting with `- id:`), and optionally `figures:` with a list of charts")
        return {}, {}
    result: dict[str, Indicator] = {}
    for position, item_node in enumerate(sections["indicators"].value, start=1):
        name = _item_name(item_node, position)
        if name != f"indicators[{position}]":
            declared.add(name)
        item = check(item_node, INDICATOR, where, name)
        if not item or None in (item.get("id"), item.get("label"), item.get("unit"), item.get("values"), item.get("source")):
            continue
        line = where.line(item_node)
        for lang, text in (item.get("short") or {}).items():
            if text and len(text) > 28:
                problems.add(rel, item[LINES]["short"], f"{name}.short.{lang}", f"is {len(text)} characters long (expected at most 28, so it fits on a phone)")
        if item["id"] in result:
            problems.add(rel, item[LINES]["id"], f"{name}.id", f'"{item["id"]}" is already used on line {result[item["id"]].line} (expected a unique id)')
            continue
        result[item["id"]] = Indicator(
            item["id"], item["label"], item.get("short"), item["unit"], item["values"], item["source"], item.get("note"),
            item.get("share_of"), item.get("target"), line, bool(item.get("key")),
        )
    for ind in result.values():
        if ind.share_of:
            if ind.unit != "percent":
                problems.add(rel, ind.line, f"{ind.id}.share_of", "only a percentage can be a share (expected `unit: percent`)")
            for key in ("count", "base"):
                ref = ind.share_of.get(key)
                if ref and ref not in result:
                    problems.add(rel, ind.line, f"{ind.id}.share_of.{key}", f'"{ref}" is not an indicator id (expected one of: {", ".join(sorted(result))})')
    figures = _load_figures(sections.get("figures"), result, where, declared)
    return result, figures


def _load_figures(node: yaml.Node | None, indicators: dict[str, Indicator], where: Where, declared: set[str]) -> dict[str, Figure]:
    """Charts: each names its indicators; units must agree so the bars compare.

    ``declared`` receives every figure id written, valid or not, so that pages using a
    figure with a mistake in its definition are not reported a second time.
    """
    figures: dict[str, Figure] = {}
    if node is None:
        return figures
    if not isinstance(node, yaml.SequenceNode):
        where.problems.add(where.path, where.line(node), "figures", "expected a list of charts, each starting with `- id:`")
        return figures
    for position, item_node in enumerate(node.value, start=1):
        name = _item_name(item_node, position, "figures")
        if name != f"figures[{position}]":
            declared.add(name)
        item = check(item_node, FIGURE, where, name)
        if not item or None in (item.get("id"), item.get("type"), item.get("title"), item.get("indicators")):
            continue
        lines = item[LINES]
        if item["id"] in figures:
            where.problems.add(where.path, lines["id"], f"{name}.id", f'"{item["id"]}" is already used on line {figures[item["id"]].line} (expected a unique id)')
            continue
        ids = [i for i in item["indicators"] if i]
        unknown = [i for i in ids if i not in indicators]
        for ref in unknown:
            close = difflib.get_close_matches(ref, list(indicators), n=1)
            hint = f'did you mean "{close[0]}"?' if close else "expected an id from `indicators:`"
            where.problems.add(where.path, lines["indicators"], f"{name}.indicators", f'"{ref}" is not an indicator ({hint})')
        if unknown:
            continue
        if item["type"] == "change" and len(ids) != 1:
            where.problems.add(where.path, lines["indicators"], f"{name}.indicators", "a `change` chart shows one indicator over the years (expected one id)")
            continue
        if item["type"] == "change" and len(indicators[ids[0]].values) < 2:
            where.problems.add(where.path, lines["indicators"], f"{name}.indicators", f'"{ids[0]}" has one year only (expected values for two or more years)')
            continue
        if len({indicators[i].unit for i in ids}) > 1:
            where.problems.add(where.path, lines["indicators"], f"{name}.indicators", "these indicators have different units (expected one unit per chart)")
            continue
        year = item.get("year")
        if item["type"] != "change":
            missing = [i for i in ids if (year or indicators[i].latest_year) not in indicators[i].values]
            for ref in missing:
                where.problems.add(where.path, lines.get("year", lines["indicators"]), f"{name}.year", f'"{ref}" has no value for {year} (expected one of: {", ".join(map(str, sorted(indicators[ref].values)))})')
            if missing:
                continue
        figures[item["id"]] = Figure(item["id"], item["type"], item["title"], tuple(ids), year, lines[""])
    return figures


def _item_name(node: yaml.Node, position: int, section: str = "indicators") -> str:
    """The name used in messages: the item's id if it has a plain one, else its position."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "id" and isinstance(value, yaml.ScalarNode) and value.value:
                return str(value.value)
    return f"{section}[{position}]"


LOCALES = {"nl": "nl_NL", "en": "en_GB"}
_MILLION = {"nl": "miljoen", "en": "million"}


def format_value(value: float, unit: str, lang: str) -> str:
    """A value as the reader of ``lang`` writes it: 12.887 / 12,887, 11,7% / 11.7%, € 200 miljoen / €200 million."""
    locale = LOCALES[lang]
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
