"""Assertions on the real built site: languages, switcher, hreflang, anchors, search."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from macros.core.paths import localize
from macros.load.addresses import in_language
from macros.load.site import load_site
from tests.conftest import ROOT
from tests.htmlscan import file_of, pages, parse, redirect_pages, resolve

SITE = load_site(ROOT)
SITE_URL = SITE.region.site_url


def counterpart(page_path: str) -> str:
    """The same page in the other language: the English folders have English names."""
    from macros.core.paths import localize, neutralize

    return neutralize(page_path[3:], "en") if page_path.startswith("en/") else "en/" + localize(page_path, "en")


def language_of(page_path: str) -> str:
    return "en" if page_path.startswith("en/") else "nl"


def html_pages(site_dir: Path) -> list[str]:
    return [p for p in pages(site_dir) if not p.startswith(("assets/", "search/"))]


def test_every_page_exists_in_both_languages(site_dir: Path) -> None:
    all_pages = set(html_pages(site_dir))
    assert "404.html" in all_pages and "en/404.html" in all_pages
    missing = sorted(p for p in all_pages if counterpart(p) not in all_pages)
    assert missing == []
    # Every unit from content/ has its page in both languages, at its stable address.
    for pairs in SITE.units.by_type.values():
        for unit_id, pair in pairs.items():
            assert pair["nl"].url in all_pages, unit_id
            assert "en/" + pair["en"].url in all_pages, unit_id


def test_html_lang_matches_the_language_folder(site_dir: Path) -> None:
    for page_path in html_pages(site_dir):
        html = parse(file_of(site_dir, page_path)).find("html")[0]
        assert html.attrs["lang"] == language_of(page_path), page_path


def test_language_switcher_leads_to_the_counterpart(site_dir: Path) -> None:
    for page_path in html_pages(site_dir):
        document = parse(file_of(site_dir, page_path))
        links = [a for a in document.find("a") if a.attrs.get("data-rv") == "language-switch"]
        assert len(links) == 1, page_path
        link = links[0]
        other = "nl" if language_of(page_path) == "en" else "en"
        assert link.attrs["hreflang"] == other and link.attrs["lang"] == other
        if page_path.endswith("404.html"):
            # The 404 page carries <base href> with its own address; links resolve from there.
            base = document.find("base")[0].attrs["href"].lstrip("/")
            assert base == page_path
        assert resolve(page_path, link.attrs["href"]) == counterpart(page_path), page_path
        assert link.text.strip() == SITE.t("language_name", other)


def test_hreflang_alternates_are_absolute_with_x_default(site_dir: Path) -> None:
    for page_path in html_pages(site_dir):
        # The languages (the feed of changes is an alternate too, of another type).
        links = {e.attrs["hreflang"]: e.attrs["href"] for e in parse(file_of(site_dir, page_path)).find("link", rel="alternate") if "hreflang" in e.attrs}
        own = page_path
        nl_path = own if language_of(own) == "nl" else counterpart(own)
        assert links == {
            "nl": SITE_URL + nl_path,
            "en": SITE_URL + counterpart(nl_path),
            "x-default": SITE_URL + nl_path,
        }, page_path


def test_sitemap_lists_every_page_with_absolute_alternates(site_dir: Path) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    expected = {SITE_URL + p for p in html_pages(site_dir) if not p.endswith("404.html")}
    assert set(locations) == expected
    alternates = re.findall(r'<xhtml:link rel="alternate" hreflang="(nl|en)" href="([^"]+)"/>', sitemap)
    assert len(alternates) == 2 * len(locations)
    assert all(href.startswith(SITE_URL) for _, href in alternates)
    # The Dutch page as x-default, and when each page last changed: the date the page itself shows.
    entries = re.findall(r"<url>(.*?)</url>", sitemap, re.DOTALL)
    assert len(entries) == len(locations)
    for entry in entries:
        loc = re.search(r"<loc>([^<]+)</loc>", entry).group(1)
        dutch = re.search(r'hreflang="nl" href="([^"]+)"', entry).group(1)
        assert f'hreflang="x-default" href="{dutch}"' in entry, loc
        lastmod = re.search(r"<lastmod>(\d{4}-\d{2}-\d{2})</lastmod>", entry).group(1)
        page = file_of(site_dir, loc[len(SITE_URL):]).read_text(encoding="utf-8")
        assert f'<time datetime="{lastmod}">' in page, loc
    # One sitemap for both languages, named by robots.txt, which blocks nothing.
    assert not (site_dir / "en" / "sitemap.xml").exists()
    robots = (site_dir / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots and "Disallow: /" not in robots


def test_browser_titles_name_the_page_first_and_the_site_briefly(site_dir: Path) -> None:
    """Search results cut titles at about 60 characters: the page's own title comes first, whole."""
    long_titles = []
    for page in html_pages(site_dir):
        text = file_of(site_dir, page).read_text(encoding="utf-8")
        title = html.unescape(re.search(r"<title>([^<]*)</title>", text).group(1))
        if 'http-equiv="refresh"' in text or " – " not in title:
            continue
        own, site_name = title.rsplit(" – ", 1)
        assert site_name in ("Regiovisie IJsselland", "Youth care IJsselland"), title
        if len(title) > 60 and len(own) <= 60 - len(" – ") - len(site_name):
            long_titles.append(title)
    assert long_titles == []


