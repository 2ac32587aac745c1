"""Schema, loader and number formatting for ``data/indicators.yaml``.

Every figure on the site comes from this file, with its year, unit and source.
Numbers are formatted with Babel in the reader's language, never by hand.
"""

from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal

from macros.core.files import read_source
from macros.core.problems import Message, Problems
from macros.core.schema import LINES, Where, check, compose
from macros.load.indicator_checks import check_parts, check_relations, check_status, closest
from macros.load.indicator_checks import number as _number
from macros.load.indicator_types import FIGURE, INDICATOR, Figure, Indicator


def load_indicators(root: Path, problems: Problems, declared: set[str] | None = None) -> tuple[dict[str, Indicator], dict[str, Figure]]:
    """Load and check ``data/indicators.yaml``; problems go into ``problems``.

    ``declared`` (optional) receives every indicator and figure id written in the file,
    valid or not, so pages that use them are not reported a second time.
    """
    declared = set() if declared is None else declared
    path = root / "data" / "indicators.yaml"
    rel = "data/indicators.yaml"
    if not path.is_file():
        problems.add(
            rel,
            1,
            "file",
            Message(nl="het bestand ontbreekt (hierin staat de lijst met cijfers)", en="the file is missing (expected the list of figures)"),
        )
        return {}, {}
    where = Where(rel, 0, problems)
    text = read_source(path, root, problems)
    node = None if text is None else compose(text, where)
    if node is None:
        return {}, {}
    # The file is a mapping with one list; each item is checked under its own id.
    sections = {k.value: v for k, v in node.value} if isinstance(node, yaml.MappingNode) else {}
    if not isinstance(sections.get("indicators"), yaml.SequenceNode) or set(sections) - {"indicators", "figures"}:
        problems.add(
            rel,
            where.line(node),
            "indicators",
            Message(
                nl="schrijf `indicators:` met een lijst cijfers (elk cijfer begint met `- id:`), "
                "en eventueel `figures:` met een lijst grafieken",
                en="expected `indicators:` with a list of figures (each starting with `- id:`), "
                "and optionally `figures:` with a list of charts",
            ),
        )
        return {}, {}
    result: dict[str, Indicator] = {}
    for position, item_node in enumerate(sections["indicators"].value, start=1):
        name = _item_name(item_node, position)
        if name != f"indicators[{position}]":
            declared.add(name)
        _dutch_numbers(item_node, text or "", where, name)
        item = check(item_node, INDICATOR, where, name)
        if not item or None in (item.get("id"), item.get("label"), item.get("unit"), item.get("values"), item.get("source")):
            continue
        line = where.line(item_node)
        for lang, text in (item.get("short") or {}).items():
            if text and len(text) > 28:
                problems.add(
                    rel,
                    item[LINES]["short"],
                    f"{name}.short.{lang}",
                    Message(
                        nl=f"is {len(text)} tekens lang (schrijf hoogstens 28 tekens, zodat het op een telefoon past)",
                        en=f"is {len(text)} characters long (expected at most 28, so it fits on a phone)",
                    ),
                )
        if item["id"] in result:
            problems.add(rel, item[LINES]["id"], f"{name}.id", _used_already(item["id"], result[item["id"]].line))
            continue
        result[item["id"]] = Indicator(
            item["id"], item["label"], item.get("short"), item["unit"], item["values"], item["source"], item.get("note"),
            item.get("share_of"), item.get("target"), line, bool(item.get("key")), item.get("part_of"), bool(item.get("headline")),
            dict(getattr(item["values"], "lines", {})), _status(item), item.get("estimate"),
            item.get("parts"),
        )
    for ind in result.values():
        _check_possible(ind, where)
    headlines = [ind for ind in result.values() if ind.headline]
    for ind in headlines[1:]:
        where.problems.add(
            rel,
            ind.line,
            f"{ind.id}.headline",
            Message(
                nl=f'"{headlines[0].id}" (regel {headlines[0].line}) is al het cijfer van de startpagina '
                "(zet `headline: true` bij maar één cijfer)",
                en=f'"{headlines[0].id}" (line {headlines[0].line}) is the headline figure already '
                "(expected `headline: true` on one figure only)",
            ),
        )
    for ind in result.values():
        check_relations(ind, result, where)
        check_status(ind, where)
        check_parts(ind, result, where)
    figures = _load_figures(sections.get("figures"), result, where, declared)
    return result, figures


def _status(item: dict[str, Any]) -> str:
    """The kind of value as written; measured when none is written; empty when the one written
    was refused (its own message says why, and no second message follows from it)."""
    return item.get("status") or ("" if "status" in item[LINES] else "measured")


