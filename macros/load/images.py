"""Pictures in the content: ``content/images/`` of the region, checked, resized and cleaned.

An editor puts a picture in ``content/images/`` and writes, on any page, in either language,
``![what the picture shows](../images/name.jpg)``: the path as it is in the repository, so
GitHub's own preview shows the picture too. The same line works on the Dutch and the English
page (which live in different folders on the site) and in the brochure, because the build
replaces it with an ``<img>`` whose addresses it computes for each page.

- Alt text is required. A picture that only decorates says so explicitly: its alt text is
  ``decoratie`` (or ``decoration``); it then gets ``alt=""``, is hidden from screen readers
  and left out of the brochure.
- JPEG, PNG and WebP photos are resized to at most three widths (480, 960, 1440 px, never
  larger than the original) as WebP, with ``srcset``, ``width`` and ``height`` (no layout
  shift while loading) and ``loading="lazy"`` below the top of the page. Re-encoding drops
  every piece of metadata: GPS location, camera, date. The orientation a phone stores in
  its EXIF data is applied first, so the picture stands the right way up.
- SVG drawings are checked like portraits (``svg.py``: no script, no links out) and copied.
- A file over :data:`MAX_BYTES`, over :data:`MAX_PIXELS`, with a name that a Markdown link
  cannot hold, or whose content is not what its extension says, is refused with its reason.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

from macros.core.problems import Message, Problems
from macros.core.svg import check_svg

FOLDER = "content/images"
SITE_FOLDER = "assets/images"
RASTER = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}
EXTENSIONS = (*RASTER, ".svg")
WIDTHS = (480, 960, 1440)
MAX_BYTES = 8_000_000
MAX_PIXELS = 40_000_000
QUALITY = 80
DECORATION = ("decoratie", "decoration")
# How the picture is shown: the text column is at most about 42 em wide.
SIZES = "(min-width: 60em) 42em, 100vw"
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*\.[a-z]+$")
# ![alt](target "title") on one line; the alt text may hold escaped brackets.
IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def is_content_image(target: str) -> bool:
    """Whether a Markdown image target points into ``content/images/`` (from a content page)."""
    return target.startswith("../images/")


@dataclass(frozen=True)
class Variant:
    """One size of a picture as the site serves it."""

    name: str  # file name under assets/images/
    width: int
    height: int
    data: bytes


def _problem(rel: str, nl: str, en: str, problems: Problems, line: int = 1) -> None:
    problems.add(rel, line, "afbeelding", Message(nl=nl, en=en))


def check_file(file: Path, root: Path, problems: Problems) -> bool:
    """Report what makes the picture ``file`` unusable; True when it can be published."""
    rel = file.relative_to(root).as_posix()
    suffix = file.suffix.lower()
    if not _NAME.match(file.name):
        _problem(
            rel,
            f'de naam "{file.name}" kan niet in een link (gebruik kleine letters, cijfers en streepjes, zoals `kinderen-buiten.jpg`)',
            f'the name "{file.name}" cannot go in a link (use lower-case letters, digits and hyphens, like `kinderen-buiten.jpg`)',
            problems,
        )
        return False
    if suffix not in EXTENSIONS:
        _problem(
            rel,
            f"een {suffix or 'bestand zonder extensie'} kan niet op de site (sla de foto op als JPEG, PNG of WebP, of een tekening als SVG)",
            f"a {suffix or 'file without extension'} cannot go on the site (save the photo as JPEG, PNG or WebP, or a drawing as SVG)",
            problems,
        )
        return False
    size = file.stat().st_size
    if size > MAX_BYTES:
        _problem(
            rel,
            f"is {size / 1_000_000:.1f} MB (hoogstens {MAX_BYTES // 1_000_000} MB: maak de foto kleiner, bijvoorbeeld 2000 pixels breed)",
            f"is {size / 1_000_000:.1f} MB (at most {MAX_BYTES // 1_000_000} MB: make the photo smaller, for example 2000 pixels wide)",
            problems,
        )
        return False
    if suffix == ".svg":
            return check_svg(file, root, problems)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            found, width, height = image.format, image.width, image.height
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        _problem(rel, "is geen foto die we kunnen lezen (sla hem opnieuw op als JPEG of PNG)", "is not a picture we can read (save it again as JPEG or PNG)", problems)
        return False
    if found != RASTER[suffix]:
        _problem(
            rel,
            f"heet {suffix} maar is een {found}-bestand (geef het de goede extensie, of sla het op als JPEG of PNG)",
            f"is named {suffix} but is a {found} file (give it the right extension, or save it as JPEG or PNG)",
            problems,
        )
        return False
    if width * height > MAX_PIXELS:
        _problem(
            rel,
            f"is {width} × {height} pixels (te groot: maak de foto kleiner, bijvoorbeeld 2000 pixels breed)",
            f"is {width} × {height} pixels (too large: make the photo smaller, for example 2000 pixels wide)",
            problems,
        )
        return False
    return True


@functools.lru_cache(maxsize=64)
def _variants(data: bytes, stem: str) -> tuple[Variant, ...]:
    """The sizes of one raster picture, as WebP without any metadata (the same bytes each build)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        # Phones store "this side up" in EXIF; apply it, since the metadata goes.
        image = ImageOps.exif_transpose(opened)
        alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
        image = image.convert("RGBA" if alpha else "RGB")
        widths = sorted({min(width, image.width) for width in WIDTHS})
        digest = hashlib.sha256(data).hexdigest()[:10]
        found = []
        for width in widths:
            height = round(image.height * width / image.width)
            resized = image if width == image.width else image.resize((width, height), Image.Resampling.LANCZOS)
            out = io.BytesIO()
            # No exif=, icc_profile= or xmp=: nothing of the original's metadata is written.
            resized.save(out, "WEBP", quality=QUALITY, method=4)
            found.append(Variant(f"{stem}-{digest}-{width}.webp", width, height, out.getvalue()))
    return tuple(found)


