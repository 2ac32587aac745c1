"""MkDocs hooks: the thin layer between our loaders and MkDocs + mkdocs-static-i18n.

What happens here, in build order:

1. ``on_config`` (before every other plugin): load and validate ``content/`` and
   ``data/``; on any problem, print all of them and stop. Then stage ``docs/`` plus
   one generated page per content unit and language into ``.build/docs`` and build
   from there, so mkdocs-static-i18n pairs generated pages like hand-written ones.
2. ``on_files``: give the per-language 404 pages their ``404.html`` address.
3. ``on_page_context``: absolute hreflang alternates for the page's head and switcher, and
   the "last updated" date of the page's source file from git.
4. ``on_post_page``: valid markup, our skip link, and old ids kept as aliases (redirects).
5. ``on_post_build`` (after mkdocs-static-i18n merged all languages): split the search
   index per language, take out Material's alternate-sitemap lookup, write redirect pages
   for old and short addresses, then check every internal link and #id of the built site.

mkdocs-static-i18n runs the whole build once per language, so everything here is
called twice per ``mkdocs build`` and keeps no state between languages.
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

# MkDocs loads this file by path, not as part of a package; make `macros` importable.
ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.core.paths import neutralize
from macros.core.problems import ContentError, Message, Problems
from macros.core.schema import LANGUAGES
from macros.core.templating import plain, render_template
from macros.load.addresses import in_language, neutral, relative
from macros.load.history import History, long_date
from macros.load.region import region_css
from macros.load.site import SITE_KEY, Site, load_site, load_strings
from macros.publish import opendata, pdf, social
from macros.publish.links import check_site_links
from macros.render import units as render
from macros.stage import preview
from macros.stage.pages import stage_pages

log = logging.getLogger("mkdocs.regiovisie")
# Warnings for editors (an out-of-date translation, an address not registered yet) are
# shown but must not stop a `--strict` build, which counts every warning of "mkdocs.*".
notes = logging.getLogger("regiovisie")
if not notes.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("WARNING -  %(message)s"))
    notes.addHandler(_handler)
    notes.propagate = False
HISTORY_KEY = "regiovisie_history"
# The staged navigation, and whether this build's content is loaded (see on_config).
NAV_KEY = "regiovisie_nav"
LOADED_KEY = "regiovisie_loaded"

# Always the source folder: the same config object is reused for the second language,
# after we pointed its docs_dir at the staging folder.
DOCS = ROOT / "docs"
# Parallel builds (the tests) each name their own staging folder.
STAGE = Path(os.environ.get("REGIOVISIE_STAGE") or ROOT / ".build" / "docs")
# Material 9.8.1 fetches `sitemap.xml` below every <link rel=alternate> on each page
# (404s, and a request to the production host from any other host). Our switcher links
# straight to the counterpart page, so that lookup is not needed. Pinned version: the
# build fails if the bundle no longer contains exactly this call.
MATERIAL_ALTERNATE_CALL = "ui({document$:ct});"
# Where a region's logo and colours are staged (macros/pages.py).
LOGO = "assets/logo.svg"
REGION_CSS = "assets/region.css"


def content_root() -> Path:
    """The region folder built: its content/ and data/ (REGIOVISIE_REGION, `make build REGION=…`), or the project's own."""
    return Path(os.environ.get("REGIOVISIE_REGION") or ROOT).resolve()


