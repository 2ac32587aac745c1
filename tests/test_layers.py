"""The engine in stages: imports go one way (core <- load <- render <- stage, publish <- theme, cli).

The order itself is import-linter's contract in ``pyproject.toml`` (run here as ``lint-imports``);
these tests add what a contract does not say: no two modules import each other in a loop, imports
of the engine stand at the top of a module (so a reader and the tools see them), and the editors'
fast check loads no renderer, PDF or image library.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import grimp

from tests.conftest import ROOT

MACROS = ROOT / "macros"


def test_the_import_contract_holds() -> None:
    result = subprocess.run([str(Path(sys.executable).with_name("lint-imports"))], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and "0 broken" in result.stdout


def test_no_two_modules_import_each_other_in_a_loop() -> None:
    graph = grimp.build_graph("macros", cache_dir=None)
    loops = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported != module and imported.startswith("macros") and graph.find_shortest_chain(importer=imported, imported=module):
                loops.append(f"{module} <-> {imported}")
    assert loops == []


def _imports_in_functions(path: Path) -> list[str]:
    """``file module`` for every import of the engine made inside a function."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith("macros")):
                    found.append(f"{path.relative_to(ROOT)} {node.module}")
    return found


def test_engine_imports_stand_at_the_top_of_a_module() -> None:
    found = sorted(line for path in MACROS.rglob("*.py") for line in _imports_in_functions(path))
    # The one exception, explained where it stands: the package's define_env loads the theme
    # layer only when mkdocs-macros asks, so that `make check` does not pay for it.
    assert found == ["macros/__init__.py macros.theme.macros"], found


def test_no_module_is_longer_than_one_sitting() -> None:
    lengths = {path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines()) for path in MACROS.rglob("*.py")}
    assert {name: n for name, n in lengths.items() if n > 500} == {}


def test_make_check_loads_no_renderer_pdf_or_image_library() -> None:
    code = "import sys, runpy; sys.argv=['check','check']\ntry:\n    runpy.run_module('macros.cli.check', run_name='__main__')\nexcept SystemExit:\n    pass\nimport json; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False, timeout=120)
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    heavy = {"weasyprint", "pikepdf", "pypdfium2", "PIL", "mkdocs", "material", "macros.render", "macros.publish", "macros.theme", "macros.stage"}
    assert loaded & heavy == set()


def test_paper_reads_a_body_with_the_sites_markdown_extensions() -> None:
    """The brochure renders a unit's Markdown itself (macros/render/page.py): with the same
    extensions and settings as MkDocs reads mkdocs.yml, so paper and screen agree."""
    from mkdocs.config import load_config

    from macros.render.page import MARKDOWN_CONFIGS, MARKDOWN_EXTENSIONS

    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config["markdown_extensions"] == MARKDOWN_EXTENSIONS
    assert config["mdx_configs"] == MARKDOWN_CONFIGS
