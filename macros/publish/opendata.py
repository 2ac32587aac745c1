"""The figures as open data: ``downloads/cijfers.csv`` and ``downloads/cijfers.json``, and
what describes them to a program (``macros/publish/descriptors.py``).

A municipality that wants the numbers for its own report takes them from these files, not
from a table on a page. One row (CSV) or one value (JSON) per indicator and year, with the
label in both languages, the unit, what kind of value it is (measured, an estimate with the
source's words, a target), the source, the note and how the figure relates to others (part
of a whole, and whether the parts add up to it; a share of two others). Numbers are
machine-readable: a dot for decimals and no thousands separators; the pages keep the reader's
own format. The licence of the region's content is in each file, and so is the version: the
date the figures last changed. Both files are the same bytes for the same content.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from macros.core.paths import DATA_FILES, DATA_TYPES, DOWNLOADS
from macros.core.schema import LANGUAGES
from macros.load.indicator_checks import parts_sums
from macros.load.indicator_types import Indicator
from macros.load.site import Site

FOLDER, FILES, TYPES = DOWNLOADS, DATA_FILES, DATA_TYPES


@dataclass(frozen=True)
class Dates:
    """When the figures were first published and last changed (data/indicators.yaml in git);
    the last change is the files' version."""

    issued: datetime.date
    modified: datetime.date

    @property
    def version(self) -> str:
        return self.modified.isoformat()


@dataclass(frozen=True)
class Column:
    """One column of the CSV: its name, its type (Table Schema; CSV on the Web), whether every
    row has a value, and what it holds in both languages."""

    name: str
    type: str
    required: bool
    description: dict[str, str]
    choices: tuple[str, ...] = ()


