"""The change history editors record (`history:` in a unit and in data/region.yaml): on the
unit's page, on the changes page of each language and in that language's Atom feed."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from macros.load.site import load_site
from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of, pages, parse, resolve

ATOM = "{http://www.w3.org/2005/Atom}"
EXAMPLE_SITE = load_site(EXAMPLE)
FEEDS = {"nl": "wijzigingen/atom.xml", "en": "en/changes/atom.xml"}
PAGES = {"nl": "wijzigingen/", "en": "en/changes/"}


def _units_with_history(site) -> list:
    return [pair[lang] for pairs in site.units.by_type.values() for pair in pairs.values() for lang in pair if pair[lang].meta.get("history")]


def test_the_example_records_changes_of_both_kinds_in_both_languages() -> None:
    """The fixture this file tests with: a unit with a major and a minor change, and the whole vision's."""
    for lang in ("nl", "en"):
        kinds = {(bool(change.unit), change.kind) for change in EXAMPLE_SITE.changes_in(lang)}
        assert kinds >= {(True, "major"), (True, "minor"), (False, "major")}, (lang, kinds)


def test_a_unit_page_shows_when_it_was_published_and_last_changed_and_every_change(example_dir: Path) -> None:
    for unit in _units_with_history(EXAMPLE_SITE):
        prefix = "" if unit.lang == "nl" else f"{unit.lang}/"
        html = file_of(example_dir, prefix + unit.url).read_text(encoding="utf-8")
        history = sorted(unit.meta["history"], key=lambda item: item["date"], reverse=True)
        newest_major = next(item["date"] for item in history if item["kind"] == "major")
        block = html[html.index('data-rv="changes"') :]
        block = block[: block.index("</section>")]
        labels = EXAMPLE_SITE.strings_in(unit.lang)
        # "Laatst gewijzigd" is the newest major change, not a newer minor one.
        assert f'{labels["last_changed"]}: <time datetime="{newest_major.isoformat()}">' in block, unit.path
        assert f'{labels["published"]}: <time datetime="' in block
        published = block.split(f'{labels["published"]}: <time datetime="', 1)[1][:10]
        assert published <= min(item["date"] for item in history).isoformat()
        # Every change, newest first, with its note.
        days = [part[:10] for part in block.split('<li><time datetime="')[1:]]
        assert days == [item["date"].isoformat() for item in history]
        assert all(item["note"] in block for item in history)


def test_the_changes_page_lists_every_change_of_its_language_newest_first(example_dir: Path) -> None:
    for lang, page in PAGES.items():
        document = parse(file_of(example_dir, page))
        html = file_of(example_dir, page).read_text(encoding="utf-8")
        listed = html[html.index('data-rv="change-list"') :]
        days = [part[:10] for part in listed.split('<li><time datetime="')[1:]]
        recorded = EXAMPLE_SITE.changes_in(lang)
        assert days == [change.day.isoformat() for change in recorded] and days == sorted(days, reverse=True)
        assert all(change.note in listed for change in recorded)
        # Its links lead to the pages that changed; the feed lies beside it.
        for element in document.elements:
            href = element.attrs.get("href", "")
            if element.tag == "a" and href and not href.startswith(("http", "#", "mailto:")):
                target = resolve(page, href)
                assert (example_dir / target).is_file() or file_of(example_dir, target).is_file(), (page, href)


def test_each_language_has_an_atom_feed_of_its_major_changes(example_dir: Path) -> None:
    for lang, path in FEEDS.items():
        feed = ElementTree.parse(example_dir / path).getroot()
        assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        major = [change for change in EXAMPLE_SITE.changes_in(lang) if change.major]
        entries = feed.findall(f"{ATOM}entry")
        assert [entry.findtext(f"{ATOM}updated")[:10] for entry in entries] == [change.day.isoformat() for change in major]
        assert [entry.findtext(f"{ATOM}summary") for entry in entries] == [change.note for change in major]
        # RFC 4287: the feed and each entry have an id, a title and an updated date; ids are unique.
        assert feed.findtext(f"{ATOM}updated") == entries[0].findtext(f"{ATOM}updated")
        assert feed.find(f"{ATOM}author/{ATOM}name").text == EXAMPLE_SITE.region.publisher
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        assert len(set(ids)) == len(ids) and all(entry.findtext(f"{ATOM}title") for entry in entries)
        for entry in entries:
            link = entry.find(f"{ATOM}link").get("href")
            assert link.startswith(EXAMPLE_SITE.region.site_url)
            assert file_of(example_dir, link[len(EXAMPLE_SITE.region.site_url) :]).is_file(), link


def test_every_page_links_the_feed_of_its_language(site_dir: Path, example_dir: Path) -> None:
    for folder in (site_dir, example_dir):
        for page in pages(folder):
            if page.startswith(("assets/", "search/")):
                continue
            lang = "en" if page.startswith("en/") else "nl"
            feeds = [e for e in parse(file_of(folder, page)).elements if e.tag == "link" and e.attrs.get("type") == "application/atom+xml"]
            assert len(feeds) == 1 and feeds[0].attrs.get("rel") == "alternate" and feeds[0].attrs.get("title"), page
            if page.endswith(".html"):
                continue  # a 404 page resolves its links from <base href>
            assert resolve(page, feeds[0].attrs["href"]) == FEEDS[lang], page


def test_ijsselland_records_the_help_line_on_the_page_for_young_people(site_dir: Path) -> None:
    """The region's own record: the help-now block on the page for young people is in its feed."""
    for lang, path in FEEDS.items():
        feed = ElementTree.parse(site_dir / path).getroot()
        site = load_site(ROOT)
        recorded = [change for change in site.changes_in(lang) if change.major]
        assert recorded and [entry.findtext(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")] == [change.note for change in recorded]
