"""A small declarative schema for what editors write in YAML.

Why not plain ``yaml.safe_load``: editors need the line of every mistake, and PyYAML
forgets lines once it builds Python objects, and silently keeps the last of two equal
keys. So we compose the YAML into nodes (which keep their position), check each node
against a :class:`Field`, and only then turn it into Python values.
"""

from __future__ import annotations

import datetime
import difflib
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import yaml

from macros.core.problems import Message, Problems
from macros.core.text_checks import check_value

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGES = ("nl", "en")
LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}
# The same in Dutch messages, as the word before a noun: "de Engelse tekst".
LANGUAGE_ADJECTIVES_NL = {"nl": "Nederlandse", "en": "Engelse"}
# The C parser, where PyYAML was built with libyaml (see compose).
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)
# Key under which check_mapping keeps the line of every field of a checked mapping.
LINES = "_lines"


@dataclass(frozen=True)
class Field:
    """What one key may hold.

    ``kind`` is one of: text, id, int, number, bool, date, texts (nl + en), list, map, dict
    (free keys, for example years). ``expected`` is the plain-words hint shown to editors, in
    both languages: what to write, in words that follow "schrijf …" and "expected …".

    Every string an editor writes in a field is plain text (``text``, ``texts``, ``id``):
    it is escaped wherever it lands (``macros/templating.plain``). Markdown is written in
    a page's body only, and checked there (``macros/load/markup.py``); no field holds Markdown.
    """

    kind: str
    expected: Message
    required: bool = True
    item: Field | None = None
    fields: dict[str, Field] | None = None
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] | None = None
    key: Field | None = None
    min_items: int = 0


# Every kind of field, for tests that walk the schemas: the string kinds are plain text.
PLAIN_TEXT_KINDS = ("text", "id")
SCALAR_KINDS = (*PLAIN_TEXT_KINDS, "int", "number", "bool", "date")


class LinedDict(dict):  # type: ignore[type-arg]
    """A checked ``dict`` field that remembers the line of each key, for later checks."""

    lines: dict[Any, int]


@dataclass
class Where:
    """Where a checked value came from: file and (1-based) line offset of the YAML."""

    path: str
    line_offset: int = 0
    problems: Problems = field(default_factory=Problems)

    def line(self, node: yaml.Node) -> int:
        """The 1-based line of ``node`` in the file."""
        return node.start_mark.line + 1 + self.line_offset


def compose(text: str, where: Where, first_line: int = 1) -> yaml.Node | None:
    """Parse YAML text into nodes, reporting a syntax error with its line.

    libyaml (C) composes the nodes when PyYAML has it, several times faster; a file it
    refuses is read again by the Python parser, whose messages the guide explains.
    """
    if _FAST_LOADER is not None:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + where.line_offset) if mark else first_line
        reason = error.problem or "the YAML cannot be read"
        start = None
        if error.context and error.context_mark and error.context_mark is not mark:
            start = error.context_mark.line + 1 + where.line_offset
            if error.context == "while scanning a quoted scalar":
                # A quote that is never closed: the mistake is where it opens, not where
                # YAML gave up reading (often many lines further down).
                line = start
                reason += f" {error.context} that starts on this line"
            else:
                reason += f" {error.context} that starts on line {start}"
        hidden = _hidden_cause(text, line - where.line_offset)
        if hidden is not None:
            # A character the editor cannot see (or tell apart) is the cause: name it on its own line.
            line = hidden[0] + where.line_offset
            where.problems.add(where.path, line, "yaml", hidden[1])
            return None
        where.problems.add(
            where.path,
            line,
            "yaml",
            Message(
                nl=f"{_yaml_reason_nl(error, start)} (schrijf op elke regel `veld: waarde`; zet tekst met een dubbele punt tussen aanhalingstekens)",
                en=f"{reason} (expected `key: value` on each line; put text with a colon in quotes)",
            ),
        )
        return None


# Spaces that look like a space but are not one to YAML, often pasted from Word or a web page.
_SPECIAL_SPACES = {"\u00a0": "vaste spatie", "\u2007": "cijferspatie", "\u202f": "smalle vaste spatie", "\u2009": "dunne spatie"}
_CURLY = "“”„‟‘’‚‛«»"
_KEY_WITH_SPACE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:([\u00a0\u2007\u202f\u2009])")
_CURLY_VALUE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][\w-]*:\s*[“”„‟‘’‚‛«»]|^\s*[“”„‟‘’‚‛«»][^:]*[“”„‟‘’‚‛«»]\s*:")


