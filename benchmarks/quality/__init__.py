"""Quality evaluation of the structure stage on public benchmarks others annotated.

Run ``python -m quality`` from ``benchmarks/`` (or ``python benchmarks/quality``): it reads the
development halves in ``../shared/data`` (or ``--data DIR`` / ``CORPUSKIT_EVAL_DATA``) and
prints corpuskit's figures next to keep-everything and jusText on the same text.
``tests/test_quality.py`` runs the same measures in the default test run and fails below the
floors published in ``docs/evaluation.md``; both skip when the data is absent.

Modules: ``data`` (where the data is, how a page becomes a Document), ``dragnet`` (article vs
reader comments, character level), ``aeb`` (whole-page text vs the gold article, tokens and
4-gram shingles as the benchmark's own ``evaluate.py`` scores them), ``header`` (title, author
and date accuracy on aeb-dev, against a gold built from each page's own structure), ``peers``
(what the peers keep of the same text).
"""
