"""Hidden characters, text the layout cannot hold and skipped heading levels: each case as an attacker or a tired editor would write it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from macros.core.problems import Message, Problems
from macros.core.text_checks import check_address, check_heading_levels, check_lengths, scan

REFUSED = {
    "bidi override (Trojan Source)": "Hulp is \u202egratis\u202c voor iedereen.",
    "bidi isolate": "Bel \u2067+31 6 1234\u2069 nu.",
    "right-to-left mark": "Principe\u200f 2",
    "control character": "Een bel\u0007 in de tekst.",
    "escape sequence": "Rood \u001b[31m gemaakt.",
    "C1 control": "Tekst\u0085met NEL.",
    "tag characters (hidden text)": "Lees dit.\U000e0049\U000e0067\U000e006e\U000e006f\U000e0072\U000e0065",
    "variation selector supplement (smuggling)": "Gewoon\U000e0101 woord.",
    "private use": "Logo \ue000 hier.",
    "line separator": "Eerste\u2028tweede.",
    "unassigned": "Teken \U0003ffff hier.",
    "zero-width space in a link": "Zie [de site](https://regiovisie\u200b.example/p/1/).",
    "zero-width joiner in a link text address": "Lees https://www.rsj\u200dijsselland.nl/ hier.",
    "no-break space in a link": "Zie [de site](https://www.rsjijsselland.nl/a\u00a0b/).",
    "Cyrillic o in a Dutch word": "Goede jeugdh\u0443lp voor iedereen.",
    "Greek omicron in a title": "Samen werken aan z\u03bfrg.",
}
REMOVED = {
    "zero-width space": ("Jeugd\u200bhulp helpt.", "Jeugdhulp helpt."),
    "soft hyphen from Word": ("Jeugd\u00adhulp helpt.", "Jeugdhulp helpt."),
    "word joiner": ("Twee\u2060woorden.", "Tweewoorden."),
    "byte-order mark in the middle": ("Tekst\ufeff hier.", "Tekst hier."),
}
KEPT = {
    "no-break space (Dutch typography)": "Het kost €\u00a0100 per jaar.",
    "narrow no-break space": "Om 10\u202fuur.",
    "emoji with joiner (family)": "Ons gezin \U0001f468\u200d\U0001f469\u200d\U0001f467 is blij.",
    "accents and Frisian": "Café, reünie, Fryslân, één.",
    "tab in YAML": "a:\tb",
}


def _scan(text: str) -> tuple[str, Problems]:
    problems = Problems()
    cleaned = scan("content/vision/x.nl.md", "Eerste regel.\n" + text, problems)
    for problem in problems.items:
        assert isinstance(problem.text, Message) and problem.text.nl != problem.text.en
        assert problem.line == 2, problem
    return cleaned.text.split("\n", 1)[1], problems


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_hidden_characters_that_change_what_a_reader_sees_are_refused_on_their_line(case: str) -> None:
    _, problems = _scan(REFUSED[case])
    assert problems.errors, case
    assert "U+" in problems.errors[0].message


@pytest.mark.parametrize("case", sorted(REMOVED))
def test_harmless_invisible_characters_are_removed_with_a_warning(case: str) -> None:
    text, expected = REMOVED[case]
    cleaned, problems = _scan(text)
    assert cleaned == expected
    assert not problems.errors and len(problems.warnings) == 1
    assert problems.warnings[0].message.startswith("onzichtbare tekens weggehaald: U+")


@pytest.mark.parametrize("case", sorted(KEPT))
def test_ordinary_text_passes_unchanged(case: str) -> None:
    cleaned, problems = _scan(KEPT[case])
    assert cleaned == KEPT[case] and not problems.items


def test_a_look_alike_letter_in_a_web_address_is_refused() -> None:
    problems = Problems()
    check_address("content/x.nl.md", 4, "link", "https://rsj\u0456jsselland.nl/", problems)  # Cyrillic і
    assert problems.errors and "U+0456" in problems.errors[0].message
    check_address("content/x.nl.md", 4, "link", "https://rsjijsselland.nl/a/1/", Problems())


def _unit(type_: str, **meta: object) -> SimpleNamespace:
    lines = {name: number for number, name in enumerate(meta, start=2)}
    return SimpleNamespace(type=type_, path=f"content/{type_}/x.nl.md", meta=meta, field_lines=lines)


def test_fields_longer_than_the_layout_holds_are_refused_with_the_limit_and_why() -> None:
    problems = Problems()
    check_lengths(_unit("principles", title="We " * 40, summary="Kort.", points=[{"text": "woord " * 50 + "x", "_lines": {"text": 9}}]), problems)
    messages = [str(p) for p in problems.errors]
    assert messages[0].startswith("content/principles/x.nl.md:2: title: is 120 tekens lang: hoogstens 90")
    assert messages[1].startswith("content/principles/x.nl.md:9: points.text: is 301 tekens lang: hoogstens 300")
    problems = Problems()
    check_lengths(_unit("principles", title="Een titel\nop twee regels", summary="Zie https://www.voorbeeld.nl/een/heel/lang/adres/dat/mag.", points=[{"text": "Eén " + "a" * 31, "_lines": {"text": 7}}]), problems)
    assert [(p.field, p.line) for p in problems.errors] == [("title", 2), ("points.text", 7)], [str(p) for p in problems.errors]
    problems = Problems()
    check_lengths(_unit("personas", title="Sarah", summary="Kort.", name="Sarah Maria Johanna de Vries", role="Leerling"), problems)
    assert [p.field for p in problems.errors] == ["name"]
    problems = Problems()
    check_lengths(_unit("vision", title="Jeugdhulpverleningsorganisatiesamenwerkingsverband", summary="Kort."), problems)
    assert "op een telefoon wordt het midden in afgebroken" in problems.errors[0].message


def test_a_heading_that_skips_a_level_is_refused() -> None:
    problems = Problems()
    body = "Tekst.\n\n### Te diep\n\n## Goed\n\n### Goed\n\n##### Te diep\n\n```\n#### in code telt niet\n```\n"
    check_heading_levels("content/vision/x.nl.md", body, 10, problems)
    assert [(p.line, p.message.split(":")[0]) for p in problems.errors] == [(12, "deze kop slaat een niveau over"), (18, "deze kop slaat een niveau over")]
    assert "(schrijf `## `)" in problems.errors[0].message and "(schrijf `#### `)" in problems.errors[1].message


def test_a_whole_number_in_quotes_is_read_as_the_number_it_says() -> None:
    """`'2025': 123` or `age: "14"`: the quotes are a habit, not a mistake (a year stays a year)."""
    from macros.core.problems import Message, Problems
    from macros.core.schema import Field, Where, check, compose

    problems = Problems()
    where = Where("data/x.yaml", problems=problems)
    spec = Field("dict", Message(nl="jaren", en="years"), key=Field("int", Message(nl="een jaar", en="a year"), minimum=1990, maximum=2100), item=Field("number", Message(nl="getal", en="number")))
    assert check(compose("'2025': 123\n\"2024\": 7\n", where), spec, where, "values") == {2025: 123, 2024: 7}
    assert problems.items == []
    assert check(compose("'20x5': 1\n", where), spec, where, "values") == {}
    assert len(problems.errors) == 1
