"""The site's words (``data/terms.yaml``): one English term per Dutch term, and words to avoid.

``terms`` pairs each Dutch term with the one English term the site uses for it (for
translators; REDACTIE.md). ``avoid`` lists words a careful editor would not write, in one
language, with what to write instead and why: calques of Dutch in English ("care worker" for
hulpverlener, "the first to raise" for de eerste opvoeders), jargon a reader does not know.
`make check` warns on each one it finds in a page or a field, on its line, with the
replacement (a warning: the page is still published). The check reads the files as written,
so it costs a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from macros.core.files import read_source
from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGES, Field, Where, check, compose

REL = "data/terms.yaml"
_TEXT = Message(nl="een woord of een paar woorden", en="a word or a few words")
TERMS = Field(
    "map",
    Message(nl="de woorden van de site: `terms:` en `avoid:`", en="the site's words: `terms:` and `avoid:`"),
    fields={
        "terms": Field(
            "list",
            Message(nl="per begrip het Nederlandse en het Engelse woord", en="per term the Dutch and the English word"),
            item=Field(
                "map",
                Message(nl="een begrip met `nl:` en `en:`", en="a term with `nl:` and `en:`"),
                fields={"nl": Field("text", _TEXT), "en": Field("text", _TEXT)},
            ),
            min_items=1,
        ),
        "avoid": Field(
            "list",
            Message(nl="woorden die we niet gebruiken, elk met `lang:`, `word:`, `write:` en `why:`", en="words we do not use, each with `lang:`, `word:`, `write:` and `why:`"),
            required=False,
            item=Field(
                "map",
                Message(nl="een woord om te vermijden", en="a word to avoid"),
                fields={
                    "lang": Field("text", Message(nl="de taal waarin je het woord vermijdt: `nl` of `en`", en="the language the word is avoided in: `nl` or `en`"), choices=LANGUAGES),
                    "word": Field("text", Message(nl="het woord of de woorden om te vermijden", en="the word or words to avoid")),
                    "write": Field("text", Message(nl="wat je in plaats daarvan schrijft", en="what to write instead")),
                    "why": Field("texts", Message(nl="waarom, in één korte zin", en="why, in one short sentence")),
                },
            ),
        ),
    },
)


@dataclass(frozen=True)
class Avoided:
    """A word to avoid in one language, what to write instead, and why (in both languages)."""

    lang: str
    word: str
    write: str
    why: dict[str, str]

    @cached_property
    def source(self) -> str:
        """The word as a pattern: whole words, any case; a space matches any run of white space."""
        words = r"\s+".join(re.escape(part) for part in self.word.split())
        return rf"(?<!\w){words}(?!\w)"

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)


@dataclass(frozen=True)
class Terms:
    pairs: tuple[tuple[str, str], ...] = ()
    avoided: tuple[Avoided, ...] = ()


def load_terms(root: Path, problems: Problems) -> Terms:
    """The region's word list; none (no warnings) when it has no data/terms.yaml."""
    path = root / REL
    if not path.is_file():
        return Terms()
    text = read_source(path, root, problems)
    if text is None:
        return Terms()
    before = len(problems.errors)
    data = check(compose(text, Where(REL, problems=problems)), TERMS, Where(REL, problems=problems), "")
    if data is None or len(problems.errors) > before:
        return Terms()  # every mistake in the list is reported; no words are checked with half a list
    pairs = tuple((item["nl"], item["en"]) for item in data["terms"] or [] if item)
    avoided = tuple(Avoided(item["lang"], item["word"], item["write"], dict(item["why"])) for item in data["avoid"] or [] if item)
    return Terms(pairs, avoided)


def _language(line: str, file_lang: str | None) -> str | None:
    """The language of one line: the file's (``x.en.md``), or in a YAML file of both languages
    the key's (``en: …``)."""
    if file_lang is not None:
        return file_lang
    found = re.match(r"\s*(?:-\s+)?(nl|en):\s", line)
    return found.group(1) if found else None


def check_words(terms: Terms, files: list[tuple[str, str, str | None]], problems: Problems) -> None:
    """Warn on every avoided word in ``files`` (path, text, language or None for a YAML file
    of both languages), on its line, with what to write instead."""
    if not terms.avoided:
        return
    # One pattern per language finds the lines worth a closer look: most lines have no such word.
    by_lang = {
        lang: (words, re.compile("|".join(w.source for w in words), re.IGNORECASE))
        for lang in {w.lang for w in terms.avoided}
        for words in [[w for w in terms.avoided if w.lang == lang]]
    }
    for path, text, file_lang in files:
        for number, line in enumerate(text.split("\n"), start=1):
            lang = _language(line, file_lang)
            if lang not in by_lang or by_lang[lang][1].search(line) is None:
                continue
            for word in by_lang[lang][0]:
                found = word.pattern.search(line)
                if found is not None:
                    problems.warn(
                        path,
                        number,
                        "terms",
                        Message(
                            nl=f"“{found.group(0)}” staat in de woordenlijst bij wat we niet schrijven (schrijf “{word.write}”: {word.why['nl']}; zie {REL})",
                            en=f"“{found.group(0)}” is on the list of words we avoid (expected “{word.write}”: {word.why['en']}; see {REL})",
                        ),
                    )