def _report(error: ContentError) -> PluginError:
    for problem in error.problems:
        (log.warning if problem.warning else log.error)(str(problem))
    return PluginError(str(error))


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Validate everything, then stage the pages to build."""
    i18n = config.plugins.get("i18n")
    later_language = bool(i18n and getattr(i18n, "current_language", None) not in (None, LANGUAGES[0]))
    if later_language and config.get(LOADED_KEY):
        # mkdocs-static-i18n builds each further language with the same config object: the
        # content was loaded, checked and staged for this build already. (`mkdocs serve`
        # makes a new config for every rebuild, so an edit is always read.)
        return _configure_language(config, i18n)
    config[preview.PROBLEMS_KEY] = None
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
    config[SITE_KEY] = site
    config[NAV_KEY] = nav
    config[LOADED_KEY] = True
    config[HISTORY_KEY] = History(ROOT, (DOCS, site.root / "content", site.root / "data"))
    return _configure_language(config, i18n)


def _configure_language(config: MkDocsConfig, i18n: Any) -> MkDocsConfig:
    """What differs per language: the navigation, the region's names; the theme's 404."""
    if config.get(preview.PROBLEMS_KEY):
        config["docs_dir"] = str(STAGE)
        config.theme.static_templates.discard("404.html")
        return config
    site: Site = config[SITE_KEY]
    nav = config[NAV_KEY]
    config["docs_dir"] = str(STAGE)
    # The hook runs before mkdocs-static-i18n's own on_config, which sets the language.
    lang = (getattr(i18n, "current_language", None) or "nl") if i18n else "nl"
    config["nav"] = nav(lang)
    _apply_region(config, site, lang)
    # Each language writes its own 404 page (see on_files); the theme's single one would
    # be overwritten by whichever language is built last.
    config.theme.static_templates.discard("404.html")
    return config


def _apply_region(config: MkDocsConfig, site: Site, lang: str) -> None:
    """The region's name, address, logo and colours where MkDocs and Material read them.

    Material prints ``site_name`` without escaping in some places and with ``| e`` in
    others: as escaped Markup it is right in both.
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
    """Preview only: build the problem pages instead of the site (see macros/preview.py)."""
    # Not through MkDocs' logger: a strict `mkdocs serve` would abort on a logged error.
    for problem in error.problems:
        print(f"{'WARNING' if problem.warning else 'ERROR  '} -  {problem}", file=sys.stderr)
    # The problems and their count are in the language of the messages (Dutch unless REGIOVISIE_MESSAGES=en).
    where = Message(nl="De browser toont de lijst op", en="The browser shows the list at")
    print(f"PREVIEW -  {error} {where} http://127.0.0.1:8000/", file=sys.stderr)
    strings = load_strings(Problems())
    config[LOADED_KEY] = True
    config[preview.PROBLEMS_KEY] = error.problems
    config["nav"] = preview.stage_problem_pages(error.problems, strings, STAGE)
    config["docs_dir"] = str(STAGE)
    config.theme.static_templates.discard("404.html")
    config["preview_strings"] = strings
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


