"""Rebuild typo.context's confusion sets and their counts (``corpuskit/data/en_confusion_*.txt.gz``).

Run by a maintainer, never at run time. Two steps::

    python tools/confusion_build.py sets --homophones homophones.csv [--out src/corpuskit/data]
    python tools/confusion_build.py counts --wiki WIKIEXTRACTOR_TEXT_DIR --gutenberg BOOKS_DIR \\
        [--out src/corpuskit/data]

**sets**: the confusion pairs, from the homophone list of the Talon voice-control
community (``core/homophones/homophones.csv`` of github.com/talonhub/community, MIT
licence; one set of words that sound alike a line: ``rain,reign,rein``). Kept, as
published and with nothing added: within each set, every two lowercase ASCII dictionary
words (SCOWL, as in ``en_words.txt.gz``) that are one edit apart (a deletion, insertion,
substitution or swap: ``rein``/``reign``, ``rein``/``rain``, not ``rain``/``reign``). A
real-word error of the kind the typo rules fix is one slip from the word meant; a
homophone two edits away is a spelling choice, not a slip.

**counts**: what typo.context's confusion-set decision reads: for every word of a pair
that the rule can ask about under the limits (a *suspect*: at most
limits.CONTEXT_WORD_MAX_CZ common, with a partner at least CONTEXT_CANDIDATE_MIN_CZ and
CONTEXT_MARGIN_CZ more common; and those partners), its count, its word pairs on either
side and its word triples (the word between two neighbours), counted in English
Wikipedia (WikiExtractor output, CC BY-SA) and public-domain Project Gutenberg books.
A suspect's pairs and triples are all kept (they are the evidence *for* the word as
written: leaving one out would make it look less likely); a partner's pairs only where
seen at least ``--partner-floor`` times (rarer ones count as unseen, which only weakens
the case for the partner), and its triples not at all (too sparse at this size to
decide with: "their reign of" occurs once in the 172 million words). The
precision study's texts must never be given (see ``context_pairs_experiment.py``, whose
readers and tokenisation this uses: a run of ASCII letters and white space, lowercased).

Output: gzip text, ``# words N`` and ``# partner_floor F`` lines, then one line per word:
``word<TAB>count<TAB>before:n ...<TAB>after:n ...<TAB>before_after:n ...`` (the words seen
right before it, right after it, and on both sides of it; the last for suspects only), so
that typo.context parses only the lines of the words a text asks about.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import itertools
import pickle
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from context_pairs_experiment import batches, gutenberg_texts, tokens, wiki_texts

from corpuskit import wordlists
from corpuskit.typos.candidates import is_one_edit
from corpuskit.typos.limits import CONTEXT_CANDIDATE_MIN_CZ, CONTEXT_MARGIN_CZ, CONTEXT_WORD_MAX_CZ

SETS_FILE = "en_confusion_sets.txt.gz"
COUNTS_FILE = "en_confusion_counts.txt.gz"

_HEADER_SETS = """\
# corpuskit typo.context confusion pairs: "word word", one pair a line.
# From the homophone list of the Talon community (github.com/talonhub/community,
# core/homophones/homophones.csv): within each set, the lowercase dictionary words one
# edit apart (tools/confusion_build.py). See docs/credits.md. The list's licence:
#
# MIT License
#
# Copyright (c) 2021 Jeff Knaus, Ryan Hileman, Zach Dwiel, Michael Arntzenius, and others
#
# Permission is hereby granted, free of charge, to any person obtaining a copy
# of this software and associated documentation files (the "Software"), to deal
# in the Software without restriction, including without limitation the rights
# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
# copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
# FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
# AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
# LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
# SOFTWARE.
"""

_HEADER_COUNTS = """\
# corpuskit typo.context counts for the confusion-set words (tools/confusion_build.py).
# Counted in English Wikipedia (CC BY-SA 4.0) and public-domain Project Gutenberg books;
# this derived file is distributed under CC BY-SA 4.0; see docs/credits.md.
"""


def pairs_from_sets(rows: Iterable[list[str]]) -> list[tuple[str, str]]:
    """The one-edit pairs of lowercase dictionary words within each published set."""
    real = wordlists.english().real
    out: set[tuple[str, str]] = set()
    for row in rows:
        words = sorted({w.strip() for w in row if w.strip().isalpha() and w.strip().isascii() and w.strip().islower()})
        words = [w for w in words if w in real]
        out.update((a, b) for a, b in itertools.combinations(words, 2) if is_one_edit(a, b))
    return sorted(out)


def asked(pairs: Iterable[tuple[str, str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The suspects and the partners the rule can ask about under the limits."""
    freq = wordlists.english().freq
    suspects: set[str] = set()
    partners: set[str] = set()
    for a, b in pairs:
        for w, c in ((a, b), (b, a)):
            fw, fc = freq.get(w, 0), freq.get(c, 0)
            if fw <= CONTEXT_WORD_MAX_CZ and fc >= CONTEXT_CANDIDATE_MIN_CZ and fc - fw >= CONTEXT_MARGIN_CZ:
                suspects.add(w)
                partners.add(c)
    return frozenset(suspects), frozenset(partners)


