"""Links that never break: every internal link and #id on the built site, redirects and short addresses."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.load.site import load_site
from macros.publish.links import check_site_links
from tests.conftest import ROOT, run_build
from tests.htmlscan import file_of, redirect_pages
from tests.test_content_errors import broken_project
from tests.test_site import SITE_URL

SITE = load_site(ROOT)
PRINCIPLES = {unit.meta["number"]: unit for unit in SITE.units.ordered("principles", "nl")}
AMBITIONS = {unit.meta["ambition"]: unit for unit in SITE.units.ordered("vision", "nl") if unit.meta.get("ambition")}


def redirect_target(html: str) -> str:
    found = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html)
    assert found
    return found.group(1)


def test_every_internal_link_and_id_on_the_built_site_resolves(site_dir: Path) -> None:
    assert check_site_links(site_dir, SITE_URL) == []


def test_the_link_check_finds_broken_links_ids_and_files(site_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy)
    page = copy / "principes" / "samen-meer" / "index.html"
    html = page.read_text(encoding="utf-8")
    broken = (
        '<a href="../bestaat-niet/">a</a><a href="#geen-id">b</a>'
        '<a href="../samen-leren/#geen-id">c</a><img src="../../assets/weg.png" alt="">'
        f'<a href="{SITE_URL}en/weg/">d</a><a href="https://example.com/">external, not checked</a>'
        '<a href="JavaScript:alert(1)">e</a>'
    )
    page.write_text(html.replace("</article>", broken + "</article>", 1), encoding="utf-8")
    sitemap = copy / "sitemap.xml"
    sitemap.write_text(sitemap.read_text(encoding="utf-8").replace("</urlset>", f"<url><loc>{SITE_URL}weg/</loc></url></urlset>"), encoding="utf-8")
    problems = check_site_links(copy, SITE_URL)
    assert problems == [
        "/principes/samen-meer/: <a href> leads nowhere: ../bestaat-niet/",
        '/principes/samen-meer/: <a href> leads to /principes/samen-meer/ but that page has no id "geen-id": #geen-id',
        '/principes/samen-meer/: <a href> leads to /principes/samen-leren/ but that page has no id "geen-id": ../samen-leren/#geen-id',
        "/principes/samen-meer/: <img src> leads nowhere: ../../assets/weg.png",
        f"/principes/samen-meer/: <a href> leads nowhere: {SITE_URL}en/weg/",
        "/principes/samen-meer/: <a href> runs code: JavaScript:alert(1)",
        f"/sitemap.xml: leads nowhere: {SITE_URL}weg/",
    ]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_short_print_addresses_lead_to_each_principle_and_ambition(site_dir: Path, lang: str) -> None:
    prefix = "" if lang == "nl" else "en/"
    for letter, units in (("p", PRINCIPLES), ("a", AMBITIONS)):
        assert units
        for number, dutch in units.items():
            unit = SITE.units.get(dutch.type, dutch.id, lang)
            html = (site_dir / prefix / letter / str(number) / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}">' in html
            assert redirect_target(html) == f"../../{unit.url}"
            assert f'<link rel="canonical" href="{SITE_URL}{prefix}{unit.url}">' in html
            assert '<meta name="robots" content="noindex">' in html
            # Pasted in a chat, the short address shows its target's card.
            tree = LexborHTMLParser(html)
            assert tree.css_first("title").text() == unit.title
            meta = {m.attributes.get("property") or m.attributes.get("name"): m.attributes.get("content") for m in tree.css("meta")}
            assert meta["og:title"] == unit.title and meta["og:description"] == unit.meta["summary"] == meta["description"]
            assert meta["og:url"] == f"{SITE_URL}{prefix}{unit.url}" and meta["og:image"].endswith(".png")


def test_redirect_pages_are_not_in_the_sitemap_or_search(site_dir: Path) -> None:
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert redirect_pages(site_dir)
    for page in redirect_pages(site_dir):
        assert f"{SITE_URL}{page}<" not in sitemap
        # Search indexes articles only (data-pagefind-body); a redirect page has none.
        assert "data-pagefind-body" not in file_of(site_dir, page).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_short_address_keeps_the_id_in_the_browser(server: str, browser, lang: str) -> None:
    number, dutch = max(PRINCIPLES.items())
    unit = SITE.units.get("principles", dutch.id, lang)
    point = unit.meta["points"][-1]["id"]
    prefix = "" if lang == "nl" else "en/"
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{server}/{prefix}p/{number}/#{point}")
    tab.wait_for_url(f"{server}/{prefix}{unit.url}#{point}")
    assert tab.locator(f"li#{point}").is_visible()
    assert tab.evaluate("document.documentElement.lang") == lang
    context.close()


def test_a_moved_page_and_a_renamed_id_keep_working(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The build's messages in the editors' language, whatever the shell running the tests asks for.
    monkeypatch.delenv("REGIOVISIE_MESSAGES", raising=False)
    root = broken_project("renamed-persona-with-redirect", tmp_path / "project")
    principle = (root / "content/principles/samen-leren.nl.md", root / "content/principles/samen-leren.en.md")
    for file in principle:
        file.write_text(file.read_text(encoding="utf-8").replace("id: leren-van-fouten", "id: fouten-maken-mag"), encoding="utf-8")
    with (root / "data/redirects.yaml").open("a", encoding="utf-8") as redirects:
        redirects.write("/principes/samen-leren/#leren-van-fouten: /principes/samen-leren/#fouten-maken-mag\n")
    out = tmp_path / "site"
    result = run_build(out, content_root=root)
    assert result.returncode == 0, result.stdout + result.stderr
    # The build says what to do about the new addresses, but does not stop.
    assert "nog niet in data/addresses.txt" in result.stderr
    for prefix, stories, principles in (("", "personas", "principes"), ("en/", "stories", "principles")):
        old = (out / prefix / stories / "chantal" / "index.html").read_text(encoding="utf-8")
        assert redirect_target(old) == "../chantal-de-vries/"
        assert (out / prefix / stories / "chantal-de-vries" / "index.html").is_file()
        page = (out / prefix / principles / "samen-leren" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<li id="fouten-maken-mag"><span id="leren-van-fouten"></span>', page)
    # The English address as published before English folder names leads to the new page too.
    legacy = (out / "en" / "personas" / "chantal" / "index.html").read_text(encoding="utf-8")
    assert redirect_target(legacy) == "../../stories/chantal-de-vries/"
    assert check_site_links(out, SITE_URL) == []


def test_a_broken_link_the_build_finds_is_reported_on_its_source_line_in_dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What only the built site shows (a link made by a template, or missed by the checks) is
    still told on the file and line that made it, in the editors' language."""
    from macros.core.problems import LANGUAGE_SETTING
    from macros.publish.links import in_sources
    from tests.conftest import copy_project_content

    root = copy_project_content(tmp_path / "project")
    source = root / "content" / "vision" / "onze-visie.nl.md"
    lines = source.read_text(encoding="utf-8").split("\n")
    source.write_text("\n".join([*lines, "", "Zie het [schema](../../assets/schema-weg.png)."]), encoding="utf-8")
    address = next(a for a, file in SITE.addresses.current.items() if file == "content/vision/onze-visie.nl.md" and "#" not in a)
    broken = [f"{address}: <a href> leads nowhere: ../../assets/schema-weg.png"]
    monkeypatch.delenv(LANGUAGE_SETTING, raising=False)
    (problem,) = in_sources(broken, SITE.addresses.current, root, ROOT / "docs")
    assert (problem.path, problem.line, problem.field) == ("content/vision/onze-visie.nl.md", len(lines) + 2, "link")
    assert problem.message.startswith(f"op de gebouwde pagina {address} leidt deze link nergens heen: ../../assets/schema-weg.png")
