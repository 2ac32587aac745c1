"""Load, pair and validate the content units in ``content/``.

One Markdown file per unit per language: ``content/<type>/<id>.<lang>.md``, YAML front
matter between ``---`` lines, then the body. Every problem is collected with its file
and line; :func:`load_units` returns the units and never raises for editor mistakes.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any

from macros.core.files import read_source
from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGE_ADJECTIVES_NL, LANGUAGE_NAMES, LANGUAGES, LINES, Where, check_mapping, compose
from macros.core.svg import check_svg
from macros.load.units import FENCE, HEADING, HEADING_ID, TYPES, YOUTH_PARTS, ContentType, Unit, Units, split_front_matter

# What a number in front matter is called in Dutch messages ("kies een ander nummer").
_NUMBER_WORDS_NL = {"number": "nummer", "order": "getal voor de volgorde"}

_FILE_NAME = re.compile(r"^(?P<id>[^.]+)\.(?P<lang>[^.]+)\.md$")


def check_body(body: str, first_line: int, path: str, problems: Problems) -> tuple[tuple[str, str], ...]:
    """Check the Markdown body; return its headings as (id, plain text), in order.

    Headings need an explicit ``{ #id }`` so that anchors are the same in both
    languages; ``{#`` would start a template comment once macros are on.
    """
    ids: list[str] = []
    texts: list[str] = []
    in_fence = False
    for number, line in enumerate(body.split("\n"), start=first_line):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if "{#" in line:
            problems.add(
                path,
                number,
                "body",
                Message(
                    nl='schrijf "{ #id }" met een spatie na "{": "{#" begint een opmerking die niet op de site komt',
                    en='write "{ #id }" with a space after "{": "{#" starts a template comment',
                ),
            )
            continue
        heading = HEADING.match(line)
        if not heading:
            continue
        if len(heading.group("hashes")) == 1:
            problems.add(
                path,
                number,
                "body",
                Message(
                    nl="een kop met één `#` mag niet: de titel van de pagina komt uit `title` (gebruik `## ` of meer `#`)",
                    en="a level-1 heading (`# `) is not allowed: the page title comes from `title` (expected `## ` or deeper)",
                ),
            )
            continue
        anchor = HEADING_ID.search(heading.group("text"))
        if not anchor:
            problems.add(
                path,
                number,
                "body",
                Message(
                    nl="deze tussenkop heeft geen id (schrijf `## Tekst { #korte-id }`, met hetzelfde id in beide talen)",
                    en="this heading has no id (expected `## Text { #short-id }`, the same id in both languages)",
                ),
            )
            continue
        if anchor.group("id") in ids:
            problems.add(
                path,
                number,
                "body",
                Message(
                    nl=f'het id "{anchor.group("id")}" staat twee keer op deze pagina (geef elke tussenkop een eigen id)',
                    en=f'heading id "{anchor.group("id")}" is used twice on this page (expected each id once)',
                ),
            )
            continue
        ids.append(anchor.group("id"))
        texts.append(heading.group("text")[: anchor.start()].replace("*", "").strip())
    return tuple(zip(ids, texts))


def _load_file(file: Path, root: Path, ctype: ContentType, problems: Problems) -> Unit | None:
    rel = file.relative_to(root).as_posix()
    match = _FILE_NAME.match(file.name)
    if not match or match.group("lang") not in LANGUAGES:
        problems.add(
            rel,
            1,
            "file name",
            Message(
                nl="noem het bestand `<id>.nl.md` of `<id>.en.md`, zoals `eigen-regie.nl.md`",
                en="expected `<id>.nl.md` or `<id>.en.md`, like `eigen-regie.nl.md`",
            ),
        )
        return None
    text = read_source(file, root, problems)
    if text is None:
        return None
    where = Where(rel, 1, problems)
    parts = split_front_matter(text, where)
    if parts is None:
        return None
    front, _, body, body_line = parts
    node = compose(front, where)
    if node is None:
        if front.strip():
            return None
        names = ", ".join(ctype.fields)
        problems.add(
            rel,
            1,
            "front matter",
            Message(nl=f"er staan geen velden (schrijf deze velden: {names})", en=f"there are no fields (expected: {names})"),
        )
        return None
    meta = check_mapping(node, ctype.fields, where)
    headings = check_body(body, body_line, rel, problems)
    if meta is None:
        return None
    field_lines = meta.pop(LINES)
    file_id = match.group("id")
    if meta.get("id") is not None and meta["id"] != file_id:
        problems.add(
            rel,
            field_lines.get("id", 1),
            "id",
            Message(
                nl=f'"{meta["id"]}" is anders dan de bestandsnaam (schrijf "{file_id}")',
                en=f'"{meta["id"]}" does not match the file name (expected "{file_id}")',
            ),
        )
    return Unit(ctype.name, file_id, match.group("lang"), rel, meta, body, body_line, headings, field_lines)


def _shown(value: Any) -> str:
    """A value as an editor wrote it: a list as its items with commas, text in quotes."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value) or "–"
    return f'"{value}"' if isinstance(value, str) else str(value)


def _check_pair(pair: dict[str, Unit], ctype: ContentType, problems: Problems) -> None:
    nl, en = pair["nl"], pair["en"]
    for name in ctype.shared:
        # A value that failed its own check is already reported; do not report it twice.
        if nl.meta.get(name) is None and name in nl.field_lines or en.meta.get(name) is None and name in en.field_lines:
            continue
        if nl.meta.get(name) != en.meta.get(name):
            problems.add(
                en.path,
                en.field_lines.get(name, 1),
                name,
                Message(
                    nl=f"is hier {_shown(en.meta.get(name))} maar {_shown(nl.meta.get(name))} in {nl.path} (schrijf in beide talen hetzelfde)",
                    en=f"is {_shown(en.meta.get(name))} here but {_shown(nl.meta.get(name))} in {nl.path} (expected the same value in both languages)",
                ),
            )
    for name in ("points", "goals", "quotes", *YOUTH_PARTS):
        nl_items, en_items = nl.meta.get(name) or [], en.meta.get(name) or []
        nl_ids = [i.get("id") for i in nl_items if i]
        en_ids = [i.get("id") for i in en_items if i]
        if nl_ids == en_ids:
            continue
        if len(nl_ids) == len(en_ids):
            # The same number of items: each changed id on its own line.
            for position, (item, en_id, nl_id) in enumerate(zip([i for i in en_items if i], en_ids, nl_ids), start=1):
                if en_id != nl_id:
                    problems.add(
                        en.path,
                        item.get(LINES, {}).get("id", en.field_lines.get(name, 1)),
                        f"{name}.id",
                        Message(
                            nl=f'"{en_id}" is hier het id van nummer {position}, maar in {nl.path} is dat "{nl_id}" (gebruik in beide talen hetzelfde id)',
                            en=f'"{en_id}" is the id of item {position} here, but "{nl_id}" in {nl.path} (expected the same id in both languages)',
                        ),
                    )
            continue
        problems.add(
            en.path,
            en.field_lines.get(name, 1),
            name,
            Message(
                nl=f"hier staan {len(en_ids)} ({_shown(en_ids)}), in {nl.path} {len(nl_ids)} ({_shown(nl_ids)}) "
                "(gebruik dezelfde ids in dezelfde volgorde)",
                en=f"{len(en_ids)} here ({_shown(en_ids)}), {len(nl_ids)} in {nl.path} ({_shown(nl_ids)}) (expected the same ids in the same order)",
            ),
        )

    if nl.meta.get("overview") != en.meta.get("overview"):
        problems.add(
            en.path,
            en.field_lines.get("overview", 1),
            "overview",
            Message(
                nl=f"is anders dan in {nl.path} (gebruik dezelfde ids van tussenkoppen)",
                en=f"differs from {nl.path} (expected the same heading ids)",
            ),
        )
    for unit in (nl, en):
        for heading_id in unit.meta.get("overview") or []:
            if heading_id and heading_id not in unit.heading_ids:
                ids = ", ".join(unit.heading_ids)
                problems.add(
                    unit.path,
                    unit.field_lines["overview"],
                    "overview",
                    Message(
                        nl=f'"{heading_id}" is geen id van een tussenkop op deze pagina (kies uit: {ids})',
                        en=f'"{heading_id}" is not a heading id of this page (expected one of: {ids})',
                    ),
                )
    if nl.heading_ids != en.heading_ids:
        problems.add(
            en.path,
            en.body_line,
            "body",
            Message(
                nl=f"de ids van de tussenkoppen ({_shown(list(en.heading_ids))}) zijn anders dan in {nl.path} ({_shown(list(nl.heading_ids))}) "
                "(gebruik dezelfde ids in dezelfde volgorde)",
                en=f"heading ids ({_shown(list(en.heading_ids))}) differ from {nl.path} ({_shown(list(nl.heading_ids))}) "
                "(expected the same ids in the same order)",
            ),
        )


def load_units(root: Path, problems: Problems) -> Units:
    """Load every unit under ``root/content``, pair the languages and check references."""
    by_type: dict[str, dict[str, dict[str, Unit]]] = {}
    # Units whose files exist but have errors of their own: references to them are not reported again.
    failed: set[str] = set()
    content = root / "content"
    for ctype in TYPES.values():
        found: dict[str, dict[str, Unit]] = {}
        # Files that exist but could not be read are reported already; not as missing too.
        unreadable: set[str] = set()
        folder = content / ctype.folder
        for file in sorted(folder.glob("*")) if folder.is_dir() else []:
            if file.name.startswith(".") or file.is_dir():
                continue
            if ctype.name == "personas" and file.suffix == ".svg":
                continue  # a portrait, checked by load_portraits
            unit = _load_file(file, root, ctype, problems)
            if unit is not None:
                found.setdefault(unit.id, {})[unit.lang] = unit
            else:
                unreadable.add(file.name)
                failed.add(file.name.split(".")[0])
        complete: dict[str, dict[str, Unit]] = {}
        for unit_id, pair in found.items():
            for lang in LANGUAGES:
                if lang not in pair and f"{unit_id}.{lang}.md" not in unreadable:
                    other = next(iter(pair.values()))
                    missing = f"content/{ctype.folder}/{unit_id}.{lang}.md"
                    problems.add(
                        other.path,
                        1,
                        "translation",
                        Message(
                            nl=f"de {LANGUAGE_ADJECTIVES_NL[lang]} versie ontbreekt (maak een bestand {missing})",
                            en=f"the {LANGUAGE_NAMES[lang]} version is missing (expected a file {missing})",
                        ),
                    )
            if len(pair) == len(LANGUAGES):
                _check_pair(pair, ctype, problems)
                complete[unit_id] = pair
            else:
                failed.add(unit_id)
        by_type[ctype.name] = complete
    units = Units(by_type)
    _check_across(units, problems, failed)
    return units


def _check_across(units: Units, problems: Problems, failed: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Checks that span units: unique ids and numbers, quote themes that exist."""
    owner: dict[str, Unit] = {}
    for type_name, pairs in units.by_type.items():
        for unit_id, pair in pairs.items():
            unit = pair["nl"]
            if unit_id in owner:
                problems.add(
                    unit.path,
                    1,
                    "id",
                    Message(
                        nl=f'"{unit_id}" wordt al gebruikt in {owner[unit_id].path} (kies een ander id)',
                        en=f'"{unit_id}" is already used by {owner[unit_id].path} (expected a unique id)',
                    ),
                )
            else:
                owner[unit_id] = unit
    for type_name, key in (("vision", "order"), ("principles", "number")):
        taken: dict[Any, Unit] = {}
        for unit in units.ordered(type_name, "nl"):
            value = unit.meta.get(key)
            if value is None:
                continue
            if value in taken:
                problems.add(
                    unit.path,
                    unit.field_lines.get(key, 1),
                    key,
                    Message(
                        nl=f"{value} wordt al gebruikt in {taken[value].path} (kies een ander {_NUMBER_WORDS_NL[key]})",
                        en=f"{value} is already used by {taken[value].path} (expected a unique {key})",
                    ),
                )
            else:
                taken[value] = unit
    themes = {unit_id: pair["nl"] for t in ("vision", "principles") for unit_id, pair in units.by_type[t].items()}
    _check_youth(units, themes, failed, problems)
    for pair in units.by_type["personas"].values():
        valid: dict[str, dict[str, str]] = {}
        for lang, unit in pair.items():
            for quote in unit.meta.get("quotes") or []:
                theme = quote and quote.get("theme")
                if theme and theme.partition("#")[0] in failed:
                    continue  # that unit's own problem is reported; its theme cannot be checked now
                if theme and _check_theme(theme, themes, unit, quote, problems):
                    valid.setdefault(quote["id"], {})[lang] = theme
        en = pair["en"]
        for quote in en.meta.get("quotes") or []:
            both = valid.get(quote and quote.get("id"), {})
            if len(both) == 2 and both["nl"] != both["en"]:
                problems.add(
                    en.path,
                    quote[LINES].get("theme", 1),
                    f"quotes.{quote['id']}.theme",
                    Message(
                        nl=f'is hier "{both["en"]}" maar "{both["nl"]}" in {pair["nl"].path} (gebruik in beide talen hetzelfde `theme`)',
                        en=f'is "{both["en"]}" here but "{both["nl"]}" in {pair["nl"].path} (expected the same theme)',
                    ),
                )


def _check_youth(units: Units, themes: dict[str, Unit], failed: set[str], problems: Problems) -> None:
    """Every sentence for young people names a part of the vision that exists; every story it shows exists."""
    personas = units.by_type["personas"]
    for pair in units.by_type.get("youth", {}).values():
        for unit in pair.values():
            for part in YOUTH_PARTS:
                for item in unit.meta.get(part) or []:
                    source = isinstance(item, dict) and item.get("from")
                    if source and source.partition("#")[0] not in failed:
                        _check_reference(source, themes, unit, f"{part}.{item.get('id')}.from", item[LINES].get("from", 1), problems)
            for number, persona in enumerate(unit.meta.get("stories") or []):
                if persona not in personas:
                    known = ", ".join(sorted(personas))
                    problems.add(
                        unit.path,
                        unit.field_lines.get("stories", 1) + number + 1,
                        "stories",
                        Message(
                            nl=f'"{persona}" is geen persoon (kies uit: {known or "nog geen"})',
                            en=f'"{persona}" is not a persona (expected one of: {known or "none yet"})',
                        ),
                    )


def _check_theme(theme: str, themes: dict[str, Unit], unit: Unit, quote: dict[str, Any], problems: Problems) -> bool:
    """A quote's theme: a vision section or principle id, optionally `#heading-id`."""
    return _check_reference(theme, themes, unit, f"quotes.{quote.get('id')}.theme", quote[LINES].get("theme", 1), problems)


def _check_reference(theme: str, themes: dict[str, Unit], unit: Unit, field_name: str, line: int, problems: Problems) -> bool:
    """A reference to the vision: a vision section or principle id, optionally `#heading-id`."""
    target_id, _, anchor = theme.partition("#")
    if target_id not in themes:
        close = difflib.get_close_matches(target_id, list(themes), n=1)
        known = ", ".join(sorted(themes))
        hint = (
            Message(nl=f'bedoel je "{close[0]}"?', en=f'did you mean "{close[0]}"?')
            if close
            else Message(nl=f"kies uit: {known}", en=f"expected one of: {known}")
        )
        problems.add(
            unit.path,
            line,
            field_name,
            Message(
                nl=f'"{target_id}" is geen onderdeel van de visie en geen principe ({hint.nl})',
                en=f'"{target_id}" is not a vision section or principle ({hint.en})',
            ),
        )
        return False
    if anchor and anchor not in themes[target_id].heading_ids:
        ids = ", ".join(themes[target_id].heading_ids)
        problems.add(
            unit.path,
            line,
            field_name,
            Message(
                nl=f'"{anchor}" is geen id van een tussenkop in {themes[target_id].path} (kies uit: {ids or "geen"})',
                en=f'"{anchor}" is not a heading id in {themes[target_id].path} (expected one of: {ids or "none"})',
            ),
        )
        return False
    return True


def load_portraits(root: Path, units: Units, problems: Problems) -> dict[str, Path]:
    """The drawings beside the personas (``content/personas/<id>.svg``), checked as safe SVG."""
    folder = root / "content" / TYPES["personas"].folder
    portraits: dict[str, Path] = {}
    for file in sorted(folder.glob("*.svg")) if folder.is_dir() else []:
        persona = file.name[: -len(".svg")]
        if persona not in units.by_type["personas"]:
            if any(folder.glob(f"{persona}.*.md")):
                continue  # the persona's own files have errors, reported there
            rel = file.relative_to(root).as_posix()
            known = ", ".join(sorted(units.by_type["personas"]))
            problems.add(
                rel,
                1,
                "file name",
                Message(
                    nl=f"er is geen persoon {persona!r} bij deze tekening (noem de tekening naar het id van een persoon: {known or 'nog geen'})",
                    en=f"there is no persona {persona!r} for this drawing (expected the id of a persona: {known or 'none yet'})",
                ),
            )
        elif check_svg(file, root, problems):
            portraits[persona] = file
    return portraits
