"""Charts: a figure definition + indicators + a language -> an accessible SVG bar chart.

Pure functions. The SVG has no viewBox: bars are sized in percent of the chart's width and
the text keeps its size, so labels stay readable from 320 px to a wide screen. Every bar
carries its value as text, so colour never carries meaning alone; the same data follows in
a real table.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from macros.core.templating import render_template
from macros.load.indicator_types import Figure, Indicator
from macros.load.indicators import format_value

ROW_HEIGHT = 58
BAR_HEIGHT = 24
# The longest bar takes this share of the width; the rest is room for its value label.
MAX_BAR_PERCENT = 68
# A bar at least this long carries its value inside, at its end: beside it, the value of a long
# bar would run off the chart on a 320 px screen ("11.323 (97,8%)" needs about 120 px). Half the
# longest bar is still 34 % of the width, room for such a value inside it at 320 px.
INSIDE_PERCENT = MAX_BAR_PERCENT / 2


@dataclass(frozen=True)
class Row:
    """One bar: its label, value, formatted value and bar length."""

    label: str
    value: float
    display: str
    share: str | None
    percent: float
    inside: bool
    label_y: int
    bar_y: int
    value_y: int


def join_words(items: list[str], word: str) -> str:
    """``a, b and c`` with ``word`` for "and"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def chart_rows(figure: Figure, indicators: dict[str, Indicator], lang: str) -> tuple[list[tuple[str, float, str | None]], int | None]:
    """(label, value, share) per bar, and the year shown (None for a change over years)."""
    inds = [indicators[i] for i in figure.indicators]
    if figure.type == "change":
        ind = inds[0]
        return [(str(year), ind.values[year], None) for year in sorted(ind.values)], None
    year = figure.year or max(ind.latest_year for ind in inds)
    rows = [((ind.short or ind.label)[lang], ind.values[year], None) for ind in inds]
    if figure.type == "parts":
        total = sum(value for _, value, _ in rows)
        rows = [(label, value, format_value(float(Decimal(str(value)) * 100 / Decimal(str(total))), "percent", lang)) for label, value, _ in rows]
    return rows, year


def describe(figure: Figure, indicators: dict[str, Indicator], lang: str, t: dict[str, str]) -> str:
    """The sentence that states the chart's data, for <desc> and screen readers."""
    unit = indicators[figure.indicators[0]].unit
    rows, year = chart_rows(figure, indicators, lang)
    items = [f"{label} {format_value(value, unit, lang)}" + (f" ({share})" if share else "") for label, value, share in rows]
    title = figure.title[lang]
    if figure.type == "change":
        first, last = rows[0][1], rows[-1][1]
        change = (Decimal(str(last)) - Decimal(str(first))) * 100 / Decimal(str(first))
        sign = "+" if change > 0 else ("−" if change < 0 else "")
        text = format_value(float(abs(change)), "percent", lang)
        items = [t["in_year"].format(year=label) + f" {format_value(value, unit, lang)}" for label, value, _ in rows]
        return t["chart_sentence_change"].format(title=title, items=join_words(items, t["and"]), change=sign + text)
    if figure.type == "parts":
        total = format_value(sum(v for _, v, _ in rows), unit, lang)
        return t["chart_sentence_parts"].format(title=title, year=year, items=join_words(items, t["and"]), total=total)
    return t["chart_sentence_compare"].format(title=title, year=year, items=join_words(items, t["and"]))


def render_figure(figure: Figure, indicators: dict[str, Indicator], lang: str, t: dict[str, str], open_data: dict[str, str] | None = None) -> Markup:
    """The whole <figure>: caption, SVG chart and table; with ``open_data`` (addresses of the open
    data files and the licence) a line that offers the figures as CSV and JSON."""
    unit = indicators[figure.indicators[0]].unit
    data, year = chart_rows(figure, indicators, lang)
    largest = max(value for _, value, _ in data) or 1
    rows = []
    for index, (label, value, share) in enumerate(data):
        top = index * ROW_HEIGHT
        rows.append(
            Row(
                label=label,
                value=value,
                display=format_value(value, unit, lang),
                share=share,
                percent=round(value / largest * MAX_BAR_PERCENT, 2),
                inside=value / largest * MAX_BAR_PERCENT >= INSIDE_PERCENT,
                label_y=top + 16,
                bar_y=top + 24,
                value_y=top + 24 + BAR_HEIGHT - 6,
            )
        )
    sources = sorted({indicators[i].source[lang] for i in figure.indicators})
    notes = [indicators[i].note[lang] for i in figure.indicators if indicators[i].note]
    years = sorted({y for i in figure.indicators for y in indicators[i].values}) if year is None else [year]
    return render_template(
        "figure.html",
        figure=figure,
        title=figure.title[lang],
        description=describe(figure, indicators, lang, t),
        rows=rows,
        height=len(rows) * ROW_HEIGHT + 4,
        bar_height=BAR_HEIGHT,
        sources=sources,
        notes=notes,
        years=years,
        show_share=figure.type == "parts",
        first_column=t["chart_year"] if figure.type == "change" else t["chart_item"],
        value_header=t[f"chart_value_{unit}"],
        t=t,
        open_data=open_data,
    )
