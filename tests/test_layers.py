"""The import contract: every wing imports only downward, no module is part of an import cycle, and no
module imports another's private name (the layers are the ones the README's "How the code is laid out" names)."""

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "handouts"
# Highest first. A module may import from its own wing and from any lower layer; wings in one layer
# (written "a | b") are siblings that never import each other.
LAYERS = [
    ["cli"],
    ["watch", "app"],
    ["pipeline"],
    ["outputs", "review"],
    ["plain", "render", "audio", "build", "video"],
    ["speech"],
    ["read"],
    ["language"],
    ["config", "model", "files", "templates"],
    ["errors"],
]


def module_name(path: Path) -> str:
    """Return the dotted name of a module file under handouts/."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, list[str], int]]:
    """Return (module imported, names taken from it, line) for every import of handouts code in a file, at any depth."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if base.split(".")[0] == "handouts":
                found.append((base, [a.name for a in node.names], node.lineno))
        elif isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names if a.name.split(".")[0] == "handouts"]
    return found


def wing(module: str) -> str:
    """Return the wing (top-level module or subpackage of handouts) a module belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def layer_of(module: str) -> int:
    """Return the index of the layer a module's wing is in (0 is the top)."""
    for index, wings in enumerate(LAYERS):
        if wing(module) in wings:
            return index
    raise AssertionError(f"{module} is in no layer: add its wing to LAYERS (and to the README)")


def graph() -> dict[str, list[tuple[str, list[str], int]]]:
    """Return every handouts module with the handouts imports it makes."""
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_wing_imports_only_downward():
    wrong = []
    for module, imports in graph().items():
        for target, _, line in imports:
            if target == "handouts" or wing(target) == wing(module):
                continue
            if layer_of(target) <= layer_of(module):
                wrong.append(f"{module}:{line} imports {target} ({wing(module)} may not use {wing(target)})")
    assert wrong == []


def test_no_module_is_part_of_an_import_cycle():
    modules = graph()

    def resolve(target: str, names: list[str]) -> list[str]:
        """Return the modules an import really loads ('from handouts.speech import piper_engine' loads both)."""
        loaded = [target] if target in modules else []
        return loaded + [f"{target}.{n}" for n in names if f"{target}.{n}" in modules]

    edges = {m: {t for target, names, _ in imps for t in resolve(target, names) if t != m}
             for m, imps in modules.items()}
    cycles, state = [], {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for other in sorted(edges[module]):
            if state.get(other) == "open":
                cycles.append(" -> ".join(path[path.index(other):] + [other]))
            elif other not in state:
                visit(other, path + [other])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_no_module_imports_a_private_name():
    files = sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "tests").glob("*.py")) + sorted((ROOT / "benchmarks").glob("*.py"))
    private = [f"{p.relative_to(ROOT)}:{line} imports {name} from {target}"
               for p in files for target, names, line in imports_of(p) for name in names
               if name.startswith("_") and not name.startswith("__")]
    assert private == []
