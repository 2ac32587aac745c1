"""The one Jinja environment for our markup: autoescaped, strict about undefined names.

Everything an editor writes in front matter or in ``data/`` is plain text. Our markup
lands in two places that read it again: Python-Markdown (a macro's output is part of the
page's Markdown) and mkdocs-macros (which renders Jinja in page titles). So plain text is
escaped for all three at once, by :func:`plain`, wherever a template prints a value: a
``[link](javascript:…)``, ``*emphasis*`` or ``{{ … }}`` in a title stays the text it is.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

# The engine's components, one folder each (macros/components/<component>/): its templates for
# the site and, where it is printed, for paper with its style sheet. A template is named by its
# file name alone, so a component can move between folders without its callers knowing.
COMPONENTS = Path(__file__).resolve().parents[1] / "components"
_FOLDERS = sorted(folder for folder in COMPONENTS.iterdir() if folder.is_dir())


def component_file(name: str) -> Path:
    """A component's file by its name, like ``brochure.css``."""
    found = [folder / name for folder in _FOLDERS if (folder / name).is_file()]
    if len(found) != 1:
        raise LookupError(f"expected one file {name} in macros/components/, found {len(found)}")
    return found[0]

# Characters that mean something to Markdown inline syntax or to Jinja, written as numeric
# character references: the browser shows the character, Markdown and Jinja see none.
_INERT = str.maketrans({char: f"&#{ord(char)};" for char in "\\`*_[]{}"})


def plain(value: Any) -> Markup:
    """Plain text made safe for HTML, for Python-Markdown and for Jinja; markup passes as it is."""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return Markup(value)
    return Markup(str(escape(str(value))).translate(_INERT))


def _finalize(value: Any) -> Any:
    # Numbers stay numbers (for formatting filters); every string is escaped by `plain`.
    return plain(value) if isinstance(value, str) else value


# Compiled templates are kept between builds in Jinja's bytecode cache, which knows each file by
# its path and contents; compiling them took a third of our own share of a preview build. An
# environment's options shape the compiled code too, so each environment has its own folder,
# named by those options and Jinja's version.
CACHE = Path(__file__).resolve().parents[2] / ".build" / "jinja"


def options(env: Environment) -> str:
    """The options of ``env`` that shape the code its templates compile to."""
    escape_option = env.autoescape
    return repr(
        (
            env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, sorted(env.extensions),
            env.optimized, env.is_async, env.finalize is not None,
            getattr(escape_option, "__qualname__", escape_option),
        )
    )  # fmt: skip


def bytecode_cache(name: str, *settings: str) -> FileSystemBytecodeCache | None:
    """A bytecode cache for one environment and its ``settings``; none where it cannot be kept."""
    key = hashlib.sha256("\0".join((jinja2.__version__, *settings)).encode()).hexdigest()[:16]
    folder = CACHE / f"{name}-{key}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(folder))


_ENV = Environment(
    loader=FileSystemLoader(_FOLDERS),
    autoescape=True,
    finalize=_finalize,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_ENV.bytecode_cache = bytecode_cache("components", options(_ENV))


def render_template(name: str, **context: Any) -> Markup:
    """Render one component's template (macros/components/) to safe markup.

    Blank lines are removed: Python-Markdown would end a raw HTML block at one.
    """
    html = _ENV.get_template(name).render(**context)
    return Markup("\n".join(line for line in html.split("\n") if line.strip()))
