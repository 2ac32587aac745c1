"""One palette (macros/tokens.yaml) for the site's CSS, the PDFs and the preview images."""

from __future__ import annotations

from pathlib import Path

import yaml

from macros.core import tokens
from macros.publish.documents import PRINT_COLOURS
from tests.conftest import ROOT

PALETTE = yaml.safe_load(tokens.TOKENS.read_text(encoding="utf-8"))


def test_the_built_style_sheet_has_both_palettes(site_dir: Path) -> None:
    css = (site_dir / "assets" / "site.css").read_text(encoding="utf-8")
    assert "@rv-tokens" not in css
    # Light by default; dark where the system asks for it (unless the reader chose light on this
    # site), and where the reader chose dark: CSS alone follows the system.
    selectors = (
        ("light", ":root{"),
        ("dark", '@media (prefers-color-scheme:dark){:root:not([data-rv-scheme="light"]){'),
        ("dark", ':root[data-rv-scheme="dark"]{'),
    )
    for scheme, selector in selectors:
        start = css.index(selector + "--rv-color-ink:")
        block = css[start : css.index("}", start)]
        for name, (value, _) in PALETTE[scheme].items():
            assert f"--rv-color-{name}:{value}" in block, (scheme, name)
        assert f"color-scheme:{scheme}" in block


def test_no_palette_colour_is_written_anywhere_else() -> None:
    """The palette stands in tokens.yaml only: the site's style sheet declares none of it, and the
    PDFs' style sheets use its names, not its values."""
    site_css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    assert "--rv-color-" + "ink:" not in site_css and "--rv-color-brand:" not in site_css
    values = {value for value, _ in PALETTE["light"].values()} - {"#ffffff"}
    sheets = sorted((ROOT / "macros" / "components").rglob("*.css"))
    assert {sheet.name for sheet in sheets} >= {"brochure.css", "poster.css", "leaflet.css"}
    for sheet in sheets:
        text = sheet.read_text(encoding="utf-8").lower()
        assert [value for value in values if value in text] == [], sheet.name


def test_print_and_previews_take_the_palette() -> None:
    assert PRINT_COLOURS == {"brand": PALETTE["light"]["brand"][0], "brand_dark": PALETTE["light"]["brand-dark"][0], "accent": PALETTE["light"]["accent"][0]}
    assert tokens.palette_css("light").startswith(":root {")


def test_every_component_style_sheet_is_used_once() -> None:
    """Each component's CSS is in its own folder: its screen styles are written into the site's
    style sheet where it names them (once each, in cascade order), the PDFs' sheets are read by
    macros/publish/documents.py. None is left over, none is missing."""
    import re

    import rcssmin

    site_css = (ROOT / "docs" / "assets" / "site.css").read_text(encoding="utf-8")
    named = re.findall(r"@rv-component ([a-z-]+\.css);", site_css)
    documents = (ROOT / "macros" / "publish" / "documents.py").read_text(encoding="utf-8")
    sheets = {sheet.name for sheet in (ROOT / "macros" / "components").rglob("*.css")}
    for_pdfs = {name for name in sheets if f'"{name}"' in documents}
    assert len(named) == len(set(named)) >= 8
    assert set(named) | for_pdfs == sheets and not set(named) & for_pdfs
    built = tokens.style_sheet(site_css)
    # Every marker was replaced (the component files' comments name theirs; minifying drops those).
    assert "@rv-component" not in rcssmin.cssmin(built)
    for name in named:
        body = next((ROOT / "macros" / "components").rglob(name)).read_text(encoding="utf-8")
        # A rule of the component's own, written into the site's sheet.
        first_rule = next(line for line in body.splitlines() if line.endswith("{"))
        assert first_rule in built, name
