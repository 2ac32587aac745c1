"""The benchmark's peer: stock MkDocs + Material + mkdocs-static-i18n over our staged pages.

Our build writes every page it builds (``docs/`` and one page per unit and language) into a
staging folder (``REGIOVISIE_STAGE``) before MkDocs reads them. The peer builds that same
folder with a plain configuration: Material with the same theme features, the same Markdown
extensions, search and mkdocs-static-i18n with the same two languages, and nothing of ours:
no hooks, no macros plugin, no navigation (MkDocs derives it from the files), no checks, no
PDFs. The difference between the two builds is therefore what our own layer costs.

The features and extensions are read from our ``mkdocs.yml``, so the peer follows it.

``python scripts/peer.py STAGE TARGET.yml`` writes the configuration and prints its path.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
OURS = ROOT / "mkdocs.yml"


class _AnyTag(yaml.SafeLoader):
    """A safe loader that reads MkDocs' own tags (``!ENV``, ``!relative``) as plain values."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def our_settings(config: Path = OURS) -> tuple[list[str], list[Any]]:
    """The theme features and Markdown extensions of our build, as its mkdocs.yml lists them."""
    ours = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTag)  # a SafeLoader subclass
    return list(ours["theme"].get("features", [])), list(ours.get("markdown_extensions", []))


def peer_config(stage: Path, config: Path = OURS) -> dict[str, Any]:
    """A stock configuration over ``stage``: our features and extensions, stock plugins only."""
    features, extensions = our_settings(config)
    return {
        "site_name": "Peer",
        "docs_dir": str(stage.resolve()),
        "use_directory_urls": True,
        "theme": {"name": "material", "font": False, "features": features},
        "markdown_extensions": extensions,
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
    """Write the peer's mkdocs.yml for ``stage`` to ``target`` and return its path."""
    target.write_text(yaml.safe_dump(peer_config(stage), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def main() -> None:
    """Command line: the staging folder and where to write the configuration."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage", type=Path, help="the folder our build staged its pages in (REGIOVISIE_STAGE)")
    parser.add_argument("target", type=Path, help="the mkdocs.yml to write")
    args = parser.parse_args()
    print(write_config(args.stage, args.target))


if __name__ == "__main__":
    main()
