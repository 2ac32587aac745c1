"""MkDocs hooks: the thin layer between our loaders and MkDocs + mkdocs-static-i18n.

What happens here, in build order:

1. ``on_config`` (before every other plugin): load and validate ``content/`` and
   ``data/``; on any problem, print all of them and stop. Then stage ``docs/`` plus
   one generated page per content unit and language into ``.build/docs`` and build
   from there, so mkdocs-static-i18n pairs generated pages like hand-written ones.
2. ``on_files``: give the per-language 404 pages their ``404.html`` address.
3. ``on_page_context``: absolute hreflang alternates for the page's head and switcher, and
   the "last updated" date of the page's source file from git.
4. ``on_post_page``: old ids kept as aliases (redirects).
5. ``on_post_build`` (after mkdocs-static-i18n merged all languages): write redirect pages
   for old and short addresses and the downloads, check every internal link and #id of the
   built site, then index it for search (Pagefind, one index per language).

mkdocs-static-i18n runs the whole build once per language, so everything here is
called twice per ``mkdocs build`` and keeps no state between languages.
"""

from __future__ import annotations

import html
import logging
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import rcssmin
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

# MkDocs loads this file by path, not as part of a package, and puts this file's folder first
# on sys.path, where `macros` would be macros/theme/macros.py: the repository goes before it,
# even when it is on the path already (PYTHONPATH=.).
ROOT = Path(__file__).resolve().parents[2]
if sys.path[:1] != [str(ROOT)]:
    sys.path.insert(0, str(ROOT))

from macros.core import tokens
from macros.core.paths import neutralize
from macros.core.problems import ContentError, Message, Problems
from macros.core.schema import LANGUAGES
from macros.core.templating import bytecode_cache, options, plain
from macros.load.addresses import in_language, neutral
from macros.load.history import History, long_date
from macros.load.site import Site, load_site, load_strings
from macros.publish import downloads, opendata, pdf, search, social
from macros.publish.links import check_site_links, in_sources
from macros.publish.redirects import write_redirects, write_robots
from macros.render import changes, citations, dcterms, glossary, structured
from macros.render import units as render
from macros.render.region_css import region_css
from macros.stage import preview
from macros.stage.build import BUILD_KEY, Build
from macros.stage.pages import stage_pages
from macros.theme import front

log = logging.getLogger("mkdocs.regiovisie")
# Warnings for editors (an out-of-date translation, an address not registered yet) are
# shown but must not stop a `--strict` build, which counts every warning of "mkdocs.*".
notes = logging.getLogger("regiovisie")
if not notes.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notes.addHandler(_handler)
    notes.propagate = False

# Always the source folder: the same config object is reused for the second language,
# after we pointed its docs_dir at the staging folder.
DOCS = ROOT / "docs"
# Parallel builds (the tests) each name their own staging folder.
STAGE = Path(os.environ.get("REGIOVISIE_STAGE") or ROOT / ".build" / "docs")
# Set by the workflow's preview job: the site is a pull request's preview, not the published one.
PR_PREVIEW = "REGIOVISIE_PR_PREVIEW"
# Where a region's logo and colours are staged (macros/stage/pages.py).
LOGO = "assets/logo.svg"
REGION_CSS = "assets/region.css"
# The changes page (docs/wijzigingen.*.md), with each language's feed beside it.
CHANGES = "wijzigingen"


def content_root() -> Path:
    """The region folder built: its content/ and data/ (REGIOVISIE_REGION, `make build REGION=…`), or the project's own."""
    return Path(os.environ.get("REGIOVISIE_REGION") or ROOT).resolve()


def _report(error: ContentError) -> PluginError:
    for problem in error.problems:
        (log.warning if problem.warning else log.error)(str(problem))
    return PluginError(str(error))


