"""A sentence that names a year holds its figures to that year.

``{{ indicator("jeugdhulp-totaal") }}`` shows the newest value in data/indicators.yaml. In
"In 2024 kregen {{ indicator("jeugdhulp-totaal") }} jongeren jeugdhulp" a value for 2025 would
turn up under the text's own "2024": the sentence would become false without a word. So in a
paragraph that names a year, every figure says its year (``indicator("jeugdhulp-totaal", 2024)``),
and a figure's year must be one the paragraph names.
"""

from __future__ import annotations

import re

from macros.core.problems import Message, Problems

_CALL = re.compile(r"\{\{\s*indicator\(\s*[\"'](?P<id>[a-z0-9-]+)[\"']\s*(?:,\s*(?:year\s*=\s*)?(?P<year>\d{4})\s*)?\)\s*\}\}")
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,]\d)")


def check_figure_years(path: str, text: str, first_line: int, problems: Problems) -> None:
    """Every figure in a paragraph that names a year gives that year; none gives another."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        calls = list(_CALL.finditer(line))
        if not calls:
            continue
        named = sorted(set(_YEAR.findall(_CALL.sub(" ", line))))
        if not named:
            continue
        years = ", ".join(named)
        for call in calls:
            year = call.group("year")
            if year is None:
                problems.add(
                    path,
                    number,
                    "indicator",
                    Message(
                        nl=f'deze zin noemt {years}: zet dat jaar ook in het cijfer, zoals `{{{{ indicator("{call.group("id")}", {named[-1]}) }}}}` '
                        "(anders staat hier het cijfer van een later jaar zodra dat erbij komt)",
                        en=f'this sentence names {years}: expected the year in the figure too, like `{{{{ indicator("{call.group("id")}", {named[-1]}) }}}}` '
                        "(else a later year's figure appears here once it is added)",
                    ),
                )
            elif year not in named:
                problems.add(
                    path,
                    number,
                    "indicator",
                    Message(
                        nl=f'het cijfer "{call.group("id")}" is van {year}, maar de zin noemt {years} (zet het jaar van de zin in het cijfer, of pas de zin aan)',
                        en=f'the figure "{call.group("id")}" is for {year}, but the sentence names {years} (expected the sentence\'s year in the figure, or another sentence)',
                    ),
                )
