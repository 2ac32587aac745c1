"""Check the Markdown that editors write: harmless HTML only, safe links, links that resolve.

Python-Markdown passes raw HTML straight through, and ``attr_list`` lets text add any
attribute to an element. So a page could carry a script, an ``onclick`` or a link that
runs code. This module reads every page body before rendering and allows only:

- a short list of inline HTML elements with ``lang``, ``dir`` and ``title`` attributes;
- ``{ #id }`` at the end of a heading, and no other attribute lists;
- links to pages of this site written as Markdown files (``../principes/samen-leren.md``,
  so the link works in both languages), ``#anchors``, web addresses, ``mailto:`` and ``tel:``;
- images from this site only (no request may leave the site).

Every problem gets the file and line, like the other loaders.
"""

from __future__ import annotations

import difflib
import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from macros.core.problems import Message, Problems
from macros.core.text_checks import check_address
from macros.load.images import is_content_image
from macros.load.units import FENCE, HEADING, HEADING_ID, TYPES

ALLOWED_ELEMENTS = ("abbr", "b", "br", "cite", "dfn", "em", "i", "mark", "q", "s", "small", "span", "strong", "sub", "sup", "u")
ALLOWED_ATTRIBUTES = ("dir", "lang", "title")
# Elements that run code, load something or change the page; named in their own message.
DANGEROUS_ELEMENTS = ("script", "iframe", "style", "object", "embed", "link", "meta", "base", "form", "svg", "math", "frame", "frameset", "template")
LINK_SCHEMES = ("http", "https", "mailto", "tel")  # http: named in its own message, with the https form

_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TEMPLATE = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.][^\s{}]|[A-Za-z_-]+\s*=)[^{}]*\}")
_AUTOLINK = re.compile(r"<((?:[A-Za-z][A-Za-z0-9+.-]*:|[^\s<>@]+@)[^\s<>]*)>")
INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))+)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class PageText:
    """The text of one page as an editor wrote it, and where it lands on the site."""

    key: str  # the page without language, like "visie/leeswijzer" or "index"
    path: str  # the file to name in messages
    text: str
    first_line: int


def _blank(match: re.Match[str]) -> str:
    # Keep newlines (and so line numbers); blank the rest.
    return re.sub(r"[^\n]", " ", match.group(0))


def _readable_lines(text: str) -> list[str]:
    """The text with code, macro calls and valid heading ids blanked out, line by line."""
    text = _TEMPLATE.sub(_blank, text)
    lines = []
    in_fence = False
    for line in text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
            lines.append("")
            continue
        if in_fence:
            lines.append("")
            continue
        line = _INLINE_CODE.sub(_blank, line)
        heading = HEADING.match(line)
        anchor = heading and HEADING_ID.search(heading.group("text"))
        if heading and anchor:
            # The valid `{ #id }` of a heading is not an attribute list to report.
            line = line[: heading.start("text") + anchor.start()]
        lines.append(line)
    return lines


