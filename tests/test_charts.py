"""Unit tests for the chart renderer: roles, title, description, table numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.indicator_types import Figure, Indicator
from macros.load.indicators import format_value
from macros.load.site import load_site
from macros.render.charts import chart_rows, render_figure
from macros.render.units import strings
from tests.conftest import ROOT
from tests.htmlscan import Document

SITE = load_site(Path(__file__).resolve().parent.parent)


def _indicator(ind_id: str, values: dict[int, float], unit: str = "count", short: str | None = None) -> Indicator:
    label = {"nl": f"label {ind_id}", "en": f"label {ind_id} en"}
    return Indicator(ind_id, label, {"nl": short, "en": short} if short else None, unit, values, {"nl": "Bron X", "en": "Source X"}, None, None, None, 1)


INDICATORS = {
    "a": _indicator("a", {2024: 30}, "percent", "Regio"),
    "b": _indicator("b", {2024: 60}, "percent", "Land"),
    "c": _indicator("c", {2019: 1000, 2024: 1500}),
    "d": _indicator("d", {2024: 75}),
    "e": _indicator("e", {2024: 25}),
}


def render(figure: Figure, lang: str = "nl") -> Document:
    doc = Document()
    doc.feed(str(render_figure(figure, INDICATORS, lang, strings(SITE, lang))))
    return doc


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chart_is_an_image_with_title_and_desc(lang: str) -> None:
    figure = Figure("vergelijk", "compare", {"nl": "Titel NL", "en": "Title EN"}, ("a", "b"), None, 1)
    doc = render(figure, lang)
    svg = doc.find("svg")[0]
    assert svg.attrs["role"] == "img"
    assert svg.attrs["aria-labelledby"] == "vergelijk-title vergelijk-desc"
    title = doc.find("title", id="vergelijk-title")[0].text
    assert title == figure.title[lang]
    desc = doc.find("desc", id="vergelijk-desc")[0].text
    for ind in ("a", "b"):
        assert format_value(INDICATORS[ind].values[2024], "percent", lang) in desc
    assert "2024" in desc
    assert doc.find("figcaption")[0].text.count(figure.title[lang]) == 1


def test_bars_are_proportional_and_labelled() -> None:
    figure = Figure("vergelijk", "compare", {"nl": "T", "en": "T"}, ("a", "b"), None, 1)
    doc = render(figure)
    widths = [float(r.attrs["width"].rstrip("%")) for r in doc.find("rect")]
    assert widths[1] == pytest.approx(2 * widths[0])
    # Every bar carries its value as text: colour is never the only carrier.
    values = [t.text for t in doc.find("text") if "rv-chart__value" in t.attrs["class"]]
    assert values == ["30,0%", "60,0%"]
    labels = [t.text for t in doc.find("text") if "rv-chart__label" in t.attrs["class"]]
    assert labels == ["Regio", "Land"]


def test_table_holds_the_same_numbers() -> None:
    figure = Figure("deel", "parts", {"nl": "T", "en": "T"}, ("d", "e"), None, 1)
    doc = render(figure, "en")
    cells = [d.attrs["value"] for d in doc.find("data")]
    assert cells == ["75", "25"]
    shares = [td.text for td in doc.find("td") if td.text.endswith("%")]
    assert shares == ["75.0%", "25.0%"]
    assert [th.text for th in doc.find("th") if th.attrs.get("scope") == "row"] == ["label d en", "label e en"]


def test_change_chart_shows_each_year_and_the_change() -> None:
    figure = Figure("groei", "change", {"nl": "Groei", "en": "Growth"}, ("c",), None, 1)
    rows, year = chart_rows(figure, INDICATORS, "nl")
    assert [label for label, _, _ in rows] == ["2019", "2024"] and year is None
    desc = render(figure).find("desc")[0].text
    assert "1.000" in desc and "1.500" in desc and "+50,0%" in desc


@pytest.mark.parametrize(
    ("value", "unit", "lang", "expected"),
    [
        (12887, "count", "nl", "12.887"),
        (12887, "count", "en", "12,887"),
        (11.7, "percent", "nl", "11,7%"),
        (11.7, "percent", "en", "11.7%"),
        (200000000, "euro", "nl", "€\u00a0200 miljoen"),
        (200000000, "euro", "en", "€200 million"),
    ],
)
def test_numbers_are_written_as_the_reader_writes_them(value: float, unit: str, lang: str, expected: str) -> None:
    assert format_value(value, unit, lang) == expected


def test_every_share_equals_its_count_over_its_base() -> None:
    shares = [ind for ind in SITE.indicators.values() if ind.share_of]
    assert shares
    for ind in shares:
        count = SITE.indicators[ind.share_of["count"]]
        base = SITE.indicators[ind.share_of["base"]]
        for year, value in ind.values.items():
            assert value == pytest.approx(count.values[year] / base.values[year] * 100, abs=0.05), ind.id


def test_words_about_a_change_are_made_from_the_values() -> None:
    """`change()`: a named share where the change is close to one, else the percentage; "about
    the same" for a change under 2 %; the direction from the sign. Never "iets" (slightly)."""
    from macros.render.trend import change_words

    assert change_words(100, 125, "nl") == "met een kwart (25%) gestegen" and change_words(100, 125, "en") == "risen by a quarter (25%)"
    assert change_words(200, 100, "nl") == "met de helft (50%) gedaald" and change_words(200, 100, "en") == "fallen by half (50%)"
    assert change_words(100, 93, "nl") == "met 7% gedaald" and change_words(100, 112, "en") == "risen by 12%"
    assert change_words(100, 101.5, "nl") == "ongeveer gelijk gebleven" and change_words(100, 98.5, "en") == "stayed about the same"
    assert change_words(50, 100, "nl") == "verdubbeld" and change_words(50, 150, "en") == "grown 3 times as large"


def test_every_change_on_the_site_is_told_by_its_own_values(site_dir: Path) -> None:
    """Each `change()` on a built page carries the two values it compares; they are values of
    data/indicators.yaml and the words shown are the words for exactly those values."""
    import html
    import re

    from macros.render.trend import change_words

    site = load_site(ROOT)
    values = {value for indicator in site.indicators.values() for value in indicator.values.values()}
    found = 0
    for lang, page in (("nl", "visie/cijfers/index.html"), ("en", "en/vision/cijfers/index.html")):
        text = (site_dir / page).read_text(encoding="utf-8")
        for old, new, words in re.findall(r'data-rv="change" data-rv-from="([^"]+)" data-rv-to="([^"]+)">([^<]*)<', text):
            old_value, new_value = float(old), float(new)
            assert old_value in values and new_value in values
            assert html.unescape(words) == change_words(old_value, new_value, lang)
            found += 1
    # IJsselland's rise in youth care (the figure the old wording called "iets gestegen") and its fall in child protection.
    assert found == 4
    total = site.indicators["jeugdhulp-totaal"].values
    assert abs(total[2024] / total[2019] - 1.25) <= 0.02
