"""schema.org JSON-LD for every page: the site and its publisher, each unit as a report that is
part of the vision (with its translation), the figures page as a dataset with its files.

Written into a ``<script type="application/ld+json">`` block, so the JSON is made safe for that
place: ``<``, ``>`` and ``&`` as \\u escapes, so no editor's text can close the element.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

from markupsafe import Markup

from macros.core.paths import DATA_FILES, DATA_TYPES, DOWNLOADS
from macros.core.schema import LANGUAGES
from macros.load.site import Site
from macros.load.units import Unit
from macros.render import dcterms
from macros.render.units import unit_path


def graph(
    site: Site,
    lang: str,
    url: str,
    title: str,
    description: str,
    unit: Unit | None = None,
    modified: datetime.date | None = None,
    published: datetime.date | None = None,
    dataset: bool = False,
) -> dict[str, Any]:
    """The page's JSON-LD graph (``url``: its full address)."""
    assert site.region is not None
    root = site.region.site_url
    publisher = {"@type": "Organization", "@id": f"{root}#publisher", "name": site.region.publisher, "url": root}
    website = {
        "@type": "WebSite",
        "@id": f"{root}#website",
        "url": root,
        "name": site.region.site_name(lang),
        "inLanguage": lang,
        "publisher": {"@id": publisher["@id"]},
    }
    vision = {
        "@type": "CreativeWork",
        "@id": f"{root}#vision",
        "name": site.region.site_name(lang),
        "author": {"@id": publisher["@id"]},
        "license": site.region.content_licence.url[lang],
        "spatialCoverage": [
            {"@type": "AdministrativeArea", "name": name, **({"sameAs": tooi} if tooi else {})} for name, tooi in dcterms.municipalities(site)
        ],
        "temporalCoverage": f"{site.region.period[0]}/{site.region.period[1]}",
    }
    page: dict[str, Any] = {
        "@type": "Report" if unit is not None else "WebPage",
        "@id": url,
        "url": url,
        "name": title,
        "description": description,
        "inLanguage": lang,
        "isPartOf": {"@id": vision["@id"] if unit is not None else website["@id"]},
        "publisher": {"@id": publisher["@id"]},
        "license": site.region.content_licence.url[lang],
    }
    if unit is not None:
        page["author"] = {"@id": publisher["@id"]}
        page["headline"] = title
        other = next(code for code in LANGUAGES if code != lang)
        counterpart = site.units.get(unit.type, unit.id, other)
        key = "workTranslation" if lang == LANGUAGES[0] else "translationOfWork"
        page[key] = {"@id": root + unit_path(counterpart), "inLanguage": other}
    if modified is not None:
        page["dateModified"] = modified.isoformat()
    if published is not None:
        page["datePublished"] = published.isoformat()
    nodes = [website, publisher, vision, page]
    if dataset:
        nodes.append(
            {
                "@type": "Dataset",
                "@id": f"{url}#cijfers",
                "name": title,
                "description": description,
                "inLanguage": lang,
                "creator": {"@id": publisher["@id"]},
                "publisher": {"@id": publisher["@id"]},
                "license": site.region.content_licence.url[lang],
                "isPartOf": {"@id": vision["@id"]},
                "distribution": [
                    {"@type": "DataDownload", "contentUrl": f"{root}{DOWNLOADS}/{name}", "encodingFormat": DATA_TYPES[kind]}
                    for kind, name in DATA_FILES.items()
                ],
            }
        )
    return {"@context": "https://schema.org", "@graph": nodes}


def script(data: dict[str, Any]) -> Markup:
    """The graph as a JSON-LD block that no text inside it can close."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">') + Markup(text) + Markup("</script>")