def on_page_context(context: dict[str, Any], page: Any, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    """Absolute alternates of this page, in the order of the languages, plus x-default."""
    lang = getattr(page.file, "locale", "nl")
    if config.get(preview.PROBLEMS_KEY):
        context["ui"] = {key: texts[lang] for key, texts in config["preview_strings"].items()}
        context["page_lang"] = lang
        return context
    site: Site = config[SITE_KEY]
    links = []
    # Every page exists in both languages (checked by the loaders); its address differs by folder name.
    for code, url in alternate_urls(page.url):
        links.append({"lang": code, "href": _absolute(config, url), "url": url, "name": site.t("language_name", code)})
    context["hreflang_links"] = links
    context["counterpart"] = next(link for link in links if link["lang"] != lang)
    # Material's templates do not escape: interface strings carry the region's words.
    context["ui"] = site.escaped_strings(lang)
    context["footer_municipalities"] = plain(", ".join(site.region.municipalities)) if site.region else ""
    context["page_lang"] = lang
    if lang != "nl":
        # Material's JavaScript finds search/search_index.json below base_url; point it at
        # the language root so English pages search the English index (see _split_search_index).
        context["base_url"] = get_relative_url(f"{lang}/", page.url)
    context["last_updated"] = _last_updated(page, site, config, lang)
    unit_ref = (page.meta or {}).get("unit")
    unit = site.units.get(*unit_ref.split("/", 1), lang) if unit_ref else None
    if unit is not None and unit.type != "youth":
        # "Zo verwijs je hiernaar", with the date the page last changed as its version (not on
        # the page for young people: a citation is for reports, not for them).
        context["citation"] = render.citation(site, unit, context["last_updated"]["day"])
    context["social_meta"] = _social_meta(page, unit, site, config, lang)
    # English pages live at English addresses (macros/paths.py), the footer's too.
    context["accessibility_url"] = in_language("/toegankelijkheid/", lang).lstrip("/")
    # Under which licence the texts and figures may be reused: footer and <link rel="license">.
    context["licence"] = _licence(site, lang)
    if page.file.src_uri.startswith("404."):
        context["base_href"] = urlsplit(config["site_url"] or "/").path.rstrip("/") + "/" + page.url
    return context


def _licence(site: Site, lang: str) -> dict[str, Markup]:
    """The content licence's short name, full name and deed in the page's language, escaped."""
    assert site.region is not None
    licence = site.region.content_licence
    return {"short": plain(licence.short), "name": plain(licence.name[lang]), "url": plain(licence.url[lang]), "terms": plain(licence.terms[lang])}


def _social_meta(page: Any, unit: Any, site: Site, config: MkDocsConfig, lang: str) -> Markup:
    """The page's link preview (macros/social.py), from the editors' own words where it has them."""
    if unit is not None:
        title, description = unit.title, unit.meta["summary"]
    else:
        # Our own pages' titles arrive escaped for Material (macros/pages.py): the template escapes again.
        title = html.unescape(str((page.meta or {}).get("title") or page.title or config["site_name"]))
        description = html.unescape(str((page.meta or {}).get("description") or config["site_description"] or ""))
    if page.file.src_uri.startswith("index."):
        title = site.region.site_name(lang) if site.region else title
    return social.meta_tags(site, lang, page.url, title, description, lambda url: _absolute(config, url))


def alternate_urls(url: str) -> list[tuple[str, str]]:
    """A page's address (below the site root) in every language, like ``en/principles/x/``."""
    _, neutral_path = neutral("/" + url)
    return [(code, in_language(neutral_path, code).lstrip("/")) for code in LANGUAGES]


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Our sitemap lists each page's address in every language."""
    env.filters["rv_alternates"] = alternate_urls
    return env


def _last_updated(page: Any, site: Site, config: MkDocsConfig, lang: str) -> dict[str, str]:
    """The date the page's source last changed, as ``datetime`` and as words in ``lang``."""
    unit = (page.meta or {}).get("unit")
    if unit:
        type_name, unit_id = unit.split("/")
        source = site.root / site.units.get(type_name, unit_id, lang).path
    else:
        # English pages are staged in English folders; their source is in docs/ by its Dutch name.
        source = DOCS / neutralize(page.file.src_uri, lang)
    day = config[HISTORY_KEY].changed(source)
    return {"iso": day.isoformat(), "text": long_date(day, lang), "day": day}


# Material writes autocomplete="off" on its two toggle checkboxes, outside any template
# block; the HTML checker rejects autocomplete on checkboxes.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" id="__(?:drawer|search)") autocomplete="off">')


# Material's nav-item partial writes tabindex="" on section labels (sections are not
# focusable); an empty tabindex is invalid HTML and ignored by browsers, so we drop it.
EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^"]*" for="[^"]+" id="[^"]+") tabindex="">')


# Material's palette.css holds its named colours; our own tokens (docs/assets/site.css) define
# both colour schemes, so the first visit does not load it.
PALETTE_CSS = re.compile(r'<link rel="stylesheet" href="[^"]*assets/stylesheets/palette\.[0-9a-f]+\.min\.css">')


# Material's table of contents title is a <label for="__toc">; the checkbox exists only on
# pages in the navigation.
TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


# Material's skip link points at the first heading of the table of contents, so pages
# without one have none. Ours is on every page and moves focus to the article itself.
SKIP_LINK = re.compile(r'<div data-md-component="skip">.*?</div>', re.DOTALL)
ARTICLE = '<article class="md-content__inner md-typeset">'
CONTENT_ID = "inhoud"


