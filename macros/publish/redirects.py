"""A small page at every old or short address that sends readers to the new one, previewing as
its target; and robots.txt, which names the sitemap."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from macros.core.policy import CSP
from macros.core.problems import ContentError, Message, Problem
from macros.core.templating import render_template
from macros.load.addresses import neutral, relative
from macros.load.site import Site
from macros.load.units import front_matter_end
from macros.publish.social import meta_tags


def write_redirects(site: Site, site_dir: Path, absolute: Callable[[str], str]) -> None:
    """Every redirect of ``site.addresses`` as a page; ``absolute`` makes a page's full address."""
    for old, new in sorted(site.addresses.redirects.items()):
        lang = neutral(old)[0]
        target = site_dir / old.lstrip("/") / "index.html"
        if target.exists():
            raise ContentError(
                [
                    Problem(
                        "data/redirects.yaml",
                        1,
                        old,
                        Message(
                            nl=f"de doorverwijzing van {old} zou een pagina overschrijven (kies een ander oud adres)",
                            en=f"the redirect from {old} would overwrite a page (see data/redirects.yaml)",
                        ),
                    )
                ]
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        title, description = target_words(site, new, lang)
        page = render_template(
            "redirect.html",
            lang=lang,
            title=title,
            description=description,
            heading=site.t("redirect_title", lang),
            text=site.t("redirect_text", lang),
            target=relative(old, new),
            csp=CSP,
            # The script that keeps the #id (no inline script: the page's policy forbids it).
            script="../" * old.strip("/").count("/") + "../assets/redirect.js",
            canonical=absolute(new),
            # Pasted in a chat, a short address shows its target's card.
            social=meta_tags(site, lang, new.partition("#")[0].lstrip("/"), title, description, absolute),
        )
        target.write_text(page + "\n", encoding="utf-8")


def target_words(site: Site, address: str, lang: str) -> tuple[str, str]:
    """The title and description of the page at ``address`` (a unit, a page in docs/, or else the site)."""
    assert site.region is not None
    source = site.addresses.current.get(address.partition("#")[0], "")
    for pairs in site.units.by_type.values():
        for pair in pairs.values():
            unit = pair.get(lang)
            if unit is not None and unit.path == source:
                return unit.title, unit.meta["summary"]
    if source.startswith("docs/"):
        file = site.docs / source[len("docs/") :]
        lines = file.read_text(encoding="utf-8").split("\n") if file.is_file() else []
        end = front_matter_end(lines)
        meta = yaml.safe_load("\n".join(lines[1:end])) if end else None
        if isinstance(meta, dict) and meta.get("title"):
            return str(meta["title"]), str(meta.get("description") or site.region.description[lang])
    return site.region.site_name(lang), site.region.description[lang]


def write_robots(site_dir: Path, site_url: str) -> None:
    """robots.txt: nothing is blocked, and the one sitemap is named."""
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {site_url}sitemap.xml\n", encoding="utf-8")
