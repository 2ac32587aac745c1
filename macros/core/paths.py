"""Addresses in the reader's language: `/principes/…` in Dutch, `/en/principles/…` in English.

Pages are known by a language-neutral key in Dutch (``principes/samen-leren``), as editors
write links and redirects. Only the first folder of an address has a name per language;
page ids and #ids are the same in both, so a partner can swap languages by address alone.
"""

from __future__ import annotations

# Where the files to download live in the built site, and the figures as open data there.
DOWNLOADS = "downloads"
DATA_FILES = {"csv": "cijfers.csv", "json": "cijfers.json"}
DATA_TYPES = {"csv": "text/csv", "json": "application/json"}
# What describes the open data to a program (macros/publish/descriptors.py), beside it in downloads/.
DESCRIPTOR_FILES = {"datapackage": "datapackage.json", "csvw": "cijfers.csv-metadata.json", "dcat": "catalog.jsonld"}
DESCRIPTOR_TYPES = {"datapackage": "application/json", "csvw": "application/csvm+json", "dcat": "application/ld+json"}
DESCRIPTOR_FORMATS = {"datapackage": "JSON", "csvw": "JSON", "dcat": "JSON-LD"}

# Folder names per language; a folder not listed has one name for all languages.
FOLDERS: dict[str, dict[str, str]] = {
    "principes": {"en": "principles"},
    "visie": {"en": "vision"},
    "personas": {"en": "stories"},
    "jongeren": {"en": "young-people"},
    # Pages at the top: their file (overzicht.en.md) and address (/en/overview/) are renamed alike.
    "overzicht": {"en": "overview"},
    "toegankelijkheid": {"en": "accessibility"},
    "wijzigingen": {"en": "changes"},
}
_BACK: dict[str, dict[str, str]] = {}
for _dutch, _names in FOLDERS.items():
    for _lang, _name in _names.items():
        _BACK.setdefault(_lang, {})[_name] = _dutch


def _rename(segment: str, names: dict[str, str]) -> str:
    """A folder (``visie``) or a page file (``overzicht.en.md``, ``overzicht.md#id``) by its name in ``names``."""
    if segment in names:
        return names[segment]
    stem, dot, rest = segment.partition(".")
    return names[stem] + dot + rest if dot and stem in names else segment


def localize(path: str, lang: str) -> str:
    """A neutral path (``principes/x/``, ``/principes/x/#id``) with its folder named for ``lang``."""
    lead = "/" if path.startswith("/") else ""
    first, sep, rest = path[len(lead) :].partition("/")
    return lead + _rename(first, {dutch: names[lang] for dutch, names in FOLDERS.items() if lang in names}) + sep + rest


def neutralize(path: str, lang: str) -> str:
    """The inverse of :func:`localize`: a path in ``lang`` back to its neutral (Dutch) form."""
    lead = "/" if path.startswith("/") else ""
    first, sep, rest = path[len(lead) :].partition("/")
    return lead + _rename(first, _BACK.get(lang, {})) + sep + rest


def localize_link(target: str, lang: str) -> str:
    """A relative link in a page body (``../principes/x.md#id``) with every folder named for ``lang``."""
    if ":" in target.split("/")[0] or target.startswith(("/", "#")):
        return target
    names = {dutch: localized[lang] for dutch, localized in FOLDERS.items() if lang in localized}
    return "/".join(_rename(part, names) for part in target.split("/"))
