"""Words about a change in a figure, made from the figure's own values (`change()` in a page).

"Iets gestegen" beside a rise of a quarter contradicts the figures; a page says
``{{ change("jeugdhulp-totaal", 2019, 2024) }}`` instead and gets "met een kwart (25%)
gestegen" / "risen by a quarter (25%)", always in step with data/indicators.yaml.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from macros.load.site import Site

# Shares a reader knows by name, with how close a change must be to be called so.
_FRACTIONS = ((1 / 4, "een kwart", "a quarter"), (1 / 3, "een derde", "a third"), (1 / 2, "de helft", "half"), (2 / 3, "twee derde", "two thirds"), (3 / 4, "driekwart", "three quarters"))
_CLOSE = 0.02
# A change smaller than this is "about the same".
_STEADY = 0.02


def change_words(old: float, new: float, lang: str) -> str:
    """How ``old`` became ``new``, in words: "met een kwart (25%) gestegen" / "risen by a quarter (25%)"."""
    ratio = (new - old) / old
    if abs(ratio) < _STEADY:
        return "ongeveer gelijk gebleven" if lang == "nl" else "stayed about the same"
    if ratio >= 1 - _CLOSE and abs(ratio - round(ratio)) <= _CLOSE:
        times = round(ratio) + 1
        if times == 2:
            return "verdubbeld" if lang == "nl" else "doubled"
        return f"{times} keer zo groot geworden" if lang == "nl" else f"grown {times} times as large"
    percent = f"{round(abs(ratio) * 100)}%"
    named = next((words for value, *words in _FRACTIONS if abs(abs(ratio) - value) <= _CLOSE), None)
    amount = f"{named[0 if lang == 'nl' else 1]} ({percent})" if named else percent
    if lang == "nl":
        return f"met {amount} {'gestegen' if ratio > 0 else 'gedaald'}"
    return f"{'risen' if ratio > 0 else 'fallen'} by {amount}"


def change(site: Site, indicator_id: str, since: int, until: int, lang: str) -> Markup:
    """The change of one indicator between two years, in words, marked with both values."""
    indicator = site.indicators[indicator_id]
    old, new = indicator.values[since], indicator.values[until]
    words = escape(change_words(old, new, lang))
    return Markup('<span data-rv="change" data-rv-from="{}" data-rv-to="{}">{}</span>').format(old, new, words)
