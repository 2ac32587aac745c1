"""Stage the pages MkDocs builds: ``docs/`` as it is, plus one page per unit and language.

Generated pages carry only a small front matter and the unit's body between two
internal macros; what a unit looks like is decided by the renderers, not here.
Files are written only when they change, so ``mkdocs serve`` does not reload forever.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils import get_relative_url

from macros.core.paths import localize
from macros.core.problems import ContentError, Message, Problems
from macros.core.schema import LANGUAGES
from macros.core.templating import plain
from macros.load import images
from macros.load.docs import LANG_SUFFIX, NOT_PAGES
from macros.load.site import Site
from macros.load.units import TYPES, Unit
from macros.render.page import has_macros, localize_links, unit_markdown
from macros.render.region_css import region_css
from macros.render.units import PORTRAITS, unit_path


def unit_page(site: Site, unit: Unit) -> str:
    """The Markdown of a generated unit page.

    MkDocs and our page template print ``title`` and ``description`` into the page without escaping
    (``<title>``, navigation, ``<h1>``, meta description, search), and mkdocs-macros renders
    Jinja in titles: so both are escaped here, once, where MkDocs takes them.

    What comes above and below the body is rendered here, with links relative to the page's
    own address. A body without macro calls is then plain Markdown, and the page says so
    (``render_macros: false``): mkdocs-macros skips compiling it as a template, which was the
    largest per-page cost of the build. A body with macros is rendered as before.
    """
    page_url = unit_path(unit)

    def link(path: str) -> str:
        return get_relative_url(path, page_url)

    meta: dict[str, Any] = {
        "title": str(plain(unit.title)),
        "description": str(plain(unit.meta["summary"])),
        "unit": f"{unit.type}/{unit.id}",
    }
    if unit.type == "personas":
        # A story reads best without the sidebar; the tabs lead on.
        meta["hide"] = ["navigation"]
    if not has_macros(unit):
        meta["render_macros"] = False
    front = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{front}---\n\n{unit_markdown(site, unit, link)}"


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _sync(wanted: dict[str, bytes | Path], stage: Path) -> None:
    for rel, source in wanted.items():
        target = stage / rel
        data = source.read_bytes() if isinstance(source, Path) else source
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for file in sorted(stage.rglob("*"), reverse=True):
        rel = file.relative_to(stage).as_posix()
        if file.is_file() and rel not in wanted:
            file.unlink()
        elif file.is_dir() and not any(file.iterdir()):
            file.rmdir()


HOME_PAGES = {f"index.{lang}.md": lang for lang in LANGUAGES}


def _with_meta(text: str, meta: dict[str, Any]) -> str:
    """A docs page with ``meta`` as the first lines of its front matter."""
    lines = yaml.safe_dump(meta, allow_unicode=True, width=1000)
    if not text.startswith("---\n"):
        return f"---\n{lines}---\n\n{text}"
    return "---\n" + lines + text[4:]


# A page outside the navigation (the footer's service pages, 404) shows no sidebar: on a wide
# screen its list would hold only hidden items (an empty list, WCAG 1.3.1). The phone menu is
# the same on every page (docs/overrides/partials/rv-menu.html).
OUT_OF_NAV: dict[str, Any] = {"hide": ["navigation"]}


def _region_files(site: Site) -> dict[str, bytes | Path]:
    """What the region's folder adds to the engine's assets: portraits, logo and colours."""
    region = site.region
    assert region is not None
    files: dict[str, bytes | Path] = {f"{PORTRAITS}/{persona}.svg": file for persona, file in site.portraits.items()}
    if region.logo is not None:
        files["assets/logo.svg"] = region.logo
    css = region_css(region)
    if css is not None:
        files["assets/region.css"] = css.encode("utf-8")
    return files


def stage_pages(site: Site, docs: Path, stage: Path) -> Any:
    """Write the build folder; return a function giving the navigation for a language."""
    problems = Problems()
    # Pairs and macros in docs/ were checked by load_site, which kept the list.
    doc_pages = site.doc_pages
    wanted: dict[str, bytes | Path] = {}
    # The docs pages the navigation lists (nav below reads the same set): home, each section's
    # overview, the poster.
    in_nav = {"index", "overzicht", *(f"{ctype.url_folder}/index" for ctype in TYPES.values())} & set(doc_pages)
    for file in sorted(docs.rglob("*")):
        rel = file.relative_to(docs).as_posix()
        if not file.is_file() or rel.split("/")[0] in NOT_PAGES:
            continue
        match = LANG_SUFFIX.search(rel)
        if rel in HOME_PAGES:
            # The home page's description is the region's ("what this is and for whom").
            lang = HOME_PAGES[rel]
            assert site.region is not None
            text = _with_meta(file.read_text(encoding="utf-8"), {"description": str(plain(site.region.description[lang]))})
            wanted[rel] = localize_links(text, lang).encode("utf-8")
        elif match is None:
            wanted[rel] = file
        else:
            lang = match.group("lang")
            text = file.read_text(encoding="utf-8")
            if rel[: match.start()] not in in_nav:
                text = _with_meta(text, OUT_OF_NAV)
            wanted[localize(rel, lang)] = localize_links(text, lang).encode("utf-8")
    for ctype in TYPES.values():
        for unit_id, pair in site.units.by_type[ctype.name].items():
            for lang, unit in pair.items():
                rel = localize(f"{ctype.url_folder}/{unit_id}.{lang}.md", lang)
                if rel in wanted:
                    problems.add(
                        f"docs/{rel}",
                        1,
                        "file name",
                        Message(
                            nl=f"dit adres hoort al bij {unit.path} (kies een andere naam)",
                            en=f"this address belongs to {unit.path} (expected another name)",
                        ),
                    )
                wanted[rel] = unit_page(site, unit).encode("utf-8")
    wanted.update(_region_files(site))
    wanted.update(images.site_files(site.images))
    if problems.errors:
        raise ContentError(problems.errors)
    if stage.exists() and not stage.is_dir():
        shutil.rmtree(stage)
    stage.mkdir(parents=True, exist_ok=True)
    _sync(wanted, stage)

    def nav(lang: str) -> list[Any]:
        """Home and the brochure's five sections; service pages and 404 are reached from the footer.

        mkdocs-static-i18n needs the home page in the navigation; its tab is hidden on wide
        screens (the logo leads home) and stays in the phone menu.
        """
        sections: list[Any] = [{site.t("home", lang): "index.md"}]
        background: list[Any] = []
        for ctype in TYPES.values():
            folder = localize(ctype.url_folder, lang)
            units = site.units.ordered(ctype.name, lang)
            entries: list[Any] = [f"{folder}/index.md"] if f"{ctype.url_folder}/index" in in_nav else []
            if ctype.name == "vision":
                entries += [f"{folder}/{u.id}.md" for u in units if u.meta["part"] == "A"]
                sections.append({site.t("section_vision", lang): entries})
                background = [f"{folder}/{u.id}.md" for u in units if u.meta["part"] != "A"]
                continue
            entries += [f"{folder}/{u.id}.md" for u in units]
            sections.append({site.t(f"section_{ctype.name}", lang): entries})
        if background:
            sections.append({site.t("section_background", lang): background})
        if "overzicht" in in_nav:
            sections.append({site.t("section_overview", lang): [localize("overzicht.md", lang)]})
        return sections

    return nav
