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

from .problems import Message, Problems

# Shown in messages as U+XXXX with a name an editor can search for.
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
_REMOVABLE = {0x200B, 0x200C, 0x200D, 0x2060, 0x00AD, 0xFEFF, 0x180E}
_SEPARATORS = {0x2028, 0x2029}
_ZWJ = 0x200D
_URL = re.compile(r"(?:https?|mailto):[^\s)\]>\"']*|\]\([^)\s]*", re.IGNORECASE)


def _name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'zonder naam').lower()})"


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return 0x1F000 <= code <= 0x1FAFF or 0x2600 <= code <= 0x27BF or code == 0xFE0F


def _refused(char: str) -> Message | None:
    """Why this character may not stand in an editor's text, or None."""
    code = ord(char)
    category = unicodedata.category(char)
    if char in "\t\n\r":
        return None
    if category == "Cc":
        return Message(
            nl=f"een onzichtbaar stuurteken {_name(char)} (haal het weg: typ de tekst op deze plek opnieuw)",
            en=f"an invisible control character {_name(char)} (remove it: type the text at this place again)",
        )
    if code in _BIDI:
        return Message(
            nl=f"een onzichtbaar teken {_name(char)} dat de volgorde van de tekst omdraait (haal het weg: typ de tekst op deze plek opnieuw)",
            en=f"an invisible character {_name(char)} that reverses the order of the text (remove it: type the text at this place again)",
        )
    if 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF:
        return Message(
            nl=f"een onzichtbaar teken {_name(char)} dat verborgen tekst kan dragen (haal het weg: typ de tekst op deze plek opnieuw)",
            en=f"an invisible character {_name(char)} that can carry hidden text (remove it: type the text at this place again)",
        )
    if code in _SEPARATORS:
        return Message(
            nl=f"een onzichtbaar regelteken {_name(char)} (gebruik een gewone nieuwe regel)",
            en=f"an invisible line character {_name(char)} (use an ordinary new line)",
        )
    if category in ("Co", "Cn", "Cs"):
        return Message(
            nl=f"het teken U+{code:04X} bestaat niet in gewone tekst en toont op elk apparaat anders (haal het weg)",
            en=f"the character U+{code:04X} does not exist in ordinary text and shows differently on every device (remove it)",
        )
    return None


@dataclass(frozen=True)
class Cleaned:
    """A file's text with harmless invisible characters removed."""

    text: str
    changed: bool


def scan(rel: str, text: str, problems: Problems) -> Cleaned:
    """Report every hidden character of ``text`` (the file ``rel``) on its line; remove the harmless ones."""
    lines = text.split("\n")
    out = []
    changed = False
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            out.append(line)
            continue
        addresses = [(m.start(), m.end()) for m in _URL.finditer(line)]
        kept = []
        removed: list[str] = []
        for index, char in enumerate(line):
            if char.isascii():
                kept.append(char)
                continue
            why = _refused(char)
            if why is not None:
                problems.add(rel, number, "tekst", why)
                kept.append(char)
                continue
            if ord(char) in _REMOVABLE:
                in_address = any(start <= index < end for start, end in addresses)
                between_emoji = ord(char) == _ZWJ and 0 < index < len(line) - 1 and _is_emoji(line[index - 1]) and _is_emoji(line[index + 1])
                if in_address:
                    problems.add(
                        rel,
                        number,
                        "tekst",
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
        if removed:
            names = ", ".join(sorted({_name(char) for char in removed}))
            problems.warn(
                rel,
                number,
                "tekst",
                Message(
                    nl=f"onzichtbare tekens weggehaald: {names} (ze doen niets voor de lezer; haal ze ook uit je bestand)",
                    en=f"invisible characters removed: {names} (they do nothing for the reader; remove them from your file too)",
                ),
            )
        out.append("".join(kept))
    return Cleaned("\n".join(out), changed)


def check_address(rel: str, line: int, field: str, address: str, problems: Problems) -> None:
    """A web address must be written in plain letters: a host with a letter from another
    alphabet that looks like ours leads to another site than it reads."""
    host = re.sub(r"^[a-z]+://", "", address, flags=re.IGNORECASE).split("/", 1)[0]
    if not host.isascii():
        odd = ", ".join(sorted({_name(char) for char in host if not char.isascii()}))
        problems.add(
            rel,
            line,
            field,
            Message(
                nl=f"het webadres {address!r} bevat letters die op gewone letters lijken maar het niet zijn: {odd} (typ het adres opnieuw met gewone letters)",
                en=f"the web address {address!r} holds letters that look like ordinary ones but are not: {odd} (type the address again in plain letters)",
            ),
        )
