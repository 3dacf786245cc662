"""Which corpuskit modules are compiled (the opt-in mypyc build), and a guard against stale ones.

``CORPUSKIT_COMPILE=1 pip install .`` builds the modules listed in ``setup.py`` with mypyc
(docs/performance.md, "Compiled build"); the default install is pure Python. Python imports a
compiled ``features.cpython-311-x86_64-linux-gnu.so`` before the ``features.py`` beside it,
so compiled files left in a source checkout (``mypyc`` run by hand, an old in-place build)
would make every edit of the ``.py`` invisible: tests would pass or fail on old code. The
build refuses to compile editable installs; :func:`check_checkout` catches the rest at
import time, naming the files, and costs one ``stat`` outside a checkout.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from pathlib import Path

__all__ = ["StaleBuildError", "check_checkout", "compiled_modules"]

_PACKAGE = Path(__file__).resolve().parent


class StaleBuildError(ImportError):
    """A compiled module in a source checkout is older than the ``.py`` it shadows."""


def compiled_modules() -> tuple[str, ...]:
    """The names of the imported corpuskit modules that run compiled, sorted."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return tuple(
        sorted(
            name
            for name, module in list(sys.modules.items())
            if name.split(".")[0] == "corpuskit" and str(getattr(module, "__file__", "")).endswith(suffixes)
        )
    )


def stale_files(package: Path = _PACKAGE) -> list[tuple[Path, Path]]:
    """(source, compiled) pairs under ``package`` where the source is newer than the compiled copy."""
    found = []
    for compiled in sorted(package.rglob("*.so")) + sorted(package.rglob("*.pyd")):
        source = compiled.with_name(compiled.name.split(".", 1)[0] + ".py")
        if source.is_file() and source.stat().st_mtime > compiled.stat().st_mtime:
            found.append((source, compiled))
    return found


def check_checkout(package: Path = _PACKAGE) -> None:
    """Refuse to import a source checkout whose compiled modules are older than their sources.

    A checkout is recognised by ``pyproject.toml`` two levels up (``src/corpuskit``);
    installed wheels are never checked (their files' times say nothing). Set
    ``CORPUSKIT_ALLOW_STALE=1`` to import anyway.
    """
    if not (package.parent.parent / "pyproject.toml").is_file() or os.environ.get("CORPUSKIT_ALLOW_STALE") == "1":
        return
    stale = stale_files(package)
    if stale:
        source, compiled = stale[0]
        more = f" (and {len(stale) - 1} more)" if len(stale) > 1 else ""
        raise StaleBuildError(
            f"corpuskit: {compiled} is older than {source.name}{more} and Python imports it instead: "
            "delete the compiled files (find src -name '*.so' -delete) or rebuild them"
        )
