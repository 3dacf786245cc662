"""The public API is exactly ``corpuskit.__all__`` and the documented submodules' ``__all__``.

``docs/index.md`` (the module map) names the public submodules; this test pins what each
exports, so a change to the API users import is a visible, deliberate edit here.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

import corpuskit

ROOT = Path(__file__).resolve().parent.parent

PUBLIC = {
    "__version__",
    "SCHEMA_ID",
    "Block",
    "CorpuskitError",
    "DedupParams",
    "Document",
    "DocumentWarning",
    "DuplicateInfo",
    "Edit",
    "Exporter",
    "Options",
    "ReadErrors",
    "Source",
    "apply_edits",
    "dedup",
    "edit_counts",
    "errors",
    "load_schema",
    "pack",
    "read",
    "unpack",
}

#: The documented public submodules and exactly what each exports.
SUBMODULES = {
    "corpuskit.errors": {
        "CorpuskitError",
        "DialectError",
        "DocumentError",
        "ErrorCollector",
        "ExportError",
        "InputError",
        "InputSkipped",
        "OptionError",
        "PluginError",
        "ReadErrors",
        "printable",
    },
    "corpuskit.exporters": {
        "ENTRY_POINT_GROUP",
        "LAYOUTS",
        "Exporter",
        "Layout",
        "NoOptions",
        "OptionInfo",
        "RecordExporter",
        "available",
        "create",
        "describe_options",
        "export",
        "get",
        "parse_options",
        "register",
        "unregister",
        "validate_exporter",
        "write_records_to",
        "write_to",
    },
    "corpuskit.testing": {
        "ConformanceError",
        "CountingSink",
        "OneShot",
        "Output",
        "check_exporter",
        "hostile_documents",
        "iter_sample_documents",
        "make_document",
        "run_exporter",
        "sample_documents",
    },
    "corpuskit.csp": {"inline_css", "strict_policy"},
    "corpuskit.compiled": {"StaleBuildError", "check_checkout", "compiled_modules"},
    "corpuskit.dask": {"plan_ranges", "read_corpus", "to_files"},
    "corpuskit.schema": {"SCHEMA_FILE", "load_schema"},
    "corpuskit.neardup": {"Cluster", "DedupParams", "Deduplicator", "Member", "MissingExtra", "dedup"},
}


def test_exported_members_are_pinned() -> None:
    assert set(corpuskit.__all__) == PUBLIC
    for name in corpuskit.__all__:
        assert hasattr(corpuskit, name), name


@pytest.mark.parametrize("module", sorted(SUBMODULES))
def test_documented_submodules_are_pinned(module: str) -> None:
    mod = importlib.import_module(module)
    assert set(mod.__all__) == SUBMODULES[module]
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.{name}"


def test_the_docs_name_exactly_the_pinned_submodules() -> None:
    """The module map's "Public" list and this test agree, and the docs import nothing else."""
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^- `(corpuskit\.[a-z_.]+)`", index, re.MULTILINE))
    assert listed == set(SUBMODULES)
    used = set()
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        used |= set(re.findall(r"^\s*from (corpuskit\.[a-z_.]+) import", page.read_text(encoding="utf-8"), re.M))
    assert used <= set(SUBMODULES)
