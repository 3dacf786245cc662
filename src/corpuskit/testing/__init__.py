"""A conformance kit for exporter plugins: does this class keep the contract?

Plugin authors call :func:`check_exporter` from their own test suite (the built-ins do
too). It needs no test framework: it raises :class:`ConformanceError`, an
``AssertionError`` listing every broken promise, so pytest shows them all at once::

    from corpuskit.testing import check_exporter
    from my_plugin import MyExporter

    def test_my_exporter_keeps_the_contract():
        check_exporter(MyExporter)

What is checked, and why each matters to users:

- **interface**: the class attributes and ``write`` the registry requires;
- **options**: ``Options`` is a frozen attrs class whose every field has a default and
  a ``help`` text (``corpuskit formats`` shows it), unknown keys and bad values are
  clear errors;
- **streaming**: ``write`` iterates the documents once (a second pass would re-read a
  whole corpus, or find a spent generator) and output grows while documents arrive,
  so the corpus is never collected in memory; a stream it was given stays open;
- **empty corpus**: zero documents is a valid corpus;
- **determinism**: the same documents give the same bytes (diffable, cacheable,
  reproducible builds);
- **hostile text**: NUL, lone surrogates from undecodable file names, RTL overrides,
  ``<script>``, spreadsheet formulas, a 1 MB line: no crash, text output stays valid
  UTF-8, markup output never contains a live ``<script``;
- **atomic writes**: an export that fails half-way leaves neither the target nor a
  temporary behind.

Modules: ``documents`` (factories), ``harness`` (running an exporter), ``conformance``
(the checks); everything public is re-exported here, the one import path users need.
"""

from __future__ import annotations

from corpuskit.testing.conformance import ConformanceError, check_exporter
from corpuskit.testing.documents import hostile_documents, iter_sample_documents, make_document, sample_documents
from corpuskit.testing.harness import CountingSink, OneShot, Output, run_exporter

__all__ = [
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
]
