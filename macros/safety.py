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

from .problems import Problems

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
    extra: Callable[[dict[str, object]], str | None] | None = None


def _describe(node: nodes.Node) -> str:
    names = {
        nodes.Getattr: "attribute access (a dot)",
        nodes.Getitem: "indexing (square brackets)",
        nodes.Filter: "a filter (|)",
        nodes.For: "a loop",
        nodes.If: "an if block",
        nodes.Assign: "an assignment",
        nodes.Name: "a variable",
        nodes.Macro: "a macro definition",
        nodes.Import: "an import",
        nodes.FromImport: "an import",
        nodes.Include: "an include",
        nodes.Extends: "extends",
        nodes.List: "a list",
        nodes.Dict: "a dict",
        nodes.Tuple: "a tuple",
    }
    for kind, words in names.items():
        if isinstance(node, kind):
            return words
    return type(node).__name__.lower()


def _check_call(call: nodes.Call, specs: dict[str, MacroSpec], path: str, line: int, problems: Problems) -> None:
    func = call.node
    if not isinstance(func, nodes.Name):
        problems.add(path, line, "macro", f"only a plain macro call is allowed here, not {_describe(func)} (expected for example {{{{ figure(\"id\") }}}})")
        return
    if func.name not in specs:
        close = difflib.get_close_matches(func.name, list(specs), n=1)
        hint = f'did you mean "{close[0]}"?' if close else "expected one of: " + ", ".join(sorted(specs))
        problems.add(path, line, func.name, f"is not a macro you can use ({hint})")
        return
    spec = specs[func.name]
    if call.dyn_args or call.dyn_kwargs:
        problems.add(path, line, spec.name, "* and ** arguments are not allowed (expected plain values)")
        return
    values: dict[str, object] = {}
    before = len(problems.items)
    by_name = {p.name: p for p in spec.params}
    if len(call.args) > len(spec.params):
        problems.add(path, line, spec.name, f"takes at most {len(spec.params)} argument(s), got {len(call.args)}")
        return
    given = list(zip(spec.params, call.args)) + [(by_name.get(k.key), k.value) for k in call.kwargs]
    for param, value in given:
        if param is None:
            known = ", ".join(p.name for p in spec.params) or "none"
            problems.add(path, line, spec.name, f"unknown argument name (expected one of: {known})")
            continue
        if not isinstance(value, nodes.Const):
            problems.add(path, line, spec.name, f"{param.name} must be a plain value in quotes or a number, not {_describe(value)}")
            continue
        values[param.name] = value.value
    named = {param.name for param, _ in given if param is not None}
    for param in spec.params:
        if param.name not in values:
            if param.required and param.name not in named:
                problems.add(path, line, spec.name, f'{param.name} is missing (expected {spec.name}("{param.what or param.name}"))')
            continue
        value = values[param.name]
        if param.kind == "id":
            choices = param.choices() if param.choices else []
            if not isinstance(value, str) or value not in choices:
                close = difflib.get_close_matches(str(value), choices, n=1)
                hint = f'did you mean "{close[0]}"?' if close else "expected one of: " + ", ".join(sorted(choices))
                problems.add(path, line, spec.name, f'{param.what} "{value}" does not exist ({hint})')
        elif param.kind in ("int", "year") and (isinstance(value, bool) or not isinstance(value, int)):
            problems.add(path, line, spec.name, f"{param.name} must be a whole number, got {value!r}")
    # The last check only makes sense when every value passed its own check.
    if spec.extra and len(problems.items) == before:
        message = spec.extra(values)
        if message:
            problems.add(path, line, spec.name, message)


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
        problems.add(path, first_line + (error.lineno or 1) - 1, "macro", f"{error.message} (expected {{{{ macro(\"id\") }}}})")
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
                    problems.add(path, part_line, "macro", f"only macro calls are allowed between {{{{ }}}}, not {_describe(part)} (expected for example {{{{ indicator(\"jeugdigen\") }}}})")
        else:
            problems.add(path, line, "macro", f"{{% … %}} blocks are not allowed in pages, found {_describe(node)} (expected only {{{{ macro(\"id\") }}}} calls)")
