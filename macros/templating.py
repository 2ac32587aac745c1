"""The one Jinja environment for our markup: autoescaped, strict about undefined names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_template(name: str, **context: Any) -> Markup:
    """Render one template from macros/templates/ to safe markup.

    Blank lines are removed: Python-Markdown would end a raw HTML block at one.
    """
    html = _ENV.get_template(name).render(**context)
    return Markup("\n".join(line for line in html.split("\n") if line.strip()))