def _both(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


_LANGUAGE = {"nl": _both("in het Nederlands", "in Dutch"), "en": _both("in het Engels", "in English")}


def _per_language(name: str, required: bool, nl: str, en: str) -> list[Column]:
    return [
        Column(f"{name}_{lang}", "string", required, _both(f"{nl}, {_LANGUAGE[lang]['nl']}", f"{en}, {_LANGUAGE[lang]['en']}")) for lang in LANGUAGES
    ]


STATUSES = ("measured", "estimate", "target")
COLUMNS: tuple[Column, ...] = (
    Column("id", "string", True, _both("het id van het cijfer", "the figure's id")),
    *_per_language("label", True, "wat het cijfer telt", "what the figure counts"),
    Column("year", "integer", True, _both("het jaar", "the year")),
    Column("value", "number", True, _both("de waarde, met een punt als decimaalteken", "the value, with a decimal point")),
    Column("unit", "string", True, _both("de eenheid: count (aantal), percent of euro", "the unit: count, percent or euro"), ("count", "percent", "euro")),
    Column(
        "status",
        "string",
        True,
        _both("wat voor waarde: measured (gemeten), estimate (een schatting) of target (een doel)", "what kind of value: measured, estimate or target"),
        STATUSES,
    ),
    *_per_language("estimate", False, "bij een schatting: hoe de bron die noemt", "for an estimate: how the source words it"),
    *_per_language("source", True, "de bron", "the source"),
    *_per_language("note", False, "een toelichting", "a note"),
    Column("part_of", "string", False, _both("het id van het geheel waar dit cijfer een deel van is", "the id of the whole this figure is a part of")),
    Column(
        "parts_complete",
        "boolean",
        False,
        _both("bij een geheel met delen: of de delen samen het geheel zijn", "for a whole with parts: whether the parts add up to it"),
    ),
    Column(
        "parts_sum",
        "number",
        False,
        _both("bij een geheel met delen: wat de delen samen zijn in dit jaar", "for a whole with parts: what the parts add up to in this year"),
    ),
    *_per_language("parts_note", False, "waarom de delen samen niet het geheel zijn", "why the parts do not add up to the whole"),
    Column("share_of_count", "string", False, _both("bij een percentage: het id van het aantal", "for a percentage: the id of the count")),
    Column("share_of_base", "string", False, _both("bij een percentage: het id van het totaal", "for a percentage: the id of the base")),
    Column("version", "date", True, _both("de versie van de cijfers: de dag dat ze het laatst veranderden", "the version of the figures: the day they last changed")),
    Column("licence", "string", True, _both("de licentie (SPDX-id)", "the licence (SPDX id)")),
    Column("licence_url", "string", True, _both("het adres van de licentie", "the licence's address")),
)


def number(value: float) -> int | float:
    """A value as a number a program reads: whole numbers without ".0"."""
    return int(value) if float(value).is_integer() else float(value)


def texts(value: dict[str, str] | None) -> dict[str, str] | None:
    """Texts in both languages as written, without what the loader keeps beside them (their lines)."""
    return None if value is None else {lang: value[lang] for lang in LANGUAGES}


def _licence(site: Site) -> tuple[str, str]:
    assert site.region is not None
    licence = site.region.content_licence
    return licence.id, licence.url["en"]


def rows(site: Site, dates: Dates) -> list[dict[str, Any]]:
    """One row per indicator and year, in the order of data/indicators.yaml."""
    licence, url = _licence(site)
    found = []
    for indicator in site.indicators.values():
        sums = parts_sums(indicator, site.indicators) if indicator.parts else {}
        for year in sorted(indicator.values):
            row: dict[str, Any] = {"id": indicator.id, "year": year, "value": number(indicator.values[year]), "unit": indicator.unit}
            row["status"] = indicator.status
            for lang in LANGUAGES:
                row[f"label_{lang}"] = indicator.label[lang]
                row[f"estimate_{lang}"] = (indicator.estimate or {}).get(lang, "")
                row[f"source_{lang}"] = indicator.source[lang]
                row[f"note_{lang}"] = (indicator.note or {}).get(lang, "")
                row[f"parts_note_{lang}"] = ((indicator.parts or {}).get("note") or {}).get(lang, "")
            row["part_of"] = indicator.part_of or ""
            row["parts_complete"] = "" if indicator.parts is None else str(bool(indicator.parts["complete"])).lower()
            row["parts_sum"] = number(sums[year]) if year in sums else ""
            row["share_of_count"] = (indicator.share_of or {}).get("count", "")
            row["share_of_base"] = (indicator.share_of or {}).get("base", "")
            row["version"] = dates.version
            row["licence"], row["licence_url"] = licence, url
            found.append(row)
    return found


def csv_text(site: Site, dates: Dates) -> str:
    """The CSV: UTF-8 with a byte-order mark (so Excel reads the accents), comma-separated, quoted where needed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[column.name for column in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(site, dates))
    return "\ufeff" + out.getvalue()


def _indicator(indicator: Indicator, site: Site) -> dict[str, Any]:
    parts = None
    if indicator.parts is not None:
        sums = parts_sums(indicator, site.indicators)
        parts = {
            "complete": bool(indicator.parts["complete"]),
            "sum": [{"year": year, "value": number(total)} for year, total in sorted(sums.items())],
            "note": texts(indicator.parts.get("note")),
        }
    target = None
    if indicator.target is not None:
        target = {key: value for key, value in indicator.target.items() if not key.startswith("_")}
        target["label"] = texts(indicator.target["label"])
    return {
        "id": indicator.id,
        "label": texts(indicator.label),
        "unit": indicator.unit,
        "status": indicator.status,
        "estimate": texts(indicator.estimate),
        "values": [{"year": year, "value": number(indicator.values[year]), "status": indicator.status} for year in sorted(indicator.values)],
        "source": texts(indicator.source),
        "note": texts(indicator.note),
        "part_of": indicator.part_of,
        "parts": parts,
        "share_of": None if indicator.share_of is None else {key: indicator.share_of[key] for key in ("count", "base")},
        "target": target,
    }


def json_data(site: Site, dates: Dates) -> dict[str, Any]:
    """The JSON: what the file is, its version, under which licence, and every indicator with its values by year."""
    assert site.region is not None
    licence = site.region.content_licence
    return {
        "title": {lang: site.region.site_name(lang) for lang in LANGUAGES},
        "publisher": site.region.publisher,
        "source": site.region.site_url,
        "version": dates.version,
        "issued": dates.issued.isoformat(),
        "modified": dates.modified.isoformat(),
        "licence": {"id": licence.id, "name": licence.name, "url": licence.url},
        "indicators": [_indicator(indicator, site) for indicator in site.indicators.values()],
    }


def dump(data: dict[str, Any]) -> str:
    """A JSON file as we write them: UTF-8 as it is, indented, with a final line break."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write(site: Site, site_dir: Path, dates: Dates) -> dict[str, int]:
    """Write both files into site/downloads/; return their sizes by file name."""
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    (folder / FILES["csv"]).write_bytes(csv_text(site, dates).encode("utf-8"))
    (folder / FILES["json"]).write_text(dump(json_data(site, dates)), encoding="utf-8")
    return {name: (folder / name).stat().st_size for name in FILES.values()}
