"""What a document is compared by: the word shingles of its body, and an exact digest.

The body (``Document.text``) is used, not the raw text, so that a changed headline, a
different byline or comments glued under the article do not hide a copy. Words are
``\\w+`` runs, casefolded, so spacing, punctuation and case changes are not differences.
"""

from __future__ import annotations

import hashlib
import re

__all__ = ["body_digest", "shingles", "words"]

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The casefolded words of ``text`` (Unicode letters and digits)."""
    return _WORD.findall(text.casefold())


def shingles(tokens: list[str], size: int) -> set[str]:
    """Every run of ``size`` consecutive words, as a set (order and repeats do not count).

    A text shorter than ``size`` words is one shingle, so it is still comparable.
    """
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(gram) for gram in zip(*(tokens[i:] for i in range(size)), strict=False)}


def body_digest(tokens: list[str]) -> bytes:
    """16 bytes that are equal exactly when two bodies have the same words in order."""
    joined = " ".join(tokens).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(joined, digest_size=16).digest()
