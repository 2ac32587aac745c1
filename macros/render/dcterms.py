"""Government metadata in a page's head: DCTERMS meta as the OWMS core names them, with the
region's municipalities as TOOI identifiers.

OWMS (Overheid.nl Web Metadata Standaard) is being retired in favour of TOOI (Thesauri en
Ontologieën voor Overheidsinformatie), which names government organisations by URI. So the
fields are the DCTERMS ones that OWMS core asks for, and where OWMS wanted a name from its own
lists, the page gives the TOOI identifier: a municipality written with its CBS code (``code:
GM0193`` in data/region.yaml) is ``https://identifier.overheid.nl/tooi/id/gemeente/gm0193``;
one without a code is given by name. Every value is plain text, escaped by the template.
"""

from __future__ import annotations

import datetime

from markupsafe import Markup

from macros.core.templating import render_template
from macros.load.site import Site

TOOI_MUNICIPALITY = "https://identifier.overheid.nl/tooi/id/gemeente/"
# The OWMS information type of every page: a web page (of a policy document).
TYPE = "webpagina"


def municipalities(site: Site) -> list[tuple[str, str | None]]:
    """Each municipality of the region with its TOOI identifier, or None without a CBS code."""
    assert site.region is not None
    codes = dict(site.region.codes)
    return [(name, TOOI_MUNICIPALITY + codes[name].lower() if name in codes else None) for name in site.region.municipalities]


def meta_tags(site: Site, lang: str, url: str, title: str, modified: datetime.date) -> Markup:
    """The DCTERMS meta of one page (``url``: its full address)."""
    assert site.region is not None
    items = [
        ("DCTERMS.identifier", url),
        ("DCTERMS.title", title),
        ("DCTERMS.type", TYPE),
        ("DCTERMS.language", lang),
        ("DCTERMS.creator", site.region.publisher),
        ("DCTERMS.publisher", site.region.publisher),
        ("DCTERMS.modified", modified.isoformat()),
        *(("DCTERMS.spatial", tooi or name) for name, tooi in municipalities(site)),
        ("DCTERMS.temporal", f"{site.region.period[0]}/{site.region.period[1]}"),
    ]
    return render_template("dcterms_meta.html", items=items)
