"""Drawings a region adds (its logo, its personas' portraits) are SVG files: checked before use.

An SVG is a document that can hold script. Shown in an ``<img>`` it cannot run, but a reader
who opens the file's own address runs it on the site's host. So an SVG from a region's folder
may hold drawing elements only: no script, no event attributes, no links out (an ``href`` may
only point inside the file), no embedded HTML, no document type (entities).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from macros.core.files import read_source
from macros.core.problems import Message, Problems

# Drawing elements, by local name; everything else is refused by name.
ALLOWED = frozenset(
    ["svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "title", "desc", "defs", "use", "symbol", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "text", "tspan", "metadata"]
)
_NS = re.compile(r"^\{[^}]*\}")


def _local(name: str) -> str:
    return _NS.sub("", name).lower()


def _line(text: str, needle: str) -> int:
    """The line where ``needle`` first stands (case-insensitive), or 1."""
    at = text.lower().find(needle.lower())
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def check_svg(file: Path, root: Path, problems: Problems) -> bool:
    """Report what makes ``file`` unsafe or unreadable; True when it is a safe drawing."""
    text = read_source(file, root, problems)
    if text is None:
        return False
    rel = file.relative_to(root).as_posix()
    before = len(problems.errors)
    if re.search(r"<!DOCTYPE|<!ENTITY", text, re.IGNORECASE):
        problems.add(
            rel,
            1,
            "svg",
            Message(
                nl="bevat een documenttype of entiteiten (sla de tekening opnieuw op als gewone SVG, zonder <!DOCTYPE>)",
                en="has a document type or entities (expected a plain SVG drawing: save it again without <!DOCTYPE>)",
            ),
        )
        return False
    try:
        tree = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        problems.add(
            rel,
            error.position[0],
            "svg",
            Message(
                nl=f"is geen leesbaar SVG-bestand ({error}) (sla de tekening op als SVG-tekst)",
                en=f"is not a readable SVG file ({error}) (expected an SVG drawing saved as text)",
            ),
        )
        return False
    if _local(tree.tag) != "svg":
        problems.add(
            rel,
            1,
            "svg",
            Message(
                nl=f"begint met <{_local(tree.tag)}> (een SVG-tekening begint met <svg>)",
                en=f"starts with <{_local(tree.tag)}> (expected an SVG drawing that starts with <svg>)",
            ),
        )
    for element in tree.iter():
        tag = _local(element.tag)
        if tag not in ALLOWED:
            problems.add(
                rel,
                _line(text, "<" + tag),
                "svg",
                Message(
                    nl=f"bevat een element <{tag}> (alleen tekenelementen mogen: geen script, geen HTML, geen ingebouwde objecten)",
                    en=f"has a <{tag}> element (expected drawing elements only: no script, HTML or embedded objects)",
                ),
            )
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.startswith("on"):
                problems.add(
                    rel,
                    _line(text, attribute + "="),
                    "svg",
                    Message(
                        nl=f"heeft een attribuut {attribute}= op <{tag}> dat code uitvoert (haal het weg: een tekening voert geen code uit)",
                        en=f"has an event attribute {attribute}= on <{tag}> (expected none: a drawing runs no code)",
                    ),
                )
            elif attribute == "href" and not value.strip().startswith("#"):
                problems.add(
                    rel,
                    _line(text, value),
                    "svg",
                    Message(
                        nl=f"linkt vanuit <{tag}> naar {value!r} (alleen links binnen de tekening mogen, zoals `#shape`)",
                        en=f"links to {value!r} from <{tag}> (expected only links inside the drawing, like `#shape`)",
                    ),
                )
            elif attribute == "style" and re.search(r"url\(\s*['\"]?(?!#)|expression|@import", value, re.IGNORECASE):
                problems.add(
                    rel,
                    _line(text, value),
                    "svg",
                    Message(
                        nl=f"heeft op <{tag}> een stijl die iets laadt (alleen kleuren en maten mogen)",
                        en=f"has a style that loads something on <{tag}> (expected colours and sizes only)",
                    ),
                )
    return len(problems.errors) == before
