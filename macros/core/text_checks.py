"""What a reader cannot see: characters that hide, reorder or disguise text in an editor's file.

Every file an editor writes passes through :func:`scan` as it is read (``files.read_source``),
line by line, before any parser sees it, so each problem has its exact line. Three kinds:

- **Refused** (an error): control characters, bidirectional overrides and isolates (they
  show text in another order than it is stored: "Trojan Source"), invisible tag characters
  and variation selectors outside emoji (they smuggle hidden text), private-use and
  unassigned characters, line and paragraph separators, and any invisible character inside
  a web address (the link would lead somewhere else than it reads).
- **Removed with a warning**: zero-width spaces and joiners, word joiners and soft hyphens
  in ordinary text (often pasted from Word or a PDF; harmless once removed). A joiner between
  two emoji is part of the emoji and kept.
- **Allowed**: everything else, including the no-break spaces Dutch typography uses.

Homoglyphs in web addresses (a Cyrillic "а" in a host name) are checked where links are
checked (``check_address``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from macros.core.problems import Message, Problems

# Shown in messages as U+XXXX with a name an editor can search for.
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_REMOVABLE = {0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF, 0x180E}
_SEPARATORS = {0x2028, 0x2029}
_ZWJ = 0x200D
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A web address in running text or a Markdown link; only an ordinary space or tab ends it (a
# no-break space inside one is reported, not taken for its end).
_URL = re.compile(r"(?:https?|mailto):[^ \t)\]>\"']*|\]\([^) \t]*", re.IGNORECASE)


# Control characters have no Unicode name: the ones a paste or a terminal brings, by their common name.
_CONTROL_NAMES = {0x00: "null", 0x07: "bell", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x1B: "escape", 0x7F: "delete", 0x85: "next line"}


def _name(char: str) -> str:
    """U+202E (right-to-left override): the code and the Unicode name, the same in both languages."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "control")
    return f"U+{ord(char):04X} ({name.lower()})"


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or code == 0xFE0F


# Why a character is refused, with what to do: {names} lists the characters found.
_KINDS: dict[str, tuple[str, str]] = {
    "control": (
        "onzichtbare stuurtekens: {names} (haal ze weg: typ de tekst op deze plek opnieuw)",
        "invisible control characters: {names} (remove them: type the text at this place again)",
    ),
    "bidi": (
        "onzichtbare tekens die de volgorde van de tekst omdraaien: {names} (haal ze weg: typ de tekst op deze plek opnieuw)",
        "invisible characters that reverse the order of the text: {names} (remove them: type the text at this place again)",
    ),
    "hidden": (
        "onzichtbare tekens die verborgen tekst kunnen dragen: {names} (haal ze weg: typ de tekst op deze plek opnieuw)",
        "invisible characters that can carry hidden text: {names} (remove them: type the text at this place again)",
    ),
    "separator": (
        "onzichtbare regeltekens: {names} (gebruik een gewone nieuwe regel)",
        "invisible line characters: {names} (use an ordinary new line)",
    ),
    "unknown": (
        "tekens die in gewone tekst niet bestaan en op elk apparaat anders tonen: {names} (haal ze weg)",
        "characters that do not exist in ordinary text and show differently on every device: {names} (remove them)",
    ),
}


def _refused(char: str) -> str | None:
    """Why this character may not stand in an editor's text (a key of _KINDS), or None."""
    code = ord(char)
    category = unicodedata.category(char)
    if char in "\t\n\r":
        return None
    if category == "Cc":
        return "control"
    if code in _BIDI:
        return "bidi"
    if 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF:
        return "hidden"
    if code in _SEPARATORS:
        return "separator"
    if category in ("Co", "Cn", "Cs"):
        return "unknown"
    return None


def _message(kind: str, chars: list[str]) -> Message:
    names = ", ".join(dict.fromkeys(_name(char) for char in chars))
    nl, en = _KINDS[kind]
    return Message(nl=nl.format(names=names), en=en.format(names=names))


@dataclass(frozen=True)
class Cleaned:
    """A file's text with harmless invisible characters removed."""

    text: str
    changed: bool


# The field named in messages about a whole line (the scan runs before any field is known).
FIELD = "text"


