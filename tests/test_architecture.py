"""Dependency rules: the core knows no format; plugins use only the public ``corpuskit`` API.

If the core imported a plugin, a broken or missing plugin could break ``import corpuskit``;
if a plugin imported internals, any refactoring of the core would break third parties
that copied its pattern. The built-ins are held to the rule a third party must follow.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import corpuskit

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "corpuskit"
PLUGIN_DIRS = [ROOT / "plugins", ROOT / "examples" / "corpuskit-markdown" / "src"]
PUBLIC = set(corpuskit.__all__)
#: The public submodules ``docs/index.md`` lists (``tests/test_api.py`` pins the same list).
DOCUMENTED = set(
    re.findall(r"^- `(corpuskit\.[a-z_.]+)`", (ROOT / "docs" / "index.md").read_text(encoding="utf-8"), re.MULTILINE)
)


def plugin_packages() -> set[str]:
    return {p.name for d in PLUGIN_DIRS for p in d.iterdir() if (p / "__init__.py").exists()}


def imports(path: Path) -> Iterator[tuple[int, str, list[str]]]:
    """(line, module, imported names) for every import in a file; names empty for ``import x``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module, [a.name for a in node.names]


def public_api_violations(path: Path, root: Path = ROOT) -> list[str]:
    """Uses of corpuskit that go past ``corpuskit.__all__``: submodules or private names."""
    problems = []
    for line, module, names in imports(path):
        where = f"{path.relative_to(root)}:{line}"
        if module == "corpuskit":
            problems += [f"{where}: corpuskit.{n} is not in corpuskit.__all__" for n in names if n not in PUBLIC]
        elif module.startswith("corpuskit."):
            head = module.split(".")[1]
            # `from corpuskit.errors import X` is fine: errors is public; so is a documented submodule
            if head not in PUBLIC and module not in DOCUMENTED:
                problems.append(f"{where}: imports {module}, which is not public API")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # import corpuskit; corpuskit.internal_thing
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "corpuskit"
            and node.attr not in PUBLIC
        ):
            problems.append(f"{path.relative_to(root)}:{node.lineno}: corpuskit.{node.attr} is not public API")
    return problems


def test_the_core_never_imports_a_plugin() -> None:
    forbidden = plugin_packages()
    assert {"corpuskit_exporters", "corpuskit_markdown"} <= forbidden
    found = [
        f"{path.relative_to(ROOT)}:{line}: imports {module}"
        for path in sorted(CORE.rglob("*.py"))
        for line, module, _ in imports(path)
        if module.split(".")[0] in forbidden
    ]
    assert found == []


def test_the_core_names_no_plugin_module_in_strings() -> None:
    """No importlib.import_module("corpuskit_exporters...") back door either."""
    forbidden = plugin_packages()
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted(CORE.rglob("*.py"))
        for name in forbidden
        if name in path.read_text(encoding="utf-8")
    ]
    assert found == []


@pytest.mark.parametrize(
    "path",
    sorted(p for d in PLUGIN_DIRS for p in d.rglob("*.py")),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_plugins_use_only_the_public_api(path: Path) -> None:
    assert public_api_violations(path) == []


def test_the_check_catches_internal_imports(tmp_path: Path) -> None:
    bad = tmp_path / "probe.py"
    bad.write_text(
        "import corpuskit\n"
        "from corpuskit import Document, read\n"
        "from corpuskit import builder\n"
        "from corpuskit.model import Block\n"
        "from corpuskit.errors import ExportError\n"
        "x = corpuskit.reader\n"
        "y = corpuskit.Document\n",
        encoding="utf-8",
    )
    assert public_api_violations(bad, root=tmp_path) == [
        "probe.py:3: corpuskit.builder is not in corpuskit.__all__",
        "probe.py:4: imports corpuskit.model, which is not public API",
        "probe.py:6: corpuskit.reader is not public API",
    ]


def test_documented_submodules_are_public_to_plugins(tmp_path: Path) -> None:
    assert "corpuskit.csp" in DOCUMENTED and "corpuskit.model" not in DOCUMENTED
    probe = tmp_path / "probe.py"
    probe.write_text("from corpuskit.csp import strict_policy\nfrom corpuskit.structure import analyse\n")
    assert public_api_violations(probe, root=tmp_path) == [
        "probe.py:2: imports corpuskit.structure, which is not public API"
    ]


def module_name(path: Path, root: Path = CORE.parent) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def core_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(CORE.rglob("*.py"))}


def core_imports(path: Path, modules: set[str]) -> Iterator[tuple[int, str, list[str]]]:
    """(line, imported core module, names) for every import of a core module in ``path``,
    function-level imports included: ``from corpuskit.structure import thresholds`` imports
    the module ``corpuskit.structure.thresholds``."""
    for line, module, names in imports(path):
        if module not in modules:
            continue
        subs = [n for n in names if f"{module}.{n}" in modules]
        for n in subs:
            yield line, f"{module}.{n}", []
        rest = [n for n in names if n not in subs]
        if rest or not names:
            yield line, module, rest


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    names = set(modules)
    return {
        mod: {target for _, target, _ in core_imports(path, names) if target != mod} for mod, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(found)


def test_no_import_cycle_in_the_core() -> None:
    # (``corpuskit/__init__`` imports the public API: a module importing ``corpuskit`` back
    # while being imported by it is a cycle too; the CLI importing it is not)
    graph = import_graph(core_modules())
    assert cycles(graph) == []


def private_name_uses(path: Path, modules: set[str], own: str, root: Path = ROOT) -> list[str]:
    """Imports of another module's ``_private`` names, and ``module._private`` attribute uses."""
    problems = []
    where = path.relative_to(root).as_posix()
    aliases: dict[str, str] = {}
    for line, target, names in core_imports(path, modules):
        for n in names:
            if n.startswith("_") and not n.startswith("__") and target != own:
                problems.append(f"{where}:{line}: imports {target}.{n}")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for a in node.names:
                if f"{node.module}.{a.name}" in modules:
                    aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name in modules and a.asname:
                    aliases[a.asname] = a.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            problems.append(f"{where}:{node.lineno}: uses {aliases[node.value.id]}.{node.attr}")
    return problems


def test_no_core_module_uses_a_private_name_of_another() -> None:
    modules = core_modules()
    names = set(modules)
    found = [p for mod, path in modules.items() for p in private_name_uses(path, names, mod)]
    assert found == []


def test_the_cycle_and_private_checks_catch_what_they_name(tmp_path: Path) -> None:
    pkg = tmp_path / "corpuskit"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("def f():\n    from corpuskit.b import g\n")  # a lazy import still counts
    (pkg / "b.py").write_text("from corpuskit import a\nfrom corpuskit.c import _hidden\n")
    (pkg / "c.py").write_text("_hidden = 1\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "d.py").write_text("from corpuskit import c as cc\nx = cc._hidden\n")
    modules = {module_name(p, tmp_path): p for p in sorted(pkg.rglob("*.py"))}
    graph = import_graph(modules)
    assert cycles(graph) == [["corpuskit.a", "corpuskit.b"]]
    found = [u for mod, path in modules.items() for u in private_name_uses(path, set(modules), mod, tmp_path)]
    assert found == ["corpuskit/b.py:2: imports corpuskit.c._hidden", "corpuskit/sub/d.py:2: uses corpuskit.c._hidden"]