def variants(file: Path) -> tuple[Variant, ...]:
    """The files the site serves for the picture ``file`` (one for an SVG, up to three for a photo)."""
    data = file.read_bytes()
    if file.suffix.lower() == ".svg":
        digest = hashlib.sha256(data).hexdigest()[:10]
        from xml.etree import ElementTree

        root = ElementTree.fromstring(data)
        box = (root.get("viewBox") or "0 0 0 0").replace(",", " ").split()
        width, height = (int(float(value)) for value in box[2:4]) if len(box) == 4 else (0, 0)
        return (Variant(f"{file.stem}-{digest}.svg", width, height, data),)
    return _variants(data, file.stem)


def img_tag(alt: str, found: tuple[Variant, ...], link, eager: bool) -> Markup:
    """The ``<img>`` for one picture on one page; ``link`` makes a site path relative to the page."""
    largest = found[-1]
    decoration = alt.strip().lower() in DECORATION
    attributes = {
        "class": "rv-image" + (" rv-image--decoration" if decoration else ""),
        "src": link(f"{SITE_FOLDER}/{found[min(1, len(found) - 1)].name}"),
    }
    if len(found) > 1:
        attributes["srcset"] = ", ".join(f"{link(SITE_FOLDER + '/' + v.name)} {v.width}w" for v in found)
        attributes["sizes"] = SIZES
    if largest.width and largest.height:
        attributes["width"] = str(largest.width)
        attributes["height"] = str(largest.height)
    attributes["alt"] = "" if decoration else alt
    attributes["loading"] = "eager" if eager else "lazy"
    attributes["decoding"] = "async"
    return Markup("<img " + " ".join(f'{name}="{escape(value)}"' for name, value in attributes.items()) + ">")


def unescape_alt(alt: str) -> str:
    """The alt text as the reader gets it: Markdown's backslash escapes undone."""
    return re.sub(r"\\(.)", r"\1", alt).strip()


def load_images(root: Path, problems: Problems) -> dict[str, Path]:
    """The usable pictures in ``content/images/`` by file name; each unusable one reported once."""
    folder = root / FOLDER
    found: dict[str, Path] = {}
    for file in sorted(folder.iterdir()) if folder.is_dir() else []:
        if file.name.startswith(".") or file.is_dir():
            continue
        if file.is_symlink() or not file.resolve().is_relative_to(root.resolve()):
            _problem(
                file.relative_to(root).as_posix(),
                "is een link naar een ander bestand (zet de foto zelf in de map)",
                "is a link to another file (put the picture itself in the folder)",
                problems,
            )
            continue
        if check_file(file, root, problems):
            found[file.name] = file
    return found


