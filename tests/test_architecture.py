"""Dependency rules: the core knows no format; plugins use only the public ``corpuskit`` API.

If the core imported a plugin, a broken or missing plugin could break ``import corpuskit``;
if a plugin imported internals, any refactoring of the core would break third parties
that copied its pattern. The built-ins are held to the rule a third party must follow.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import corpuskit

ROOT = Path(__file__).resolve().parent.parent
CORE = ROOT / "src" / "corpuskit"
PLUGIN_DIRS = [ROOT / "plugins", ROOT / "examples" / "corpuskit-markdown" / "src"]
PUBLIC = set(corpuskit.__all__)


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
            if head not in PUBLIC:  # `from corpuskit.errors import X` is fine: errors is public
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
        "from corpuskit import pipeline\n"
        "from corpuskit.model import Block\n"
        "from corpuskit.errors import ExportError\n"
        "x = corpuskit.reader\n"
        "y = corpuskit.Document\n",
        encoding="utf-8",
    )
    assert public_api_violations(bad, root=tmp_path) == [
        "probe.py:3: corpuskit.pipeline is not in corpuskit.__all__",
        "probe.py:4: imports corpuskit.model, which is not public API",
        "probe.py:6: corpuskit.reader is not public API",
    ]
