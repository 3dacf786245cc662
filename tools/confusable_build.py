"""Rebuild ``corpuskit/data/en_confusable.txt.gz``: the words typo.context may suspect.

Run by a maintainer after ``tools/wordlists_build.py`` (or a change of the limits named
below), never at run time. Usage::

    python tools/confusable_build.py [--out src/corpuskit/data]

A *suspect* is a lowercase ASCII dictionary word rare enough to be suspected
(``limits.CONTEXT_WORD_MAX_CZ``) that has a dictionary word one edit away common enough to
be meant (``limits.CONTEXT_CANDIDATE_MIN_CZ``). typo.context can decide nothing for any
other word (its best candidate must be that common), so it skips them without generating
their candidates: that was most of the typo stage's time. The list derives only from the
shipped ``en_words.txt.gz`` (its licence, CC BY-SA 4.0, applies) and the limits; finding
it takes about half a minute (every rare dictionary word's candidates).
``tests/test_typo_context.py`` checks a sample of it against this definition.
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from corpuskit import wordlists
from corpuskit.typos.candidates import one_edit_words
from corpuskit.typos.limits import CONTEXT_CANDIDATE_MIN_CZ, CONTEXT_WORD_MAX_CZ

_HEADER = """\
# corpuskit: the words typo.context may suspect (tools/confusable_build.py), one a line.
# A rare dictionary word (centi-zipf <= {max_cz}) with a dictionary word of centi-zipf >= {min_cz}
# one edit away. Derived from en_words.txt.gz (CC BY-SA 4.0); see docs/credits.md.
"""


def is_suspect(word: str) -> bool:
    """The definition the shipped list follows (and the test checks)."""
    en = wordlists.english()
    if not (word.isalpha() and word.isascii() and word.islower()) or word not in en.real:
        return False
    if en.freq.get(word, 0) > CONTEXT_WORD_MAX_CZ:
        return False
    return any(en.freq.get(c, 0) >= CONTEXT_CANDIDATE_MIN_CZ for c in one_edit_words(word) if c.isalpha())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=Path("src/corpuskit/data"))
    args = ap.parse_args(argv)
    words = sorted(w for w in wordlists.english().real if is_suspect(w))
    text = _HEADER.format(max_cz=CONTEXT_WORD_MAX_CZ, min_cz=CONTEXT_CANDIDATE_MIN_CZ) + "\n".join(words) + "\n"
    with gzip.GzipFile(args.out / "en_confusable.txt.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write(text.encode("utf-8"))
    print(f"{len(words)} suspects: {args.out / 'en_confusable.txt.gz'}")


if __name__ == "__main__":
    main()