def check_value(rel: str, line: int, field: str, value: str, problems: Problems) -> None:
    """A parsed text field (after YAML's escapes) holds no character that :func:`scan` refuses."""
    refused: dict[str, list[str]] = {}
    for char in value:
        if char.isascii() and not _ASCII_CONTROL.match(char) or char in "\t\n\r":
            continue
        kind = _refused(char)
        if kind is not None:
            refused.setdefault(kind, []).append(char)
    for kind, chars in refused.items():
        problems.add(rel, line, field, _message(kind, chars))


def scan(rel: str, text: str, problems: Problems) -> Cleaned:
    """Report every hidden character of ``text`` (the file ``rel``) on its line; remove the harmless ones."""
    lines = text.split("\n")
    out = []
    changed = False
    for number, line in enumerate(lines, start=1):
        if line.isascii() and not _ASCII_CONTROL.search(line):
            out.append(line)
            continue
        addresses = [(m.start(), m.end()) for m in _URL.finditer(line)]
        kept = []
        removed: list[str] = []
        # One message per kind of hidden character on a line, naming each character once.
        refused: dict[str, list[str]] = {}
        for index, char in enumerate(line):
            if char.isascii() and not _ASCII_CONTROL.match(char):
                kept.append(char)
                continue
            kind = _refused(char)
            if kind is not None:
                # Reported here once; left out of what the parsers read, so a field is not
                # reported a second time (the build stops on the error anyway).
                refused.setdefault(kind, []).append(char)
                continue
            in_address = any(start <= index < end for start, end in addresses)
            if in_address and unicodedata.category(char) == "Zs":
                # A no-break or other wide space inside an address: the link ends there.
                problems.add(
                    rel,
                    number,
                    FIELD,
                    Message(
                        nl=f"een bijzondere spatie {_name(char)} in een webadres: de link houdt daar op (typ het adres opnieuw, zonder spatie)",
                        en=f"a special space {_name(char)} in a web address: the link stops there (type the address again, without a space)",
                    ),
                )
                kept.append(char)
                continue
            if ord(char) in _REMOVABLE:
                between_emoji = ord(char) == _ZWJ and 0 < index < len(line) - 1 and _is_emoji(line[index - 1]) and _is_emoji(line[index + 1])
                if in_address:
                    problems.add(
                        rel,
                        number,
                        FIELD,
                        Message(
                            nl=f"een onzichtbaar teken {_name(char)} in een webadres: de link gaat dan ergens anders heen dan er staat (typ het adres opnieuw)",
                            en=f"an invisible character {_name(char)} in a web address: the link then leads somewhere other than it reads (type the address again)",
                        ),
                    )
                    kept.append(char)
                elif between_emoji:
                    kept.append(char)
                else:
                    removed.append(char)
                    changed = True
                continue
            kept.append(char)
        for kind, chars in refused.items():
            problems.add(rel, number, FIELD, _message(kind, chars))
        for word in _mixed_script_words(line, addresses):
            problems.add(
                rel,
                number,
                FIELD,
                Message(
                    nl=f'in het woord "{word}" staan letters uit een ander alfabet die op onze letters lijken ({_foreign(word)}); zoeken en voorlezen gaan dan mis (typ het woord opnieuw)',
                    en=f'the word "{word}" holds letters from another alphabet that look like ours ({_foreign(word)}); search and screen readers then go wrong (type the word again)',
                ),
            )
        if removed:
            names = ", ".join(sorted({_name(char) for char in removed}))
            problems.warn(
                rel,
                number,
                FIELD,
                Message(
                    nl=f"onzichtbare tekens weggehaald: {names} (ze doen niets voor de lezer; haal ze ook uit je bestand)",
                    en=f"invisible characters removed: {names} (they do nothing for the reader; remove them from your file too)",
                ),
            )
        out.append("".join(kept))
    return Cleaned("\n".join(out), changed)


_WORD = re.compile(r"\w+")


def _script(char: str) -> str:
    """LATIN, CYRILLIC, GREEK … for a letter (the first word of its Unicode name)."""
    return unicodedata.name(char, "").split(" ", 1)[0]


def _mixed_script_words(line: str, addresses: list[tuple[int, int]]) -> list[str]:
    """Words that mix Latin letters with Cyrillic or Greek ones: a look-alike "о" in "Jeugdhulp".
    Not in web addresses: the link check names those (check_address)."""
    found = []
    for match in _WORD.finditer(line):
        word = match.group(0)
        if word.isascii() or any(start <= match.start() < end for start, end in addresses):
            continue
        scripts = {_script(char) for char in word if char.isalpha()}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            found.append(word)
    return found


