"""Hostile text in every field an editor writes is refused with its file and line, or published as inert text.

The fields are not listed by hand: they are read from the schemas (``macros/load/content.py``
for each content type, ``macros/load/indicators.py`` for figures and charts, ``macros/load/helplines.py``
for help lines, ``macros/load/region.py`` for the region), so a new field is
tried as soon as it exists. For each payload, every field of a real file that has it gets
that payload (with the field's number, so each field is found on its own), in a copy of
``content/`` and ``data/``:

1. the checks run: a field whose payload is refused must be named by an error on its own
   file and line;
2. the site is built with the payloads that were accepted; every page is parsed: no
   element may carry an event attribute, a ``javascript:`` address or a payload script, and
   each accepted field's payload must appear, exactly as written, as text or an attribute
   value (so it was neither run, nor turned into markup, nor escaped twice);
3. the pages where the payloads land are opened in Chromium, and a search is typed, with
   listeners for dialogs, page errors and console errors.

A table of every field × payload and how it was handled is written to
``test-output/payloads.txt``.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from macros.core.problems import ContentError, Problem
from macros.core.schema import LANGUAGES, SCALAR_KINDS, Field
from macros.load.helplines import LINE as HELPLINE
from macros.load.indicator_types import FIGURE, INDICATOR
from macros.load.region import REGION
from macros.load.site import load_site
from macros.load.units import TYPES
from tests.conftest import ROOT, copy_project_content, run_build

# Each payload tries another way out of plain text. All are short enough for a `short:` label.
PAYLOADS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": '"><img src=x onerror=alert(1)>',
    "end-title": "</title><script>alert(2)</script>",
    "quote-attribute": "' onmouseover='alert(3)' x='",
    "markdown-link": "[klik](javascript:alert(4))",
    "jinja-expression": "{{ 7*7 }}{{ config }}",
    "jinja-statement": "{% if 1 %}ja{% endif %}",
    "entity-encoded": "&lt;script&gt;alert(5)&lt;/script&gt;",
    "numeric-entities": "&#60;img src=x onerror=alert(6)&#62;",
    "markdown-markup": "*nadruk* _x_ `c` {: onclick=alert(7) }",
}
OUTPUT = ROOT / "test-output"


@dataclass(frozen=True)
class Target:
    """One field of one real file: where its value stands and what kind it is."""

    file: str  # relative to the project, like content/principles/samen-leren.nl.md
    path: str  # the field, like points[0].text or jeugdhulp-aandeel.label.nl
    kind: str
    start: int  # character offsets of the value in the file
    end: int
    line: int
    # For an optional field the real file does not have: the key written before the value.
    prefix: str = ""


def _leaves(fields: dict[str, Field], prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every scalar field of a schema as (path, field); list items as [0], texts as .nl/.en."""
    for name, spec in fields.items():
        path = f"{prefix}{name}"
        if spec.kind == "map":
            yield from _leaves(spec.fields or {}, path + ".")
        elif spec.kind == "texts":
            for lang in LANGUAGES:
                yield f"{path}.{lang}", Field("text", spec.expected)
        elif spec.kind in ("list", "dict"):
            assert spec.item is not None
            item = spec.item
            if item.kind == "map":
                yield from _leaves(item.fields or {}, f"{path}[0].")
            else:
                yield f"{path}[0]", item
        else:
            assert spec.kind in SCALAR_KINDS, f"{path}: kind {spec.kind} is not known to this test"
            yield path, spec


def _find(node: yaml.Node, path: str) -> yaml.Node | None:
    """The value node at ``path`` (``a.b[0].c``; ``[0]`` of a mapping is its first value)."""
    for part in re.findall(r"[^.\[\]]+|\[0\]", path):
        if part == "[0]":
            if isinstance(node, yaml.SequenceNode) and node.value:
                node = node.value[0]
            elif isinstance(node, yaml.MappingNode) and node.value:
                node = node.value[0][1]
            else:
                return None
        elif isinstance(node, yaml.MappingNode):
            found = [value for key, value in node.value if key.value == part]
            if not found:
                return None
            node = found[0]
        else:
            return None
    return node if isinstance(node, yaml.ScalarNode) else None


