"""Link previews: Open Graph and card metadata on every page, and a preview image per page.

A partner pastes a principle's address into Teams, e-mail, LinkedIn or WhatsApp; the app
reads the page's ``og:`` metadata and shows a card. Every page gets its title, description,
address, type, site name, language (with the other language as alternate) and an image of
1200 × 630 pixels with its alt text.

The images are drawn at build time, from the same content: the region's colours, drawing
and logo and the page's own words (a principle: "Leidend principe 2 van 4" and its title; a
story: the persona's portrait, name and one quote; the home page: the core sentence; a
vision section: its title). WeasyPrint lays all cards of a language out as pages of one PDF
(DejaVu Sans, from Debian), PDFium (pypdfium2) renders each page to pixels, Pillow writes
the PNG: no font or anything else is fetched, and two builds give the same bytes.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from macros.core.schema import LANGUAGES
from macros.core.templating import render_template
from macros.load.site import Site
from macros.publish.documents import data_uri, logo_uri, print_colours, roots_uri
from macros.render.units import DEFAULT_PORTRAIT, PORTRAITS, motto_unit, unit_path

FOLDER = "assets/social"
WIDTH, HEIGHT = 1200, 630
# Open Graph locales of our languages.
LOCALES = {"nl": "nl_NL", "en": "en_GB"}
# The longest quote a story's card shows before it is cut at a word with "…".
QUOTE_MAX = 150


@dataclass(frozen=True)
class Card:
    """One preview image: its file key and what it shows."""

    key: str
    kicker: str
    title: str
    quote: str = ""
    story: bool = False  # a persona: their portrait beside the quote
    portrait: Path | None = None  # the region's drawing of them, else the site's
    large: bool = False  # the home page's core sentence, set large


def key_for(url: str) -> str:
    """The image key of a page, from its address below the site root (language folder removed)."""
    url = re.sub(r"^en/", "", url).strip("/")
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + " …"


def cards(site: Site, lang: str) -> list[Card]:
    """Every preview image of one language: home, each unit, and one for the other pages."""
    assert site.region is not None
    motto = motto_unit(site, lang)
    found = [Card("home", site.region.site_name(lang), motto.meta.get("motto") or motto.title, large=True)]
    found.append(Card("site", site.region.site_name(lang), site.region.description[lang]))
    principles = site.units.ordered("principles", lang)
    for unit in site.units.ordered("vision", lang):
        found.append(Card(key_for(unit_path(unit)), site.region.site_name(lang), unit.title))
    for unit in principles:
        kicker = site.t("principle_of", lang).format(number=unit.meta["number"], total=len(principles))
        found.append(Card(key_for(unit_path(unit)), kicker, unit.title))
    for unit in site.units.ordered("youth", lang):
        found.append(Card(key_for(unit_path(unit)), site.t("youth_kicker", lang), unit.title))
    for unit in site.units.ordered("personas", lang):
        quote = next((q["text"] for q in unit.meta.get("quotes") or [] if isinstance(q, dict)), "")
        found.append(Card(key_for(unit_path(unit)), site.region.site_name(lang), unit.title, _shorten(quote, QUOTE_MAX), True, site.portraits.get(unit.id)))
    return found


def _card_document(site: Site, lang: str, site_dir: Path) -> str:
    assert site.region is not None
    colours = print_colours(site)
    items = []
    for card in cards(site, lang):
        portrait = None
        if card.story:
            drawing = card.portrait or site_dir / PORTRAITS / f"{DEFAULT_PORTRAIT}.svg"
            portrait = Markup(data_uri(drawing.read_text(encoding="utf-8")))
        items.append({"card": card, "portrait": portrait})
    return str(
        render_template(
            "social_cards.html",
            lang=lang,
            items=items,
            colours=colours,
            roots=Markup(roots_uri(colours, on_dark=True)),
            logo=Markup(logo_uri(site)),
            host=site.region.site_url.split("://", 1)[-1].rstrip("/"),
        )
    )



def image_jobs(site: Site, site_dir: Path) -> list[tuple[Any, tuple[Any, ...]]]:
    """The preview images as jobs for the PDFs' worker pool (pdf.write_pdfs): one per language."""
    return [
        (draw_cards, (_card_document(site, lang, site_dir), site_dir.as_uri() + "/", site_dir / FOLDER / lang, [card.key for card in cards(site, lang)]))
        for lang in LANGUAGES
    ]


def draw_cards(document: str, base_url: str, folder: Path, keys: list[str]) -> list[Path]:
    """Lay the cards of one language out (WeasyPrint), render each page (PDFium) and write
    it as PNG, named by its key; return the files."""
    import pypdfium2
    from weasyprint import HTML

    data = HTML(string=document, base_url=base_url).write_pdf()
    pdf = pypdfium2.PdfDocument(data)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    try:
        for index, key in enumerate(keys):
            image = pdf[index].render(scale=96 / 72).to_pil().convert("RGB")
            if image.size != (WIDTH, HEIGHT):
                image = image.resize((WIDTH, HEIGHT))
            out = io.BytesIO()
            # Not optimize=True: it took 3.5 times as long for 3 % smaller files (25 cards: 1.5 s against
            # 0.4 s, 1,489 kB against 1,537 kB).
            image.save(out, "PNG")
            target = folder / f"{key}.png"
            target.write_bytes(out.getvalue())
            written.append(target)
    finally:
        pdf.close()
    return written


def image_for(page_url: str, keys: set[str]) -> str:
    """The image key a page uses: its own, else the site's."""
    key = key_for(page_url)
    return key if key in keys else "site"


def meta_tags(site: Site, lang: str, page_url: str, title: str, description: str, absolute: Any) -> Markup:
    """The page's Open Graph and card metadata (escaped: editors' words land in attributes)."""
    assert site.region is not None
    by_key = {card.key: card for card in cards(site, lang)}
    key = image_for(page_url, set(by_key))
    is_home = key == "home"
    card = by_key.get(key)
    if is_home:
        alt = f"{site.region.site_name(lang)}: {motto_unit(site, lang).meta.get('motto') or title}"
    elif card is not None and card.key != "site":
        alt = f"{card.kicker}: {card.title}" + (f" – “{card.quote}”" if card.quote else "")
    else:
        alt = f"{site.region.site_name(lang)}: {site.region.description[lang]}"
    return render_template(
        "social_meta.html",
        title=title,
        description=description,
        url=absolute(page_url),
        type="website" if is_home else "article",
        site_name=site.region.site_name(lang),
        locale=LOCALES[lang],
        alternates=[LOCALES[code] for code in LANGUAGES if code != lang],
        image=absolute(f"{FOLDER}/{lang}/{key}.png"),
        image_alt=alt,
        width=WIDTH,
        height=HEIGHT,
    )
