"""The macros editors may use, with their parameters: one list for checking and for docs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from macros.core.problems import Message
from macros.core.safety import MacroSpec, Param

# What a docs page may take from the region file with {{ region("…") }}, and the counts it may
# say in words with {{ count("…") }}: the names here, the renderers in macros/render/units.py.
REGION_WORDS = ("name", "site_name", "publisher", "contact", "municipalities", "statement_date")
COUNTED = ("principles", "personas", "ambitions", "municipalities")


def macro_specs(site: Any, declared_figures: set[str] | None = None, figures_read: bool = True) -> dict[str, MacroSpec]:
    """Every macro a page may call; ids are checked against the loaded ``site`` (its figures,
    indicators and units: the Site of macros/load/site.py, which calls this while loading).

    ``declared_figures`` also accepts figures whose definition has a mistake (reported there).
    """
    declared = declared_figures or set()
    figure_ids = sorted(set(site.figures) | (declared - set(site.indicators)))
    indicator_ids = sorted(set(site.indicators) | (declared - set(site.figures)))
    units = site.units.by_type
    # When data/indicators.yaml cannot be read, that is the one problem to show: no page's
    # figure is reported as unknown because of it.
    indicators = (lambda: indicator_ids) if figures_read else None
    figures = (lambda: figure_ids) if figures_read else None
    level = Param("level", "int", required=False)
    specs = [
        MacroSpec(
            "indicator",
            (Param("id", "id", indicators, "indicator"), Param("year", "year", required=False)),
            extra=lambda v: _year_exists(site, v),
        ),
        MacroSpec("figure", (Param("id", "id", figures, "figure"),)),
        MacroSpec(
            "change",
            (Param("id", "id", indicators, "indicator"), Param("since", "year"), Param("until", "year")),
            extra=lambda v: _year_exists(site, {"id": v.get("id"), "year": v.get("since")}) or _year_exists(site, {"id": v.get("id"), "year": v.get("until")}),
        ),
        MacroSpec("praatplaat", (level,)),
        MacroSpec("principle_card", (Param("id", "id", lambda: sorted(units["principles"]), "principle"), level)),
        MacroSpec("persona_card", (Param("id", "id", lambda: sorted(units["personas"]), "persona"), level)),
        MacroSpec("principle_list", (level,)),
        MacroSpec("persona_list", (level,)),
        MacroSpec("vision_list", (level,)),
        MacroSpec("ambition_list", (level,)),
        MacroSpec("hero", ()),
        MacroSpec("downloads", (Param("scope", "id", lambda: ["all", "page-language"], "scope", required=False),)),
        MacroSpec("key_figures", ()),
        MacroSpec("key_figure", (Param("id", "id", indicators, "indicator"),)),
        MacroSpec("headline_figure", ()),
        MacroSpec("more_figures", ()),
        MacroSpec("region", (Param("field", "id", lambda: sorted(REGION_WORDS), "region field"),)),
        MacroSpec("count", (Param("what", "id", lambda: sorted(COUNTED), "count"),)),
        MacroSpec("accessibility_tests", ()),
        MacroSpec("known_problems", ()),
        MacroSpec("change_list", ()),
        MacroSpec("change_feed", ()),
        MacroSpec("youth_link", ()),
    ]
    return {spec.name: spec for spec in specs}


def _year_exists(site: Any, values: Mapping[str, object]) -> Message | None:
    indicator = site.indicators.get(str(values.get("id")))
    year = values.get("year")
    if indicator is None or year is None or year in indicator.values:
        return None
    years = ", ".join(str(y) for y in sorted(indicator.values))
    return Message(
        nl=f'"{indicator.id}" heeft geen waarde voor {year} (kies uit: {years})',
        en=f'"{indicator.id}" has no value for {year} (expected one of: {years})',
    )
