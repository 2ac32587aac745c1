"""What one build knows, as one typed value instead of keys scattered over MkDocs' config.

``theme/hooks.on_config`` makes it once per ``mkdocs build`` (mkdocs-static-i18n runs the
build once per language with the same config, so both languages share it) and every later
hook and macro reads it from there and passes it on explicitly. Either a site was loaded
(``site``, ``nav``, ``history``) or the editors' preview shows the problems that stopped it
(``problems``, ``strings``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from macros.core.problems import Problem
from macros.load.history import History
from macros.load.site import Site

# The one key on MkDocs' config under which the build is kept.
BUILD_KEY = "regiovisie_build"


@dataclass(frozen=True)
class Build:
    """A loaded site with its navigation and history, or the problems the preview shows."""

    site: Site | None = None
    # The navigation of one language (macros/stage/pages.py).
    nav: Callable[[str], list[Any]] | None = None
    # When each source file last changed (git), for "last updated" and citations.
    history: History | None = None
    # The editors' preview only: what stopped the build, and the interface strings to show it.
    problems: tuple[Problem, ...] | None = None
    strings: dict[str, dict[str, str]] | None = None

    @property
    def showing_problems(self) -> bool:
        """Whether this build shows the list of problems instead of the site."""
        return self.problems is not None

    @property
    def loaded(self) -> Site:
        """The site; only asked for where it was loaded (never while showing problems)."""
        assert self.site is not None, "no site was loaded in this build"
        return self.site