def _build(config: MkDocsConfig) -> Build:
    """This build's state (macros/stage/build.py), made by on_config."""
    return config[BUILD_KEY]


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything, then stage the pages to build."""
    i18n = config.plugins.get("i18n")
    later_language = bool(i18n and getattr(i18n, "current_language", None) not in (None, LANGUAGES[0]))
    if later_language and config.get(BUILD_KEY) is not None:
        # mkdocs-static-i18n builds each further language with the same config object: the
        # content was loaded, checked and staged for this build already. (`mkdocs serve`
        # makes a new config for every rebuild, so an edit is always read.)
        return _configure_language(config, i18n)
    try:
        site = load_site(content_root(), DOCS)
        nav = stage_pages(site, DOCS, STAGE)
    except ContentError as error:
        if not preview.active():
            raise _report(error) from None
        return _show_problems(config, error)
    # Warnings once per build, not once per language.
    for problem in site.warnings:
        notes.warning(str(problem))
    config[BUILD_KEY] = Build(site=site, nav=nav, history=History(ROOT, (DOCS, site.root / "content", site.root / "data")))
    return _configure_language(config, i18n)


def _configure_language(config: MkDocsConfig, i18n: Any) -> MkDocsConfig:
    """What differs per language: the navigation, the region's names; the theme's 404."""
    build = _build(config)
    config["docs_dir"] = str(STAGE)
    # Each language writes its own 404 page (see on_files); the theme's single one would
    # be overwritten by whichever language is built last.
    config.theme.static_templates.discard("404.html")
    if build.showing_problems:
        return config
    assert build.nav is not None
    # The hook runs before mkdocs-static-i18n's own on_config, which sets the language.
    lang = (getattr(i18n, "current_language", None) or "nl") if i18n else "nl"
    config["nav"] = build.nav(lang)
    _apply_region(config, build.loaded, lang)
    return config


def _apply_region(config: MkDocsConfig, site: Site, lang: str) -> None:
    """The region's name, address, logo and colours where MkDocs and our template read them.

    Our template prints ``site_name`` as it is, MkDocs' sitemap template with ``| e``: as
    escaped Markup it is right in both.
    """
    region = site.region
    assert region is not None
    config["site_name"] = plain(region.site_name(lang))
    config["site_description"] = plain(region.description[lang])
    # `mkdocs serve` has already put its own address here; a build takes the region's.
    if not config["site_url"]:
        config["site_url"] = region.site_url
    if region.logo is not None:
        config.theme["logo"] = config.theme["favicon"] = LOGO
    if region_css(region) is not None and REGION_CSS not in config["extra_css"]:
        config["extra_css"].append(REGION_CSS)


def _show_problems(config: MkDocsConfig, error: ContentError) -> MkDocsConfig:
    """Preview only: build the problem pages instead of the site (see macros/stage/preview.py)."""
    # Not through MkDocs' logger: a strict `mkdocs serve` would abort on a logged error.
    for problem in error.problems:
        print(f"{'WARNING' if problem.warning else 'ERROR  '} -  {problem}", file=sys.stderr)
    # The problems and their count are in the language of the messages (Dutch unless REGIOVISIE_MESSAGES=en).
    where = Message(nl="De browser toont de lijst op", en="The browser shows the list at")
    print(f"PREVIEW -  {error} {where} {config['site_url'] or 'http://127.0.0.1:8000/'}", file=sys.stderr)
    strings = load_strings(Problems())
    config[BUILD_KEY] = Build(problems=tuple(error.problems), strings=strings)
    config["nav"] = preview.stage_problem_pages(error.problems, strings, STAGE)
    # The site's own style sheet and icons, so the problem page looks like the site.
    shutil.copytree(DOCS / "assets", STAGE / "assets", dirs_exist_ok=True)
    config["docs_dir"] = str(STAGE)
    config.theme.static_templates.discard("404.html")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Give ``404.<lang>.md`` the address ``404.html`` in its language folder."""
    for file in files:
        if file.src_uri.startswith("404.") and file.src_uri.endswith(".md"):
            file.dest_uri = file.src_uri[:-3] + ".html"
    return files