def _front_matter(text: str) -> tuple[str, int]:
    """The YAML between the first two `---` lines and its offset in the file."""
    assert text.startswith("---\n")
    end = text.index("\n---", 3)
    return text[4:end], 4


def _first(candidates: list[tuple[str, str, yaml.ScalarNode, int]], name: str, kind: str, site_text: str) -> Target | None:
    """The first place whose real value the site seems to show (else the first): (file, text, node, offset)."""
    shown = [c for c in candidates if c[2].value and c[2].value in site_text]
    if not candidates:
        return None
    rel, text, node, offset = (shown or candidates)[0]
    start, end = offset + node.start_mark.index, offset + node.end_mark.index
    return Target(rel, name, kind, start, end, text.count("\n", 0, start) + 1)


def targets(site_text: str) -> list[Target]:
    """For each field of each content type (per language) and of indicators.yaml: one real place."""
    found: list[Target | None] = []
    for ctype in TYPES.values():
        for lang in LANGUAGES:
            files = []
            for file in sorted((ROOT / "content" / ctype.folder).glob(f"*.{lang}.md")):
                text = file.read_text(encoding="utf-8")
                front, offset = _front_matter(text)
                files.append((file.relative_to(ROOT).as_posix(), text, yaml.compose(front), offset))
            for path, spec in _leaves(ctype.fields):
                places = [(rel, text, node, offset) for rel, text, tree, offset in files if (node := _find(tree, path)) is not None]
                found.append(_first(places, f"{ctype.name}.{path} ({lang})", spec.kind, site_text))
    rel = "data/indicators.yaml"
    data = (ROOT / rel).read_text(encoding="utf-8")
    sections = {key.value: value for key, value in yaml.compose(data).value}
    for section, schema in (("indicators", INDICATOR), ("figures", FIGURE)):
        for path, spec in _leaves(schema.fields or {}):
            places = [(rel, data, node, 0) for item in sections[section].value if (node := _find(item, path)) is not None]
            found.append(_first(places, f"{section}.{path}", spec.kind, site_text))
    # Help now (data/helplines.yaml): every field of a line, at the line the site shows first.
    rel = "data/helplines.yaml"
    data = (ROOT / rel).read_text(encoding="utf-8")
    lines = {key.value: value for key, value in yaml.compose(data).value}["lines"]
    for path, spec in _leaves(HELPLINE.fields or {}):
        places = [(rel, data, node, 0) for item in lines.value if (node := _find(item, path)) is not None]
        found.append(_first(places, f"helplines.{path}", spec.kind, site_text))
    found += _region_targets(site_text)
    return [t for t in found if t is not None]


def _region_targets(site_text: str) -> list[Target | None]:
    """Every field of data/region.yaml; optional ones the real file leaves out are added at its end."""
    rel = "data/region.yaml"
    text = (ROOT / rel).read_text(encoding="utf-8")
    tree = yaml.compose(text)
    found: list[Target | None] = []
    added: set[str] = set()
    end_line = text.count("\n")  # the file ends with a newline; added fields follow, in order
    for path, spec in _leaves(REGION.fields or {}):
        node = _find(tree, path)
        if node is not None:
            found.append(_first([(rel, text, node, 0)], f"region.{path}", spec.kind, site_text))
            continue
        top, _, rest = path.partition(".")
        if top in added:
            continue  # one field of a missing block is enough: its siblings share the check
        added.add(top)
        prefix = f"{top}:\n  {rest}: " if rest else f"{top}: "
        end_line += prefix.count("\n") + 1
        found.append(Target(rel, f"region.{path}", spec.kind, len(text), len(text), end_line, prefix))
    return found


def _site_text(site: Path) -> str:
    """Every text and attribute value of every page, as a browser decodes them."""
    texts = []
    for page in sorted(site.rglob("*.html")):
        parsed = _Page()
        parsed.feed(page.read_text(encoding="utf-8"))
        texts.append("\n".join(parsed.text))
    return "\n".join(texts)


@pytest.fixture(scope="module")
def all_targets(site_dir: Path) -> list[Target]:
    """The fields to try, each at a place the real site shows where there is one."""
    return targets(_site_text(site_dir))


def _marked(payload: str, number: int) -> str:
    # The field's number makes each field's payload findable on its own in the built site.
    return f"{payload}{number}"


