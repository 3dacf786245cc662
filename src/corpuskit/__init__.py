"""corpuskit: clean, typed documents out of messy concatenated news-article corpora.

The public API is exactly ``__all__``; everything else may change between releases.
"""

from __future__ import annotations

__version__ = "0.1.0"

from corpuskit import errors
from corpuskit.compiled import check_checkout
from corpuskit.edits import Edit, apply_edits
from corpuskit.errors import CorpuskitError, ReadErrors
from corpuskit.exporters import Exporter
from corpuskit.model import SCHEMA_ID, Block, Document, DocumentWarning, DuplicateInfo, Source, edit_counts
from corpuskit.neardup import DedupParams, dedup
from corpuskit.options import Options
from corpuskit.packing import pack, unpack
from corpuskit.reader import read
from corpuskit.schema import load_schema

check_checkout()  # compiled modules older than their .py in a source checkout: refuse, naming them

__all__ = [
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
    "__version__",
    "apply_edits",
    "dedup",
    "edit_counts",
    "errors",
    "load_schema",
    "pack",
    "read",
    "unpack",
]