# What a value of each unit can be: (test, words for the message).
POSSIBLE = {
    "count": (lambda v: v >= 0 and float(v).is_integer(), Message(nl="een heel getal van 0 of meer", en="a whole number of 0 or more")),
    "percent": (lambda v: 0 <= v <= 100, Message(nl="een percentage van 0 tot en met 100", en="a percentage from 0 to 100")),
    "euro": (lambda v: v >= 0, Message(nl="een bedrag van 0 of meer", en="an amount of 0 or more")),
}


def _used_already(item_id: str, line: int) -> Message:
    """An id written twice in data/indicators.yaml (an indicator or a chart)."""
    return Message(
        nl=f'"{item_id}" staat al op regel {line} (kies een ander id)',
        en=f'"{item_id}" is already used on line {line} (expected a unique id)',
    )


def build_year() -> int:
    """The year of this build: from SOURCE_DATE_EPOCH (the last commit) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).year
    return datetime.date.today().year


# A number as Dutch readers write it: thousands with dots or spaces, decimals with a comma.
_GROUPED = re.compile(r"^\d{1,3}(?:([. ])\d{3})+$")
_COMMA = re.compile(r"^(\d+),(\d+)$")


def _dutch_numbers(item_node: yaml.Node, text: str, where: Where, name: str) -> None:
    """Numbers written the Dutch way, named on their line with what to write instead, and read
    as the editor meant them, so no misleading message follows (the build still stops).

    YAML misreads them: ``{2024: 11,7}`` is two entries (11, and a year 7), ``12.887`` is twelve
    point something, ``12 887`` and (outside braces) ``11,7`` are text."""
    if not isinstance(item_node, yaml.MappingNode):
        return
    unit = next((v.value for k, v in item_node.value if k.value == "unit" and isinstance(v, yaml.ScalarNode)), "")
    values = next((v for k, v in item_node.value if k.value == "values"), None)
    if not isinstance(values, yaml.MappingNode):
        return

    def report(node: yaml.Node, year: yaml.Node, written: str, meant: str, thousands: bool) -> None:
        where.problems.add(
            where.path,
            where.line(node),
            f"{name}.values.{year.value}",
            Message(
                nl=f"{written} is geschreven zoals in een Nederlandse tekst (schrijf {meant}"
                + (", zonder punt, komma of spatie tussen de duizendtallen" if thousands else ", met een punt: in dit bestand is een punt het decimaalteken")
                + ")",
                en=f"{written} is written the Dutch way (expected {meant}"
                + (", without dots, commas or spaces between the thousands" if thousands else ", with a decimal point")
                + ")",
            ),
        )

    def comma(node: yaml.Node, year: yaml.Node, whole: str, part: str) -> yaml.Node:
        thousands = unit == "count" or (len(part) == 3 and unit != "percent")
        meant = f"{whole}{part}" if thousands else f"{whole}.{part}"
        report(node, year, f"{whole},{part}", meant, thousands)
        return yaml.ScalarNode("tag:yaml.org,2002:" + ("int" if thousands else "float"), meant, node.start_mark, node.end_mark)

    kept: list[tuple[yaml.Node, yaml.Node]] = []
    for key, value in values.value:
        previous = kept[-1][1] if kept else None
        empty = isinstance(value, yaml.ScalarNode) and value.value == "" and value.tag.endswith(":null")
        if (
            isinstance(previous, yaml.ScalarNode)
            and empty
            and key.value.isdigit()
            and text[previous.end_mark.index : key.start_mark.index] == ","
        ):
            kept[-1] = (kept[-1][0], comma(previous, kept[-1][0], previous.value, key.value))
            continue
        if isinstance(value, yaml.ScalarNode):
            grouped = _GROUPED.match(value.value)
            split = _COMMA.match(value.value)
            if grouped and (grouped.group(1) == " " or unit == "count"):
                meant = re.sub(r"[. ]", "", value.value)
                report(value, key, value.value, meant, True)
                value = yaml.ScalarNode("tag:yaml.org,2002:int", meant, value.start_mark, value.end_mark)
            elif split:
                value = comma(value, key, split.group(1), split.group(2))
        kept.append((key, value))
    values.value = kept


def _check_possible(ind: Indicator, where: Where) -> None:
    """Values a unit cannot have, and years that have not happened yet (unless a target)."""
    test, words = POSSIBLE[ind.unit]
    this_year = build_year()
    for year, value in ind.values.items():
        line = ind.value_lines.get(year, ind.line)
        if value is not None and not test(value):
            where.problems.add(
                where.path,
                line,
                f"{ind.id}.values.{year}",
                Message(
                    nl=f"{_number(value)} kan niet bij `unit: {ind.unit}` (schrijf {words.nl})",
                    en=f"{_number(value)} is not possible for `unit: {ind.unit}` (expected {words.en})",
                ),
            )
        if year > this_year and not ind.target:
            where.problems.add(
                where.path,
                line,
                f"{ind.id}.values.{year}",
                Message(
                    nl=f"{year} ligt in de toekomst: in dat jaar is nog niets gemeten "
                    "(schrijf het jaar van de meting; een doel voor een later jaar krijgt `target:`)",
                    en=f"{year} lies in the future, so nothing can have been measured in it yet "
                    "(expected the year the figure was measured; a goal for a later year needs `target:`)",
                ),
            )


def _load_figures(node: yaml.Node | None, indicators: dict[str, Indicator], where: Where, declared: set[str]) -> dict[str, Figure]:
    """Charts: each names its indicators; units must agree so the bars compare.

    ``declared`` receives every figure id written, valid or not, so that pages using a
    figure with a mistake in its definition are not reported a second time.
    """
    figures: dict[str, Figure] = {}
    if node is None:
        return figures
    if not isinstance(node, yaml.SequenceNode):
        where.problems.add(
            where.path,
            where.line(node),
            "figures",
            Message(
                nl="schrijf een lijst grafieken; elke grafiek begint met `- id:`",
                en="expected a list of charts, each starting with `- id:`",
            ),
        )
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
            where.problems.add(where.path, lines["id"], f"{name}.id", _used_already(item["id"], figures[item["id"]].line))
            continue
        ids = [i for i in item["indicators"] if i]
        unknown = [i for i in ids if i not in indicators]
        for ref in unknown:
            hint = closest(ref, indicators, Message(nl="schrijf een id uit `indicators:`", en="expected an id from `indicators:`"))
            where.problems.add(
                where.path,
                lines["indicators"],
                f"{name}.indicators",
                Message(nl=f'"{ref}" is geen cijfer ({hint.nl})', en=f'"{ref}" is not an indicator ({hint.en})'),
            )
        if unknown:
            continue
        if item["type"] == "change" and len(ids) != 1:
            where.problems.add(
                where.path,
                lines["indicators"],
                f"{name}.indicators",
                Message(
                    nl="een grafiek `change` toont één cijfer door de jaren heen (schrijf één id)",
                    en="a `change` chart shows one indicator over the years (expected one id)",
                ),
            )
            continue
        if item["type"] == "change" and len(indicators[ids[0]].values) < 2:
            where.problems.add(
                where.path,
                lines["indicators"],
                f"{name}.indicators",
                Message(
                    nl=f'"{ids[0]}" heeft maar één jaar (schrijf waarden voor twee of meer jaren)',
                    en=f'"{ids[0]}" has one year only (expected values for two or more years)',
                ),
            )
            continue
        if len({indicators[i].unit for i in ids}) > 1:
            where.problems.add(
                where.path,
                lines["indicators"],
                f"{name}.indicators",
                Message(
                    nl="deze cijfers hebben verschillende eenheden (gebruik één eenheid per grafiek)",
                    en="these indicators have different units (expected one unit per chart)",
                ),
            )
            continue
        year = item.get("year")
        if item["type"] != "change":
            missing = [i for i in ids if (year or indicators[i].latest_year) not in indicators[i].values]
            for ref in missing:
                years = ", ".join(map(str, sorted(indicators[ref].values)))
                where.problems.add(
                    where.path,
                    lines.get("year", lines["indicators"]),
                    f"{name}.year",
                    Message(
                        nl=f'"{ref}" heeft geen waarde voor {year} (kies uit: {years})',
                        en=f'"{ref}" has no value for {year} (expected one of: {years})',
                    ),
                )
            if missing:
                continue
        if item["type"] == "parts":
            _check_parts_total(name, [indicators[i] for i in ids], year, indicators, lines["indicators"], where)
        figures[item["id"]] = Figure(item["id"], item["type"], item["title"], tuple(ids), year, lines[""])
    return figures


def _check_parts_total(name: str, parts: list[Indicator], year: int | None, indicators: dict[str, Indicator], line: int, where: Where) -> None:
    """Parts of one declared whole (`part_of`) add up to at most that whole."""
    wholes = {part.part_of for part in parts}
    if len(wholes) != 1 or None in wholes or next(iter(wholes)) not in indicators:
        return
    whole = indicators[next(iter(wholes))]
    shown = year or max(part.latest_year for part in parts)
    values = [part.values.get(shown) for part in parts]
    if shown not in whole.values or None in values or whole.values[shown] is None:
        return
    total = sum(values)  # type: ignore[arg-type]
    if total > whole.values[shown]:
        where.problems.add(
            where.path,
            line,
            f"{name}.indicators",
            Message(
                nl=f"de delen zijn samen {_number(total)} in {shown}, meer dan het geheel {whole.id} ({_number(whole.values[shown])}) "
                "(samen zijn de delen hoogstens het geheel; controleer de cijfers)",
                en=f"the parts add up to {_number(total)} in {shown}, more than their whole {whole.id} ({_number(whole.values[shown])}) "
                "(expected parts that together are at most the whole; check the figures)",
            ),
        )


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