class _TagScanner(HTMLParser):
    """Collects every start tag with its attributes and (text-relative) line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[int, str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((self.getpos()[0], tag, attrs))

    handle_startendtag = handle_starttag

    def handle_pi(self, data: str) -> None:
        self.tags.append((self.getpos()[0], "?", []))

    def unknown_decl(self, data: str) -> None:
        self.tags.append((self.getpos()[0], "!", []))


def _check_html(lines: list[str], page: PageText, problems: Problems) -> None:
    text = "\n".join(_AUTOLINK.sub(_blank, line) for line in lines)
    if "<" not in text:
        return
    scanner = _TagScanner()
    scanner.feed(text)
    scanner.close()
    allowed = ", ".join(f"<{name}>" for name in ALLOWED_ELEMENTS)
    for number, tag, attrs in scanner.tags:
        line = page.first_line + number - 1
        if tag in DANGEROUS_ELEMENTS:
            problems.add(
                page.path,
                line,
                "html",
                Message(
                    nl=f"<{tag}> mag niet: het kan code uitvoeren of iets van een andere site laden (haal het weg; schrijf gewone tekst of Markdown)",
                    en=f"<{tag}> is not allowed: it could run code or load something from another site (remove it; expected plain text or Markdown)",
                ),
            )
            continue
        if tag not in ALLOWED_ELEMENTS:
            hint = (
                Message(nl="schrijf een link in Markdown: [tekst](pagina.md)", en="write a link in Markdown: [text](page.md)")
                if tag == "a"
                else Message(nl="schrijf het in Markdown", en="write it in Markdown")
            )
            problems.add(
                page.path,
                line,
                "html",
                Message(
                    nl=f"<{tag}> mag niet in een pagina ({hint.nl}; deze HTML mag wel: {allowed})",
                    en=f"<{tag}> is not allowed in a page ({hint.en}; allowed HTML: {allowed})",
                ),
            )
            continue
        for name, _ in attrs:
            if name.startswith("on"):
                problems.add(
                    page.path,
                    line,
                    "html",
                    Message(
                        nl=f"het attribuut {name}= mag niet: het voert code uit (haal het weg)",
                        en=f"the attribute {name}= is not allowed: it runs code (remove it)",
                    ),
                )
            elif name not in ALLOWED_ATTRIBUTES:
                known = ", ".join(ALLOWED_ATTRIBUTES)
                problems.add(
                    page.path,
                    line,
                    "html",
                    Message(
                        nl=f"het attribuut {name}= mag niet op <{tag}> (deze mogen wel: {known})",
                        en=f"the attribute {name}= is not allowed on <{tag}> (allowed: {known})",
                    ),
                )


def _check_attr_lists(lines: list[str], page: PageText, problems: Problems) -> None:
    for number, line in enumerate(lines, start=page.first_line):
        for match in _ATTR_LIST.finditer(line):
            if match.group(0).startswith("{#"):
                continue  # reported by the heading check, with the fix
            what = (
                Message(nl="voert code uit", en="runs code")
                if re.search(r"\bon[a-z]+\s*=", match.group(0))
                else Message(nl="verandert de opmaak van de pagina", en="changes the page's markup")
            )
            problems.add(
                page.path,
                number,
                "body",
                Message(
                    nl=f"`{match.group(0)}` mag niet: het {what.nl} (alleen `{{ #id }}` aan het eind van een tussenkop mag)",
                    en=f"`{match.group(0)}` is not allowed: it {what.en} (only `{{ #id }}` at the end of a heading is allowed)",
                ),
            )


def _links(lines: list[str], first_line: int) -> list[tuple[int, bool, str]]:
    """Every link and image target as (file line, is image, target)."""
    found = []
    for number, line in enumerate(lines, start=first_line):
        for match in INLINE_LINK.finditer(line):
            found.append((number, match.group(1) == "!", match.group(2).strip("<>")))
        reference = REFERENCE.match(line)
        if reference:
            found.append((number, False, reference.group(1).strip("<>")))
        for match in _AUTOLINK.finditer(line):
            target = match.group(1)
            found.append((number, False, target if ":" in target.split("@")[0] else f"mailto:{target}"))
    return found


# A content file by its path in the repository: content/<folder>/<id>.<lang>.md.
_CONTENT_FILE = re.compile(r"^content/(?P<folder>[a-z]+)/(?P<id>[a-z0-9-]+)\.(?P<lang>[a-z]{2})\.md$")


def repository_key(source: str, target: str) -> str | None:
    """The page a link written as a repository path leads to, like ``principes/samen-leren`` for
    ``../principles/samen-leren.nl.md`` in ``content/vision/x.nl.md``; None for other links."""
    if not target.endswith(".md") or not source.startswith("content/"):
        return None
    found = _CONTENT_FILE.match(posixpath.normpath(posixpath.join(posixpath.dirname(source), target)))
    if found is None:
        return None
    folders = {ctype.folder: ctype.url_folder for ctype in TYPES.values()}
    folder = folders.get(found.group("folder"))
    return f"{folder}/{found.group('id')}" if folder else None


def repository_path(source: str, key: str) -> str | None:
    """The other way round: how the file ``source`` links to the page ``key`` by its file in the
    repository, in the language of ``source``; None for a page that is not a content file."""
    folders = {ctype.url_folder: ctype.folder for ctype in TYPES.values()}
    folder, _, unit_id = key.partition("/")
    found = _CONTENT_FILE.match(source)
    if folder not in folders or not unit_id or found is None:
        return None
    return posixpath.relpath(f"content/{folders[folder]}/{unit_id}.{found.group('lang')}.md", posixpath.dirname(source))


def _page_hint(wanted: str, pages: dict[str, frozenset[str] | None], here: str) -> Message:
    close = difflib.get_close_matches(wanted, list(pages), n=1)
    if not close:
        return Message(
            nl="schrijf het bestand van een pagina, zoals `../principes/samen-leren.md`",
            en="expected the file of a page, like `../principes/samen-leren.md`",
        )
    link = posixpath.relpath(close[0] + ".md", posixpath.dirname(here) or ".")
    return Message(nl=f"bedoel je `{link}`?", en=f"did you mean `{link}`?")


def _check_link(number: int, image: bool, target: str, page: PageText, pages: dict[str, frozenset[str] | None], docs: Path, problems: Problems) -> None:
    clean = _INVISIBLE.sub("", html.unescape(target))
    if image and is_content_image(clean) and page.path.startswith("content/"):
        return  # a picture in content/images/: checked by images.check_references
    scheme = _SCHEME.match(clean.lower())
    if scheme or clean.startswith("//"):
        name = scheme.group(1) if scheme else "//"
        if name in ("http", "https"):
            # A host in look-alike letters leads elsewhere than it reads (text_checks.py).
            check_address(page.path, number, "link", clean, problems)
        if image:
            problems.add(
                page.path,
                number,
                "link",
                Message(
                    nl=f"afbeeldingen van een andere site mogen niet: {target} "
                    "(de site laadt niets van buiten; vraag het webteam de afbeelding toe te voegen)",
                    en=f"images from another site are not allowed: {target} "
                    "(no request may leave the site; ask the web team to add the image)",
                ),
            )
        elif name not in LINK_SCHEMES:
            problems.add(
                page.path,
                number,
                "link",
                Message(
                    nl=f"een link naar een {name}:-adres mag niet: {target} (link naar een pagina van deze site, "
                    "zoals `../principes/samen-leren.md`, of naar een webadres dat begint met https://)",
                    en=f"a link to a {name}: address is not allowed: {target} (expected a page of this site "
                    "like `../principes/samen-leren.md`, or a web address starting with https://)",
                ),
            )
        elif name == "http":
            # Readers' browsers warn on (or block) unencrypted pages; government sites use https.
            secure = "https://" + clean.split(":", 1)[1].lstrip("/")
            problems.add(
                page.path,
                number,
                "link",
                Message(
                    nl=f"een link moet beginnen met https://, niet met http://: {target} (schrijf `{secure}`)",
                    en=f"a link must start with https://, not http://: {target} (write `{secure}`)",
                ),
            )
        return
    path, _, anchor = clean.partition("#")
    repository = repository_key(page.path, path)
    if not path:
        key = page.key
    elif repository is not None:
        # The file as it is in the repository (`../principles/samen-leren.nl.md`): GitHub's own
        # preview follows it, and the site turns it into the page's address.
        key = repository
        if key not in pages:
            close = difflib.get_close_matches(key, [k for k in pages if repository_path(page.path, k)], n=1)
            written = repository_path(page.path, close[0]) if close else None
            hint = (
                Message(nl=f"bedoel je `{written}`?", en=f"did you mean `{written}`?")
                if written
                else Message(nl="link naar een bestand in content/, zoals `../principles/samen-leren.nl.md`", en="expected a file in content/, like `../principles/samen-leren.nl.md`")
            )
            problems.add(page.path, number, "link", Message(nl=f"er is geen pagina {target} ({hint.nl})", en=f"there is no page {target} ({hint.en})"))
            return
    else:
        base = posixpath.dirname(page.key)
        resolved = posixpath.normpath(posixpath.join(base, path))
        if not path.endswith(".md"):
            if image and page.path.startswith("content/"):
                return  # a content page's pictures are checked by load/images.py, with the path to write
            # A file in docs/ (an image, a download) is fine; an image must be one.
            exists = (docs / resolved).is_file()
            if image and not exists:
                problems.add(
                    page.path,
                    number,
                    "link",
                    Message(
                        nl=f"de afbeelding {target} bestaat niet (zet het bestand in docs/)",
                        en=f"the image {target} does not exist (expected a file in docs/)",
                    ),
                )
            if image or exists:
                return
            hint = _page_hint(resolved.strip("/"), pages, page.key)
            problems.add(
                page.path,
                number,
                "link",
                Message(
                    nl=f"link naar het Markdown-bestand van de pagina, niet naar het webadres: {target} "
                    f"({hint.nl}; dan werkt de link in beide talen)",
                    en=f"link to the Markdown file of the page, not to its address: {target} "
                    f"({hint.en}; then the link works in both languages)",
                ),
            )
            return
        key = resolved[: -len(".md")]
        if key not in pages:
            hint = _page_hint(key, pages, page.key)
            problems.add(
                page.path,
                number,
                "link",
                Message(nl=f"er is geen pagina {target} ({hint.nl})", en=f"there is no page {target} ({hint.en})"),
            )
            return
    anchors = pages.get(key)
    if anchor and anchors is not None and anchor not in anchors:
        close = difflib.get_close_matches(anchor, sorted(anchors), n=1)
        known = ", ".join(sorted(anchors))
        hint = (
            Message(nl=f'bedoel je "#{close[0]}"?', en=f'did you mean "#{close[0]}"?')
            if close
            else Message(nl=f"kies uit: {known}", en=f"expected one of: {known}")
        )
        problems.add(
            page.path,
            number,
            "link",
            Message(nl=f'"#{anchor}" is geen id op die pagina ({hint.nl})', en=f'"#{anchor}" is not an id on that page ({hint.en})'),
        )


def check_markup(page: PageText, pages: dict[str, frozenset[str] | None], docs: Path, problems: Problems) -> None:
    """Check one page: HTML, attribute lists and links.

    ``pages`` maps every page key to the ids on that page (None: not known before rendering).
    """
    lines = _readable_lines(page.text)
    _check_html(lines, page, problems)
    _check_attr_lists(lines, page, problems)
    for number, image, target in _links(lines, page.first_line):
        _check_link(number, image, target, page, pages, docs, problems)
