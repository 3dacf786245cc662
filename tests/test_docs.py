"""Every Python example in the README and docs/ runs; the README's commands stay true.

Code fences tagged ``python`` are executed from the project root, each file's blocks in
order in one namespace (so a later block may use an earlier one's names). A block that
cannot run here (a cluster address, say) is tagged ``python no-run``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

FENCE = re.compile(r"^```(?P<info>[^\n]*)\n(?P<code>.*?)^```", re.M | re.S)
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _python_blocks(page: Path) -> list[str]:
    return [m.group("code") for m in FENCE.finditer(page.read_text(encoding="utf-8"))
            if m.group("info").strip() == "python"]


@pytest.mark.parametrize("page", [p for p in PAGES if _python_blocks(p)], ids=lambda p: p.name)
def test_python_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    # examples that write files write them under TMP, a fresh temporary directory
    namespace: dict[str, object] = {"__name__": "__docs__", "TMP": tmp_path}
    for i, code in enumerate(_python_blocks(page)):
        exec(compile(code, f"{page.name}[block {i}]", "exec"), namespace)


def test_readme_quickstart_has_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = [m.group("code").strip() for m in FENCE.finditer(quick) if m.group("info").strip() == "sh"]
    assert len(commands) == 2
    run, test = commands
    assert "pip install" in run and "corpuskit export examples/data/sample_corpus.txt" in run
    assert "pip install" in test and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_the_guarantees_table_names_tests_that_exist() -> None:
    """docs/errors.md lists each hardening guarantee with its test: the names must be real."""
    import re as _re

    root = Path(__file__).resolve().parent
    text = (root.parent / "docs" / "errors.md").read_text(encoding="utf-8")
    section = text[text.index("## Guarantees") :]
    current, named = None, []
    for m in _re.finditer(r"`(?:(test_\w+\.py)::)?(test_\w+)`", section):
        current = m.group(1) or current
        assert current is not None
        named.append((current, m.group(2)))
    assert len(named) > 20
    missing = [(f, n) for f, n in named if f"def {n}(" not in (root / f).read_text(encoding="utf-8")]
    assert missing == []


def _module_map() -> list[str]:
    """The rows of the module map in docs/index.md."""
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    section = index.split("## Module map", 1)[1].split("\n## ", 1)[0]
    return [row for row in section.splitlines() if row.startswith("| ") and "`" in row]


def _entries(folder: Path) -> set[str]:
    """The modules (``name``) and folders (``name/``) of a package, ``__init__`` and caches aside."""
    found = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    return found | {p.name + "/" for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))}


def module_map_problems(rows: list[str]) -> list[str]:
    """How the module map and the tree disagree: each module of ``src/corpuskit`` named as
    ``name.py``, each folder as ``name/`` followed by its modules in brackets, each module of
    the built-in plugins in the plugins' row."""
    where = " ".join(row.split("|")[2] for row in rows)
    problems = []
    core = ROOT / "src" / "corpuskit"
    top = {p.name for p in core.glob("*.py") if p.stem != "__init__"}
    listed = set(re.findall(r"`([a-z_]+\.py)`", where))
    problems += [f"{name} is not in the module map" for name in sorted(top - listed)]
    problems += [f"{name} is in the module map, not in the tree" for name in sorted(listed - top)]
    for folder in sorted(p for p in core.iterdir() if p.is_dir() and not p.name.startswith((".", "__"))):
        found = re.search(rf"`{folder.name}/`(?: \(([^)]*)\))?", where)
        if found is None:
            problems.append(f"{folder.name}/ is not in the module map")
            continue
        members = set(re.findall(r"`([a-z_]+/?)`", found.group(1) or ""))
        expected = _entries(folder) if (folder / "__init__.py").exists() else set()
        if members != expected:
            problems.append(f"{folder.name}/ lists {sorted(members)}, the tree has {sorted(expected)}")
    plugins = ROOT / "plugins" / "corpuskit_exporters"
    row = next((r for r in rows if "`plugins/corpuskit_exporters/`" in r), "")
    missing = _entries(plugins) - set(re.findall(r"`([a-z_]+/?)`", row))
    problems += [f"plugins/corpuskit_exporters/{name} is not in the module map" for name in sorted(missing)]
    return problems


def test_the_module_map_names_every_module_and_folder_of_the_tree() -> None:
    assert module_map_problems(_module_map()) == []


def test_the_module_map_check_catches_what_is_missing() -> None:
    rows = [r.replace("`csp.py`, ", "").replace(", `limits`", "").replace("`_view` (", "(") for r in _module_map()]
    assert module_map_problems(rows) == [
        "csp.py is not in the module map",
        "typos/ lists ['candidates', 'context', 'scan'], the tree has ['candidates', 'context', 'limits', 'scan']",
        "plugins/corpuskit_exporters/_view is not in the module map",
    ]