def _hidden_cause(text: str, line: int) -> tuple[int, Message] | None:
    """A special space after a field's colon, or curly quotes, on the line YAML stopped on or
    the one before: the likely cause, named as such (PyYAML names only what followed)."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if not 1 <= number <= len(lines):
            continue
        source = lines[number - 1]
        space = _KEY_WITH_SPACE.match(source)
        if space:
            char = space.group(1)
            code = f"U+{ord(char):04X}"
            return number, Message(
                nl=f"na de dubbele punt staat een {_SPECIAL_SPACES[char]} ({code}, vaak meegeplakt uit Word of een website): "
                "vervang die door een gewone spatie",
                en=f"after the colon stands a special space ({code}, often pasted from Word or a web page): replace it with an ordinary space",
            )
        if _CURLY_VALUE.match(source):
            return number, Message(
                nl="op deze regel staan gekrulde aanhalingstekens (“ ” of ‘ ’), die YAML niet als aanhalingstekens leest: "
                'typ ze opnieuw als rechte aanhalingstekens (") of laat ze weg',
                en='this line has curly quotes (“ ” or ‘ ’), which YAML does not read as quotes: type straight quotes (") instead, or leave them out',
            )
    return None


# PyYAML's reasons in English, with their plain Dutch for editors (the start of the reason;
# others are shown as PyYAML wrote them, inside a Dutch sentence).
_YAML_PROBLEMS_NL = {
    "found character '\\t'": "hier staat een tab: gebruik spaties",
    "found character": "met dit teken kan een waarde niet beginnen: zet de tekst tussen aanhalingstekens",
    "found unexpected end of stream": "de velden houden op voordat de tekst af is",
    "mapping values are not allowed here": "hier staat een dubbele punt die niet mag",
    "could not find expected ':'": "hier mist een dubbele punt",
    "expected <block end>": "de inspringing klopt niet: zet de regels van één blok recht onder elkaar",
    "expected ',' or ']'": "hier mist een komma of de ] aan het eind",
    "expected ',' or '}'": "hier mist een komma of de } aan het eind",
    "sequence entries are not allowed here": "hier mag geen streepje (-) staan",
}
# Where PyYAML was when it stopped, with the word that refers back to it ("die"/"dat").
_YAML_CONTEXTS_NL = {
    "while scanning a quoted scalar": ("in de tekst tussen aanhalingstekens", "die"),
    "while scanning a simple key": ("in de veldnaam", "die"),
    "while scanning a block scalar": ("in het tekstblok", "dat"),
    "while parsing a block mapping": ("in het blok velden", "dat"),
    "while parsing a block collection": ("in de lijst", "die"),
    "while parsing a flow mapping": ("in het blok tussen { }", "dat"),
    "while parsing a flow sequence": ("in de lijst tussen [ ]", "die"),
}


def _yaml_reason_nl(error: yaml.MarkedYAMLError, start: int | None) -> str:
    """PyYAML's reason in plain Dutch; ``start`` is the line where the part it read began."""
    problem = error.problem or ""
    context = error.context or ""
    if problem.startswith("found unexpected end of stream") and context == "while scanning a quoted scalar" and start:
        return "het aanhalingsteken op deze regel wordt niet gesloten: zet hetzelfde aanhalingsteken aan het eind van de tekst"
    reason = next((nl for en, nl in _YAML_PROBLEMS_NL.items() if problem.startswith(en)), None)
    if reason is None:
        reason = f"de velden zijn hier niet te lezen ({problem})" if problem else "de velden zijn niet te lezen"
    if start:
        where, pronoun = _YAML_CONTEXTS_NL.get(context, ("in het deel", "dat"))
        reason += f", {where} {pronoun} begint op regel {start}"
    return reason


# One constructor per thread serves every scalar (making a loader per scalar was a cost per
# field); a scalar holds no references, so nothing is kept between calls.
_LOCAL = threading.local()


def _scalar_value(node: yaml.ScalarNode) -> Any:
    # The safe constructor gives the same types as yaml.safe_load for one scalar.
    constructor = getattr(_LOCAL, "constructor", None)
    if constructor is None:
        constructor = _LOCAL.constructor = yaml.constructor.SafeConstructor()
    if node.tag == "tag:yaml.org,2002:str":
        return constructor.construct_scalar(node)
    value = constructor.construct_object(node)
    constructor.constructed_objects.clear()
    return value


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"'
    if value is None:
        return "nothing"
    return str(value)


