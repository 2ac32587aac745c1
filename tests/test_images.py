"""Pictures editors add in content/images/: checked, resized without metadata, on both languages' pages and in the brochure."""

from __future__ import annotations

import io
import posixpath
from pathlib import Path

import pikepdf
import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from macros.core.problems import Message, Problems
from macros.load import images
from tests.conftest import EXAMPLE

PICTURE = EXAMPLE / "content" / "images" / "speeltuin-in-de-wijk.jpg"
PAGES = {"nl": "visie/ambitie-dichtbij/index.html", "en": "en/vision/ambitie-dichtbij/index.html"}
ALTS = {"nl": "Een getekende speeltuin", "en": "A drawing of a playground"}


def test_the_example_picture_carries_a_location_that_must_not_be_published() -> None:
    # The source keeps its GPS data and camera (as a phone's photo would): the site must not.
    with Image.open(PICTURE) as original:
        assert original.getexif().get_ifd(0x8825), "the example picture lost its GPS data: the test below would prove nothing"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_picture_shows_on_both_languages_pages_sized_and_without_metadata(example_dir: Path, lang: str) -> None:
    page = example_dir / PAGES[lang]
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    pictures = tree.css("img.rv-image")
    assert len(pictures) == 1
    img = pictures[0].attributes
    assert img["alt"].startswith(ALTS[lang])
    assert img["width"] == "1440" and img["height"] == "960"
    assert img["loading"] in ("lazy", "eager") and img["sizes"]
    candidates = [part.strip().split(" ") for part in img["srcset"].split(",")]
    assert [width for _, width in candidates] == ["480w", "960w", "1440w"]
    for source, width in candidates + [[img["src"], None]]:
        # Relative to the page's own address: the file is where the link says.
        file = Path(posixpath.normpath(posixpath.join(str(page.parent), source)))
        assert file.is_file(), source
        with Image.open(file) as served:
            assert served.format == "WEBP"
            if width:
                assert served.width == int(width[:-1])
            assert not served.getexif(), f"{file.name} still has EXIF data"
            assert "xmp" not in served.info and "icc_profile" not in served.info, served.info.keys()
        assert b"Exif" not in file.read_bytes() and b"GPS" not in file.read_bytes()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_picture_is_in_the_brochure_with_its_alt_text(example_dir: Path, lang: str) -> None:
    brochure = next(path for path in (example_dir / "downloads").glob("*.pdf") if "praatplaat" not in path.name and (lang == "en") == path.name.startswith("youth"))
    with pikepdf.open(brochure) as pdf:
        alts = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            item = stack.pop()
            if isinstance(item, pikepdf.Dictionary):
                if item.get("/S") == "/Figure":
                    alts.append(str(item.get("/Alt", "")))
                kids = item.get("/K")
                stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else [])
    assert any(alt.startswith(ALTS[lang]) for alt in alts), alts


def _messages(problems: Problems) -> list[str]:
    for problem in problems.items:
        assert isinstance(problem.text, Message)
    return [f"{p.path}:{p.line}: {p.message}" for p in problems.items]


def _save(folder: Path, name: str, format_: str, size: tuple[int, int] = (40, 30)) -> Path:
    file = folder / "content" / "images" / name
    file.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, "#336699").save(file, format_)
    return file


def test_pictures_that_cannot_be_published_are_refused_with_their_reason(tmp_path: Path) -> None:
    _save(tmp_path, "goed.jpg", "JPEG")
    _save(tmp_path, "eigenlijk-png.jpg", "PNG")
    _save(tmp_path, "Foto van Sarah.jpg", "JPEG")
    _save(tmp_path, "oud.gif", "GIF")
    (tmp_path / "content" / "images" / "kapot.png").write_bytes(b"not a picture")
    problems = Problems()
    found = images.load_images(tmp_path, problems)
    assert sorted(found) == ["goed.jpg"]
    report = "\n".join(_messages(problems))
    assert "content/images/eigenlijk-png.jpg:1: heet .jpg maar is een PNG-bestand" in report
    assert 'content/images/Foto van Sarah.jpg:1: de naam "Foto van Sarah.jpg" kan niet in een link' in report
    assert "content/images/oud.gif:1: een .gif kan niet op de site" in report
    assert "content/images/kapot.png:1: is geen foto die we kunnen lezen" in report


def test_a_picture_over_the_size_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _save(tmp_path, "groot.png", "PNG", (300, 300))
    monkeypatch.setattr(images, "MAX_PIXELS", 300 * 299)
    problems = Problems()
    assert images.load_images(tmp_path, problems) == {}
    assert "is 300 × 300 pixels (te groot" in _messages(problems)[0]


def test_a_picture_needs_an_alt_text_or_says_it_is_decoration(tmp_path: Path) -> None:
    known = {"buiten.jpg": _save(tmp_path, "buiten.jpg", "JPEG")}
    text = "Tekst.\n\n![](../images/buiten.jpg)\n\n![decoratie](../images/buiten.jpg)\n\n![Kinderen buiten](../images/binnen.jpg)\n"
    problems = Problems()
    images.check_references("content/vision/x.nl.md", text, 10, known, tmp_path, problems)
    report = _messages(problems)
    assert len(report) == 2, report
    assert report[0].startswith("content/vision/x.nl.md:12: de afbeelding ../images/buiten.jpg heeft geen alt-tekst")
    assert report[1].startswith("content/vision/x.nl.md:16: de afbeelding ../images/binnen.jpg bestaat niet")
    # Decoration: an empty alt on the page, and no srcset lost.
    html = images.render(text, known, lambda path: "../../" + path)
    assert '<img class="rv-image rv-image--decoration"' in html and 'alt=""' in html


def test_a_phone_photo_stands_the_right_way_up_and_loses_its_location(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    exif[0x8825] = {1: "N", 2: (52.0, 30.0, 1.0)}
    file = tmp_path / "content" / "images" / "telefoon.jpg"
    file.parent.mkdir(parents=True)
    Image.new("RGB", (400, 300), "#884422").save(file, "JPEG", exif=exif)
    (variant,) = images.variants(file)
    with Image.open(io.BytesIO(variant.data)) as served:
        assert (served.width, served.height) == (300, 400)
        assert not served.getexif()
