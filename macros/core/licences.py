"""The licences a region may publish its texts and figures under (``licence:`` in data/region.yaml).

A short list of open licences, each with its SPDX id (what editors write), its name in both
languages and the address of its text in each language. Open government data in the
Netherlands is usually CC0 (no conditions) or CC BY (name the source).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    """One licence: its SPDX id, its name and the address of its deed, per language."""

    id: str
    short: str
    name: dict[str, str]
    url: dict[str, str]
    # What a reuser must do, in one plain sentence per language.
    terms: dict[str, str]


LICENCES: dict[str, Licence] = {
    "CC-BY-4.0": Licence(
        "CC-BY-4.0",
        "CC BY 4.0",
        {"nl": "Creative Commons Naamsvermelding 4.0 Internationaal (CC BY 4.0)", "en": "Creative Commons Attribution 4.0 International (CC BY 4.0)"},
        {"nl": "https://creativecommons.org/licenses/by/4.0/deed.nl", "en": "https://creativecommons.org/licenses/by/4.0/deed.en"},
        {"nl": "Je mag de teksten en cijfers gebruiken en aanpassen, ook voor je eigen werk, als je de bron noemt.", "en": "You may use and adapt the texts and figures, also in your own work, as long as you name the source."},
    ),
    "CC0-1.0": Licence(
        "CC0-1.0",
        "CC0 1.0",
        {"nl": "Creative Commons Zero 1.0 (CC0, publiek domein)", "en": "Creative Commons Zero 1.0 (CC0, public domain)"},
        {"nl": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl", "en": "https://creativecommons.org/publicdomain/zero/1.0/deed.en"},
        {"nl": "Je mag de teksten en cijfers vrij gebruiken en aanpassen, zonder voorwaarden.", "en": "You may use and adapt the texts and figures freely, without conditions."},
    ),
    "CC-BY-SA-4.0": Licence(
        "CC-BY-SA-4.0",
        "CC BY-SA 4.0",
        {"nl": "Creative Commons Naamsvermelding-GelijkDelen 4.0 Internationaal (CC BY-SA 4.0)", "en": "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)"},
        {"nl": "https://creativecommons.org/licenses/by-sa/4.0/deed.nl", "en": "https://creativecommons.org/licenses/by-sa/4.0/deed.en"},
        {
            "nl": "Je mag de teksten en cijfers gebruiken en aanpassen, als je de bron noemt en je werk onder dezelfde licentie deelt.",
            "en": "You may use and adapt the texts and figures, as long as you name the source and share your work under the same licence.",
        },
    ),
}