def _replace_once(pattern: re.Pattern[str] | str, new: str | Callable[[re.Match[str]], str], html: str, page: Any) -> str:
    """Replace exactly one occurrence (with ``new``, or what ``new`` makes of the match), or stop
    the build: Material's markup has changed."""
    if isinstance(pattern, str):
        assert isinstance(new, str)
        # A plain string: str methods are several times faster than a regular expression.
        count = html.count(pattern)
        if count != 1:
            raise PluginError(f"{page.file.src_uri}: Material's markup changed ({pattern[:40]}…); review macros/mkdocs_hooks.py")
        return html.replace(pattern, new, 1)
    result, count = pattern.subn(new if callable(new) else lambda _: new, html)
    if count != 1:
        raise PluginError(f"{page.file.src_uri}: Material's markup changed ({pattern.pattern[:40]}…); review macros/mkdocs_hooks.py")
    return result


def _remove_line(pattern: re.Pattern[str], html: str, page: Any) -> str:
    """Take out exactly one element and the white space before it.

    The pattern starts with a literal ``<``, so the search skips ahead quickly; a leading
    ``\\s*`` in the pattern would try every position of the page (slow on large pages).
    """
    found = list(pattern.finditer(html))
    if len(found) != 1:
        raise PluginError(f"{page.file.src_uri}: Material's markup changed ({pattern.pattern[:40]}…); review macros/mkdocs_hooks.py")
    start = found[0].start()
    while start > 0 and html[start - 1].isspace():
        start -= 1
    return html[:start] + html[found[0].end() :]


def on_post_page(output: str, page: Any, config: MkDocsConfig) -> str:
    """Fix Material's markup: valid HTML for the checker, and a skip link on every page."""
    if config.get(preview.PROBLEMS_KEY):
        return output
    fixed, count = TOGGLE_AUTOCOMPLETE.subn(r"\1>", output)
    if count != 2:
        raise PluginError(f"{page.file.src_uri}: Material's toggle checkboxes changed; review TOGGLE_AUTOCOMPLETE in macros/mkdocs_hooks.py")
    fixed = EMPTY_TABINDEX.sub(r"\1>", fixed)
    fixed = _remove_line(PALETTE_CSS, fixed, page)
    if 'id="__toc"' not in fixed:
        # A page outside the navigation (footer pages) has no toc toggle for this label to name.
        fixed = TOC_LABEL.sub(r'<div class="md-nav__title">\1</div>', fixed)
    site: Site = config[SITE_KEY]
    label = html.escape(site.t("skip_to_content", getattr(page.file, "locale", "nl")))
    skip = f'<div data-md-component="skip"><a href="#{CONTENT_ID}" class="md-skip" data-rv="skip-link">{label}</a></div>'
    fixed = _replace_once(SKIP_LINK, skip, fixed, page)
    lang = getattr(page.file, "locale", "nl")
    fixed = _header_buttons(fixed, page, site, lang)
    # `aria-expanded` is not allowed on a <nav> (WCAG 4.1.2); Material writes it on every
    # section's list. The sections are always open (navigation.sections), so it says nothing.
    fixed = NAV_EXPANDED.sub(r"\1", fixed)
    fixed = _replace_once(ARTICLE, f'<article class="md-content__inner md-typeset" id="{CONTENT_ID}" tabindex="-1">', fixed, page)
    # The site name once, and a short form that fits a phone's header (CSS shows one of the two).
    # Both names arrive escaped (see _apply_region).
    name = str(config["site_name"])
    header_name = f'<div class="md-header__topic">\n          <span class="md-ellipsis">\n            {name}\n          </span>'
    short = plain(site.region.short[lang]) if site.region else ""
    named = f'<div class="md-header__topic">\n          <span class="md-ellipsis"><span class="rv-name--long">{name}</span><span class="rv-name--short">{short}</span></span>'
    fixed = _replace_once(header_name, named, fixed, page)
    return _add_aliases(fixed, page, site)