def check_references(path: str, text: str, first_line: int, images: dict[str, Path], root: Path, problems: Problems) -> None:
    """Every picture on one page: in content/images/, known, with an alt text."""
    for number, line in enumerate(text.split("\n"), start=first_line):
        for match in IMAGE.finditer(line):
            alt, target = unescape_alt(match.group(1)), match.group(2)
            if target.startswith("//") or ":" in target.split("/")[0]:
                continue  # a picture from another host or a data: address (load/markup.py refuses those)
            if not is_content_image(target):
                _outside(path, number, alt, target, images, problems)
                continue
            name = target[len("../images/") :]
            if "/" in name or name not in images:
                exists = (root / FOLDER / name).is_file()
                if not exists:
                    close = sorted(images)
                    problems.add(
                        path,
                        number,
                        "afbeelding",
                        Message(
                            nl=f"de afbeelding {target} bestaat niet (zet het bestand in {FOLDER}/" + (f"; er staan: {', '.join(close)}" if close else "") + ")",
                            en=f"the picture {target} does not exist (put the file in {FOLDER}/" + (f"; there are: {', '.join(close)}" if close else "") + ")",
                        ),
                    )
                continue
            if not alt:
                _no_alt(path, number, target, name, problems)


def _no_alt(path: str, number: int, target: str, name: str, problems: Problems) -> None:
    problems.add(
        path,
        number,
        "afbeelding",
        Message(
            nl=f"de afbeelding {target} heeft geen alt-tekst (schrijf tussen de haken wat je op de foto ziet, zoals `![Kinderen spelen buiten](../images/{name})`; is het alleen versiering, schrijf dan `![decoratie](../images/{name})`)",
            en=f"the picture {target} has no alt text (write between the brackets what the picture shows, like `![Children playing outside](../images/{name})`; if it only decorates, write `![decoration](../images/{name})`)",
        ),
    )


def _outside(path: str, number: int, alt: str, target: str, images: dict[str, Path], problems: Problems) -> None:
    """A picture the page points to outside content/images/: only pictures there are checked,
    made small and shown on both languages' pages, so it says where to put it and what to write."""
    name = target.rstrip("/").rsplit("/", 1)[-1]
    words = alt or "wat je op de foto ziet"
    if name in images:
        nl = f"schrijf `![{words}](../images/{name})`: zo wijst de link vanaf deze pagina naar {FOLDER}/{name}"
        en = f"expected `![{alt or 'what the picture shows'}](../images/{name})`, the path from this page to {FOLDER}/{name}"
    else:
        nl = f"zet het bestand in {FOLDER}/ en schrijf `![{words}](../images/{name})`"
        en = f"expected the file in {FOLDER}/ and `![{alt or 'what the picture shows'}](../images/{name})`"
    problems.add(
        path,
        number,
        "afbeelding",
        Message(
            nl=f"de afbeelding {target} staat niet in {FOLDER}/ ({nl})",
            en=f"the picture {target} is not in {FOLDER}/ ({en})",
        ),
    )
    if not alt:
        _no_alt(path, number, target, name, problems)


def render(body: str, images: dict[str, Path], link, decoration: bool = True) -> str:
    """The page's Markdown with each content picture as an ``<img>`` for this page's address.

    The first picture near the top of the body loads at once; the others when the reader
    scrolls near them. Without ``decoration`` (paper), a picture marked as decoration is left
    out: in a PDF every figure needs a text.
    """
    lines = body.split("\n")
    seen = {"first": True}

    def replace(match: re.Match[str], number: int) -> str:
        target = match.group(2)
        name = target[len("../images/") :] if is_content_image(target) else ""
        if name not in images:
            return match.group(0)
        if not decoration and unescape_alt(match.group(1)).strip().lower() in DECORATION:
            return ""
        eager = seen["first"] and number < 4
        seen["first"] = False
        return str(img_tag(unescape_alt(match.group(1)), variants(images[name]), link, eager))

    return "\n".join(IMAGE.sub(lambda m, n=number: replace(m, n), line) for number, line in enumerate(lines))


def site_files(images: dict[str, Path]) -> dict[str, bytes]:
    """Every file the site serves for the pictures, by its path in the built site."""
    return {f"{SITE_FOLDER}/{variant.name}": variant.data for file in images.values() for variant in variants(file)}
