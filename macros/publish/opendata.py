"""The figures as open data: ``downloads/cijfers.csv`` and ``downloads/cijfers.json``.

A municipality that wants the numbers for its own report takes them from these files, not
from a table on a page. One row (CSV) or one value (JSON) per indicator and year, with the
label in both languages, the unit, the source, the note and how the figure relates to
others (part of a whole, a share of two others). Numbers are machine-readable: a dot for
decimals and no thousands separators; the pages keep the reader's own format. The licence
of the region's content is in each file. Both files are the same bytes for the same
content: the build date comes from the last commit.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from macros.core.paths import DATA_FILES, DATA_TYPES, DOWNLOADS
from macros.core.schema import LANGUAGES
from macros.load.site import Site

FOLDER, FILES, TYPES = DOWNLOADS, DATA_FILES, DATA_TYPES
COLUMNS = (
    "id",
    *(f"label_{lang}" for lang in LANGUAGES),
    "year",
    "value",
    "unit",
    *(f"source_{lang}" for lang in LANGUAGES),
    *(f"note_{lang}" for lang in LANGUAGES),
    "part_of",
    "share_of_count",
    "share_of_base",
    "licence",
    "licence_url",
)


def _number(value: float) -> int | float:
    """A value as a number a program reads: whole numbers without ".0"."""
    return int(value) if float(value).is_integer() else float(value)


def _licence(site: Site) -> tuple[str, str]:
    assert site.region is not None
    licence = site.region.content_licence
    return licence.id, licence.url["en"]


def rows(site: Site) -> list[dict[str, Any]]:
    """One row per indicator and year, in the order of data/indicators.yaml."""
    licence, url = _licence(site)
    found = []
    for indicator in site.indicators.values():
        for year in sorted(indicator.values):
            row: dict[str, Any] = {"id": indicator.id, "year": year, "value": _number(indicator.values[year]), "unit": indicator.unit}
            for lang in LANGUAGES:
                row[f"label_{lang}"] = indicator.label[lang]
                row[f"source_{lang}"] = indicator.source[lang]
                row[f"note_{lang}"] = (indicator.note or {}).get(lang, "")
            row["part_of"] = indicator.part_of or ""
            row["share_of_count"] = (indicator.share_of or {}).get("count", "")
            row["share_of_base"] = (indicator.share_of or {}).get("base", "")
            row["licence"], row["licence_url"] = licence, url
            found.append(row)
    return found


def csv_text(site: Site) -> str:
    """The CSV: UTF-8 with a byte-order mark (so Excel reads the accents), comma-separated, quoted where needed."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(site))
    return "\ufeff" + out.getvalue()


def json_data(site: Site, version: str) -> dict[str, Any]:
    """The JSON: what the file is, under which licence, and every indicator with its values by year."""
    assert site.region is not None
    licence = site.region.content_licence
    return {
        "title": {lang: site.region.site_name(lang) for lang in LANGUAGES},
        "publisher": site.region.publisher,
        "source": site.region.site_url,
        "version": version,
        "licence": {"id": licence.id, "name": licence.name, "url": licence.url},
        "indicators": [
            {
                "id": indicator.id,
                "label": indicator.label,
                "unit": indicator.unit,
                "values": [{"year": year, "value": _number(indicator.values[year])} for year in sorted(indicator.values)],
                "source": indicator.source,
                "note": indicator.note,
                "part_of": indicator.part_of,
                "share_of": indicator.share_of,
            }
            for indicator in site.indicators.values()
        ],
    }


def write(site: Site, site_dir: Path, version: str) -> dict[str, int]:
    """Write both files into site/downloads/; return their sizes by file name."""
    folder = site_dir / FOLDER
    folder.mkdir(exist_ok=True)
    (folder / FILES["csv"]).write_bytes(csv_text(site).encode("utf-8"))
    (folder / FILES["json"]).write_text(json.dumps(json_data(site, version), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return {name: (folder / name).stat().st_size for name in FILES.values()}
