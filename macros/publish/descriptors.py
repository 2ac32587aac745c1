"""What describes the open data to a program, beside the files in ``downloads/``:

- ``datapackage.json``: a Frictionless Data Package (v1): both files, the CSV's columns with
  their types, the key (id and year), the licence, the version;
- ``cijfers.csv-metadata.json``: CSV on the Web (W3C) metadata for the CSV, found by its name;
- ``catalog.jsonld``: a DCAT-AP-NL 3.0 catalogue with one dataset and its two distributions, in
  both languages, for portals such as data.overheid.nl to harvest. Its JSON-LD context is
  written in the file, so it reads without fetching anything.

Everything comes from data/region.yaml and data/indicators.yaml, and the dates from git
(opendata.Dates), so two builds of one commit write the same bytes. Checked by make test with
the frictionless library, the csvw library and the published DCAT-AP-NL SHACL shapes (pyshacl).
"""

from __future__ import annotations

import re
from typing import Any

from macros.core.paths import DATA_FILES, DATA_TYPES, DESCRIPTOR_FILES, DESCRIPTOR_TYPES, DOWNLOADS
from macros.core.schema import LANGUAGES
from macros.load.site import Site
from macros.publish.opendata import COLUMNS, Dates
from macros.render import dcterms
from macros.render.units import unit_path

FILES, TYPES = DESCRIPTOR_FILES, DESCRIPTOR_TYPES
assert FILES["csvw"] == f"{DATA_FILES['csv']}-metadata.json", "CSV on the Web finds the metadata by the CSV's name"

# Names from the EU's authority lists, which DCAT-AP-NL requires for these properties.
_EU = "http://publications.europa.eu/resource/authority/"
LANGUAGE_CODES = {"nl": "NLD", "en": "ENG"}
FILE_TYPES = {"csv": "CSV", "json": "JSON"}
# The dataset theme: "Population and society" (data-theme/SOCI) fits youth care best of the EU's thirteen themes.
THEME = f"{_EU}data-theme/SOCI"
COUNTRY = f"{_EU}country/NLD"
ACCESS = f"{_EU}access-right/PUBLIC"
_TABLE_SCHEMA_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean", "date": "date"}


def licence_uri(site: Site) -> str:
    """The licence's own address, without the language of a deed: …/licenses/by/4.0/."""
    assert site.region is not None
    return re.sub(r"deed\.[a-z]+$", "", site.region.content_licence.url["en"])


def _name(site: Site) -> str:
    """A lower-case name for the data package: the Dutch site name, with dashes."""
    assert site.region is not None
    return re.sub(r"[^a-z0-9]+", "-", site.region.site_name("nl").lower()).strip("-") + "-cijfers"


def _title(site: Site, lang: str) -> str:
    assert site.region is not None
    return f"{site.region.site_name(lang)}: {site.t('figures_data_title', lang)}"


def datapackage(site: Site, dates: Dates) -> dict[str, Any]:
    """A Frictionless Data Package (v1) of the CSV (a tabular resource with its schema) and the JSON."""
    assert site.region is not None
    licence = site.region.content_licence
    fields = []
    for column in COLUMNS:
        field: dict[str, Any] = {
            "name": column.name,
            "type": _TABLE_SCHEMA_TYPES[column.type],
            "description": f"{column.description['nl']} / {column.description['en']}",
        }
        constraints: dict[str, Any] = {"required": True} if column.required else {}
        if column.choices:
            constraints["enum"] = list(column.choices)
        if constraints:
            field["constraints"] = constraints
        if column.type == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        fields.append(field)
    return {
        "profile": "data-package",
        "name": _name(site),
        "title": _title(site, "nl"),
        "description": " / ".join(site.t("figures_data_description", lang) for lang in LANGUAGES),
        "homepage": site.region.site_url,
        "version": dates.version,
        "created": f"{dates.modified.isoformat()}T00:00:00Z",
        "keywords": [word for lang in LANGUAGES for word in keywords(site, lang)],
        "contributors": [{"title": site.region.publisher, "role": "publisher"}],
        "licenses": [{"name": licence.id, "path": licence_uri(site), "title": licence.name["en"]}],
        "resources": [
            {
                "name": "cijfers",
                "path": DATA_FILES["csv"],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": DATA_TYPES["csv"],
                "encoding": "utf-8-sig",
                "schema": {"fields": fields, "primaryKey": ["id", "year"]},
            },
            {
                "name": "cijfers-json",
                "path": DATA_FILES["json"],
                "profile": "data-resource",
                "format": "json",
                "mediatype": DATA_TYPES["json"],
                "encoding": "utf-8",
            },
        ],
    }


def keywords(site: Site, lang: str) -> list[str]:
    """The dataset's keywords in one language (macros/ui.yaml, separated by commas)."""
    return [word.strip() for word in site.t("figures_data_keywords", lang).split(",") if word.strip()]


def _texts(values: dict[str, str]) -> list[dict[str, str]]:
    """A text in both languages as JSON-LD language-tagged strings."""
    return [{"@value": values[lang], "@language": lang} for lang in LANGUAGES]