def check(node: yaml.Node | None, spec: Field, where: Where, name: str) -> Any:
    """Check ``node`` against ``spec``; return the Python value or None on a problem."""
    if node is None:
        return None
    line = where.line(node)
    kind = spec.kind
    if kind in ("map", "texts"):
        fields = spec.fields if kind == "map" else _texts_fields(spec)
        return check_mapping(node, fields or {}, where, name)
    if kind == "dict":
        return _check_dict(node, spec, where, name)
    if kind == "list":
        if not isinstance(node, yaml.SequenceNode):
            where.problems.add(
                where.path,
                line,
                name,
                Message(nl=f"schrijf een lijst ({spec.expected.nl})", en=f"expected a list ({spec.expected.en})"),
            )
            return None
        if len(node.value) < spec.min_items:
            where.problems.add(
                where.path,
                line,
                name,
                Message(
                    nl=f"de lijst is te kort: schrijf er minstens {spec.min_items} ({spec.expected.nl})",
                    en=f"expected at least {spec.min_items} items ({spec.expected.en})",
                ),
            )
        assert spec.item is not None
        return [check(child, spec.item, where, name) for child in node.value]
    if not isinstance(node, yaml.ScalarNode):
        where.problems.add(
            where.path,
            line,
            name,
            Message(
                nl=f"schrijf {spec.expected.nl}, geen lijst of blok",
                en=f"expected {spec.expected.en}, got a list or a block",
            ),
        )
        return None
    return _check_scalar(_scalar_value(node), spec, where, line, name)


def _check_scalar(value: Any, spec: Field, where: Where, line: int, name: str) -> Any:
    kind = spec.kind
    bad = False
    if kind in ("text", "id"):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        bad = not isinstance(value, str) or not value.strip()
        if not bad:
            # A YAML escape ("\u202e", "\a") writes a hidden character that the file itself
            # does not show: the parsed text is checked as the file was (text_checks.py).
            check_value(where.path, line, name, value, where.problems)
        if not bad and kind == "id" and not ID_PATTERN.match(value):
            where.problems.add(
                where.path,
                line,
                name,
                Message(
                    nl=f"{_describe(value)} is geen goed id (schrijf {spec.expected.nl}, "
                    "met kleine letters, cijfers en losse streepjes, zoals `eigen-regie`)",
                    en=f"{_describe(value)} is not a valid id (expected {spec.expected.en}: "
                    "lower-case letters, digits and single hyphens, like `eigen-regie`)",
                ),
            )
            return None
    elif kind == "int":
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value.strip()):
            # A whole number in quotes ('2025'): read as the number it says.
            value = int(value)
        bad = isinstance(value, bool) or not isinstance(value, int)
    elif kind == "number":
        bad = isinstance(value, bool) or not isinstance(value, (int, float))
    elif kind == "bool":
        bad = not isinstance(value, bool)
    elif kind == "date":
        # YAML reads 2026-11-22 as a date; anything else is not one.
        bad = not isinstance(value, datetime.date) or isinstance(value, datetime.datetime)
    if bad:
        empty = value is None or isinstance(value, str) and not value.strip()
        where.problems.add(
            where.path,
            line,
            name,
            Message(
                nl=f"schrijf {spec.expected.nl}" + (": het veld is leeg" if empty else f", niet {_describe(value)}"),
                en=f"expected {spec.expected.en}, got {_describe(value)}",
            ),
        )
        return None
    if spec.choices is not None and value not in spec.choices:
        options = ", ".join(spec.choices)
        where.problems.add(
            where.path,
            line,
            name,
            Message(
                nl=f"{_describe(value)} mag niet (kies uit: {options})",
                en=f"{_describe(value)} is not allowed (expected one of: {options})",
            ),
        )
        return None
    if spec.minimum is not None and value < spec.minimum or spec.maximum is not None and value > spec.maximum:
        where.problems.add(
            where.path,
            line,
            name,
            Message(
                nl=f"{_describe(value)} is te {'klein' if spec.minimum is not None and value < spec.minimum else 'groot'} "
                f"(schrijf {spec.expected.nl})",
                en=f"{_describe(value)} is out of range (expected {spec.expected.en})",
            ),
        )
        return None
    return value.strip() if isinstance(value, str) else value


