"""Editing safely: make check, translation status, the address register, atomic and reproducible builds."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from macros.core.problems import Problems
from macros.load import translations
from macros.load.addresses import REGISTER, read_register
from macros.load.site import load_site
from tests.conftest import ROOT, run_build
from tests.test_content_errors import broken_project


def run_check(*args: str, root: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "macros.cli.check", *args]
    if root is not None:
        command += ["--root", str(root)]
    # The editors' language unless a test asks for another (REGIOVISIE_MESSAGES=en).
    environment = {key: value for key, value in os.environ.items() if key != "REGIOVISIE_MESSAGES"} | (env or {})
    return subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False, timeout=60)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` with the hash of its bytes."""
    return {
        file.relative_to(folder).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(folder.rglob("*"))
        if file.is_file()
    }


def test_check_passes_on_the_real_content() -> None:
    result = run_check("check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Geen fouten" in result.stdout


def test_check_lists_every_problem_grouped_by_file_without_a_traceback(tmp_path: Path) -> None:
    root = broken_project("bad-internal-links", tmp_path)
    result = run_check("check", root=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    out = result.stdout
    # Each file once as a heading, its problems indented below with their line.
    assert "\ncontent/vision/leeswijzer.nl.md\n  regel 32: fout (error): link: er is geen pagina begripen.md" in out
    assert "\ncontent/principles/samen-meer.nl.md\n  regel 21: fout (error):" in out
    assert "regel 15: waarschuwing (warning): translates:" in out
    assert "4 fout(en), 2 waarschuwing(en)." in out


def test_a_maintainer_gets_the_same_report_in_english(tmp_path: Path) -> None:
    root = broken_project("bad-internal-links", tmp_path)
    result = run_check("check", root=root, env={"REGIOVISIE_MESSAGES": "en"})
    assert result.returncode == 1
    assert "\ncontent/vision/leeswijzer.nl.md\n  regel 32: fout (error): link: there is no page begripen.md" in result.stdout


def test_every_english_file_translates_the_current_dutch_text() -> None:
    found = translations.scan(ROOT, [(ROOT / "content", "content"), (ROOT / "docs", "docs")])
    pages = len(list((ROOT / "content").rglob("*.nl.md"))) + len([f for f in (ROOT / "docs").rglob("*.nl.md") if "overrides" not in f.parts])
    assert len(found) == pages
    assert {item.status for item in found} == {"up to date"}, [(item.english, item.status) for item in found if item.status != "up to date"]


def test_fingerprint_ignores_line_ends_and_trailing_spaces_but_not_words() -> None:
    text = "---\ntitle: Samen\n---\n\nEen zin.\n"
    assert translations.fingerprint(text) == translations.fingerprint(text.replace("\n", "\r\n").replace("zin.", "zin.  "))
    assert translations.fingerprint(text) != translations.fingerprint(text.replace("zin", "woord"))
    assert re.fullmatch(r"nl-[0-9a-f]{10}", translations.fingerprint(text))


def test_translations_table_names_both_files_status_and_what_to_write(tmp_path: Path) -> None:
    root = broken_project("outdated-translation", tmp_path)
    result = run_check("translations", root=root)
    assert result.returncode == 0  # out of date is a warning, not an error
    row = next(line for line in result.stdout.split("\n") if line.startswith("content/principles/samen-meer.nl.md"))
    current = translations.fingerprint((root / "content/principles/samen-meer.nl.md").read_text(encoding="utf-8"))
    assert row.split() == ["content/principles/samen-meer.nl.md", "content/principles/samen-meer.en.md", "verouderd", "translates:", current]
    missing = broken_project("missing-translation", tmp_path / "missing")
    result = run_check("translations", root=missing)
    assert result.returncode == 1
    assert re.search(r"content/principles/samen-leren.nl.md +content/principles/samen-leren.en.md +ontbreekt", result.stdout)


def test_register_lists_every_address_the_site_has() -> None:
    # A new address not registered yet is a warning (the site is published; see tests/test_warnings.py),
    # so this holds the addresses every region has, not the newest ones.
    site = load_site(ROOT)
    registered = read_register(ROOT, Problems())
    # Pages, principle points and short print addresses, in both languages.
    for address in ("/", "/en/", "/principes/samen-leren/", "/en/principles/samen-leren/#leren-van-fouten", "/p/1/", "/en/a/3/", "/personas/bram/"):
        assert address in registered
    # Addresses published before English folders had English names still lead to their page.
    served = site.addresses.served()
    assert all(site.addresses.resolves(address, served) for address in registered)
    assert site.addresses.redirects["/en/principes/samen-leren/"] == "/en/principles/samen-leren/"


def test_register_adds_new_addresses_and_never_removes_one(tmp_path: Path) -> None:
    root = broken_project("renamed-persona-with-redirect", tmp_path)
    before = (root / REGISTER).read_text(encoding="utf-8").split("\n")
    result = run_check("register", root=root)
    assert result.returncode == 0, result.stdout
    assert "8 nieuwe adres(sen) toegevoegd" in result.stdout
    after = (root / REGISTER).read_text(encoding="utf-8").split("\n")
    assert set(before) <= set(after)
    assert "/personas/chantal/" in after and "/en/stories/chantal-de-vries/#chantal-leren" in after
    assert load_site(root).unregistered == []


def test_make_build_swaps_only_after_success_and_keeps_the_old_site_on_failure(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    before = tree_digest(site)
    broken = broken_project("bad-persona-fields", tmp_path / "broken")
    env = dict(os.environ, REGIOVISIE_REGION=str(broken))
    failed = subprocess.run(["make", "-s", "build", f"SITE={site}"], cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert failed.returncode != 0
    assert tree_digest(site) == before
    assert not (tmp_path / "site.new").exists() or not (tmp_path / "site.new" / "index.html").exists()
    env.pop("REGIOVISIE_REGION")
    built = subprocess.run(["make", "-s", "build", f"SITE={site}"], cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "the previous site" not in (site / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site.new").exists() and not (tmp_path / "site.old").exists()


def test_two_builds_of_the_same_commit_are_identical(site_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    result = run_build(again)
    assert result.returncode == 0, result.stderr
    first, second = tree_digest(site_dir), tree_digest(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


LAST_UPDATED_PAGES = [
    ("principes/samen-leren/", "nl", "content/principles/samen-leren.nl.md"),
    ("en/principles/samen-leren/", "en", "content/principles/samen-leren.en.md"),
    ("en/principles/", "en", "docs/principes/index.en.md"),
    ("toegankelijkheid/", "nl", "docs/toegankelijkheid.nl.md"),
    ("en/", "en", "docs/index.en.md"),
]


@pytest.mark.parametrize(("page", "lang", "source"), LAST_UPDATED_PAGES)
def test_every_page_says_when_it_was_last_updated_in_its_language(site_dir: Path, page: str, lang: str, source: str) -> None:
    # The date of the last commit of the page's own file; uncommitted changes show today.
    dirty = subprocess.run(["git", "status", "--porcelain", "--", source], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    day = subprocess.run(["git", "log", "-1", "--format=%cs", "--", source], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    if dirty.strip():
        day = datetime.date.today().isoformat()
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    found = re.search(r'data-rv="last-updated">([^<]+): <time datetime="([^"]+)">([^<]+)</time>', html)
    assert found, page
    label, iso, words = found.groups()
    assert iso == day
    year, month_number, day_number = (int(part) for part in day.split("-"))
    months = {
        "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    }
    assert words == f"{day_number} {months[lang][month_number - 1]} {year}"
    assert label == {"nl": "Laatst bijgewerkt", "en": "Last updated"}[lang]


def test_every_page_has_a_last_updated_line(site_dir: Path) -> None:
    from tests.htmlscan import pages

    missing = [p for p in pages(site_dir) if not p.startswith(("assets/", "search/")) and 'data-rv="last-updated"' not in (site_dir / (p + "index.html" if not p.endswith(".html") else p)).read_text(encoding="utf-8")]
    assert missing == []
