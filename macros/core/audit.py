"""What `make test` checks for accessibility: one list, read by the tests and shown on the statement.

The accessibility statement (``{{ accessibility_tests() }}`` on ``docs/toegankelijkheid``) says
what is tested from these values, and the tests take their settings from the same values
(``tests/test_quality.py``, ``tests/test_focus_walk.py``, ``tests/test_states.py``), so the page
can never say more than the tests do. What is known not to work is the region's own list,
``known_problems`` in ``data/region.yaml``, beside the date of its statement.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    """One way every page is looked at: a window size and a colour scheme."""

    name: str
    width: int
    height: int
    scheme: str


# Every page, both languages, in each of these, by both engines.
SETTINGS = (
    Setting("phone-light", 390, 844, "light"),
    Setting("phone-dark", 390, 844, "dark"),
    Setting("desktop-light", 1280, 800, "light"),
    Setting("desktop-dark", 1280, 800, "dark"),
)
# The engines that look at every page in every setting (names as their makers write them).
ENGINES = ("axe-core", "Siteimprove Alfa")
# The page kinds the keyboard walk goes through (Tab all the way round and back), in every setting.
WALKED = ("home", "overview", "principle", "story", "vision", "figures", "youth", "service", "downloads", "not-found")
# What no engine sees, each with a test of its own (tests/test_states.py).
STATES = (
    "open-menu",
    "search-results",
    "link-copied",
    "forced-colours",
    "text-200",
    "text-spacing",
    "narrow-320",
    "zoom-400",
    "no-javascript",
)
# What checks every PDF of both regions against PDF/UA-1 and PDF/A-2a (tests/test_pdf.py).
PDF_VALIDATOR = "veraPDF"
# The focus indicator every stop must show (WCAG 1.4.11; 2.4.13 at AAA, which we aim for).
FOCUS_RING_PX = 2
FOCUS_RING_CONTRAST = 3.0


def sizes() -> list[tuple[int, int]]:
    """The window sizes, in order, without repeats."""
    return list(dict.fromkeys((s.width, s.height) for s in SETTINGS))


def schemes() -> list[str]:
    """The colour schemes, in order, without repeats."""
    return list(dict.fromkeys(s.scheme for s in SETTINGS))
