"""Link previews: every page says what a chat app or social network shows, with its own image."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from macros.load.site import load_site
from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of, pages

REQUIRED = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "og:locale:alternate", "og:image", "og:image:alt", "og:image:width", "og:image:height")
LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _meta(page: Path) -> dict[str, list[str]]:
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    found: dict[str, list[str]] = {}
    for node in tree.css("meta[property], meta[name]"):
        key = node.attributes.get("property") or node.attributes.get("name") or ""
        found.setdefault(key, []).append(node.attributes.get("content") or "")
    return found


def _image_file(site_dir: Path, site_url: str, address: str) -> Path:
    assert address.startswith(site_url), address
    return site_dir / address[len(site_url) :]


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_every_page_has_a_complete_link_preview_in_its_language(site_dir: Path, example_dir: Path, region: str) -> None:
    root = site_dir if region == "ijsselland" else example_dir
    site = load_site(ROOT if region == "ijsselland" else EXAMPLE)
    site_url = site.region.site_url
    checked = 0
    for page_path in pages(root):
        meta = _meta(file_of(root, page_path))
        lang = "en" if page_path.startswith("en/") else "nl"
        for key in REQUIRED:
            assert meta.get(key) and all(value.strip() for value in meta[key]), (page_path, key)
        assert meta["og:locale"] == [LOCALES[lang]] and meta["og:locale:alternate"] == [LOCALES["nl" if lang == "en" else "en"]]
        assert meta["og:site_name"] == [site.region.site_name(lang)]
        assert meta["twitter:card"] == ["summary_large_image"]
        assert meta["og:image:width"] == ["1200"] and meta["og:image:height"] == ["630"]
        if not page_path.startswith("404"):
            assert meta["og:url"][0] == site_url + page_path, page_path
        image = _image_file(root, site_url, meta["og:image"][0])
        assert image.is_file(), (page_path, meta["og:image"])
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_principle_and_story_has_its_own_preview_with_its_words(site_dir: Path, lang: str) -> None:
    site = load_site(ROOT)
    prefix = "" if lang == "nl" else "en/"
    digests = set()
    principles = site.units.ordered("principles", lang)
    for unit in principles + site.units.ordered("personas", lang):
        meta = _meta(site_dir / prefix / unit.url / "index.html")
        assert meta["og:title"] == [unit.title]
        assert meta["og:description"] == [unit.meta["summary"]]
        assert meta["og:type"] == ["article"]
        alt = meta["og:image:alt"][0]
        assert unit.title in alt
        if unit.type == "principles":
            assert site.t("principle_of", lang).format(number=unit.meta["number"], total=len(principles)) in alt
        else:
            assert unit.meta["quotes"][0]["text"][:40] in alt
        image = _image_file(site_dir, site.region.site_url, meta["og:image"][0])
        digests.add(hashlib.sha256(image.read_bytes()).hexdigest())
    assert len(digests) == len(principles) + len(site.units.ordered("personas", lang)), "two pages share a preview image"
    home = _meta(site_dir / prefix / "index.html")
    motto = next(u for u in site.units.ordered("vision", lang) if u.meta.get("motto")).meta["motto"]
    assert home["og:type"] == ["website"] and motto in home["og:image:alt"][0]


def test_preview_images_are_1200_by_630_png_under_300_kb(site_dir: Path, example_dir: Path) -> None:
    files = sorted((site_dir / "assets" / "social").rglob("*.png")) + sorted((example_dir / "assets" / "social").rglob("*.png"))
    assert len(files) > 40
    for file in files:
        assert file.stat().st_size < 300_000, (file, file.stat().st_size)
        with Image.open(file) as image:
            assert image.format == "PNG" and image.size == (1200, 630), file
            # Not a blank card: the region's dark colour and light text both appear.
            colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
            assert len(colours) > 50, file