# Material opens its menu and search with a <label for=…>: Tab skips a label, and no key
# opens one without JavaScript. Ours are buttons: the menu button opens an HTML popover
# (docs/overrides/partials/rv-menu.html), with Enter and Space, with or without JavaScript;
# the search button opens Material's search (docs/assets/site.js). Without JavaScript there is
# no search, so a link to the overview of the whole vision stands in its place (site.css).
HEADER_LABEL = '<label class="md-header__button md-icon" for="__{toggle}">(.*?)</label>'
DRAWER_LABEL = re.compile(HEADER_LABEL.format(toggle="drawer"), re.DOTALL)
SEARCH_LABEL = re.compile(HEADER_LABEL.format(toggle="search"), re.DOTALL)
NAV_EXPANDED = re.compile(r'(<nav class="md-nav" data-md-level="\d+" aria-labelledby="[^"]+") aria-expanded="(?:true|false)"')


def _header_buttons(output: str, page: Any, site: Site, lang: str) -> str:
    """The header's menu and search as buttons, each with its visible word (see HEADER_LABEL)."""
    menu = html.escape(site.t("open_menu", lang))
    search = html.escape(site.t("open_search", lang))
    overview = html.escape(get_relative_url(in_language("/overzicht/", lang).lstrip("/"), page.url))
    alternative = html.escape(site.t("search_alternative", lang))

    def drawer(match: re.Match[str]) -> str:
        return (
            '<button type="button" class="md-header__button md-icon rv-header-button rv-menu-button" popovertarget="rv-menu" '
            f'data-rv="open-drawer">{match.group(1).strip()}<span class="rv-header-button__word">{menu}</span></button>'
        )

    def search_button(match: re.Match[str]) -> str:
        return (
            f'<button type="button" class="md-header__button md-icon rv-header-button rv-search-button" data-rv="open-search">'
            f'{match.group(1).strip()}<span class="rv-header-button__word">{search}</span></button>'
            f'<a class="md-header__button rv-header-button rv-search-alternative" href="{overview}" data-rv="search-alternative">'
            f'<span class="rv-header-button__word">{alternative}</span></a>'
        )

    output = _replace_once(DRAWER_LABEL, drawer, output, page)
    return _replace_once(SEARCH_LABEL, search_button, output, page)


def _add_aliases(output: str, page: Any, site: Site) -> str:
    """Keep old #ids working (data/redirects.yaml): an empty element with the old id inside the new one."""
    for old, new in site.addresses.aliases.get("/" + page.url, []):
        match = re.search(rf'<[a-z0-9]+[^>]*\sid="{re.escape(new)}"[^>]*>', output)
        if match is None:
            raise PluginError(f"{page.file.src_uri}: no element with id \"{new}\" for the redirect from #{old} (see data/redirects.yaml)")
        output = output[: match.end()] + f'<span id="{html.escape(old)}"></span>' + output[match.end() :]
    return output


