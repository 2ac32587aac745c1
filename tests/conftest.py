"""Shared fixtures: one real build of the site per test run, a local server, Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = Path(sys.executable).with_name("mkdocs")
sys.path.insert(0, str(ROOT))

from scripts.local import CHROMIUM, CHROMIUM_ARGS, serve


def run_build(site_dir: Path, content_root: Path | None = None, pages_only: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict`, optionally on another content/ and data/;
    ``pages_only``: without the PDFs and preview images (for tests that read only the HTML)."""
    # Each build stages its pages in a folder of its own, so builds can run side by side.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", REGIOVISIE_STAGE=str(site_dir.parent / f"{site_dir.name}-stage"))
    if pages_only:
        env["REGIOVISIE_SKIP_DOWNLOADS"] = "1"
    if content_root is not None:
        env["REGIOVISIE_REGION"] = str(content_root)
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built once per run from the real content (the example region builds beside it,
    and the regions at the edges for the print layout test after it, in the background)."""
    _example_build(tmp_path_factory)
    extremes_build(tmp_path_factory)
    target = tmp_path_factory.mktemp("site")
    result = run_build(target)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def copy_project_content(target: Path) -> Path:
    """A copy of the real content/ and data/, for tests that break them on purpose."""
    for folder in ("content", "data"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1; yields the base URL."""
    yield from serve(site_dir)


# A small fictional region, so the engine is proven on content it was not shaped around.
EXAMPLE = ROOT / "examples" / "voorbeeld"


_EXAMPLE_BUILD: dict[str, tuple[Path, Future[subprocess.CompletedProcess[str]]]] = {}


def _example_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Future[subprocess.CompletedProcess[str]]]:
    """The example region's build, started once, in the background: the two sites build side by side."""
    if "example" not in _EXAMPLE_BUILD:
        target = tmp_path_factory.mktemp("example") / "site"
        pool = ThreadPoolExecutor(max_workers=1)
        _EXAMPLE_BUILD["example"] = (target, pool.submit(run_build, target, EXAMPLE))
        pool.shutdown(wait=False)
    return _EXAMPLE_BUILD["example"]


_EXTREMES_BUILD: dict[str, Future[tuple[dict[str, Path], dict[str, tuple[Path, subprocess.CompletedProcess[str]]]]]] = {}


def _build_extremes(folder: Path) -> tuple[dict[str, Path], dict[str, tuple[Path, subprocess.CompletedProcess[str]]]]:
    from scripts import extremes

    regions = extremes.write(folder / "regions", checked=False)
    return regions, {name: (folder / name / "site", run_build(folder / name / "site", region)) for name, region in regions.items()}


def extremes_build(tmp_path_factory: pytest.TempPathFactory) -> Future[tuple[dict[str, Path], dict[str, tuple[Path, subprocess.CompletedProcess[str]]]]]:
    """The regions at the edges (scripts/extremes.py) written and built with their PDFs, one
    after another, started once in the background (tests/test_print_layout.py waits for it)."""
    if "extremes" not in _EXTREMES_BUILD:
        pool = ThreadPoolExecutor(max_workers=1)
        _EXTREMES_BUILD["extremes"] = pool.submit(_build_extremes, tmp_path_factory.mktemp("extremes"))
        pool.shutdown(wait=False)
    return _EXTREMES_BUILD["extremes"]


@pytest.fixture(scope="session")
def example_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example region's site, built once per run."""
    target, build = _example_build(tmp_path_factory)
    result = build.result()
    assert result.returncode == 0, result.stdout + result.stderr
    return target


@pytest.fixture(scope="session")
def example_server(example_dir: Path) -> Iterator[str]:
    """The example region's site served on 127.0.0.1."""
    yield from serve(example_dir)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (it cannot download a browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page in a fresh context, failing on nothing by itself."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()