def count(texts: Iterator[str], words: frozenset[str]) -> tuple[int, Counter[str]]:
    """Words, pairs and triples around ``words``, a batch of texts at a time."""
    total = 0
    counts: Counter[str] = Counter()
    for batch in batches(texts, 30_000_000):
        toks = tokens(batch)
        total += len(toks) - toks.count("|")
        n = len(toks)
        for i in [i for i, t in enumerate(toks) if t in words]:
            w = toks[i]
            counts[w] += 1
            a = toks[i - 1] if i > 0 else "|"
            b = toks[i + 1] if i + 1 < n else "|"
            if a != "|":
                counts[f"{a} {w}"] += 1
            if b != "|":
                counts[f"{w} {b}"] += 1
            if a != "|" and b != "|":
                counts[f"{a} {w} {b}"] += 1
    return total, counts


def lines_per_word(counts: Counter[str], suspects: frozenset[str], partners: frozenset[str], floor: int) -> list[str]:
    """One line per word: its count, the words before it, after it, and (a suspect) around it.

    A suspect's pairs and triples are all kept: they are the evidence for the word as
    written, and its triples are only read as that (leaving any out would make it look
    less likely). A partner's pairs are kept where seen at least ``floor`` times (rarer
    ones count as unseen, which only weakens the case for it); its triples are not read.
    """
    left: dict[str, list[str]] = {}
    right: dict[str, list[str]] = {}
    around: dict[str, list[str]] = {}
    for key, n in sorted(counts.items()):
        parts = key.split(" ")
        if len(parts) == 2:
            a, b = parts
            if b in suspects or (b in partners and n >= floor):
                left.setdefault(b, []).append(f"{a}:{n}")
            if a in suspects or (a in partners and n >= floor):
                right.setdefault(a, []).append(f"{b}:{n}")
        elif len(parts) == 3 and parts[1] in suspects:
            around.setdefault(parts[1], []).append(f"{parts[0]}_{parts[2]}:{n}")
    fields = (left, right, around)
    words = sorted(suspects | partners)
    return ["\t".join([w, str(counts.get(w, 0)), *(" ".join(f.get(w, [])) for f in fields)]) for w in words]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="step", required=True)
    s = sub.add_parser("sets")
    s.add_argument("--homophones", type=Path, required=True)
    c = sub.add_parser("counts")
    c.add_argument("--wiki", type=Path, action="append", default=[])
    c.add_argument("--gutenberg", type=Path, action="append", default=[])
    c.add_argument("--partner-floor", type=int, default=3)
    c.add_argument("--dump", type=Path, help="also pickle every count here (to try other floors)")
    c.add_argument("--counts", type=Path, help="read the counts from a --dump instead of counting")
    for p in (s, c):
        p.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "src/corpuskit/data")
    args = ap.parse_args(argv)
    if args.step == "sets":
        with open(args.homophones, encoding="utf-8", newline="") as f:
            found = pairs_from_sets(csv.reader(f))
        data = _HEADER_SETS + "".join(f"{a} {b}\n" for a, b in found)
        (args.out / SETS_FILE).write_bytes(gzip.compress(data.encode("utf-8"), 9, mtime=0))
        print(f"{len(found)} pairs: {args.out / SETS_FILE}")
        return 0
    text = gzip.decompress((args.out / SETS_FILE).read_bytes()).decode("utf-8")
    found = [(a, b) for a, b in (line.split() for line in text.splitlines() if line and not line.startswith("#"))]
    suspects, partners = asked(found)
    words = suspects | partners
    total, counts = 0, Counter[str]()
    if args.counts:
        with open(args.counts, "rb") as f:
            total, counts = pickle.load(f)
    else:
        for texts in [*(wiki_texts(f) for f in args.wiki), *(gutenberg_texts(f) for f in args.gutenberg)]:
            n, got = count(texts, words)
            total += n
            counts.update(got)
        if args.dump:
            with open(args.dump, "wb") as f:
                pickle.dump((total, counts), f)
    lines = [f"# words {total}", f"# partner_floor {args.partner_floor}"]
    lines += lines_per_word(counts, suspects, partners, args.partner_floor)
    data = _HEADER_COUNTS + "\n".join(lines) + "\n"
    (args.out / COUNTS_FILE).write_bytes(gzip.compress(data.encode("utf-8"), 9, mtime=0))
    print(f"{total} words, {len(suspects)} suspects, {len(partners)} partners: {args.out / COUNTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
