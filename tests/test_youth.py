"""The vision for young people: easy to find, every sentence traceable to the vision, easy to read, a leaflet to hand out."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
from pypdf import PdfReader
from selectolax.lexbor import LexborHTMLParser

from macros.load.site import load_site
from macros.load.units import YOUTH_PARTS
from macros.publish.pdf import downloads, site_names
from macros.render.units import unit_path, youth_page
from scripts.readability import AIM_YOUTH, score
from tests.conftest import EXAMPLE, ROOT
from tests.htmlscan import file_of

SITE = load_site(ROOT)
SITES = {"ijsselland": SITE, "example": load_site(EXAMPLE)}


def _root(region: str, site_dir: Path, example_dir: Path) -> Path:
    return site_dir if region == "ijsselland" else example_dir


def _tree(root: Path, page: str) -> LexborHTMLParser:
    return LexborHTMLParser(file_of(root, page).read_text(encoding="utf-8"))


def _target(root: Path, page: str, href: str) -> str:
    """The page path (below the site root) and anchor a relative link on ``page`` leads to."""
    from posixpath import join, normpath

    path, _, anchor = href.partition("#")
    resolved = normpath(join(page, path)) + "/"
    return resolved.lstrip("./") + (f"#{anchor}" if anchor else "")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_the_page_for_young_people_holds_every_sentence_the_stories_and_who_to_ask(site_dir: Path, example_dir: Path, region: str, lang: str) -> None:
    site, root = SITES[region], _root(region, site_dir, example_dir)
    unit = youth_page(site, lang)
    assert unit is not None
    tree = _tree(root, unit_path(unit))
    assert tree.css_first("h1").text(strip=True) == unit.title
    headings = [h.text(strip=True) for h in tree.css("article h2")]
    for part in YOUTH_PARTS:
        assert site.t(f"youth_{part}", lang) in headings
        for item in unit.meta[part]:
            node = tree.css_first(f"li#{item['id']}")
            assert node is not None and item["text"] in node.text(), item["id"]
    # What changes for you leads on to each ambition and principle it speaks of.
    for item in unit.meta["changes"]:
        more = tree.css_first(f"li#{item['id']} a.rv-youth__more")
        assert more is not None, item["id"]
        source = item["from"].partition("#")[0]
        assert _target(root, unit_path(unit), more.attributes["href"]).startswith(unit_path(site.units.get(site.units.all_ids()[source], source, lang)))
    stories = tree.css(".rv-youth__stories li")
    assert len(stories) == len(unit.meta.get("stories") or [])
    for node, persona_id in zip(stories, unit.meta.get("stories") or []):
        persona = site.units.get("personas", persona_id, lang)
        assert persona.meta["quotes"][0]["text"] in node.text()
    assert site.region.contact[lang] in tree.css_first(".rv-youth__contact").text()


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_help_now_comes_first_with_every_line_to_call_or_chat_and_each_local_team(site_dir: Path, example_dir: Path, region: str, lang: str) -> None:
    """A young person who needs help today finds it before anything else: each help line of
    data/helplines.yaml with its name, what it is for, its hours in the page's language, a
    tel: link and its chat; and under who to ask, one link per municipality to its local team."""
    site, root = SITES[region], _root(region, site_dir, example_dir)
    unit = youth_page(site, lang)
    assert unit is not None and site.helplines
    tree = _tree(root, unit_path(unit))
    article = tree.css_first("article")
    block = article.css_first("[data-rv=help-now]")
    assert block is not None
    # The first heading after the page's title, before what this is.
    assert article.css_first("h2").text(strip=True) == site.t("help_now", lang) == block.css_first("h2").text(strip=True)
    items = block.css("li")
    assert [item.attributes["id"] for item in items] == [f"hulp-{line.id}" for line in site.helplines]
    for item, line in zip(items, site.helplines):
        text = " ".join(item.text().split())
        for words in (line.name[lang], line.what[lang], line.hours[lang]):
            assert " ".join(words.split()) in text, (line.id, words)
        links = {a.attributes["href"]: " ".join(a.text().split()) for a in item.css("a")}
        if line.phone:
            digits = re.sub(r"\D", "", line.phone)
            assert links.get(f"tel:{digits}") == f"{site.t('help_call', lang)} {line.phone}", (line.id, links)
        if line.chat:
            assert line.chat in links and line.name[lang] in links[line.chat], (line.id, links)
        assert line.phone or line.chat
    # One link per municipality, to the address the region gives for its local team.
    teams = tree.css("[data-rv=local-teams] li")
    assert [t.css_first("a").text(strip=True) for t in teams] == list(site.region.municipalities)
    assert [t.css_first("a").attributes["href"] for t in teams] == [team.url for team in site.region.local_teams]


def test_every_help_line_says_where_it_was_checked_and_when() -> None:
    """Each number can be checked again: an https page of its own and a date not in the future."""
    import datetime

    for site in SITES.values():
        for line in site.helplines:
            assert line.source.startswith("https://") and line.checked <= datetime.date.today(), line.id
    # The national lines are the same in the example region, so every new region starts with them.
    national = {line.id: line for line in SITE.helplines}
    assert {"alarmnummer", "kindertelefoon", "zelfmoordpreventie", "veilig-thuis"} <= set(national)
    for line in SITES["example"].helplines:
        if line.id in national:
            assert line == national[line.id], line.id


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_sentence_names_a_part_of_the_vision_that_exists(lang: str) -> None:
    unit = youth_page(SITE, lang)
    ids = SITE.units.all_ids()
    count = 0
    for part in YOUTH_PARTS:
        for item in unit.meta[part]:
            target_id, _, anchor = item["from"].partition("#")
            assert ids.get(target_id) in ("vision", "principles"), item
            if anchor:
                assert anchor in SITE.units.get(ids[target_id], target_id, lang).heading_ids, item
            count += 1
    # Each ambition and each leading principle is there, in what changes for you.
    sources = {item["from"].partition("#")[0] for item in unit.meta["changes"]}
    for principle in SITE.units.ordered("principles", lang):
        assert principle.id in sources, principle.id
    for ambition in (u for u in SITE.units.ordered("vision", lang) if u.meta.get("ambition")):
        assert ambition.id in sources, ambition.id
    assert count >= 10


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_the_page_for_young_people_is_written_in_easy_words(site_dir: Path, example_dir: Path, region: str, lang: str) -> None:
    site, root = SITES[region], _root(region, site_dir, example_dir)
    scores = [score(file_of(root, unit_path(unit)), lang)[0] for unit in site.units.ordered("youth", lang)]
    assert scores
    if lang == "nl":
        # Flesch-Douma: the median at A2 (80 or more), no page under 70.
        assert statistics.median(scores) >= AIM_YOUTH["nl"] and min(scores) >= 70, scores
    else:
        assert min(scores) >= AIM_YOUTH["en"], scores


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_young_people_find_it_from_the_home_page_every_principle_and_the_overview(site_dir: Path, lang: str) -> None:
    from macros.load.addresses import in_language

    unit = youth_page(SITE, lang)
    home = "" if lang == "nl" else "en/"
    hero = _tree(site_dir, home).css_first("section.rv-hero a[data-rv=youth-hero]")
    assert hero is not None and _target(site_dir, home, hero.attributes["href"]) == unit_path(unit)
    overview = in_language("/overzicht/", lang).lstrip("/")
    link = _tree(site_dir, overview).css_first("[data-rv=youth-link] a")
    assert link is not None and _target(site_dir, overview, link.attributes["href"]) == unit_path(unit)
    for principle in SITE.units.ordered("principles", lang):
        page = unit_path(principle)
        link = _tree(site_dir, page).css_first("[data-rv=youth-link] a")
        assert link is not None, page
        target = _target(site_dir, page, link.attributes["href"])
        # To the sentence about this principle.
        item = next(i for i in unit.meta["changes"] if i["from"].partition("#")[0] == principle.id)
        assert target == f"{unit_path(unit)}#{item['id']}", target


@pytest.mark.browser
@pytest.mark.parametrize("width,height", [(390, 844), (320, 568), (1280, 800)])
def test_voor_jongeren_is_on_the_first_screen_of_the_home_page(server: str, page, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server}/")
    link = page.locator("a[data-rv=youth-hero]")
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= height, box


@pytest.mark.parametrize("region", ["ijsselland", "example"])
def test_a_one_page_leaflet_per_language_with_a_code_to_the_page(site_dir: Path, example_dir: Path, region: str) -> None:
    site, root = SITES[region], _root(region, site_dir, example_dir)
    leaflets = [item for item in downloads(site_names(site)) if item.kind == "leaflet"]
    assert {item.lang for item in leaflets} == {"nl", "en"}
    for item in leaflets:
        reader = PdfReader(root / "downloads" / item.name)
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)
        text = re.sub(r"\s+", " ", reader.pages[0].extract_text())
        unit = youth_page(site, item.lang)
        assert unit.title in text
        for part in ("changes", "help", "ask"):
            for sentence in unit.meta[part]:
                assert sentence["text"][:50] in text, sentence["id"]
        address = (site.region.site_url + unit_path(unit)).split("://", 1)[1]
        assert address in text.replace(" ", "")
        # Help now, on paper too: every line's name and number.
        assert site.t("help_now", item.lang) in text
        for line in site.helplines:
            assert line.name[item.lang] in text and (line.phone or line.chat.split("://")[1].removeprefix("www.").rstrip("/")) in text, line.id
        # Offered on the downloads page, in the page's language and the other.
        prefix = "" if item.lang == "nl" else "en/"
        links = [a.attributes["href"].rsplit("/", 1)[-1] for a in _tree(root, f"{prefix}downloads/").css("a[data-rv=download]")]
        assert item.name in links
