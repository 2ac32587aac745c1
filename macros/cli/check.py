"""Editors' checks without a build: ``make check``, ``make translations``, ``make register``.

``python -m macros.check`` reads content/, data/ and docs/, runs every check the build
runs before rendering, and prints every problem at once, grouped by file. It takes about
half a second and needs no browser. Exit status 1 when there is an error.

The report and its messages are Dutch, for the editors (``REGIOVISIE_MESSAGES=en`` gives the
messages in English); REDACTIE.md explains every one. On GitHub Actions (``GITHUB_ACTIONS``
set) each problem is also written as a workflow annotation, so a pull request shows it on its
own line, and the whole list goes into the job summary.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.core.problems import ContentError, Problem
from macros.load import translations
from macros.load.addresses import REGISTER, write_register
from macros.load.site import DOCS, load_site

ROOT = Path(__file__).resolve().parents[2]


def causes_first(problems: list[Problem]) -> list[Problem]:
    """Files that cannot be read first (what follows may be a consequence), then by file and line."""
    unreadable = {p.path for p in problems if p.cause}
    return sorted(problems, key=lambda p: (p.path not in unreadable, p.path, p.line, p.warning))


def _print_grouped(problems: list[Problem]) -> None:
    current = None
    for problem in causes_first(problems):
        if problem.path != current:
            current = problem.path
            print(f"\n{problem.path}")
        kind = "waarschuwing (warning)" if problem.warning else "fout (error)"
        print(f"  regel {problem.line}: {kind}: {problem.field}: {problem.message}")


def _escape(text: str, property_value: bool = False) -> str:
    """Text for a GitHub workflow command: %, CR and LF encoded, and in a property also : and ,."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def annotations(problems: list[Problem], root: Path, base: Path) -> list[str]:
    """Each problem as a GitHub workflow command, so the pull request shows it on its line.

    ``path`` is relative to the region's folder; GitHub wants it relative to the repository
    (``base``): for a region in a subfolder the folder is put in front.
    """
    lines = []
    # GitHub shows the first ten of a step on the pull request: the causes lead.
    for problem in causes_first(problems):
        where = (root / problem.path).resolve()
        path = where.relative_to(base.resolve()).as_posix() if where.is_relative_to(base.resolve()) else problem.path
        kind = "warning" if problem.warning else "error"
        title = f"{problem.field}"
        lines.append(f"::{kind} file={_escape(path, True)},line={problem.line},title={_escape(title, True)}::{_escape(problem.message)}")
    return lines


def summary(problems: list[Problem]) -> str:
    """The problems as a Markdown table for the job summary (Dutch, like the editors' guide)."""
    errors = sum(not p.warning for p in problems)
    if not problems:
        return "## Controle van teksten en cijfers\n\nGeen fouten en geen waarschuwingen.\n"
    rows = ["## Controle van teksten en cijfers", "", f"{errors} fout(en), {len(problems) - errors} waarschuwing(en). Zolang er een fout is, wordt de site niet gebouwd of gepubliceerd.", ""]
    rows += ["| bestand | regel | soort | veld | wat je moet doen |", "|---|---|---|---|---|"]
    for problem in causes_first(problems):
        kind = "waarschuwing" if problem.warning else "fout"
        cells = [problem.path, str(problem.line), kind, problem.field, problem.message]
        rows.append("| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |")
    rows += ["", "In REDACTIE.md staat wat elke melding betekent."]
    return "\n".join(rows) + "\n"


def _report_to_github(problems: list[Problem], root: Path) -> None:
    """On GitHub Actions: annotations on the pull request's lines and a job summary."""
    if not os.environ.get("GITHUB_ACTIONS"):
        return
    for line in annotations(problems, root, Path(os.environ.get("GITHUB_WORKSPACE") or Path.cwd())):
        print(line)
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as file:
            file.write(summary(problems))


def run_check(root: Path) -> int:
    """Check everything; print the report; return the exit status."""
    try:
        site = load_site(root, DOCS)
    except ContentError as error:
        _report_to_github(error.problems, root)
        _print_grouped(error.problems)
        errors = sum(not p.warning for p in error.problems)
        warnings = len(error.problems) - errors
        print(f"\n{errors} fout(en), {warnings} waarschuwing(en). Zolang er een fout is, wordt de site niet gebouwd of gepubliceerd.")
        print("Elke melding zegt wat je moet schrijven. REDACTIE.md legt elke melding uit.")
        return 1
    _report_to_github(site.warnings, root)
    _print_grouped(site.warnings)
    pages = sum(len(pairs) for pairs in site.units.by_type.values())
    print(f"\nGeen fouten: {pages} onderdelen in twee talen, {len(site.indicators)} cijfers, {len(site.addresses.current)} adressen.")
    if site.warnings:
        print(f"{len(site.warnings)} waarschuwing(en): de site kan gebouwd worden, maar kijk er wel naar.")
    return 0


def run_translations(root: Path) -> int:
    """Print the translation table; exit 1 when a translation is missing or not recorded."""
    found = translations.scan(root, [(root / "content", "content"), (DOCS, "docs")])
    print(translations.table(found))
    return 1 if any(item.status in ("missing", "not recorded") for item in found) else 0


def run_register(root: Path) -> int:
    """Add the site's new addresses to data/addresses.txt (only when the content is valid)."""
    if not (root / REGISTER).is_file():
        write_register(root, [])
    try:
        site = load_site(root, DOCS)
    except ContentError as error:
        blocking = [p for p in error.problems if not p.warning]
        _print_grouped(blocking)
        print(f"\n{len(blocking)} fout(en): los die eerst op (`make check`) en draai dan opnieuw `make register`.")
        return 1
    added = write_register(root, site.unregistered)
    print(f"{added} nieuwe adres(sen) toegevoegd aan {REGISTER}." if added else f"{REGISTER} bevat alle adressen al.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(prog="python -m macros.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("what", nargs="?", choices=("check", "translations", "register"), default="check")
    # `make check REGION=…` sets REGIOVISIE_REGION, as for the build.
    region = Path(os.environ.get("REGIOVISIE_REGION") or ROOT)
    parser.add_argument("--root", type=Path, default=region, help="the region's folder, with content/ and data/")
    args = parser.parse_args(argv)
    action = {"check": run_check, "translations": run_translations, "register": run_register}[args.what]
    return action(args.root)


if __name__ == "__main__":
    sys.exit(main())