@pytest.mark.parametrize("principle_id", sorted(SITE.units.by_type["principles"]))
def test_principle_pages_have_the_same_anchor_ids_in_both_languages(site_dir: Path, principle_id: str) -> None:
    nl_unit = SITE.units.get("principles", principle_id, "nl")
    en_unit = SITE.units.get("principles", principle_id, "en")
    nl_ids = parse(file_of(site_dir, nl_unit.url)).ids()
    en_ids = parse(file_of(site_dir, "en/" + en_unit.url)).ids()
    assert nl_ids == en_ids
    for point in nl_unit.meta["points"]:
        assert point["id"] in nl_ids
    # The text of each point is in its own language (as read: a glossary word in it is a link).
    en_page = file_of(site_dir, "en/" + en_unit.url).read_text(encoding="utf-8")
    en_text = html.unescape(re.sub(r"<[^>]+>", "", en_page))
    for point in en_unit.meta["points"]:
        assert point["text"] in en_text


def test_pages_are_never_shown_in_the_other_language(site_dir: Path) -> None:
    for pairs in SITE.units.by_type.values():
        for pair in pairs.values():
            for lang, unit in pair.items():
                path = unit.url if lang == "nl" else "en/" + unit.url
                h1 = parse(file_of(site_dir, path)).find("h1")
                assert [h.text.strip() for h in h1] == [unit.title]


def test_site_name_and_description_per_language(site_dir: Path) -> None:
    # The names come from data/region.yaml: title and period.
    region = yaml.safe_load((ROOT / "data" / "region.yaml").read_text(encoding="utf-8"))
    names = {lang: f'{region["title"][lang]} {region["period"]["from"]}–{region["period"]["to"]}' for lang in ("nl", "en")}
    assert names["nl"] != names["en"]
    for path, lang in (("", "nl"), ("en/", "en")):
        title = parse(file_of(site_dir, path)).find("title")[0].text
        assert names[lang] in title


def test_search_index_has_one_index_per_language_of_the_articles_only(site_dir: Path) -> None:
    """Pagefind indexes each page's article (data-pagefind-body), grouped by <html lang>: as many
    pages per language as there are articles; redirect pages and print-only lines stay out."""
    entry = json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    articles = {"nl": 0, "en": 0}
    for page_path in html_pages(site_dir):
        document = parse(file_of(site_dir, page_path))
        bodies = [e for e in document.elements if "data-pagefind-body" in e.attrs]
        if bodies:
            assert [e.tag for e in bodies] == ["article"], page_path
            articles[document.find("html")[0].attrs["lang"]] += 1
        for element in document.elements:
            if "rv-print-only" in element.attrs.get("class", "").split():
                assert "data-pagefind-ignore" in element.attrs, page_path
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == articles
    assert articles["nl"] == articles["en"] > 20
    # Our own dialog uses Pagefind's API; its ready-made interfaces are not published.
    assert not list((site_dir / "pagefind").glob("pagefind-*ui*"))


