"""The public API is exactly ``corpuskit.__all__``: this test pins it."""

from __future__ import annotations

import corpuskit

PUBLIC = {
    "__version__",
    "SCHEMA_ID",
    "Block",
    "CorpuskitError",
    "Document",
    "DocumentWarning",
    "Edit",
    "Exporter",
    "Options",
    "ReadErrors",
    "Source",
    "apply_edits",
    "edit_counts",
    "errors",
    "load_schema",
    "pack",
    "read",
    "unpack",
}


def test_exported_members_are_pinned() -> None:
    assert set(corpuskit.__all__) == PUBLIC
    for name in corpuskit.__all__:
        assert hasattr(corpuskit, name), name
