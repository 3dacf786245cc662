"""Draw the typo precision samples of docs/typos.md ("Usenet"): corpuskit's edits and the peer's.

Run by a maintainer on a ``corpuskit export`` of a corpus (the 20 Newsgroups test posts
there), then judge each printed line by hand::

    corpuskit export "$CORPUSKIT_20NEWS_DIR" -o posts.jsonl
    python tools/typo_peer_sample.py posts.jsonl [--posts 60] [--seed 22] [--lowercase]

Prints every typo edit corpuskit made in ``--posts`` posts drawn at random, then the
corrections pyspellchecker (the peer; in the ``test`` extra) makes in the same posts'
cleaned text: ``correction()`` of each word it does not know (2 to 14 letters; with
``--lowercase`` only lowercase words of 4+ letters, the shape ``typo.frequency``
corrects), 80 of them drawn at random, each with its context.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from typing import Any

_WORD = re.compile(r"(?<![\w'’@./-])[A-Za-z]+(?![\w'’@/-])")


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - 50) : end + 30].replace("\n", " ")


def ours(posts: list[dict[str, Any]]) -> list[str]:
    """One line per typo edit of ``posts``: rule, before, after and where (first occurrence)."""
    out = []
    for post in posts:
        raw = post["raw_text"]
        for e in post["edits"]:
            if e["rule"].startswith("typo"):
                i = max(0, raw.find(e["before"]))
                out.append(f"{e['rule']:15} {e['before']!r:>16} -> {e['after']!r:14} | {_context(raw, i, i)}")
    return out


def peer(posts: list[dict[str, Any]], rng: random.Random, lowercase: bool, shown: int = 80) -> list[str]:
    """pyspellchecker's distinct corrections in the posts' cleaned text, ``shown`` drawn at random."""
    from spellchecker import SpellChecker

    speller = SpellChecker()
    found: dict[tuple[str, str], str] = {}
    for post in posts:
        text = post["text"]
        for m in _WORD.finditer(text):
            w = m.group()
            if lowercase and (len(w) < 4 or not w.islower()):
                continue
            if len(w) < 2 or len(w) > 14 or w.lower() in speller:
                continue
            right = speller.correction(w.lower())
            if right and right != w.lower():
                found.setdefault((w, right), _context(text, m.start(), m.end()))
    keys = sorted(found)
    rng.shuffle(keys)
    lines = [f"{len(found)} distinct corrections"]
    lines += [f"{w!r:>16} -> {right!r:14} | {found[(w, right)]}" for w, right in keys[:shown]]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("export", help="a corpuskit jsonl export")
    parser.add_argument("--posts", type=int, default=60)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--lowercase", action="store_true")
    args = parser.parse_args()
    with open(args.export, encoding="utf-8") as f:
        documents = [json.loads(line) for line in f]
    rng = random.Random(args.seed)
    posts = rng.sample(documents, args.posts)
    words = sum(len(p["raw_text"].split()) for p in posts)
    edits = ours(posts)
    print(f"corpuskit: {len(edits)} typo edits in {len(posts)} posts, {words} words")
    print("\n".join(edits))
    print("pyspellchecker:", "\n".join(peer(posts, rng, args.lowercase)))


if __name__ == "__main__":
    main()