def test_every_page_runs_only_our_own_scripts_under_a_strict_policy(site_dir: Path) -> None:
    """No theme's JavaScript and no inline script: the Content-Security-Policy allows only the
    site's own files (the JSON-LD block is data, not script). Redirect pages too."""
    from macros.theme.front import CSP

    for page_path in html_pages(site_dir) + redirect_pages(site_dir):
        document = parse(file_of(site_dir, page_path))
        scripts = [
            e.attrs.get("src") for e in document.elements if e.tag == "script" and e.attrs.get("type") != "application/ld+json"
        ]
        policy = [
            e.attrs.get("content")
            for e in document.elements
            if e.tag == "meta" and e.attrs.get("http-equiv") == "Content-Security-Policy"
        ]
        assert policy == [CSP], page_path
        assert all(src and src.split("/")[-1] in ("scheme.js", "site.js", "redirect.js") for src in scripts), (page_path, scripts)
        assert not [e for e in document.elements if "style" in e.attrs or e.tag == "style"], page_path
    assert "'unsafe-inline'" not in CSP and "object-src 'none'" in CSP and "base-uri 'self'" in CSP
    # Nothing of Material's front end is published.
    assert not (site_dir / "assets" / "javascripts").exists() and not (site_dir / "assets" / "stylesheets").exists()
    assert not (site_dir / "en" / "sitemap.xml").exists()


def test_no_request_to_another_host_in_the_html(site_dir: Path) -> None:
    for page_path in html_pages(site_dir):
        document = parse(file_of(site_dir, page_path))
        for element in document.elements:
            for attr in ("src", "href"):
                value = element.attrs.get(attr, "")
                if not value.startswith(("http:", "https:", "//")):
                    continue
                if element.tag == "a" or element.tag == "link" and element.attrs.get("rel") == "license":
                    # A link a reader follows (the licence's deed) loads nothing by itself.
                    assert attr == "href", (page_path, value)
                    continue
                # Only the page's own absolute addresses (hreflang, canonical) may be absolute.
                assert element.tag == "link" and element.attrs.get("rel") in ("alternate", "canonical"), (page_path, value)
                assert value.startswith(SITE_URL)
        text = file_of(site_dir, page_path).read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "squidfunk" not in text and "mkdocs-material" not in text.replace('content="mkdocs-', "")


def test_no_template_code_reaches_a_page(site_dir: Path) -> None:
    for page_path in html_pages(site_dir):
        text = file_of(site_dir, page_path).read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, page_path


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_home_page_first_screen_and_sections(site_dir: Path, lang: str) -> None:
    """The core sentence as the one h1, two ways in, ambitions, principles, personas, a figure, downloads."""
    from macros.load.indicators import format_value
    from macros.render.units import motto_unit

    path = "" if lang == "nl" else "en/"
    document = parse(file_of(site_dir, path))
    motto = motto_unit(SITE, lang).meta["motto"]
    assert [h.text.strip() for h in document.find("h1")] == [motto]
    hero = document.find("section", class_="rv-hero")[0]
    assert hero.text.count(motto) == 1
    buttons = [a for a in document.elements if "rv-button" in a.attrs.get("class", "")]
    assert [b.attrs["href"] for b in buttons] == [localize("overzicht/", lang), motto_unit(SITE, lang).url]
    assert document.find("svg", class_="rv-hero__art")[0].attrs["aria-hidden"] == "true"
    assert {"ambities", "principes", "personen", "kerncijfers", "downloads"} <= set(document.ids())
    headline = SITE.indicators["jeugdhulp-totaal"]
    shown = [d.text for d in document.find("data")]
    assert format_value(headline.values[headline.latest_year], headline.unit, lang) in shown
    cards = document.find("img", class_="rv-portrait")
    assert len(cards) == len(SITE.units.by_type["personas"])


def test_every_chart_is_on_the_site_as_image_and_table_in_both_languages(site_dir: Path) -> None:
    for lang, prefix in (("nl", ""), ("en", "en/")):
        found: dict[str, object] = {}
        for page_path in html_pages(site_dir):
            if language_of(page_path) != lang:
                continue
            document = parse(file_of(site_dir, page_path))
            for svg in document.find("svg", class_="rv-chart"):
                found[svg.attrs["aria-labelledby"].split()[0].removesuffix("-title")] = document
        assert set(found) == set(SITE.figures), lang
        for figure_id, document in found.items():
            title = document.find("title", id=f"{figure_id}-title")[0].text
            assert title == SITE.figures[figure_id].title[lang]
            assert document.find("figure", id=f"figuur-{figure_id}")


