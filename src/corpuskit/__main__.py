"""``python -m corpuskit``: the same as the ``corpuskit`` command."""

from corpuskit.cli import run

run()
