"""The house's rules, as ARCHITECTURE.md states them: what each layer may import, and no import
circle inside ui/. Imports are read from the source (module level and inside functions alike), so a
lazy import cannot hide a wrong direction."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STDLIB = set(sys.stdlib_module_names)

# layer -> the first-party layers it may import (itself included); third-party packages apart
MAY = {
    "lstm_core": {"lstm_core"},
    "viz": {"viz", "lstm_core"},
    "live": {"live"},
    "ui.shell": {"ui.shell", "lstm_core", "viz", "live"},
    "ui.stepper": {"ui.stepper", "ui.shell", "lstm_core", "viz"},
    "ui.labs": {"ui.labs", "ui.stepper", "ui.shell", "lstm_core", "viz"},
    "ui.teach": {"ui.teach", "ui.labs", "ui.stepper", "ui.shell", "lstm_core", "viz", "live"},
}
THIRD_PARTY = {  # what each layer may take from outside the standard library
    "lstm_core": {"numpy"},
    "viz": {"numpy", "plotly"},
    "live": {"redis", "starlette"},  # starlette: the class's stream (live/push.py), served beside the app
}
FIRST_PARTY = ("lstm_core", "viz", "live", "ui", "pages", "app", "deploy", "bench", "tests")


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def layer_of(mod: str) -> str | None:
    for layer in sorted(MAY, key=len, reverse=True):
        if mod == layer or mod.startswith(layer + "."):
            return layer
    return None


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute, anywhere in the file."""
    mod = module_name(path)
    package = mod if path.name == "__init__.py" else mod.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            found.add(stem)
            found |= {f"{stem}.{a.name}" for a in node.names}  # `from ui.teach import lesson`
    return found


def sources() -> list[Path]:
    found = (p for d in ("lstm_core", "viz", "live", "ui") for p in (ROOT / d).rglob("*.py"))
    return sorted(p for p in found if p.read_text(encoding="utf-8").strip())  # not the empty __init__s


def known(name: str, mods: set[str]) -> str | None:
    """The first-party module ``name`` names (a module, or a name inside one), or None."""
    while name:
        if name in mods:
            return name
        name = name.rpartition(".")[0]
    return None


MODULES = {module_name(p) for p in sources()} - {"ui"}  # ui/__init__.py: the package's docstring


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_each_layer_imports_only_what_it_may(path):
    mod = module_name(path)
    layer = layer_of(mod)
    if mod == "ui":
        return
    assert layer, f"{mod} is in no layer of ARCHITECTURE.md"
    wrong = []
    for name in imports(path):
        top = name.split(".")[0]
        if top in STDLIB or top == "__future__":
            continue
        if top in FIRST_PARTY:
            target = known(name, MODULES)
            if target and layer_of(target) not in MAY[layer]:
                wrong.append(f"{name} ({layer_of(target)})")
        elif layer in THIRD_PARTY and top not in THIRD_PARTY[layer]:
            wrong.append(name)
    assert not wrong, f"{mod} ({layer}) may not import {sorted(set(wrong))}"


def test_no_import_circle_in_ui():
    graph = {}
    for p in sources():
        mod = module_name(p)
        if mod.startswith("ui"):
            deps = {known(n, MODULES) for n in imports(p)} - {None, mod}
            graph[mod] = {d for d in deps if d.startswith("ui.") and not (mod.startswith(d + "."))}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for d in sorted(graph.get(m, ())):
            if d not in graph:
                continue
            if state.get(d) == 1:
                circle = path[path.index(d) :] + [d]
                pytest.fail("import circle: " + " -> ".join(circle))
            if not state.get(d):
                visit(d)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if not state.get(m):
            visit(m)
