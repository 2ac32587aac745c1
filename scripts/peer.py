"""The benchmark's peer: stock MkDocs + Material + mkdocs-static-i18n on our staged pages.

Our build writes every page it builds (``docs/`` and one page per unit and language) into a
staging folder first. The peer builds that same folder with a plain configuration: the same
theme features, Markdown extensions and languages, and nothing of ours (no hooks, no macros
plugin, no navigation of ours, no checks, no PDFs). The macro calls stay in the pages as text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def peer_config(stage: Path) -> dict[str, object]:
    """A stock configuration over ``stage``, with our theme features and extensions."""
    return {
        "site_name": "Peer",
        "docs_dir": str(stage),
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False, "features": ["navigation.tabs", "navigation.prune", "navigation.sections", "navigation.footer", "search.highlight"]},
        "markdown_extensions": ["attr_list", {"toc": {"permalink": False}}, "admonition", "md_in_html"],
        "plugins": [
            "search",
            {
                "i18n": {
                    "docs_structure": "suffix",
                    "fallback_to_default": False,
                    "reconfigure_material": True,
                    "reconfigure_search": True,
                    "languages": [
                        {"locale": "nl", "name": "Nederlands", "default": True, "build": True},
                        {"locale": "en", "name": "English", "build": True},
                    ],
                }
            },
        ],
    }


def write_config(stage: Path, target: Path) -> Path:
    """Write the peer's mkdocs.yml to ``target`` and return it."""
    target.write_text(yaml.safe_dump(peer_config(stage), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


if __name__ == "__main__":
    print(write_config(Path(sys.argv[1]), Path(sys.argv[2])))
