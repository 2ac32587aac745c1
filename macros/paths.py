"""Addresses in the reader's language: `/principes/…` in Dutch, `/en/principles/…` in English.

Pages are known by a language-neutral key in Dutch (``principes/samen-leren``), as editors
write links and redirects. Only the first folder of an address has a name per language;
page ids and #ids are the same in both, so a partner can swap languages by address alone.
"""

from __future__ import annotations

# Folder names per language; a folder not listed has one name for all languages.
FOLDERS: dict[str, dict[str, str]] = {
    "principes": {"en": "principles"},
    "visie": {"en": "vision"},
    "personas": {"en": "stories"},
}
_BACK: dict[str, dict[str, str]] = {}
for _dutch, _names in FOLDERS.items():
    for _lang, _name in _names.items():
        _BACK.setdefault(_lang, {})[_name] = _dutch


def localize(path: str, lang: str) -> str:
    """A neutral path (``principes/x/``, ``/principes/x/#id``) with its folder named for ``lang``."""
    lead = "/" if path.startswith("/") else ""
    first, sep, rest = path[len(lead) :].partition("/")
    return lead + FOLDERS.get(first, {}).get(lang, first) + sep + rest


def neutralize(path: str, lang: str) -> str:
    """The inverse of :func:`localize`: a path in ``lang`` back to its neutral (Dutch) form."""
    lead = "/" if path.startswith("/") else ""
    first, sep, rest = path[len(lead) :].partition("/")
    return lead + _BACK.get(lang, {}).get(first, first) + sep + rest


def localize_link(target: str, lang: str) -> str:
    """A relative link in a page body (``../principes/x.md#id``) with every folder named for ``lang``."""
    if ":" in target.split("/")[0] or target.startswith(("/", "#")):
        return target
    return "/".join(FOLDERS.get(part, {}).get(lang, part) for part in target.split("/"))
