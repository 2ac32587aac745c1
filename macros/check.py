"""Editors' checks without a build: ``make check``, ``make translations``, ``make register``.

``python -m macros.check`` reads content/, data/ and docs/, runs every check the build
runs before rendering, and prints every problem at once, grouped by file. It takes about
half a second and needs no browser. Exit status 1 when there is an error.

The frame of the report is Dutch, for the editors; each message is the same English line
the build prints (pinned in the tests), and REDACTIE.md explains every one in Dutch.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import translations
from .addresses import REGISTER, write_register
from .problems import ContentError, Problem
from .site import DOCS, load_site

ROOT = Path(__file__).resolve().parent.parent


def _print_grouped(problems: list[Problem]) -> None:
    current = None
    for problem in sorted(problems, key=lambda p: (p.path, p.line, p.warning)):
        if problem.path != current:
            current = problem.path
            print(f"\n{problem.path}")
        kind = "waarschuwing (warning)" if problem.warning else "fout (error)"
        print(f"  regel {problem.line}: {kind}: {problem.field}: {problem.message}")


def run_check(root: Path) -> int:
    """Check everything; print the report; return the exit status."""
    try:
        site = load_site(root, DOCS)
    except ContentError as error:
        _print_grouped(error.problems)
        errors = sum(not p.warning for p in error.problems)
        warnings = len(error.problems) - errors
        print(f"\n{errors} fout(en), {warnings} waarschuwing(en). Zolang er een fout is, wordt de site niet gebouwd of gepubliceerd.")
        print("Elke melding zegt wat je moet schrijven (expected …). REDACTIE.md legt elke melding uit.")
        return 1
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