def test_the_core_sentence_has_one_wording_everywhere(site_dir: Path) -> None:
    """The brochure's core sentence, word for word, wherever it appears; never the other wording."""
    from macros.render.units import motto_unit

    for lang, prefix, other in (("nl", "", "kind groeit het mooist"), ("en", "en/", "child grows best")):
        motto = motto_unit(SITE, lang).meta["motto"]
        pages = [p for p in html_pages(site_dir) if language_of(p) == lang]
        texts = {p: parse(file_of(site_dir, p)).elements[0].text for p in pages}
        assert all(other not in text for text in texts.values()), [p for p, t in texts.items() if other in t]
        with_motto = [p for p, text in texts.items() if motto in text]
        # The home page, the overview and the vision itself carry it.
        assert {prefix, in_language("/overzicht/", lang).lstrip("/"), prefix + motto_unit(SITE, lang).url} <= set(with_motto)


DUTCH_TERMS = ("praatplaat", "Hervormingsagenda", "Toekomstscenario", "Richtinggevend Kader")


def test_dutch_terms_on_english_pages_are_marked_as_dutch(site_dir: Path) -> None:
    """Screen readers pronounce a Dutch term in Dutch when it carries lang="nl" (WCAG 3.1.2)."""
    marked = 0
    for page_path in html_pages(site_dir):
        if language_of(page_path) != "en":
            continue
        document = parse(file_of(site_dir, page_path))
        article = document.find("article")
        if not article:
            continue
        dutch = [e.text for e in document.elements if e.attrs.get("lang") == "nl" and e.tag != "html" and e.tag != "a"]
        for term in DUTCH_TERMS:
            found = article[0].text.count(term)
            inside = sum(text.count(term) for text in dutch)
            assert found == inside, (page_path, term, found, inside)
            marked += inside
    assert marked >= 5


def test_principle_pages_show_how_you_notice_them_in_2030(site_dir: Path) -> None:
    """A principle that a persona quote belongs to shows it under "Zo merk je het in 2030"."""
    shown = 0
    for lang, prefix in (("nl", ""), ("en", "en/")):
        for principle in SITE.units.ordered("principles", lang):
            quotes = [q for p in SITE.units.ordered("personas", lang) for q in p.meta["quotes"] if q["theme"].partition("#")[0] == principle.id]
            document = parse(file_of(site_dir, prefix + principle.url))
            headings = [h.text.strip() for h in document.find("h2")]
            assert (SITE.t("theme_quotes", lang) in headings) == bool(quotes), principle.path
            for quote in quotes:
                assert document.find("figure", id=f"citaat-{quote['id']}")
                shown += 1
    assert shown >= 4


def test_the_section_navigation_shows_only_beside_a_page_of_its_section(site_dir: Path) -> None:
    """WCAG 4.1.2: no `aria-expanded` on a <nav>. WCAG 1.3.1: a page outside the navigation (the
    service pages, 404) has no section list; where there is one, it marks the page itself."""
    expanded, wrong = [], []
    for page in pages(site_dir):
        elements = parse(file_of(site_dir, page)).elements
        expanded += [page for e in elements if e.tag == "nav" and "aria-expanded" in e.attrs]
        sidebar = [i for i, e in enumerate(elements) if e.attrs.get("data-rv") == "sidebar"]
        if sidebar:
            links = [e for e in elements[sidebar[0] :] if "rv-sidenav__link" in e.attrs.get("class", "")]
            if sum(e.attrs.get("aria-current") == "page" for e in links) != 1:
                wrong.append(page)
    assert (expanded, wrong) == ([], [])
    for page in ("privacy/", "en/privacy/", "404.html", "principes/samen-leren/"):
        has = any(e.attrs.get("data-rv") == "sidebar" for e in parse(file_of(site_dir, page)).elements)
        assert has == (page == "principes/samen-leren/"), page