def _apply(root: Path, chosen: list[tuple[int, Target]], payload: str) -> None:
    """Write each target's payload as a YAML double-quoted string, from the end of each file."""
    by_file: dict[str, list[tuple[int, Target]]] = {}
    for number, target in chosen:
        by_file.setdefault(target.file, []).append((number, target))
    for rel, items in by_file.items():
        file = root / rel
        text = file.read_text(encoding="utf-8")
        # From the end backwards; fields added at the same place (the end) in their own order.
        for number, target in sorted(items, key=lambda item: (-item[1].start, -item[0])):
            added = "\n" if target.prefix else ""
            text = text[: target.start] + target.prefix + json.dumps(_marked(payload, number), ensure_ascii=False) + added + text[target.end :]
        file.write_text(text, encoding="utf-8")


def _errors(root: Path) -> list[Problem]:
    try:
        load_site(root)
    except ContentError as error:
        return [p for p in error.problems if not p.warning]
    return []


def _refused_by(target: Target, errors: list[Problem]) -> Problem | None:
    """The error that names this field's own file and line, if any."""
    key = re.findall(r"[A-Za-z_]+", target.path.split(" ")[0])[-1]
    for problem in errors:
        if problem.path == target.file and problem.line == target.line and (key in problem.field or problem.field in ("yaml", "body")):
            return problem
    return None


