"""The editors' preview (`make serve`) shows problems in the browser instead of hanging.

During `mkdocs serve` a failed check would stop the rebuild, and the browser tab would wait
for a site that never comes. In preview mode (``REGIOVISIE_PREVIEW=1``, set by `make serve`
only) the build goes on with four pages instead of the site: the home page and the "not
found" page, in both languages, each listing every problem with its file and line. The
MkDocs dev server answers every unknown address with that 404 page, so the editor sees the
list wherever they were. The pages reload themselves every few seconds; once the files are
fixed, the real site is back. `make build`, `make check` and CI never see these pages: there
a problem still stops the build.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from macros.core.problems import Problem
from macros.core.schema import LANGUAGES
from macros.core.templating import render_template

PREVIEW_VARIABLE = "REGIOVISIE_PREVIEW"
RELOAD_SECONDS = 3


def active() -> bool:
    """Whether this build is the editors' preview (make serve)."""
    return os.environ.get(PREVIEW_VARIABLE) == "1"


# A build that only needs the pages (the payload test's eleven builds) leaves out the PDFs and
# the preview images, as the editors' preview does; `make build` and CI always make them.
SKIP_DOWNLOADS_VARIABLE = "REGIOVISIE_SKIP_DOWNLOADS"


def downloads_skipped() -> bool:
    """Whether this build leaves out the PDFs and the link-preview images."""
    return active() or os.environ.get(SKIP_DOWNLOADS_VARIABLE) == "1"


def _strings(strings: dict[str, dict[str, str]], lang: str) -> dict[str, str]:
    return {key: texts[lang] for key, texts in strings.items()}


def stage_problem_pages(problems: list[Problem], strings: dict[str, dict[str, str]], stage: Path) -> list[Any]:
    """Replace the staged site by the problem pages; return the navigation for them."""
    errors = [str(p) for p in problems if not p.warning]
    warnings = [str(p) for p in problems if p.warning]
    bodies = {lang: render_template("preview.html", t=_strings(strings, lang), lang=lang, errors=errors, warnings=warnings) for lang in LANGUAGES}
    pages: dict[str, str] = {}
    for lang in LANGUAGES:
        front = yaml.safe_dump(
            {"title": strings["preview_title"][lang], "render_macros": False, "preview_reload": RELOAD_SECONDS, "hide": ["navigation", "toc"]},
            allow_unicode=True,
        )
        pages[f"index.{lang}.md"] = f"---\n{front}---\n\n{bodies[lang]}\n"
        # The dev server answers every unknown address, in any language, with the one /404.html.
        others = "\n".join(str(bodies[other]) for other in LANGUAGES if other != lang)
        pages[f"404.{lang}.md"] = f"---\n{front}---\n\n{bodies[lang]}\n\n{others}\n"
    if stage.exists():
        for file in sorted(stage.rglob("*"), reverse=True):
            file.unlink() if file.is_file() else file.rmdir()
    stage.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (stage / name).write_text(text, encoding="utf-8")
    return [{strings["home"][LANGUAGES[0]]: "index.md"}]
