"""What a printed page must never show, read from the PDF as pdfplumber sees it: text that
crosses a drawing, a picture, a QR code or other text, and text off its sheet.

A word's box is where its glyphs are. A graphic that only sits behind a word (a coloured band,
a card) holds the whole word and is no problem; one that crosses it (a line through the
letters, a QR code's modules, a picture) is. Only the middle half of a word's height is
compared, so an underline or a rule just below a line of text does not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Room for rounding, in pt.
EPSILON = 0.5


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return self.x0 < other.x1 - EPSILON and other.x0 < self.x1 - EPSILON and self.top < other.bottom - EPSILON and other.top < self.bottom - EPSILON

    def holds(self, other: Box) -> bool:
        return self.x0 <= other.x0 + EPSILON and self.x1 >= other.x1 - EPSILON and self.top <= other.top + EPSILON and self.bottom >= other.bottom - EPSILON


def _box(item: dict[str, Any]) -> Box:
    return Box(float(item["x0"]), float(item["top"]), float(item["x1"]), float(item["bottom"]))


def _core(word: dict[str, Any]) -> Box:
    """The middle half of a word's height: where its letters are, not its underline."""
    quarter = (float(word["bottom"]) - float(word["top"])) / 4
    return Box(float(word["x0"]), float(word["top"]) + quarter, float(word["x1"]), float(word["bottom"]) - quarter)


def page_problems(page: Any, name: str) -> list[str]:
    """Every word of ``page`` that crosses another word, a drawing or a picture, or leaves the sheet."""
    found = []
    words = page.extract_words(use_text_flow=True, keep_blank_chars=False)
    sheet = Box(0, 0, float(page.width), float(page.height))
    for word in words:
        if not sheet.holds(_box(word)):
            found.append(f"{name}: “{word['text']}” leaves the sheet at {_box(word)}")
    cores = sorted(((_core(word), word["text"]) for word in words), key=lambda item: item[0].top)
    for index, (core, text) in enumerate(cores):
        for other, other_text in cores[index + 1 :]:
            if other.top >= core.bottom - EPSILON:
                break
            if core.overlaps(other):
                found.append(f"{name}: “{text}” and “{other_text}” are drawn over each other")
    graphics = [(_box(item), kind) for kind in ("curves", "lines", "rects") for item in getattr(page, kind)]
    graphics += [(_box(image), "images") for image in page.images]
    for core, text in cores:
        for box, kind in graphics:
            if box.overlaps(core) and (kind == "images" or not box.holds(core)):
                found.append(f"{name}: “{text}” is crossed by a drawing ({kind} at {box})")
                break
    return found


def file_problems(path: str) -> list[str]:
    """Every problem on every page of one PDF (runs in a worker process: files are checked side by side)."""
    import pdfplumber

    name = path.rsplit("/", 1)[-1]
    found = []
    with pdfplumber.open(path) as document:
        for number, page in enumerate(document.pages, start=1):
            found += page_problems(page, f"{name} p{number}")
    return found