def _foreign(word: str) -> str:
    return ", ".join(dict.fromkeys(_name(char) for char in word if char.isalpha() and _script(char) in ("CYRILLIC", "GREEK")))


def check_address(rel: str, line: int, field: str, address: str, problems: Problems) -> None:
    """A web address must be written in plain letters: a host with a letter from another
    alphabet that looks like ours leads to another site than it reads."""
    host = re.sub(r"^[a-z]+://", "", address, flags=re.IGNORECASE).split("/", 1)[0]
    # Invisible characters are reported by scan(); here: letters that only look like ours.
    letters = [char for char in host if not char.isascii() and unicodedata.category(char).startswith("L")]
    if letters:
        odd = ", ".join(sorted({_name(char) for char in letters}))
        problems.add(
            rel,
            line,
            field,
            Message(
                nl=f"het webadres {address!r} bevat letters die op gewone letters lijken maar het niet zijn: {odd} (typ het adres opnieuw met gewone letters)",
                en=f"the web address {address!r} holds letters that look like ordinary ones but are not: {odd} (type the address again in plain letters)",
            ),
        )


# ---- What the layout cannot hold -----------------------------------------------------------

# The longest text each field can have before the layout breaks, with where it shows. Measured
# on the built site at 320 px and on the poster: a title over 90 characters takes more than
# four lines on a phone and pushes a card's summary out of view; a core sentence over 80 does
# not fit the poster at 40 pt; a name over 20 does not fit beside a portrait.
LIMITS: dict[str, dict[str, tuple[int, str, str]]] = {
    "*": {
        "title": (90, "de titel past dan niet meer in de kop en op een kaart", "the title no longer fits the heading and a card"),
        "summary": (250, "de samenvatting past dan niet meer op een kaart", "the summary no longer fits a card"),
    },
    "vision": {
        "motto": (80, "de kernzin past dan niet meer groot op de praatplaat", "the core sentence no longer fits large on the poster"),
        "goals.text": (300, "een doel is dan te lang voor één punt", "a goal is then too long for one point"),
    },
    "principles": {"points.text": (300, "een punt is dan te lang om in één keer te lezen", "a point is then too long to read at once")},
    "personas": {
        "name": (20, "de naam past dan niet naast de tekening", "the name no longer fits beside the portrait"),
        "role": (80, "de regel onder de naam wordt dan te lang", "the line under the name gets too long"),
        "quotes.text": (450, "een citaat is dan te lang voor een kader", "a quote is then too long for its frame"),
    },
}
# The longest word a title can hold at 320 px before it is cut in the middle.
LONGEST_WORD = 30
# Fields shown as one line: a heading, a name, a line under a name, the core sentence.
SINGLE_LINE = ("title", "summary", "motto", "name", "role")


def _texts(meta: dict, lines: dict) -> list[tuple[str, str, int]]:
    """Every text field of a unit (and of the items of its lists) with its line."""
    found = []
    for field, value in meta.items():
        if isinstance(value, str) and field not in ("id", "translates", "part", "theme"):
            found.append((field, value, lines.get(field, 1)))
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and isinstance(item.get("text"), str):
                    found.append((f"{field}.text", item["text"], item.get("_lines", {}).get("text", lines.get(field, 1))))
    return found


def _length_problem(rel: str, line: int, name: str, text: str, limit: int, why: tuple[str, str], problems: Problems) -> None:
    if len(text) > limit:
        problems.add(
            rel,
            line,
            name,
            Message(
                nl=f"is {len(text)} tekens lang: hoogstens {limit}, want {why[0]} (maak de tekst korter)",
                en=f"is {len(text)} characters long: at most {limit}, because {why[1]} (make the text shorter)",
            ),
        )


# Quotation marks a pasted title may carry: curly, low, guillemets, and straight ones kept inside YAML quotes.
_QUOTES = "“”„‟‘’‚‛«»\"'"


