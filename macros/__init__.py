"""The engine of the site: one package per stage of a build (README, "How a build works").

    core  <-  load  <-  render  <-  stage, publish  <-  theme, cli

A stage imports only the stages to its left (checked by import-linter, ``pyproject.toml``).
mkdocs-macros loads this package by name (``module_name: macros`` in mkdocs.yml) and calls
:func:`define_env`; nothing is imported here at the top, so ``make check`` (which imports
``macros.cli.check``) pays for no renderer, PDF or image library.
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    """Register the macros editors may use (``macros/theme/macros.py``)."""
    # Imported here, not above: the theme layer (MkDocs, the renderers, the PDFs' list of
    # downloads) is needed by the build only, and importing any module of the package runs
    # this file first.
    from macros.theme.macros import define_env as register

    register(env)
