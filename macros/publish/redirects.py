"""A small page at every old or short address that sends readers to the new one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from macros.core.problems import ContentError, Message, Problem
from macros.core.templating import render_template
from macros.load.addresses import neutral, relative
from macros.load.site import Site


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
        page = render_template(
            "redirect.html",
            lang=lang,
            title=site.t("redirect_title", lang),
            text=site.t("redirect_text", lang),
            target=relative(old, new),
            canonical=absolute(new),
        )
        target.write_text(page + "\n", encoding="utf-8")
