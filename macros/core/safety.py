"""Check every `{{ … }}` and `{% … %}` in pages before anything renders.

mkdocs-macros renders Jinja unsandboxed, so a page could run any Python reachable from a
template. Pages may therefore only call the registered macros, with literal arguments
(text in quotes or whole numbers). Ids are checked here too, so a typo stops the build
with the file, the line and the closest valid id, instead of failing halfway a render.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import Environment, nodes
from jinja2.exceptions import TemplateSyntaxError

from macros.core.problems import Message, Problems

# The same delimiters mkdocs-macros uses by default.
_PARSER = Environment()


@dataclass(frozen=True)
class Param:
    """One parameter of a macro: its name, kind and, for ids, where valid values come from."""

    name: str
    kind: str  # "id", "int" or "year"
    choices: Callable[[], list[str]] | None = None
    what: str = ""
    required: bool = True


@dataclass(frozen=True)
class MacroSpec:
    """A macro editors may call, with its parameters in order."""

    name: str
    params: tuple[Param, ...] = ()
    # A last check over the literal values, returning a message or None.
    extra: Callable[[dict[str, object]], Message | None] | None = None


# What a parameter's ``what`` ("indicator", from macros/load/catalog.py) is called in Dutch messages:
# (the thing, what goes between the quotes). A test keeps every ``what`` in this table.
WHAT_NL = {
    "indicator": ("het cijfer", "het id van het cijfer"),
    "figure": ("de grafiek", "het id van de grafiek"),
    "principle": ("het principe", "het id van het principe"),
    "persona": ("de persoon", "het id van de persoon"),
    "scope": ("de keuze", "de keuze"),
    "region field": ("het veld", "de naam van het veld"),
    "count": ("het aantal", "wat er geteld wordt"),
}


def _describe(node: nodes.Node) -> Message:
    names = {
        nodes.Getattr: Message(nl="een punt (.)", en="attribute access (a dot)"),
        nodes.Getitem: Message(nl="vierkante haken ([ ])", en="indexing (square brackets)"),
        nodes.Filter: Message(nl="een filter (|)", en="a filter (|)"),
        nodes.For: Message(nl="een lus (for)", en="a loop"),
        nodes.If: Message(nl="een if-blok", en="an if block"),
        nodes.Assign: Message(nl="een toewijzing (set)", en="an assignment"),
        nodes.Name: Message(nl="een variabele", en="a variable"),
        nodes.Macro: Message(nl="een eigen macro (macro)", en="a macro definition"),
        nodes.Import: Message(nl="een import", en="an import"),
        nodes.FromImport: Message(nl="een import", en="an import"),
        nodes.Include: Message(nl="een include", en="an include"),
        nodes.Extends: Message(nl="extends", en="extends"),
        nodes.List: Message(nl="een lijst", en="a list"),
        nodes.Dict: Message(nl="een dict ({ })", en="a dict"),
        nodes.Tuple: Message(nl="een tuple", en="a tuple"),
        nodes.Compare: Message(nl="een vergelijking", en="compare"),
    }
    for kind, words in names.items():
        if isinstance(node, kind):
            return words
    name = type(node).__name__.lower()
    if isinstance(node, nodes.Concat):
        return Message(nl="een ~ (tekst aan elkaar plakken)", en=name)
    if isinstance(node, nodes.BinExpr):
        return Message(nl="een berekening", en=name)
    return Message(nl=f"iets anders ({name})", en=name)


def _check_call(call: nodes.Call, specs: dict[str, MacroSpec], path: str, line: int, problems: Problems) -> None:
    func = call.node
    if not isinstance(func, nodes.Name):
        found = _describe(func)
        problems.add(
            path,
            line,
            "macro",
            Message(
                nl=f"hier mag alleen een gewone macro staan, nu staat er {found.nl} (schrijf bijvoorbeeld {{{{ figure(\"id\") }}}})",
                en=f"only a plain macro call is allowed here, not {found.en} (expected for example {{{{ figure(\"id\") }}}})",
            ),
        )
        return
    if func.name not in specs:
        problems.add(
            path, line, func.name, _with_hint("is geen macro die je kunt gebruiken", "is not a macro you can use", func.name, list(specs))
        )
        return
    spec = specs[func.name]
    if call.dyn_args or call.dyn_kwargs:
        problems.add(
            path,
            line,
            spec.name,
            Message(nl="* en ** mogen niet (schrijf gewone waarden)", en="* and ** arguments are not allowed (expected plain values)"),
        )
        return
    values: dict[str, object] = {}
    before = len(problems.items)
    by_name = {p.name: p for p in spec.params}
    if len(call.args) > len(spec.params):
        most = len(spec.params)
        problems.add(
            path,
            line,
            spec.name,
            Message(
                nl=f"mag hoogstens {most} {'waarde' if most == 1 else 'waarden'} krijgen, niet {len(call.args)}",
                en=f"takes at most {most} argument(s), got {len(call.args)}",
            ),
        )
        return
    given = list(zip(spec.params, call.args)) + [(by_name.get(k.key), k.value) for k in call.kwargs]
    for param, value in given:
        if param is None:
            known = ", ".join(p.name for p in spec.params)
            problems.add(
                path,
                line,
                spec.name,
                Message(
                    nl=f"onbekende naam voor een waarde (kies uit: {known or 'geen'})",
                    en=f"unknown argument name (expected one of: {known or 'none'})",
                ),
            )
            continue
        if not isinstance(value, nodes.Const):
            found = _describe(value)
            problems.add(
                path,
                line,
                spec.name,
                Message(
                    nl=f"{param.name} moet een gewone waarde zijn (tekst tussen aanhalingstekens of een getal), nu staat er {found.nl}",
                    en=f"{param.name} must be a plain value in quotes or a number, not {found.en}",
                ),
            )
            continue
        values[param.name] = value.value
    named = {param.name for param, _ in given if param is not None}
    for param in spec.params:
        if param.name not in values:
            if param.required and param.name not in named:
                inside = WHAT_NL[param.what][1] if param.what in WHAT_NL else f"de waarde voor {param.name}"
                problems.add(
                    path,
                    line,
                    spec.name,
                    Message(
                        nl=f'{param.name} ontbreekt (schrijf {spec.name}("…") met {inside} tussen de aanhalingstekens)',
                        en=f'{param.name} is missing (expected {spec.name}("{param.what or param.name}"))',
                    ),
                )
            continue
        value = values[param.name]
        if param.kind == "id" and param.choices is not None:
            # (No list of choices: the file they come from could not be read, and says so itself.)
            choices = param.choices()
            if not isinstance(value, str) or value not in choices:
                thing = WHAT_NL[param.what][0] if param.what in WHAT_NL else param.what
                problems.add(
                    path,
                    line,
                    spec.name,
                    _with_hint(
                        f'{thing} "{value}" bestaat niet', f'{param.what} "{value}" does not exist', str(value), choices
                    ),
                )
        elif param.kind in ("int", "year") and (isinstance(value, bool) or not isinstance(value, int)):
            problems.add(
                path,
                line,
                spec.name,
                Message(
                    nl=f"{param.name} moet een heel getal zijn, niet {value!r}",
                    en=f"{param.name} must be a whole number, got {value!r}",
                ),
            )
    # The last check only makes sense when every value passed its own check.
    if spec.extra and len(problems.items) == before:
        message = spec.extra(values)
        if message:
            problems.add(path, line, spec.name, message)


def _with_hint(nl: str, en: str, wrong: str, choices: list[str]) -> Message:
    """A message about an unknown name, with the closest known one or else all of them."""
    close = difflib.get_close_matches(wrong, choices, n=1)
    if close:
        return Message(nl=f'{nl} (bedoel je "{close[0]}"?)', en=f'{en} (did you mean "{close[0]}"?)')
    if not choices:
        return Message(nl=f"{nl} (er is er nog geen: maak die eerst aan)", en=f"{en} (there are none yet)")
    known = ", ".join(sorted(choices))
    return Message(nl=f"{nl} (kies uit: {known})", en=f"{en} (expected one of: {known})")


def check_template_text(text: str, path: str, first_line: int, specs: dict[str, MacroSpec], problems: Problems) -> None:
    """Check one page's text; ``first_line`` is the file line of the text's first line."""
    if not any(mark in text for mark in ("{{", "{%", "{#")):
        return
    try:
        tree = _PARSER.parse(text)
    except TemplateSyntaxError as error:
        if "{#" in text:
            # Reported by check_body with the fix ("{ #id }"); one message is enough.
            return
        problems.add(
            path,
            first_line + (error.lineno or 1) - 1,
            "macro",
            Message(
                nl=f"deze macro klopt niet: {error.message} (schrijf {{{{ macro(\"id\") }}}})",
                en=f"{error.message} (expected {{{{ macro(\"id\") }}}})",
            ),
        )
        return
    for node in tree.body:
        line = first_line + node.lineno - 1
        if isinstance(node, nodes.Output):
            for part in node.nodes:
                part_line = first_line + part.lineno - 1
                if isinstance(part, nodes.TemplateData):
                    continue
                if isinstance(part, nodes.Call):
                    _check_call(part, specs, path, part_line, problems)
                else:
                    found = _describe(part)
                    problems.add(
                        path,
                        part_line,
                        "macro",
                        Message(
                            nl=f"tussen {{{{ }}}} mag alleen een macro staan, nu staat er {found.nl} "
                            f"(schrijf bijvoorbeeld {{{{ indicator(\"jeugdigen\") }}}})",
                            en=f"only macro calls are allowed between {{{{ }}}}, not {found.en} "
                            f"(expected for example {{{{ indicator(\"jeugdigen\") }}}})",
                        ),
                    )
        else:
            found = _describe(node)
            problems.add(
                path,
                line,
                "macro",
                Message(
                    nl=f"{{% … %}} mag niet in een pagina, nu staat er {found.nl} (gebruik alleen macro's zoals {{{{ macro(\"id\") }}}})",
                    en=f"{{% … %}} blocks are not allowed in pages, found {found.en} (expected only {{{{ macro(\"id\") }}}} calls)",
                ),
            )
