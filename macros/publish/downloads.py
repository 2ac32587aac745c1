"""What is offered to download, made after the pages: the PDFs, the link-preview images and
the figures as open data, then each file's size written where a page offers it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from macros.load.site import Site
from macros.publish import descriptors, opendata, pdf, social

_SIZE = re.compile(r'(<span data-rv-size="(?P<name>[^"]+)" lang="(?P<lang>[a-z]+)">)[^<]*(</span>)')


def write_open_data(site: Site, site_dir: Path, dates: opendata.Dates) -> dict[str, int]:
    """The figures as CSV and JSON and what describes them (cheap, so also in the editors'
    preview: charts link to them); the sizes of all these files by name."""
    sizes = opendata.write(site, site_dir, dates)
    folder = site_dir / opendata.FOLDER
    for kind, data in (("datapackage", descriptors.datapackage(site, dates)), ("csvw", descriptors.csvw(site, dates))):
        (folder / descriptors.FILES[kind]).write_text(opendata.dump(data), encoding="utf-8")
    (folder / descriptors.FILES["dcat"]).write_text(opendata.dump(descriptors.catalog(site, dates, sizes)), encoding="utf-8")
    return sizes | {name: (folder / name).stat().st_size for name in descriptors.FILES.values()}


def write_downloads(site: Site, site_dir: Path, site_url: str, data_sizes: dict[str, int], dates: tuple[Any, Any] | None = None) -> None:
    """The brochure, poster and leaflet as PDFs and the link-preview images (one worker pool),
    then every file's size on the pages that offer it. ``dates``: the content's first
    publication and last change, for the PDFs' metadata."""
    files = pdf.write_pdfs(site, site_dir, site_url, extra=social.image_jobs(site, site_dir), dates=dates)
    sizes = {file.name: file.stat().st_size for file in files}
    sizes.update(data_sizes)
    fill_sizes(site_dir, sizes)


def fill_sizes(site_dir: Path, sizes: dict[str, int]) -> None:
    """Write "PDF, 1,4 MB" into every `data-rv-size` placeholder of the built pages."""

    def size(match: re.Match[str]) -> str:
        if match.group("name") not in sizes:
            raise KeyError(f"no download named {match.group('name')} (see macros/publish/pdf.py)")
        kind = match.group("name").rsplit(".", 1)[-1].upper().replace("JSONLD", "JSON-LD")
        return match.group(1) + pdf.size_label(sizes[match.group("name")], match.group("lang"), kind) + match.group(4)

    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        if "data-rv-size=" in text:
            page.write_text(_SIZE.sub(size, text), encoding="utf-8")