def check_lengths(unit: object, problems: Problems) -> None:
    """Every field of one unit within what the layout can hold (LIMITS), and no word in its
    title too long for a phone."""
    meta = unit.meta  # type: ignore[attr-defined]
    lines = unit.field_lines  # type: ignore[attr-defined]
    rel = unit.path  # type: ignore[attr-defined]
    for name, (limit, *why) in {**LIMITS["*"], **LIMITS.get(unit.type, {})}.items():  # type: ignore[attr-defined]
        field, _, inner = name.partition(".")
        value = meta.get(field)
        if inner and isinstance(value, list):
            for item in value:
                if isinstance(item, dict) and isinstance(item.get(inner), str):
                    line = item.get("_lines", {}).get(inner, lines.get(field, 1))
                    _length_problem(rel, line, name, item[inner], limit, (why[0], why[1]), problems)
        elif isinstance(value, str):
            _length_problem(rel, lines.get(field, 1), field, value, limit, (why[0], why[1]), problems)
    title = meta.get("title")
    if isinstance(title, str) and len(title) > 1 and title[0] in _QUOTES and title[-1] in _QUOTES:
        # Almost always a paste from a document: on the site the quotes would be part of the title.
        problems.add(
            rel,
            lines.get("title", 1),
            "title",
            Message(
                nl=f"de titel staat tussen aanhalingstekens ({title[0]}…{title[-1]}): haal ze weg, een titel heeft ze niet nodig",
                en=f"the title is in quotes ({title[0]}…{title[-1]}): leave them out, a title needs none",
            ),
        )
    for field in SINGLE_LINE:
        value = meta.get(field)
        if isinstance(value, str) and "\n" in value.strip():
            problems.add(
                rel,
                lines.get(field, 1),
                field,
                Message(
                    nl="staat op meer dan één regel (schrijf het op één regel: een nieuwe regel breekt de kop en de kaart)",
                    en="is on more than one line (write it on one line: a new line breaks the heading and the card)",
                ),
            )
    for field, value, line in _texts(meta, lines):
        for word in value.split():
            if len(word) > LONGEST_WORD and "://" not in word and "@" not in word:
                problems.add(
                    rel,
                    line,
                    field,
                    Message(
                        nl=f'het woord "{word[:40]}…" is {len(word)} tekens lang: op een telefoon wordt het midden in afgebroken (hoogstens {LONGEST_WORD} tekens, of zet er een streepje in)',
                        en=f'the word "{word[:40]}…" is {len(word)} characters long: on a phone it is cut in the middle (at most {LONGEST_WORD} characters, or put a hyphen in it)',
                    ),
                )


# ---- Headings in a body ---------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6})\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


def check_heading_levels(rel: str, text: str, first_line: int, problems: Problems) -> None:
    """A body's headings go down one level at a time: the page title is level 1, so the first
    heading is `##`, and after `##` comes `##` or `###`, never `####` (a screen reader's list of
    headings would miss a level)."""
    previous = 1
    fenced = False
    for number, line in enumerate(text.split("\n"), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if not match:
            continue
        level = len(match.group(1))
        if level == 1:
            continue  # reported by markup.py: the title comes from `title`
        if level > previous + 1:
            wanted = "#" * (previous + 1)
            problems.add(
                rel,
                number,
                "body",
                Message(
                    nl=f"deze kop slaat een niveau over: {'#' * level} na {'#' * previous if previous > 1 else 'de titel'} (schrijf `{wanted} `)",
                    en=f"this heading skips a level: {'#' * level} after {'#' * previous if previous > 1 else 'the title'} (write `{wanted} `)",
                ),
            )
        previous = level


# A web page an editor names (a help line's page, a local team's): https, a host, no spaces.
_WEB_ADDRESS = re.compile(r"^https://[a-z0-9.-]+\.[a-z]{2,}(?:/[^\s<>\"']*)?$")


def web_address_problem(value: str, expected: Message) -> Message | None:
    """What is wrong with a web address an editor wrote, or None: http instead of https (with the
    address to write), or not an address at all (``expected`` says what to write)."""
    if value.startswith("http://"):
        secure = "https://" + value[7:]
        return Message(nl=f"moet met https beginnen (schrijf `{secure}`)", en=f"must be https (expected `{secure}`)")
    if not _WEB_ADDRESS.match(value):
        return Message(nl=f'"{value}" is geen webadres (schrijf {expected.nl})', en=f'"{value}" is not a web address (expected {expected.en})')
    return None
