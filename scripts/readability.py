"""Readability report: Flesch-Douma for every Dutch page, Flesch Reading Ease for English.

Reads the built site (default: site/), takes the text of each page's article (no menus,
no charts' tables), and prints one row per page with its score and the aim it is held to.
A report, not a test: it always exits 0.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyphen
import textstat

SKIP = {"script", "style", "svg", "table", "nav", "figcaption"}
AIM_DEFAULT = 60
# The home page and the persona pages are read by young people: a higher aim.
AIM_HIGH = 65
# The version for young people (content/youth/) is written at A2: Flesch-Douma 80 or more in
# Dutch (no page under 70), Flesch Reading Ease 75 or more in English (tests/test_youth.py).
AIM_YOUTH = {"nl": 80, "en": 75}
YOUTH_FOLDERS = ("jongeren/", "young-people/")


class ArticleText(HTMLParser):
    """Collect the text inside <article>, leaving out charts, tables and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        if self.depth and tag in SKIP:
            self.skip += 1
        if self.depth and tag in ("p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "blockquote"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.depth and tag in SKIP and self.skip:
            self.skip -= 1
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = [" ".join(line.split()) for line in "".join(self.parts).split("\n")]
        # Each block ends as a sentence, so headings and list items count as sentences.
        return " ".join(line if line.endswith((".", "?", "!", ":")) else line + "." for line in lines if line.strip("#. "))


def flesch_english(text: str) -> float:
    """Flesch Reading Ease with Pyphen's syllables.

    textstat counts English syllables with NLTK's cmudict, which it downloads at run time;
    no download is possible here, so we use the same formula with Pyphen (textstat's own
    fallback for words cmudict does not know).
    """
    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    hyphenator = pyphen.Pyphen(lang="en_GB")
    syllables = sum(len(hyphenator.positions(word)) + 1 for word in re.findall(r"[A-Za-z]+", text))
    return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / max(1, words))


def score(path: Path, lang: str) -> tuple[float, int]:
    """The page's score (Flesch-Douma for Dutch, Flesch Reading Ease for English) and words."""
    parser = ArticleText()
    parser.feed(path.read_text(encoding="utf-8"))
    text = parser.text()
    if lang == "en":
        return flesch_english(text), textstat.lexicon_count(text)
    # textstat's Dutch setting uses the Flesch-Douma constants and Pyphen's Dutch syllables.
    textstat.set_lang(lang)
    return textstat.flesch_reading_ease(text), textstat.lexicon_count(text)


def main(site: Path) -> None:
    rows = []
    for file in sorted(site.rglob("index.html")):
        rel = file.relative_to(site).parent.as_posix()
        page = "" if rel == "." else rel + "/"
        if page.startswith(("assets/", "search/")) or 'data-rv="redirect"' in file.read_text(encoding="utf-8"):
            continue  # not a page: a redirect from an old or short address
        lang = "en" if page.startswith("en/") else "nl"
        plain = page[3:] if lang == "en" else page
        aim = AIM_HIGH if plain == "" or (plain.startswith("personas/") and plain != "personas/") else AIM_DEFAULT
        if plain.startswith(YOUTH_FOLDERS) and plain not in YOUTH_FOLDERS:
            aim = AIM_YOUTH[lang]
        value, words = score(file, lang)
        rows.append((lang, "/" + page, value, words, aim))
    print(f"{'lang':4}  {'page':42}  {'score':>5}  {'words':>5}  aim")
    below = 0
    for lang, page, value, words, aim in rows:
        flag = "" if value >= aim else "  below aim"
        below += lang == "nl" and value < aim
        print(f"{lang:4}  {page:42}  {value:5.1f}  {words:5d}  {aim}{flag}")
    dutch = [r for r in rows if r[0] == "nl"]
    print(f"\nDutch (Flesch-Douma): {len(dutch)} pages, mean {sum(r[2] for r in dutch) / len(dutch):.1f}, {below} below aim")
    english = [r for r in rows if r[0] == "en"]
    print(f"English (Flesch Reading Ease): {len(english)} pages, mean {sum(r[2] for r in english) / len(english):.1f}")
    youth = [r for r in rows if r[4] == AIM_YOUTH[r[0]]]
    for lang in ("nl", "en"):
        scores = sorted(r[2] for r in youth if r[0] == lang)
        if scores:
            median = scores[len(scores) // 2] if len(scores) % 2 else (scores[len(scores) // 2 - 1] + scores[len(scores) // 2]) / 2
            print(f"For young people ({lang}): {len(scores)} page(s), median {median:.1f}, lowest {scores[0]:.1f} (aim {AIM_YOUTH[lang]})")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