def csvw(site: Site, dates: Dates) -> dict[str, Any]:
    """CSV on the Web metadata for the CSV: its columns, their types and titles, the key, the licence."""
    assert site.region is not None
    columns = []
    for column in COLUMNS:
        described: dict[str, Any] = {
            "name": column.name,
            "titles": column.name,
            "datatype": {"base": column.type} if not column.choices else {"base": "string", "format": "|".join(column.choices)},
            "required": column.required,
            "dc:description": _texts(column.description),
        }
        if column.type == "boolean":
            described["datatype"] = {"base": "boolean", "format": "true|false"}
        columns.append(described)
    return {
        "@context": "http://www.w3.org/ns/csvw",
        "url": DATA_FILES["csv"],
        "dc:title": _texts({lang: _title(site, lang) for lang in LANGUAGES}),
        "dc:publisher": site.region.publisher,
        "dc:license": {"@id": licence_uri(site)},
        "dc:modified": {"@value": dates.modified.isoformat(), "@type": "xsd:date"},
        "schema:version": dates.version,
        "dialect": {"encoding": "utf-8", "header": True, "delimiter": ","},
        "tableSchema": {"columns": columns, "primaryKey": ["id", "year"]},
    }


_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _date(day: Any) -> dict[str, str]:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def _landing(site: Site, lang: str) -> str:
    """The page that shows the figures (the first unit with a chart), else the downloads page."""
    assert site.region is not None
    for type_name in site.units.by_type:
        for unit in site.units.ordered(type_name, lang):
            if "figure(" in unit.body:
                return site.region.site_url + unit_path(unit)
    return site.region.site_url + ("" if lang == LANGUAGES[0] else f"{lang}/") + f"{DOWNLOADS}/"


def catalog(site: Site, dates: Dates, sizes: dict[str, int]) -> dict[str, Any]:
    """A DCAT-AP-NL 3.0 catalogue: the catalogue, the dataset, its CSV and JSON, who publishes
    them and whom to ask, with the EU's names for theme, languages, formats and access."""
    assert site.region is not None
    base = site.region.site_url
    folder = f"{base}{DOWNLOADS}/"
    here = f"{folder}{FILES['dcat']}"
    dataset_id = f"{here}#cijfers"
    publisher = {"@id": f"{here}#uitgever", "@type": "foaf:Agent", "foaf:name": site.region.publisher}
    contact = {
        "@id": f"{here}#contact",
        "@type": ["vcard:Kind", "vcard:Organization"],
        "vcard:fn": site.region.publisher,
        "vcard:hasURL": {"@id": f"{base}contact/"},
    }
    languages = [{"@id": f"{_EU}language/{LANGUAGE_CODES[lang]}", "@type": "dct:LinguisticSystem"} for lang in LANGUAGES]
    licence = {"@id": licence_uri(site), "@type": "dct:LicenseDocument"}
    years = sorted({year for indicator in site.indicators.values() for year in indicator.values})
    landing = {"@id": _landing(site, "nl"), "@type": "foaf:Document"}
    package = {"@id": f"{folder}{FILES['datapackage']}", "@type": "dct:Standard"}
    distributions = []
    for kind, name in DATA_FILES.items():
        distributions.append(
            {
                "@id": f"{dataset_id}-{kind}",
                "@type": "dcat:Distribution",
                "dct:title": _texts({lang: f"{_title(site, lang)} ({kind.upper()})" for lang in LANGUAGES}),
                "dcat:accessURL": {"@id": f"{folder}{name}"},
                "dcat:downloadURL": {"@id": f"{folder}{name}"},
                "dct:format": {"@id": f"{_EU}file-type/{FILE_TYPES[kind]}", "@type": "dct:MediaTypeOrExtent"},
                "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{DATA_TYPES[kind]}", "@type": "dct:MediaType"},
                "dcat:byteSize": {"@value": str(sizes[name]), "@type": "xsd:nonNegativeInteger"},
                "dct:license": licence,
                "dct:language": languages,
                "dct:conformsTo": {"@id": f"{folder}{FILES['csvw']}", "@type": "dct:Standard"} if kind == "csv" else package,
                "dct:modified": _date(dates.modified),
            }
        )
    dataset = {
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset_id,
        "dct:title": _texts({lang: _title(site, lang) for lang in LANGUAGES}),
        "dct:description": _texts({lang: site.t("figures_data_description", lang) for lang in LANGUAGES}),
        "dcat:keyword": [{"@value": word, "@language": lang} for lang in LANGUAGES for word in keywords(site, lang)],
        "dcat:theme": {"@id": THEME, "@type": "skos:Concept"},
        "dct:accessRights": {"@id": ACCESS, "@type": "dct:RightsStatement"},
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:creator": {"@id": publisher["@id"]},
        "dcat:contactPoint": {"@id": contact["@id"]},
        "dct:language": languages,
        "dct:spatial": [
            {"@id": COUNTRY, "@type": "dct:Location"},
            *({"@id": tooi, "@type": "dct:Location"} for _, tooi in dcterms.municipalities(site) if tooi),
        ],
        "dct:temporal": {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": f"{years[0]}-01-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{years[-1]}-12-31", "@type": "xsd:date"},
        },
        "dct:issued": _date(dates.issued),
        "dct:modified": _date(dates.modified),
        "dcat:version": dates.version,
        "dcat:landingPage": landing,
        "foaf:page": landing,
        "dct:conformsTo": package,
        "dcat:distribution": distributions,
    }
    catalogue = {
        "@id": f"{here}#catalogus",
        "@type": "dcat:Catalog",
        "dct:title": _texts({lang: site.region.site_name(lang) for lang in LANGUAGES}),
        "dct:description": _texts(site.region.description),
        "dct:publisher": {"@id": publisher["@id"]},
        "dct:creator": {"@id": publisher["@id"]},
        "dcat:contactPoint": {"@id": contact["@id"]},
        "foaf:homepage": {"@id": base},
        "dct:language": languages,
        "dct:license": licence,
        "dct:modified": _date(dates.modified),
        "dcat:dataset": {"@id": dataset_id},
    }
    return {"@context": _CONTEXT, "@graph": [catalogue, dataset, publisher, contact]}
