"""A warning means the site can be published and something waits for an editor: `make check`,
the build, the tests and the pull request agree. The common case: a Dutch correction whose
English translation follows later is published at once, and the English page says so."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from macros.core.problems import ContentError
from macros.load.site import load_site
from macros.load.translations import fingerprint
from tests.conftest import ROOT, copy_project_content, run_build

PRINCIPLE = "content/principles/samen-leren.nl.md"


def _corrected(tmp_path: Path) -> Path:
    """The project's content with one Dutch word corrected, its English file untouched."""
    root = copy_project_content(tmp_path / "project")
    file = root / PRINCIPLE
    text = file.read_text(encoding="utf-8")
    assert "\nsummary: " in text
    file.write_text(text.replace("\nsummary: ", "\nsummary: Echt, ", 1), encoding="utf-8")
    return root


def test_the_real_content_has_no_errors() -> None:
    """Errors stop a build (load_site raises); what is left are warnings, which do not."""
    try:
        site = load_site(ROOT)
    except ContentError as error:  # pragma: no cover - the message is the failure
        raise AssertionError(str(error)) from None
    assert all(problem.warning for problem in site.warnings)


def test_a_dutch_correction_is_published_and_the_english_page_says_its_dutch_text_changed(tmp_path: Path) -> None:
    root = _corrected(tmp_path)
    check = subprocess.run([sys.executable, "-m", "macros.cli.check", "check", "--root", str(root)], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "content/principles/samen-leren.en.md" in check.stdout and "waarschuwing" in check.stdout
    site = tmp_path / "site"
    build = run_build(site, content_root=root, pages_only=True)
    assert build.returncode == 0, build.stdout + build.stderr
    english = LexborHTMLParser((site / "en" / "principles" / "samen-leren" / "index.html").read_text(encoding="utf-8"))
    notice = english.css_first("[data-rv=translation-notice]")
    assert notice is not None
    assert "The Dutch text of this page was changed on" in notice.text()
    assert notice.css_first("time").attributes["datetime"]
    link = notice.css_first("a")
    assert link.attributes["href"] == "../../../principes/samen-leren/" and link.attributes["hreflang"] == "nl"
    # Published at once in Dutch; no notice on the Dutch page or on English pages that are current.
    dutch = (site / "principes" / "samen-leren" / "index.html").read_text(encoding="utf-8")
    assert "Echt, " in dutch and "translation-notice" not in dutch
    assert "translation-notice" not in (site / "en" / "principles" / "samen-meer" / "index.html").read_text(encoding="utf-8")


def test_a_link_to_a_file_as_the_repository_has_it_works_on_the_site(tmp_path: Path) -> None:
    """Editors link to the Markdown file by its path in the repository, which GitHub's own
    preview follows; the site turns it into the page's address in each language."""
    root = copy_project_content(tmp_path / "project")
    for lang, sentence in (("nl", "Lees ook [principe 4](../principles/samen-leren.nl.md#leren-van-fouten)."), ("en", "Also read [principle 4](../principles/samen-leren.en.md#leren-van-fouten).")):
        file = root / "content" / "vision" / f"onze-visie.{lang}.md"
        file.write_text(file.read_text(encoding="utf-8").rstrip("\n") + f"\n\n{sentence}\n", encoding="utf-8")
    english = root / "content" / "vision" / "onze-visie.en.md"
    dutch_now = fingerprint((root / "content/vision/onze-visie.nl.md").read_text(encoding="utf-8"))
    english.write_text(re.sub(r"translates: nl-[0-9a-f]+", f"translates: {dutch_now}", english.read_text(encoding="utf-8")), encoding="utf-8")
    assert load_site(root).warnings == []
    site = tmp_path / "site"
    build = run_build(site, content_root=root, pages_only=True)
    assert build.returncode == 0, build.stdout + build.stderr
    for page, href in (("visie/onze-visie", "../../principes/samen-leren/#leren-van-fouten"), ("en/vision/onze-visie", "../../principles/samen-leren/#leren-van-fouten")):
        tree = LexborHTMLParser((site / page / "index.html").read_text(encoding="utf-8"))
        assert href in [a.attributes.get("href") for a in tree.css("article a")], page


def test_a_link_to_a_file_that_is_not_there_is_named() -> None:
    from macros.core.problems import Problems
    from macros.load.markup import PageText, check_markup

    problems = Problems()
    page = PageText("visie/onze-visie", "content/vision/onze-visie.nl.md", "Zie [dit](../principles/samen-lere.nl.md).", 5)
    check_markup(page, {"visie/onze-visie": frozenset(), "principes/samen-leren": frozenset()}, ROOT / "docs", problems)
    assert [str(p) for p in problems.errors] == [
        "content/vision/onze-visie.nl.md:5: link: er is geen pagina ../principles/samen-lere.nl.md (bedoel je `../principles/samen-leren.nl.md`?)"
    ]


def test_a_pull_requests_preview_is_marked_on_every_page_and_not_indexed(tmp_path: Path, site_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow's preview job builds with REGIOVISIE_PR_PREVIEW=1 (.github/workflows/site.yml)."""
    site = tmp_path / "preview"
    monkeypatch.setenv("REGIOVISIE_PR_PREVIEW", "1")
    build = run_build(site, pages_only=True)
    assert build.returncode == 0, build.stdout + build.stderr
    pages = [page for page in sorted(site.rglob("index.html")) if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")]
    assert len(pages) > 40
    for page in pages:
        tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
        assert tree.css_first("meta[name=robots]").attributes["content"] == "noindex, nofollow", page
        assert tree.css_first("article [data-rv=pr-preview]") is not None, page
    # The published site has neither.
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'name="robots"' not in home and "pr-preview" not in home
