"""Only the opt-in compiled build lives here; everything else is in pyproject.toml.

``CORPUSKIT_COMPILE=1 pip install .`` compiles ``COMPILED`` with mypyc (mypy is then a build
requirement: build_backend/corpuskit_build.py); without the variable nothing here runs and
the install is pure Python. Why these modules and what they gain: docs/performance.md,
"Compiled build". A module that defines attrs classes with ``attrs.field(...)`` on a field
of a concrete type (``str``, ``dict``...) cannot be compiled as written (mypyc coerces the
field object to the annotation at class creation), which keeps ``model``, ``segments`` and
``evidence`` interpreted. ``decode``, ``repair``, ``mojibake``, ``language``, ``edits`` and the
reader compile and pass every test but were measured no faster (``repair`` and ``language``
slower): their time is in regular expressions, chardet, ftfy and fastText, already C.
``builder`` stays interpreted so that its stages can still be timed one by one.
"""

from __future__ import annotations

import os
import shutil
import sys

from setuptools import setup

COMPILED = [
    "src/corpuskit/structure/__init__.py",
    "src/corpuskit/structure/blocks.py",
    "src/corpuskit/structure/body.py",
    "src/corpuskit/structure/dates.py",
    "src/corpuskit/structure/etext.py",
    "src/corpuskit/structure/features.py",
    "src/corpuskit/structure/header.py",
    "src/corpuskit/structure/labelling.py",
    "src/corpuskit/structure/mail.py",
    "src/corpuskit/structure/shape.py",
    "src/corpuskit/structure/signoff.py",
    "src/corpuskit/structure/threads.py",
    "src/corpuskit/structure/thresholds.py",
    "src/corpuskit/structure/trailer.py",
    "src/corpuskit/structure/vocabulary.py",
    "src/corpuskit/typos/__init__.py",
    "src/corpuskit/typos/candidates.py",
    "src/corpuskit/typos/context.py",
    "src/corpuskit/typos/limits.py",
    "src/corpuskit/typos/scan.py",
]


COMPILING = os.environ.get("CORPUSKIT_COMPILE", "") == "1"
#: each kind of build in its own tree: setuptools packs everything under build/lib*, so a
#: pure build made after a compiled one in a shared tree would ship the compiled modules
BUILD_BASE = os.path.join("build", "compiled" if COMPILING else "pure")


def ext_modules() -> list[object]:
    if not COMPILING:
        return []
    if "--inplace" in sys.argv or "develop" in sys.argv:
        # (pip's editable route is refused in the backend; this is the direct one)
        sys.exit("corpuskit: compiling in place is refused: build a wheel (CORPUSKIT_COMPILE=1 pip install .)")
    try:
        from mypyc.build import mypycify
    except ImportError:
        sys.exit("corpuskit: CORPUSKIT_COMPILE=1 needs mypy (mypyc) where the build runs: pip install mypy")

    # a fresh tree: modules taken off the list must not ship from an earlier build
    shutil.rmtree(BUILD_BASE, ignore_errors=True)
    return mypycify(COMPILED, opt_level="3", target_dir=os.path.join(BUILD_BASE, "mypyc"))


setup(ext_modules=ext_modules(), options={"build": {"build_base": BUILD_BASE}})
