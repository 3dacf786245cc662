"""``python -m corpuskit``: the same as the ``corpuskit`` command."""

import sys

from corpuskit.cli import main

sys.exit(main())
