"""The import graph of ``service/``: no import circles, and no import from a lower layer to a
higher one (docs/architecture.md). Imports inside functions count too: a lazy import is still a
dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parent.parent / "service"

# Lowest first. A unit (``service.X``: a top-level module, or a package with every module inside
# it, e.g. ``service.taxonomy.loading`` is ``service.taxonomy``) may import units of its own layer
# or below, never above. A new unit must be placed here, which is a design decision.
LAYERS: list[set[str]] = [
    {"service", "service.errors", "service.settings", "service.models", "service.normalize",
     "service.workers", "service.process"},
    {"service.taxonomy"},
    {"service.documents"},
    {"service.extract"},
    {"service.postings", "service.scoring"},
    {"service.context", "service.evaluate", "service.evaluation_metrics",
     "service.render_report", "service.jsonresume_skills"},
    {"service.store", "service.batch"},
    {"service.web", "service.api", "service.cli"},
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SERVICE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every ``service`` module or name ``path`` imports, absolute, anywhere in the file."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] == "service":
                found |= {f"{target}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "service"}
    return found


def graph() -> dict[str, set[str]]:
    """Module → the modules it imports (names resolved to the module that defines them)."""
    files = {module_name(p): p for p in SERVICE.rglob("*.py")}

    def resolve(name: str) -> str:
        while name not in files and "." in name:
            name = name.rpartition(".")[0]
        return name

    return {m: {resolve(t) for t in imports(p)} - {m} for m, p in files.items()}


def unit(module: str) -> str:
    return ".".join(module.split(".")[:2])


def layer_of(name: str) -> int:
    for index, layer in enumerate(LAYERS):
        if name in layer:
            return index
    raise AssertionError(f"{name} is in no layer: place it in LAYERS (tests/test_architecture.py)")


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_checker_finds_circles_and_resolves_relative_imports(tmp_path: Path) -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    edges = graph()
    # ``from ..normalize import normalize`` (two dots, a name) and ``from .forms import Form``.
    assert "service.normalize" in edges["service.documents.text"]
    assert {"service.extract.forms", "service.taxonomy"} <= edges["service.extract.fuzzy"]
    # A package's modules are its unit: their layer is the package's.
    assert unit("service.taxonomy.loading") == "service.taxonomy"
    assert "service.taxonomy.models" in edges["service.taxonomy.loading"]


def test_no_import_circles() -> None:
    assert cycles(graph()) == []


def test_no_import_from_a_lower_layer_to_a_higher_one() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in graph().items()
        for target in targets
        if layer_of(unit(target)) > layer_of(unit(module))
    )
    assert upward == []


@pytest.mark.parametrize("unit_name", sorted({unit(m) for m in graph()}))
def test_every_unit_has_a_layer(unit_name: str) -> None:
    layer_of(unit_name)


# Domain code gets what it works with (pipeline, taxonomy, profiles, limits) as parameters from
# the analysis context the doors build (docs/architecture.md, "Context"); it never reaches for
# process-wide configuration itself.
DOMAIN = ("service.documents", "service.extract", "service.postings", "service.scoring",
          "service.evaluate")
CONFIGURED = {"get_settings", "get_profile"}
DEFAULTED = {"get_taxonomy", "get_pipeline"}  # loaders keyed by directory: none given = installed


def configuration_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in CONFIGURED or (name in DEFAULTED and not (node.args or node.keywords)):
                found.append(f"{module_name(path)}:{node.lineno} calls {name}()")
    return found


def test_domain_code_reads_no_process_wide_configuration() -> None:
    domain = [p for p in SERVICE.rglob("*.py") if unit(module_name(p)) in DOMAIN]
    assert domain
    assert [read for path in domain for read in configuration_reads(path)] == []
    assert sorted(m for m, targets in graph().items()
                  if unit(m) in DOMAIN and "service.context" in targets) == []
