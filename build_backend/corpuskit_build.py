"""The build backend: setuptools' own, plus mypy as a build requirement only when compiling.

``CORPUSKIT_COMPILE=1`` at build time compiles the modules listed in ``setup.py`` with
mypyc (docs/performance.md, "Compiled build"), with mypy and the runtime dependencies in
the build environment; without it the build is pure Python and asks for nothing beyond
setuptools, so a machine with no C compiler installs as before.

Editable installs are never compiled: setuptools would put each compiled ``.so`` next to its
``.py`` in ``src/``, and Python imports the ``.so`` first, so an edited ``.py`` would be
tested stale. Asking for both is refused with a message rather than half-honoured.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the rest of the PEP 517/660 hooks, unchanged)
from setuptools.config.pyprojecttoml import load_file

#: mypyc ships inside mypy; the compiled code needs nothing from it at run time
MYPYC_REQUIREMENT = "mypy>=1.10"


def compile_requirements() -> list[str]:
    """mypyc, and the project's own dependencies: mypyc type-checks the code strictly
    (pyproject's ``[tool.mypy]``) before compiling it, so it needs the same typed packages
    as a developer's mypy run (attrs' classes, fastText's stubs)."""
    project = load_file("pyproject.toml")["project"]
    return [MYPYC_REQUIREMENT, *project["dependencies"]]


def compile_requested() -> bool:
    """Whether this build was asked to compile (``CORPUSKIT_COMPILE=1``)."""
    return os.environ.get("CORPUSKIT_COMPILE", "") == "1"


@contextlib.contextmanager
def _not_compiling() -> Iterator[None]:
    """Run a setuptools hook that runs setup.py but needs no compiled module: the build
    requirements (mypyc is not installed yet) and the metadata (the same either way)."""
    before = os.environ.get("CORPUSKIT_COMPILE")
    os.environ["CORPUSKIT_COMPILE"] = "0"
    try:
        yield
    finally:
        if before is None:
            del os.environ["CORPUSKIT_COMPILE"]
        else:
            os.environ["CORPUSKIT_COMPILE"] = before


def get_requires_for_build_wheel(config_settings: dict[str, Any] | None = None) -> list[str]:
    extra = compile_requirements() if compile_requested() else []
    with _not_compiling():
        return [*_setuptools.get_requires_for_build_wheel(config_settings), *extra]


def prepare_metadata_for_build_wheel(metadata_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    with _not_compiling():
        return _setuptools.prepare_metadata_for_build_wheel(metadata_directory, config_settings)


def get_requires_for_build_editable(config_settings: dict[str, Any] | None = None) -> list[str]:
    _refuse_editable()
    return _setuptools.get_requires_for_build_editable(config_settings)


def build_editable(
    wheel_directory: str, config_settings: dict[str, Any] | None = None, metadata_directory: str | None = None
) -> str:
    _refuse_editable()
    return _setuptools.build_editable(wheel_directory, config_settings, metadata_directory)


def _refuse_editable() -> None:
    if compile_requested():
        raise SystemExit(
            "corpuskit: CORPUSKIT_COMPILE=1 is not for editable installs (a compiled module would "
            "shadow the .py you edit); build a wheel instead: CORPUSKIT_COMPILE=1 pip install ."
        )