class _Page(HTMLParser):
    """What a browser would make of a page: text, attribute values, and anything executable."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.live: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # A data block (schema.org JSON-LD) is not run by a browser; that it cannot be closed
        # from inside is test_json_ld_stays_data_whatever_an_editor_wrote.
        self._script = tag == "script" and dict(attrs).get("type") != "application/ld+json"
        for name, value in attrs:
            value = value or ""
            self.text.append(value)
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith(("javascript:", "data:", "vbscript:")):
                self.live.append(f"<{tag} {name}={value}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            self.live.append("<img src=x>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script and "alert(" in data:
            self.live.append(f"<script>{data[:40]}</script>")
        self.text.append(data)


@dataclass
class Outcome:
    """One payload over all fields: refused (with the message) or accepted, and the built site."""

    payload: str
    refused: dict[str, Problem]
    accepted: list[tuple[int, Target]]
    site: Path

    def shown(self) -> set[str]:
        """The accepted fields whose payload stands on the built site, exactly as written."""
        everything = _site_text(self.site)
        return {t.path for number, t in self.accepted if _marked(self.payload, number) in everything}


# A harmless word first: the fields that show it are the fields the site publishes.
CANARY = "Kanarie"


def _run(name: str, payload: str, tmp: Path, targets_: list[Target]) -> Outcome:
    chosen = list(enumerate(targets_, start=1))
    first = copy_project_content(tmp / "all")
    _apply(first, chosen, payload)
    errors = _errors(first)
    refused: dict[str, Problem] = {}
    accepted = []
    for number, target in chosen:
        problem = _refused_by(target, errors)
        if problem is not None:
            refused[target.path] = problem
        else:
            accepted.append((number, target))
    second = copy_project_content(tmp / "accepted")
    _apply(second, accepted, payload)
    leftover = _errors(second)
    assert not leftover, f"{name}: accepted payloads still give errors elsewhere: {[str(p) for p in leftover]}"
    site = tmp / "site"
    # The pages are what is read here: the PDFs and preview images (WeasyPrint, escaped by the
    # same templates) are left out of these eleven builds.
    result = run_build(site, content_root=second, pages_only=True)
    assert result.returncode == 0, f"{name}: the build failed:\n{result.stdout}{result.stderr}"
    return Outcome(payload, refused, accepted, site)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory, all_targets: list[Target]) -> dict[str, Outcome]:
    """Every payload through checks and build, two builds at a time."""
    tries = {"canary": CANARY, **PAYLOADS}
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(_run, name, payload, tmp_path_factory.mktemp(name), all_targets) for name, payload in tries.items()}
        results = {name: future.result() for name, future in futures.items()}
    _write_report(results, all_targets)
    return results


@pytest.fixture(scope="module")
def published(outcomes: dict[str, Outcome]) -> set[str]:
    """The fields whose value the site shows somewhere (a plain word in each, then looked for)."""
    return outcomes["canary"].shown()


def _write_report(results: dict[str, Outcome], targets_: list[Target]) -> None:
    lines = [f"{len(targets_)} fields × {len(PAYLOADS)} payloads = {len(targets_) * len(PAYLOADS)} tries", ""]
    shown = results["canary"].shown()
    for name, outcome in results.items():
        lines.append(f"## {name}: {outcome.payload}")
        lines.append(f"refused {len(outcome.refused)}, published as inert text {len(outcome.accepted)}")
        for target in targets_:
            problem = outcome.refused.get(target.path)
            how = f"refused: {problem}" if problem else ("inert text" if target.path in shown else "accepted, not shown on the site")
            lines.append(f"- {target.path} [{target.kind}]: {how}")
        lines.append("")
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "payloads.txt").write_text("\n".join(lines), encoding="utf-8")


def test_the_schemas_reach_every_kind_of_field(all_targets: list[Target]) -> None:
    """Every content type and the figures have their text fields tried, in both languages."""
    targets_ = all_targets
    paths = {t.path for t in targets_}
    for ctype in TYPES.values():
        for lang in LANGUAGES:
            assert f"{ctype.name}.title ({lang})" in paths and f"{ctype.name}.summary ({lang})" in paths
    for expected in ("principles.points[0].text (nl)", "personas.quotes[0].text (en)", "vision.motto (nl)", "vision.goals[0].text (en)",
                     "indicators.label.nl", "indicators.short.en", "indicators.note.nl", "indicators.target.label.en", "figures.title.nl",
                     "region.name.nl", "region.title.en", "region.short.nl", "region.description.en", "region.publisher",
                     "helplines.name.nl", "helplines.what.en", "helplines.hours.nl", "helplines.phone", "helplines.chat", "helplines.source",
                     "region.municipalities[0].name", "region.municipalities[0].local_team", "region.contact.nl", "region.site_url", "region.logo", "region.colours.brand"):
        assert expected in paths, expected
    # Plain-text fields that no real file has cannot be tried: there must be none.
    plain = {f"{c.name}.{p}" for c in TYPES.values() for p, s in _leaves(c.fields) if s.kind == "text"}
    tried = {t.path.split(" ")[0] for t in targets_}
    assert plain <= tried, plain - tried


def test_refused_payloads_name_their_file_and_line(outcomes: dict[str, Outcome], all_targets: list[Target]) -> None:
    """A refusal is an error on the field's own line; ids, numbers and choices are never accepted."""
    for name, outcome in outcomes.items():
        accepted_kinds = {t.kind for _, t in outcome.accepted}
        assert accepted_kinds <= {"text"}, f"{name}: a payload was accepted in a field of kind {accepted_kinds - {'text'}}"
        for path, problem in outcome.refused.items():
            target = next(t for t in all_targets if t.path == path)
            assert (problem.path, problem.line) == (target.file, target.line)


def test_accepted_payloads_are_published_as_the_text_they_are(outcomes: dict[str, Outcome], published: set[str]) -> None:
    """No live markup anywhere; each accepted payload stands on the site exactly as written."""
    assert len(published) >= 30, f"the plain word showed up for {len(published)} fields only: {sorted(published)}"
    for name, outcome in outcomes.items():
        assert outcome.accepted, f"{name}: every field refused the payload; nothing shows it is published safely"
        for page in sorted(outcome.site.rglob("*.html")):
            parsed = _Page()
            parsed.feed(page.read_text(encoding="utf-8"))
            assert not parsed.live, f"{name}: {page.relative_to(outcome.site)} has live markup: {parsed.live}"
        missing = sorted({t.path for _, t in outcome.accepted} & published - outcome.shown())
        assert not missing, f"{name}: accepted but not shown as written (run, turned into markup or escaped twice): {missing}"


def _pages_to_open(outcome: Outcome) -> list[str]:
    """The pages where the payloads land: the changed units, the overviews, home and figures."""
    pages = {"", "overzicht/", "principes/", "personas/", "visie/", "visie/cijfers/", "contact/", "toegankelijkheid/", "downloads/"}
    for _, target in outcome.accepted:
        if target.file.startswith("content/"):
            ctype = next(c for c in TYPES.values() if target.file.startswith(f"content/{c.folder}/"))
            pages.add(f"{ctype.url_folder}/{Path(target.file).name.split('.')[0]}/")
    return sorted(f"{prefix}{page}" for page in pages for prefix in ("", "en/"))


