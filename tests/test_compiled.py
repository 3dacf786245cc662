"""The opt-in compiled build: the stale-file guard, the list setup.py compiles, the backend's refusals."""

from __future__ import annotations

import ast
import importlib.machinery
import os
import sys
from pathlib import Path

import pytest

import corpuskit.structure.features
from corpuskit.compiled import StaleBuildError, check_checkout, compiled_modules, stale_files

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _checkout(tmp_path: Path) -> Path:
    """A look-alike source checkout: ``pyproject.toml`` beside ``src/pkg/sub/mod.py``."""
    (tmp_path / "pyproject.toml").write_text("")
    package = tmp_path / "src" / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "sub" / "mod.py").write_text("x = 1\n")
    (package / "other.py").write_text("y = 2\n")
    return package


def _age(path: Path, seconds: float) -> None:
    stamp = path.stat().st_mtime - seconds
    os.utime(path, (stamp, stamp))


def test_a_compiled_module_older_than_its_source_is_refused_by_name(tmp_path: Path) -> None:
    package = _checkout(tmp_path)
    compiled = package / "sub" / f"mod{SUFFIX}"
    compiled.write_bytes(b"")
    check_checkout(package)  # just built: not stale
    _age(compiled, 60)  # the .py edited after the build
    assert stale_files(package) == [(package / "sub" / "mod.py", compiled)]
    with pytest.raises(StaleBuildError, match=r"mod\.cpython.*is older than mod\.py"):
        check_checkout(package)


def test_outside_a_checkout_or_when_allowed_nothing_is_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = _checkout(tmp_path)
    compiled = package / f"other{SUFFIX}"
    compiled.write_bytes(b"")
    _age(compiled, 60)
    monkeypatch.setenv("CORPUSKIT_ALLOW_STALE", "1")
    check_checkout(package)
    monkeypatch.delenv("CORPUSKIT_ALLOW_STALE")
    (tmp_path / "pyproject.toml").unlink()  # an installed wheel: file times say nothing
    check_checkout(package)


def test_compiled_modules_names_what_runs_compiled() -> None:
    names = compiled_modules()
    assert all(name.startswith("corpuskit") for name in names)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    assert ("corpuskit.structure.features" in names) == str(corpuskit.structure.features.__file__).endswith(suffixes)


@pytest.mark.skipif(os.environ.get("CORPUSKIT_EXPECT_COMPILED") != "1", reason="set in .ci/run's compiled-build step")
def test_the_compiled_build_runs_every_listed_module_compiled() -> None:
    import corpuskit.structure
    import corpuskit.typos  # noqa: F401  (the listed packages' modules, imported)

    expected = {_module(path) for path in _setup_list()}
    for module in expected:
        __import__(module)
    assert expected <= set(compiled_modules())


def _module(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def _setup_list() -> list[str]:
    tree = ast.parse((ROOT / "setup.py").read_text())
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "COMPILED")
    return list(ast.literal_eval(node.value))


def test_the_compiled_list_is_real_modules_and_the_docs_name_them() -> None:
    listed = _setup_list()
    assert listed and all((ROOT / path).is_file() for path in listed)
    docs = (ROOT / "docs" / "performance.md").read_text()
    section = docs.split("## Compiled build", 1)[1].split("\n## ", 1)[0]
    for path in listed:
        module = _module(path)
        assert module.rsplit(".", 1)[0] in section or module in section, module
    # the attrs-defining modules that cannot compile stay out (setup.py says why)
    assert not {"src/corpuskit/model.py", "src/corpuskit/segments.py", "src/corpuskit/builder.py"} & set(listed)


@pytest.fixture
def backend(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.syspath_prepend(str(ROOT / "build_backend"))
    monkeypatch.chdir(ROOT)
    import corpuskit_build

    yield corpuskit_build
    sys.modules.pop("corpuskit_build", None)


def test_the_backend_refuses_a_compiled_editable_install(  # type: ignore[no-untyped-def]
    backend, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CORPUSKIT_COMPILE", "1")
    with pytest.raises(SystemExit, match="not for editable installs"):
        backend.get_requires_for_build_editable()
    with pytest.raises(SystemExit, match="not for editable installs"):
        backend.build_editable(str(tmp_path))


def test_mypy_is_a_build_requirement_only_when_compiling(backend, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[str | None] = []

    def setuptools_requires(config_settings: object = None) -> list[str]:
        seen.append(os.environ.get("CORPUSKIT_COMPILE"))  # what setup.py would see
        return ["wheel"]

    monkeypatch.setattr(backend._setuptools, "get_requires_for_build_wheel", setuptools_requires)
    monkeypatch.delenv("CORPUSKIT_COMPILE", raising=False)
    assert backend.get_requires_for_build_wheel() == ["wheel"]
    assert "CORPUSKIT_COMPILE" not in os.environ
    monkeypatch.setenv("CORPUSKIT_COMPILE", "1")
    compiling = backend.get_requires_for_build_wheel()
    assert compiling[:2] == ["wheel", backend.MYPYC_REQUIREMENT] and any(r.startswith("attrs") for r in compiling)
    # setup.py answered without compiling (mypyc is not installed yet), and the variable is back
    assert seen == ["0", "0"] and os.environ["CORPUSKIT_COMPILE"] == "1"