def _split_search_index(site_dir: Path) -> None:
    """Write one search index per language: /search/ for Dutch, /en/search/ for English."""
    index_path = site_dir / "search" / "search_index.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    docs = index["docs"]
    dutch = [d for d in docs if not d["location"].startswith("en/")]
    english = [dict(d, location=d["location"][3:]) for d in docs if d["location"].startswith("en/")]
    for lang, entries, path in (("nl", dutch, index_path), ("en", english, site_dir / "en" / "search" / "search_index.json")):
        path.parent.mkdir(parents=True, exist_ok=True)
        data = dict(index, docs=entries, config=dict(index["config"], lang=[lang]))
        path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _minify_css(path: Path) -> None:
    """Our stylesheet without comments and spare white space (its source keeps the why-comments)."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,])\s*", r"\1", text)
    path.write_text(text.replace(";}", "}").strip() + "\n", encoding="utf-8")


def _drop_alternate_lookup(site_dir: Path) -> None:
    bundles = list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise PluginError(f"expected one Material bundle, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    if text.count(MATERIAL_ALTERNATE_CALL) != 1:
        raise PluginError("Material's bundle changed: review MATERIAL_ALTERNATE_CALL in macros/mkdocs_hooks.py")
    bundles[0].write_text(text.replace(MATERIAL_ALTERNATE_CALL, ""), encoding="utf-8")


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    """After the last language: per-language search, per-language sitemap, no alternate lookup."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False) or config.get(preview.PROBLEMS_KEY):
        return
    site_dir = Path(config["site_dir"])
    _split_search_index(site_dir)
    _drop_alternate_lookup(site_dir)
    _minify_css(site_dir / "assets" / "site.css")
    # Material looks for sitemap.xml at the root of the reader's language (its base URL).
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        if (site_dir / name).is_file():
            shutil.copyfile(site_dir / name, site_dir / "en" / name)
    _write_redirects(site_dir, config)
    # The editors' preview skips the PDFs (about 4 s) to keep each rebuild quick; `make build` makes them.
    # The figures as open data: cheap, so also in the editors' preview (charts link to them).
    data_sizes = opendata.write(config[SITE_KEY], site_dir, pdf.build_date().isoformat())
    if not preview.downloads_skipped():
        _write_downloads(site_dir, config, data_sizes)
    broken = check_site_links(site_dir, config["site_url"] or "", pdf.FOLDER if preview.downloads_skipped() else None)
    if broken:
        for problem in broken:
            log.error(f"broken link on {problem}")
        raise PluginError(f"{len(broken)} broken link(s) in the built site; nothing was published.")


def _write_downloads(site_dir: Path, config: MkDocsConfig, data_sizes: dict[str, int]) -> None:
    """The brochure and the poster as PDFs and the link-preview images, then the PDFs' sizes on the pages that offer them."""
    site: Site = config[SITE_KEY]
    # The link-preview images are drawn in the same worker pool (macros/social.py).
    files = pdf.write_pdfs(site, site_dir, _absolute(config, ""), extra=social.image_jobs(site, site_dir))
    sizes = {file.name: file.stat().st_size for file in files}
    sizes.update(data_sizes)
    _fill_sizes(site_dir, sizes)


_SIZE = re.compile(r'(<span data-rv-size="(?P<name>[^"]+)" lang="(?P<lang>[a-z]+)">)[^<]*(</span>)')


def _fill_sizes(site_dir: Path, sizes: dict[str, int]) -> None:
    """Write "PDF, 1,4 MB" into every `data-rv-size` placeholder of the built pages."""
    def size(match: re.Match[str]) -> str:
        if match.group("name") not in sizes:
            raise PluginError(f"no download named {match.group('name')} (see macros/pdf.py)")
        kind = match.group("name").rsplit(".", 1)[-1].upper()
        return match.group(1) + pdf.size_label(sizes[match.group("name")], match.group("lang"), kind) + match.group(4)

    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-rv-size=" in text:
            page.write_text(_SIZE.sub(size, text), encoding="utf-8")


def _write_redirects(site_dir: Path, config: MkDocsConfig) -> None:
    """A small page at every old or short address that sends readers to the new one."""
    site: Site = config[SITE_KEY]
    for old, new in sorted(site.addresses.redirects.items()):
        lang = neutral(old)[0]
        target = site_dir / old.lstrip("/") / "index.html"
        if target.exists():
            raise PluginError(f"the redirect from {old} would overwrite a page (see data/redirects.yaml)")
        target.parent.mkdir(parents=True, exist_ok=True)
        page = render_template(
            "redirect.html",
            lang=lang,
            title=site.t("redirect_title", lang),
            text=site.t("redirect_text", lang),
            target=relative(old, new),
            canonical=_absolute(config, new),
        )
        target.write_text(page + "\n", encoding="utf-8")


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Live reload on what editors change, not on the staging folder we write ourselves."""
    server.unwatch(str(STAGE))
    for folder in (DOCS, content_root() / "content", content_root() / "data", ROOT / "macros"):
        server.watch(str(folder))
    return server

