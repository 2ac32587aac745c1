"""Addresses that never break: the register of published addresses, redirects and short links.

- ``data/addresses.txt`` lists every address the site has ever published (pages and the
  ids of headings, points, goals and quotes, in both languages). ``make register`` adds new
  ones; lines are never removed by a tool.
- ``data/redirects.yaml`` maps an old address to a new one, without the language: a
  redirect applies to ``/…`` and ``/en/…`` alike. An old ``#id`` can point to an id on
  the same page (the page keeps the old id as an alias).
- Short addresses for print: ``/p/1/`` for principle 1 and ``/a/1/`` for ambition 1.

A registered address that no page and no redirect serves stops the build.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from macros.core.files import read_source
from macros.core.paths import localize, neutralize
from macros.core.problems import Message, Problems
from macros.core.schema import LANGUAGES, Where, compose

REGISTER = "data/addresses.txt"
REDIRECTS = "data/redirects.yaml"
REGISTER_HEADER = """\
# Every address this site has published, in both languages. Do not remove lines:
# partners link to these addresses. When a page or id moves, add a redirect to
# data/redirects.yaml. `make register` adds new addresses here (see REDACTIE.md).
"""


def page_address(key: str, lang: str) -> str:
    """The address of a page key (``visie/index``, ``principes/samen-leren``) in a language."""
    if key == "index":
        return in_language("/", lang)
    if key.endswith("/index"):
        return in_language(f"/{key[: -len('/index')]}/", lang)
    return in_language(f"/{key}/", lang)


def neutral(address: str) -> tuple[str, str]:
    """Split ``/en/vision/`` into (``en``, ``/visie/``): the language and the neutral (Dutch) address."""
    for lang in LANGUAGES[1:]:
        if address == f"/{lang}/" or address.startswith(f"/{lang}/"):
            return lang, neutralize(address[len(lang) + 1 :], lang)
    return LANGUAGES[0], address


def in_language(address: str, lang: str) -> str:
    """A language-neutral address in ``lang``: ``/visie/x/`` is ``/en/vision/x/`` in English."""
    return address if lang == LANGUAGES[0] else f"/{lang}{localize(address, lang)}"


@dataclass
class Addresses:
    """Every address the site serves now, with what serves it."""

    # address -> the file behind it (for messages), for pages and #ids
    current: dict[str, str] = field(default_factory=dict)
    # old page address -> new address, both languages spelled out
    redirects: dict[str, str] = field(default_factory=dict)
    # page address -> [(old id, new id)] kept as aliases on that page
    aliases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def add_page(self, key: str, source: dict[str, str], anchors: tuple[str, ...] = ()) -> None:
        """A page in every language, with the ids partners may link to."""
        for lang in LANGUAGES:
            address = page_address(key, lang)
            self.current[address] = source[lang]
            for anchor in anchors:
                self.current[f"{address}#{anchor}"] = source[lang]

    def add_folder_redirects(self) -> None:
        """Addresses published before folders had names per language (``/en/principes/x/``) keep working."""
        for address in list(self.current):
            lang, plain = neutral(address)
            old = f"/{lang}{plain}"
            if lang != LANGUAGES[0] and "#" not in address and old != address and old not in self.current:
                self.redirects.setdefault(old, address)

    def served(self) -> set[str]:
        """Every address that works: pages, their ids, redirects, aliases."""
        served = set(self.current) | set(self.redirects)
        for page, pairs in self.aliases.items():
            served |= {f"{page}#{old}" for old, _ in pairs}
        return served

    def resolves(self, address: str, served: set[str]) -> bool:
        """Whether a registered address still leads somewhere (``served`` from :meth:`served`)."""
        if address in served:
            return True
        page, _, anchor = address.partition("#")
        return bool(anchor) and page in self.redirects


def read_register(root: Path, problems: Problems) -> dict[str, int]:
    """The registered addresses with their line in data/addresses.txt."""
    file = root / REGISTER
    if not file.is_file():
        problems.add(
            REGISTER,
            1,
            "register",
            Message(
                nl="de lijst met gepubliceerde adressen ontbreekt (draai `make register` om hem te maken)",
                en="the register of published addresses is missing (run `make register` to create it)",
            ),
        )
        return {}
    registered: dict[str, int] = {}
    text = read_source(file, root, problems) or ""
    for number, line in enumerate(text.split("\n"), start=1):
        address = line.strip()
        if not address or address.startswith("#"):
            continue
        if not address.startswith("/") or " " in address:
            problems.add(
                REGISTER,
                number,
                "register",
                Message(
                    nl=f"`{address}` is geen adres (schrijf één adres per regel, beginnend met /)",
                    en=f"`{address}` is not an address (expected one address per line, starting with /)",
                ),
            )
            continue
        registered.setdefault(address, number)
    return registered


# An address of this site as editors write it in data/redirects.yaml.
# (A missing last slash passes here: it has a message of its own.)
ADDRESS = re.compile(r"^/(?:[a-z0-9]+(?:-[a-z0-9]+)*/)*(?:[a-z0-9]+(?:-[a-z0-9]+)*)?(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?$")


def read_redirects(root: Path, addresses: Addresses, problems: Problems) -> None:
    """Check data/redirects.yaml and add its redirects and aliases to ``addresses``."""
    file = root / REDIRECTS
    if not file.is_file():
        return
    where = Where(REDIRECTS, 0, problems)
    text = read_source(file, root, problems)
    node = None if text is None else compose(text, where)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
        return
    if not isinstance(node, yaml.MappingNode):
        problems.add(
            REDIRECTS,
            where.line(node),
            "redirects",
            Message(nl="schrijf regels zoals `/oud/adres/: /nieuw/adres/`", en="expected lines like `/old/address/: /new/address/`"),
        )
        return
    seen: set[str] = set()
    for key_node, value_node in node.value:
        line = where.line(key_node)
        old = str(key_node.value).strip()
        scalar = isinstance(value_node, yaml.ScalarNode)
        new = str(value_node.value).strip() if scalar else "a list or block"
        if not scalar or not old.startswith("/") or not new.startswith("/"):
            problems.add(
                REDIRECTS,
                line,
                "redirects",
                Message(
                    nl=f"schrijf `/oud/adres/: /nieuw/adres/`, niet `{old}: {new if scalar else 'een lijst of blok'}`",
                    en=f"expected `/old/address/: /new/address/`, got `{old}: {new}`",
                ),
            )
            continue
        bad = [a for a in (old, new) if not ADDRESS.match(a)]
        if bad:
            # A redirect becomes a folder of the built site: nothing else may reach the disk.
            problems.add(
                REDIRECTS,
                line,
                "redirects",
                Message(
                    nl=f"`{bad[0]}` is geen adres van deze site (schrijf woorden met kleine letters en streepjes tussen schuine strepen, "
                    "zoals `/principes/samen-leren/` of `/principes/samen-leren/#een-id`)",
                    en=f"`{bad[0]}` is not an address of this site (expected lower-case words with hyphens between slashes, "
                    "like `/principes/samen-leren/` or `/principes/samen-leren/#an-id`)",
                ),
            )
            continue
        if old in seen:
            problems.add(
                REDIRECTS,
                line,
                old,
                Message(
                    nl="dit oude adres heeft twee doorverwijzingen (schrijf er één)",
                    en="this old address has two redirects (expected one)",
                ),
            )
            continue
        seen.add(old)
        if neutral(old)[0] != LANGUAGES[0] or neutral(new)[0] != LANGUAGES[0]:
            problems.add(
                REDIRECTS,
                line,
                old,
                Message(
                    nl="schrijf de adressen zonder /en/: een doorverwijzing geldt voor beide talen",
                    en="write the addresses without /en/: a redirect applies to both languages",
                ),
            )
            continue
        if old in addresses.current:
            problems.add(
                REDIRECTS,
                line,
                old,
                Message(
                    nl="dit adres bestaat nog, dus het kan niet doorverwijzen (haal deze regel weg)",
                    en="this address still exists, so it cannot redirect (remove this line)",
                ),
            )
            continue
        if new not in addresses.current:
            close = difflib.get_close_matches(new, [a for a in addresses.current if neutral(a)[0] == LANGUAGES[0]], n=1)
            hint = (
                Message(nl=f"bedoel je `{close[0]}`?", en=f"did you mean `{close[0]}`?")
                if close
                else Message(nl="schrijf het adres van een pagina op deze site", en="expected an address of a page on this site")
            )
            problems.add(
                REDIRECTS,
                line,
                old,
                Message(
                    nl=f"het nieuwe adres `{new}` bestaat niet ({hint.nl})",
                    en=f"the new address `{new}` does not exist ({hint.en})",
                ),
            )
            continue
        old_page, _, old_id = old.partition("#")
        new_page, _, new_id = new.partition("#")
        if old_id:
            if old_page != new_page or not new_id:
                problems.add(
                    REDIRECTS,
                    line,
                    old,
                    Message(
                        nl=f"een oud #id kan alleen naar een id op dezelfde pagina wijzen (schrijf `{old_page}#nieuw-id`)",
                        en=f"an old #id can only point to an id on the same page (expected `{old_page}#new-id`)",
                    ),
                )
                continue
            for lang in LANGUAGES:
                addresses.aliases.setdefault(in_language(old_page, lang), []).append((old_id, new_id))
            continue
        if not old.endswith("/"):
            problems.add(
                REDIRECTS,
                line,
                old,
                Message(nl=f"het adres van een pagina eindigt op / (schrijf `{old}/`)", en=f"a page address ends with / (expected `{old}/`)"),
            )
            continue
        for lang in LANGUAGES:
            addresses.redirects[in_language(old, lang)] = in_language(new, lang)
            # Also the form published before folders had names per language (/en/personas/…).
            addresses.redirects.setdefault(f"/{lang}{old}" if lang != LANGUAGES[0] else old, in_language(new, lang))


class ShortLink(NamedTuple):
    """One kind of short print address: ``/<letter>/<number>/``."""

    what: Message  # what the number counts, for messages
    content_type: str  # the units it leads to
    number_field: str  # the front matter field that holds the number


SHORT = {
    "p": ShortLink(Message(nl="principe", en="principle"), "principles", "number"),
    "a": ShortLink(Message(nl="ambitie", en="ambition"), "vision", "ambition"),
}


def add_short_links(addresses: Addresses, short: dict[str, str]) -> None:
    """Short print addresses (``/p/1/``) for pages, in every language."""
    for old, new in short.items():
        for lang in LANGUAGES:
            addresses.redirects[in_language(old, lang)] = in_language(new, lang)
            # Named after the page it leads to, for messages about it.
            addresses.current.setdefault(in_language(old, lang), addresses.current[in_language(new, lang)])


def check_register(root: Path, addresses: Addresses, problems: Problems, unsettled: tuple[str, ...] = ()) -> list[str]:
    """Errors for registered addresses that lead nowhere; return addresses not registered yet.

    ``unsettled``: language-neutral address beginnings of pages whose files have errors of
    their own; their addresses are not reported again as gone.
    """
    registered = read_register(root, problems)
    served = addresses.served()
    # Gone addresses, grouped by language-neutral page: one message per page or per id.
    gone: dict[str, dict[str, int]] = {}
    for address, line in registered.items():
        plain = neutral(address)[1]
        # A page that redirects keeps its #ids working: the redirect carries the fragment.
        if not addresses.resolves(address, served) and not plain.startswith(unsettled or ("\0",)):
            gone.setdefault(plain.partition("#")[0], {}).setdefault(plain, line)
    for page, lost in gone.items():
        line = min(lost.values())
        if page in lost:
            if page.startswith(tuple(f"/{letter}/" for letter in SHORT)):
                number = page.strip("/").split("/")[1]
                what = SHORT[page[1]].what
                hint = Message(
                    nl=f"het staat op papier als kort adres van {what.nl} {number}: houd dat nummer, "
                    f"of zet deze regel in {REDIRECTS}: `{page}: /nieuw/adres/`",
                    en=f"it is printed as the short address of {what.en} {number}: keep that number, "
                    f"or add to {REDIRECTS}: `{page}: /new/address/`",
                )
            else:
                hint = _replacement_hint(page, set(lost) - {page}, addresses, registered)
            ids = len(lost) - 1
            problems.add(
                REGISTER,
                line,
                "register",
                Message(
                    nl=f"`{page}`{f' (met {ids} id)' if ids == 1 else f' (met {ids} ids)' if ids else ''} is gepubliceerd, "
                    f"maar geen pagina heeft dit adres nog ({hint.nl})",
                    en=f"`{page}`{f' (with its {ids} id(s))' if ids else ''} was published, but no page has it any more ({hint.en})",
                ),
            )
            continue
        ids_now = [a.partition("#")[2] for a in addresses.current if a.startswith(page + "#")]
        for plain, line in sorted(lost.items(), key=lambda item: item[1]):
            old_id = plain.partition("#")[2]
            close = difflib.get_close_matches(old_id, ids_now, n=1, cutoff=0.3)
            problems.add(
                REGISTER,
                line,
                "register",
                Message(
                    nl=f"`{plain}` is gepubliceerd, maar de pagina heeft geen id \"{old_id}\" meer "
                    f"(houd het oude id, of zet deze regel in {REDIRECTS}: `{plain}: {page}#{close[0] if close else 'nieuw-id'}`)",
                    en=f"`{plain}` was published, but the page has no id \"{old_id}\" any more "
                    f"(keep the old id, or add to {REDIRECTS}: `{plain}: {page}#{close[0] if close else 'new-id'}`)",
                ),
            )
    return sorted(a for a in addresses.current if a not in registered)


def _replacement_hint(page: str, old_ids: set[str], addresses: Addresses, registered: dict[str, int]) -> Message:
    """What to write for a gone page: a redirect only to a page known to be the same unit.

    A new page is the same unit when it is new in the same folder and has every id the old
    page had (a rename keeps the ids of points, goals, quotes and headings). Otherwise
    the editor decides; the message says what to decide, never guesses by name.
    """
    folder = page.rstrip("/").rpartition("/")[0] + "/"
    new_pages = sorted(
        a for a in addresses.current
        if "#" not in a and neutral(a)[0] == LANGUAGES[0] and a.startswith(folder) and a != folder and a not in registered
    )
    ids = {a.partition("#")[2] for a in old_ids}
    same = [a for a in new_pages if ids and ids <= {c.partition("#")[2] for c in addresses.current if c.startswith(a + "#")}]
    if len(same) == 1:
        return Message(
            nl=f"{same[0]} heeft al zijn ids, dus het is dezelfde pagina met een nieuwe naam: "
            f"zet deze regel in {REDIRECTS}: `{page}: {same[0]}`",
            en=f"{same[0]} has all its ids, so it is the same page under a new name: add to {REDIRECTS}: `{page}: {same[0]}`",
        )
    overview = folder if folder in addresses.current else "/"
    candidates_nl = " of ".join([*(f"de nieuwe {a}" for a in new_pages), f"het overzicht {overview}"])
    candidates = " or ".join([*(f"the new {a}" for a in new_pages), f"the overview {overview}"])
    return Message(
        nl=f"kies welke pagina het vervangt, misschien {candidates_nl}, en zet dan deze regel in {REDIRECTS}: "
        f"`{page}: /de/pagina/die/het/vervangt/`",
        en=f"decide which page replaces it, perhaps {candidates}, then add to {REDIRECTS}: `{page}: /the/page/that/replaces/it/`",
    )


def write_register(root: Path, new: list[str]) -> int:
    """Add ``new`` addresses to the register; never remove one. Return how many were added."""
    file = root / REGISTER
    lines = file.read_text(encoding="utf-8").split("\n") if file.is_file() else REGISTER_HEADER.split("\n")
    header = [line for line in lines if line.startswith("#") or not line.strip()]
    known = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    merged = sorted(set(known) | set(new))
    file.write_text("\n".join([line for line in header if line] + merged) + "\n", encoding="utf-8")
    return len(merged) - len(set(known))


def relative(from_address: str, to_address: str) -> str:
    """The relative link from one page address to another (keeps a site in a sub-folder working)."""
    to_page, hash_mark, anchor = to_address.partition("#")
    path = posixpath.relpath(to_page, from_address.rstrip("/") or "/")
    path = "./" if path == "." else path + ("/" if to_page.endswith("/") and not path.endswith("/") else "")
    return path + hash_mark + anchor