def _absolute(config: MkDocsConfig, url: str) -> str:
    base = config["site_url"] or "/"
    return base.rstrip("/") + "/" + ("" if url in ("", "./", ".") else url.lstrip("/"))


def on_page_content(output: str, page: Any, config: MkDocsConfig, files: Files) -> str:
    """On a unit's page, the first use of each word from the glossary links to its entry
    (macros/render/glossary.py); not on the glossary itself."""
    build, lang = _build(config), getattr(page.file, "locale", "nl")
    unit = None if build.showing_problems else _unit_of(page, build.loaded, lang)
    glossary_page = glossary.glossary_unit(build.loaded, lang) if unit is not None else None
    if glossary_page is None or unit is glossary_page:
        return output
    target = get_relative_url(render.unit_path(glossary_page), page.url)
    return glossary.mark(output, glossary.terms(glossary_page), lambda anchor: f"{target}#{anchor}")


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Absolute alternates of this page, in the order of the languages, plus x-default."""
    lang = getattr(page.file, "locale", "nl")
    build = _build(config)
    if build.showing_problems:
        assert build.strings is not None
        context["ui"] = {key: texts[lang] for key, texts in build.strings.items()}
        context["page_lang"] = lang
        # The problem page is served at every address: its style sheets are found from the root.
        context["base_href"] = _base_href(config, page)
        context["content_id"] = front.CONTENT_ID
        context["csp"] = front.page_policy(live_reload=True)
        context["theme_colour"] = front.theme_colour(None)
        return context
    site = build.loaded
    links = []
    # Every page exists in both languages (checked by the loaders); its address differs by folder name.
    for code, url in alternate_urls(page.url):
        links.append({"lang": code, "href": _absolute(config, url), "url": url, "name": site.t("language_name", code)})
    context["hreflang_links"] = links
    context["counterpart"] = next(link for link in links if link["lang"] != lang)
    # Our template prints these as they are: escaped here, as they carry the region's words.
    context["ui"] = site.escaped_strings(lang)
    # Our own template's header, search and security policy (macros/theme/front.py).
    context["content_id"] = front.CONTENT_ID
    context["csp"] = front.page_policy(live_reload=preview.active())
    context["theme_colour"] = front.theme_colour(site.region)
    context["short_name"] = plain(site.region.short[lang]) if site.region else ""
    context["overview_url"] = get_relative_url(in_language("/overzicht/", lang).lstrip("/"), page.url)
    context["search_labels"] = True
    # Each language's changes page and its Atom feed (macros/render/changes.py).
    changes_page = in_language(f"/{CHANGES}/", lang).lstrip("/")
    context["changes_url"] = changes_page
    context["feed"] = {
        "href": get_relative_url(changes_page + changes.FEED, page.url),
        "title": plain(f"{site.t('changes_title', lang)} – {site.region.site_name(lang)}") if site.region else "",
    }
    context["footer_municipalities"] = plain(", ".join(site.region.municipalities)) if site.region else ""
    context["page_lang"] = lang
    if site.region is not None:
        context["title_site_name"] = plain(f"{site.region.short[lang]} {site.region.name[lang]}")
    context["last_updated"] = _last_updated(page, build, lang)
    unit = _unit_of(page, site, lang)
    if unit is not None and unit.type != "youth":
        # "Zo verwijs je hiernaar", with the date the page last changed as its version (not on
        # the page for young people: a citation is for reports, not for them).
        context["citation"] = render.citation(site, unit, context["last_updated"]["day"])
        context["citation_meta"] = citations.meta_tags(_reference(site, unit, context["last_updated"]["day"]))
    if unit is not None:
        # When it was published, when what it says last changed, and every recorded change.
        assert build.history is not None
        context["changes_block"] = changes.unit_dates(site, unit, build.history.published(site.root / unit.path))
    context["social_meta"] = _social_meta(page, unit, site, config, lang)
    # Government metadata (DCTERMS, OWMS core), titled as the page's <title> (the home page: the site's name).
    page_title = site.region.site_name(lang) if page.file.src_uri.startswith("index.") and site.region else _page_words(page, unit, config)[0]
    context["dcterms_meta"] = dcterms.meta_tags(site, lang, _absolute(config, page.url), page_title, context["last_updated"]["day"])
    context["json_ld"] = _json_ld(page, unit, build, config, lang, context["last_updated"]["day"])
    context["translation_notice"] = _translation_notice(page, unit, build, lang)
    # A pull request's preview (the workflow's preview job): marked on every page, not indexed.
    context["pr_preview"] = os.environ.get(PR_PREVIEW) == "1"
    # English pages live at English addresses (macros/core/paths.py), the footer's too.
    context["accessibility_url"] = in_language("/toegankelijkheid/", lang).lstrip("/")
    # Under which licence the texts and figures may be reused: footer and <link rel="license">.
    context["licence"] = _licence(site, lang)
    if page.file.src_uri.startswith("404."):
        context["base_href"] = _base_href(config, page)
    return context


def _base_href(config: MkDocsConfig, page: Any) -> str:
    """The page's own address below the site's host: a page served at any address (404, the
    preview's problems) resolves its relative links from there."""
    return urlsplit(config["site_url"] or "/").path.rstrip("/") + "/" + page.url


def _page_words(page: Any, unit: Any, config: MkDocsConfig) -> tuple[str, str]:
    """The page's title and description: a unit's own, else its front matter's, else the site's."""
    if unit is not None:
        return unit.title, unit.meta["summary"]
    # Our own pages' titles arrive escaped (macros/stage/pages.py): the templates escape again.
    title = html.unescape(str((page.meta or {}).get("title") or page.title or config["site_name"]))
    description = html.unescape(str((page.meta or {}).get("description") or config["site_description"] or ""))
    return title, description


def _unit_of(page: Any, site: Site, lang: str) -> Any:
    """The content unit a generated page shows (its front matter names it), or None."""
    unit_ref = (page.meta or {}).get("unit")
    return site.units.get(*unit_ref.split("/", 1), lang) if unit_ref else None


def _source(page: Any, unit: Any, site: Site, lang: str) -> Path:
    """The file an editor wrote the page in: a unit's, or the page in docs/ by its Dutch name
    (English pages are staged in English folders)."""
    return site.root / unit.path if unit is not None else DOCS / neutralize(page.file.src_uri, lang)


def _translation_notice(page: Any, unit: Any, build: Build, lang: str) -> dict[str, Any] | None:
    """On a translation whose Dutch text changed since (a warning, not an error: the Dutch
    correction is published at once): since when, and where the Dutch text is."""
    if lang == LANGUAGES[0]:
        return None
    site = build.loaded
    source = unit.path if unit is not None else "docs/" + neutralize(page.file.src_uri, lang)
    found = next((item for item in site.translations if item.english == source and item.status == "out of date"), None)
    if found is None:
        return None
    assert build.history is not None
    folder, _, rest = found.dutch.partition("/")
    dutch = (DOCS / rest) if folder == "docs" else site.root / found.dutch
    day = build.history.changed(dutch)
    href = get_relative_url(alternate_urls(page.url)[0][1], page.url)
    when = Markup('<time datetime="{}">{}</time>').format(day.isoformat(), long_date(day, lang))
    sentence = escape(site.t("translation_notice", lang)).replace("{date}", when)
    return {"sentence": sentence, "link": escape(site.t("translation_notice_link", lang)), "href": href, "lang": LANGUAGES[0]}


def _reference(site: Site, unit: Any, day: Any) -> citations.Reference:
    """A unit as a reference, with the brochure in its language."""
    assert site.region is not None
    brochure = next(item.name for item in pdf.downloads(pdf.site_names(site)) if item.kind == "brochure" and item.lang == unit.lang)
    return citations.reference(site, unit, day, f"{site.region.site_url}{pdf.FOLDER}/{brochure}")


def _write_citation_files(site: Site, build: Build, site_dir: Path) -> None:
    """RIS and BibTeX beside every page that has a citation (not the page for young people)."""
    assert build.history is not None
    for pairs in site.units.by_type.values():
        for pair in pairs.values():
            for unit in pair.values():
                if unit.type == "youth":
                    continue
                ref = _reference(site, unit, build.history.changed(site.root / unit.path))
                folder = site_dir / render.unit_path(unit)
                (folder / citations.RIS).write_text(citations.ris(ref), encoding="utf-8", newline="")
                (folder / citations.BIBTEX).write_text(citations.bibtex(ref), encoding="utf-8")


def _licence(site: Site, lang: str) -> dict[str, Markup]:
    """The content licence's short name, full name and deed in the page's language, escaped."""
    assert site.region is not None
    licence = site.region.content_licence
    return {"short": plain(licence.short), "name": plain(licence.name[lang]), "url": plain(licence.url[lang]), "terms": plain(licence.terms[lang])}


def _json_ld(page: Any, unit: Any, build: Build, config: MkDocsConfig, lang: str, modified: Any) -> Markup:
    """schema.org for the page (macros/render/structured.py): a unit as a report of the vision."""
    site = build.loaded
    assert build.history is not None
    title, description = _page_words(page, unit, config)
    published = build.history.published(_source(page, unit, site, lang))
    dataset = unit is not None and "figure(" in unit.body
    data = structured.graph(site, lang, _absolute(config, page.url), title, description, unit, modified, published, dataset)
    return structured.script(data)


def _social_meta(page: Any, unit: Any, site: Site, config: MkDocsConfig, lang: str) -> Markup:
    """The page's link preview (macros/publish/social.py), from the editors' own words where it has them."""
    title, description = _page_words(page, unit, config)
    if page.file.src_uri.startswith("index."):
        title = site.region.site_name(lang) if site.region else title
    return social.meta_tags(site, lang, page.url, title, description, lambda url: _absolute(config, url))


def alternate_urls(url: str) -> list[tuple[str, str]]:
    """A page's address (below the site root) in every language, like ``en/principles/x/``."""
    _, neutral_path = neutral("/" + url)
    return [(code, in_language(neutral_path, code).lstrip("/")) for code in LANGUAGES]


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Our sitemap lists each page's address in every language, with when it last changed.
    The page template's compiled code is kept between builds (core/templating.bytecode_cache)."""
    env.bytecode_cache = bytecode_cache("theme", options(env))
    env.filters["rv_alternates"] = alternate_urls

    def lastmod(file: Any) -> str:
        build = _build(config)
        if build.showing_problems:
            return ""  # the editors' preview with problems: no site, so no dates
        return _last_updated(file.page, build, getattr(file, "locale", LANGUAGES[0]))["iso"]

    env.filters["rv_lastmod"] = lastmod
    return env


def _last_updated(page: Any, build: Build, lang: str) -> dict[str, str]:
    """The date the page's source last changed, as ``datetime`` and as words in ``lang``."""
    site = build.loaded
    assert build.history is not None
    day = build.history.changed(_source(page, _unit_of(page, site, lang), site, lang))
    return {"iso": day.isoformat(), "text": long_date(day, lang), "day": day}


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """The page with old ids kept as aliases (data/redirects.yaml)."""
    build = _build(config)
    if build.showing_problems:
        return output
    return _add_aliases(output, page, build.loaded)


def _add_aliases(output: str, page: Any, site: Site) -> str:
    """Keep old #ids working (data/redirects.yaml): an empty element with the old id inside the new one."""
    for old, new in site.addresses.aliases.get("/" + page.url, []):
        match = re.search(rf'<[a-z0-9]+[^>]*\sid="{re.escape(new)}"[^>]*>', output)
        if match is None:
            raise PluginError(f"{page.file.src_uri}: no element with id \"{new}\" for the redirect from #{old} (see data/redirects.yaml)")
        output = output[: match.end()] + f'<span id="{html.escape(old)}"></span>' + output[match.end() :]
    return output


def _write_style_sheet(path: Path) -> None:
    """Our stylesheet with the palette of macros/tokens.yaml written in, without comments and
    spare white space (its source keeps the why-comments), minified by rcssmin. Measured on
    site.css: 36.6 kB (8.9 kB gzip) as written, 24.3 kB (5.2 kB gzip) minified, so compression
    alone does not make minifying moot."""
    path.write_text(rcssmin.cssmin(tokens.style_sheet(path.read_text(encoding="utf-8"))) + "\n", encoding="utf-8")


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: redirect pages, downloads, link check, search index."""
    i18n = config.plugins.get("i18n")
    build = _build(config)
    if i18n is not None and getattr(i18n, "building", False):
        return
    site_dir = Path(config["site_dir"])
    _write_style_sheet(site_dir / "assets" / "site.css")
    if build.showing_problems:
        return
    _publish(build.loaded, build, config, site_dir)


def _write_feeds(site: Site, build: Build, site_dir: Path, config: MkDocsConfig) -> None:
    """One Atom feed per language, beside that language's changes page."""
    assert build.history is not None
    for lang in LANGUAGES:
        page = in_language(f"/{CHANGES}/", lang).lstrip("/")
        feed = changes.feed(site, lang, lambda url: _absolute(config, url), page + changes.FEED, page, build.history.span()[1])
        (site_dir / page).mkdir(parents=True, exist_ok=True)
        (site_dir / page / changes.FEED).write_bytes(feed)


def _publish(site: Site, build: Build, config: MkDocsConfig, site_dir: Path) -> None:
    """Redirect pages, robots.txt, citation files, open data and the PDFs; then the link check
    and the search index."""
    try:
        write_redirects(site, site_dir, lambda url: _absolute(config, url))
        write_robots(site_dir, _absolute(config, ""))
        _write_citation_files(site, build, site_dir)
        assert build.history is not None
        figures = site.root / "data" / "indicators.yaml"
        data_sizes = downloads.write_open_data(site, site_dir, opendata.Dates(build.history.published(figures), build.history.changed(figures)))
        _write_feeds(site, build, site_dir, config)
        # The editors' preview skips the PDFs (about 4 s) to keep each rebuild quick; `make build` makes them.
        if not preview.downloads_skipped():
            assert build.history is not None
            downloads.write_downloads(site, site_dir, _absolute(config, ""), data_sizes, build.history.span())
    except ContentError as error:
        raise _report(error) from None
    # The search index once every page is final (the downloads page has the files' sizes now);
    # Pagefind runs while the links are checked, which only reads the pages.
    indexing = search.start_index(site_dir)
    try:
        broken = check_site_links(site_dir, config["site_url"] or "", pdf.FOLDER if preview.downloads_skipped() else None)
    except BaseException:
        indexing.kill()
        indexing.wait()
        raise
    if broken:
        indexing.kill()
        indexing.wait()
        # Each on the file and line that made it, in the editors' language (as make check would).
        for problem in in_sources(broken, site.addresses.current, site.root, DOCS):
            log.error(str(problem))
        raise PluginError(f"{len(broken)} broken link(s) in the built site; nothing was published.")
    search.finish_index(site_dir, indexing)


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Live reload on what editors change, not on the staging folder we write ourselves; the
    address to open, in the editors' language (MkDocs' own lines are quiet, see `make serve`)."""
    address = config["site_url"] or "http://127.0.0.1:8000/"
    print(f"PREVIEW -  {Message(nl='Open de site op', en='Open the site at')} {address}", file=sys.stderr)
    server.unwatch(str(STAGE))
    for folder in (DOCS, content_root() / "content", content_root() / "data", ROOT / "macros"):
        server.watch(str(folder))
    return server