def _texts_fields(spec: Field) -> dict[str, Field]:
    return {
        lang: Field(
            "text",
            Message(
                nl=f"de {LANGUAGE_ADJECTIVES_NL[lang]} tekst van {spec.expected.nl}",
                en=f"the {LANGUAGE_NAMES[lang]} text of {spec.expected.en}",
            ),
            required=spec.required,
        )
        for lang in LANGUAGES
    }


def _check_dict(node: yaml.Node, spec: Field, where: Where, name: str) -> LinedDict | None:
    if not isinstance(node, yaml.MappingNode):
        where.problems.add(
            where.path, where.line(node), name, Message(nl=f"schrijf {spec.expected.nl}", en=f"expected {spec.expected.en}")
        )
        return None
    result = LinedDict()
    result.lines = {}
    assert spec.key is not None and spec.item is not None
    for key_node, value_node in node.value:
        key = check(key_node, spec.key, where, name)
        if key is None:
            continue
        result.lines.setdefault(key, where.line(key_node))
        if key in result:
            where.problems.add(
                where.path,
                where.line(key_node),
                f"{name}.{key}",
                Message(nl="staat er twee keer in (schrijf het maar één keer)", en="appears twice (expected each once)"),
            )
            continue
        result[key] = check(value_node, spec.item, where, f"{name}.{key}")
    if len(result) < spec.min_items:
        where.problems.add(
            where.path,
            where.line(node),
            name,
            Message(
                nl=f"schrijf er minstens {spec.min_items} ({spec.expected.nl})",
                en=f"expected at least {spec.min_items} entries ({spec.expected.en})",
            ),
        )
    return result


def check_mapping(
    node: yaml.Node, fields: dict[str, Field], where: Where, name: str = ""
) -> dict[str, Any] | None:
    """Check a mapping: unknown, doubled and missing keys, then each value."""
    prefix = f"{name}." if name else ""
    if not isinstance(node, yaml.MappingNode):
        where.problems.add(
            where.path,
            where.line(node),
            name or "yaml",
            Message(
                nl="schrijf een blok regels met `veld: waarde` (de velden: " + ", ".join(fields) + ")",
                en="expected a block of `key: value` lines (expected: " + ", ".join(fields) + ")",
            ),
        )
        return None
    result: dict[str, Any] = {}
    seen: set[str] = set()
    lines: dict[str, int] = {"": where.line(node)}
    for key_node, value_node in node.value:
        key = str(_scalar_value(key_node)) if isinstance(key_node, yaml.ScalarNode) else "?"
        line = where.line(key_node)
        lines[key] = line
        if key in seen:
            where.problems.add(
                where.path,
                line,
                prefix + key,
                Message(nl="staat er twee keer in (schrijf elk veld maar één keer)", en="appears twice (expected each field once)"),
            )
            continue
        seen.add(key)
        if key not in fields and key.strip(_CURLY) in fields:
            where.problems.add(
                where.path,
                line,
                key.strip(_CURLY),
                Message(
                    nl=f"de veldnaam staat tussen gekrulde aanhalingstekens ({key}): schrijf alleen `{key.strip(_CURLY)}:`",
                    en=f"the field name is in curly quotes ({key}): expected just `{key.strip(_CURLY)}:`",
                ),
            )
            seen.add(key.strip(_CURLY))  # not "missing" as well: this is where it is
            continue
        if key not in fields:
            close = difflib.get_close_matches(key, list(fields), n=1, cutoff=0.6)
            hint = (
                Message(nl=f'bedoel je "{close[0]}"?', en=f'did you mean "{close[0]}"?')
                if close
                else Message(nl="kies uit: " + ", ".join(fields), en="expected one of: " + ", ".join(fields))
            )
            where.problems.add(
                where.path, line, prefix + key, Message(nl=f"onbekend veld ({hint.nl})", en=f"unknown field ({hint.en})")
            )
            continue
        result[key] = check(value_node, fields[key], where, prefix + key)
    for key, spec in fields.items():
        if spec.required and key not in seen:
            where.problems.add(
                where.path,
                where.line(node),
                prefix + key,
                Message(nl=f"ontbreekt (schrijf {spec.expected.nl})", en=f"missing (expected {spec.expected.en})"),
            )
        # Optional fields are present as None, so renderers never meet a missing key.
        result.setdefault(key, None)
    # Where each key stood, for checks that come later (references, pairs).
    result[LINES] = lines
    return result