@pytest.mark.browser
def test_nothing_runs_in_chromium(outcomes: dict[str, Outcome], browser: object) -> None:
    """Open the pages in Chromium and search for the payload: no dialog, no page or console error."""
    events: list[str] = []
    for name, outcome in outcomes.items():
        handler = functools.partial(_Quiet, directory=str(outcome.site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        context = browser.new_context(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
        tab = context.new_page()
        tab.on("dialog", lambda dialog, n=name, t=tab: (events.append(f"{n}: dialog {dialog.message!r} on {t.url}"), dialog.dismiss()))
        tab.on("pageerror", lambda error, n=name, t=tab: events.append(f"{n}: page error {error} on {t.url}"))
        tab.on("console", lambda message, n=name, t=tab: message.type == "error" and events.append(f"{n}: console error {message.text} on {t.url}"))
        try:
            for page in _pages_to_open(outcome):
                tab.goto(base + page, wait_until="load")
                tab.mouse.move(200, 200)
            for prefix in ("", "en/"):
                tab.goto(base + prefix, wait_until="load")
                tab.locator("[data-rv=open-search]").click()
                tab.locator("[data-rv=search-input]").fill(outcome.payload[:12])
                # The search has answered (a count, nothing found, or that it failed): results are shown.
                tab.locator("[data-rv=search-status]").filter(has_not_text="…").filter(has_text=re.compile(".")).wait_for(
                    timeout=15_000
                )
        finally:
            context.close()
            httpd.shutdown()
    assert not events, "\n".join(events)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize("name", PAYLOADS)
def test_addresses_in_data_refuse_every_payload(name: str, tmp_path: Path) -> None:
    """data/redirects.yaml and data/addresses.txt hold addresses only: a payload is refused on its line."""
    root = copy_project_content(tmp_path)
    payload = PAYLOADS[name]
    redirects = root / "data" / "redirects.yaml"
    before = redirects.read_text(encoding="utf-8")
    lines = [
        f"{json.dumps('/' + payload + '/')}: /principes/",
        f"/oud-adres/: {json.dumps('/' + payload + '/')}",
        f"{json.dumps(payload)}: /principes/",
    ]
    redirects.write_text(before + "\n".join(lines) + "\n", encoding="utf-8")
    register = root / "data" / "addresses.txt"
    register.write_text(register.read_text(encoding="utf-8") + f"/{payload}/\n", encoding="utf-8")
    first = before.count("\n") + 1
    errors = _errors(root)
    named = {(p.path, p.line) for p in errors}
    for offset in range(len(lines)):
        assert ("data/redirects.yaml", first + offset) in named, (name, lines[offset], [str(p) for p in errors])
    assert ("data/addresses.txt", register.read_text(encoding="utf-8").count("\n")) in named, [str(p) for p in errors]


def test_json_ld_stays_data_whatever_an_editor_wrote(outcomes: dict[str, Outcome]) -> None:
    """Titles and summaries land in each page's schema.org block: none of the payloads closes it,
    and every block stays JSON that holds the text as written."""
    block = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
    for name, outcome in outcomes.items():
        pages = sorted(outcome.site.rglob("*.html"))
        found = 0
        for page in pages:
            for text in block.findall(page.read_text(encoding="utf-8")):
                data = json.loads(text)
                found += 1
                assert "<" not in text and ">" not in text, (name, page)
                if name != "canary" and outcome.accepted:
                    assert isinstance(data["@graph"], list)
        assert found > 40, name
    # A title with a payload is in the data as written (decoded), on the page it titles.
    script = outcomes["script"]
    titles = [PAYLOADS["script"] + str(number) for number, target in script.accepted if target.path.startswith("principles.title")]
    if titles:
        texts = [json.loads(t) for page in script.site.rglob("index.html") for t in block.findall(page.read_text(encoding="utf-8"))]
        names = {node.get("name") for data in texts for node in data["@graph"]}
        assert set(titles) <= names
