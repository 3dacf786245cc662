"""An experiment, kept to reproduce docs/typos.md ("A deeper table, tried and not shipped").

Builds a deep word-pair table for typo.context from text we could ship counts of. It was
measured and NOT adopted: it cannot tell *reign* from *ruin* in "their rein of", and on
news it moved right words toward old books' usage (docs/typos.md has the figures). The
shipped table is still symspellpy's. A maintainer script, not shipped. Usage::

    python tools/context_pairs_build.py --wiki WIKIEXTRACTOR_TEXT_DIR --gutenberg BOOKS_DIR \\
        [--suspect-floor 3] [--candidate-floor 20] [--dump counts.pkl | --counts counts.pkl]

Sources (docs/credits.md): English Wikipedia articles as extracted by WikiExtractor
(``<doc ...>`` files; CC BY-SA) and public-domain Project Gutenberg books (the text
between the ``*** START`` and ``*** END`` markers). The typo precision study's own
texts (Reuters-21578, BBC News, the WikiText-2 articles "Robert Boulter" and "Du Fu")
must never be given here, or that study stops being independent: the two WikiText
article titles are skipped if a Wikipedia dump holds them.

Only what typo.context can ask is kept, so the file stays small (about 3 MB):

- the *confusable* words: a *suspect* is a lowercase dictionary word rare enough to be
  suspected (limits.CONTEXT_WORD_MAX_CZ) that has a dictionary word one edit away common
  enough to be meant (limits.CONTEXT_CANDIDATE_MIN_CZ); its *candidates* are every
  dictionary word one edit from it (``one_edit_words``: the rivals too, since their pairs
  bound the winner's lead). Their own counts are kept, all of them.
- A candidate's pairs (either side), seen at least ``--candidate-floor`` times.
- A suspect's own pairs, seen at least ``--suspect-floor`` times, but only those with a
  neighbour that one of its candidates has a kept pair with: typo.context reads a
  suspect's pair only on a side where a candidate's pair is listed, so the rest can
  never be asked (leaving them out changes no decision).

A pair is two runs of ASCII letters with only white space between them (a line break
too: books are hard-wrapped); any other character (punctuation, a digit, an apostrophe
or hyphen, an accented letter) ends a run of words, as it does for typo.context's
neighbours. Everything is lowercased.

The output is gzip-compressed text: ``#`` lines give the totals (``# words N``,
``# suspect_floor F``, ``# candidate_floor G``), then ``word<TAB>count`` lines for the
confusable words and ``first second<TAB>count`` lines for the pairs. Counting 1.3 GB of
text takes about 10 minutes and 3 GB of memory; ``--dump`` keeps every count so that the
floors can be changed with ``--counts`` without counting again.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import pickle
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from corpuskit import wordlists
from corpuskit.typos.candidates import one_edit_words
from corpuskit.typos.limits import CONTEXT_CANDIDATE_MIN_CZ, CONTEXT_WORD_MAX_CZ

#: The precision study's Wikipedia articles (docs/typos.md): never counted.
EXCLUDED_TITLES = frozenset({"Robert Boulter", "Du Fu"})
#: Anything but an ASCII letter or white space ends a run of words: punctuation, digits,
#: apostrophes, hyphens, accented letters.
_BREAK = re.compile(r"[^a-z\s]+")
_DOC = re.compile(r'<doc id="([^"]*)"[^>]*title="([^"]*)"[^>]*>')


def suspects() -> dict[str, list[str]]:
    """Each suspect (a rare dictionary word with a common one a single edit away) and its candidates."""
    en = wordlists.english()
    out: dict[str, list[str]] = {}
    for w in en.real:
        if not (w.isalpha() and w.isascii() and w.islower()) or en.freq.get(w, 0) > CONTEXT_WORD_MAX_CZ:
            continue
        near = [c for c in one_edit_words(w) if c.isalpha()]
        if any(en.freq.get(c, 0) >= CONTEXT_CANDIDATE_MIN_CZ for c in near):
            out[w] = near
    return out


def confusable_words(found: dict[str, list[str]]) -> frozenset[str]:
    """The suspects and every candidate of theirs."""
    return frozenset(found).union(*found.values())


def select(
    found: dict[str, list[str]], pairs: Counter[str], words: frozenset[str], suspect_floor: int, candidate_floor: int
) -> dict[str, int]:
    """The pairs typo.context can ask about (see the module docstring)."""
    right: dict[str, dict[str, int]] = {}
    left: dict[str, dict[str, int]] = {}
    for p, n in pairs.items():
        if n < suspect_floor:
            continue
        a, b = p.split(" ")
        if a in words:
            right.setdefault(a, {})[b] = n
        if b in words:
            left.setdefault(b, {})[a] = n
    keep: dict[str, int] = {}
    for x in words:
        keep.update((f"{x} {b}", n) for b, n in right.get(x, {}).items() if n >= candidate_floor)
        keep.update((f"{a} {x}", n) for a, n in left.get(x, {}).items() if n >= candidate_floor)
    for w, near in found.items():
        after = {b for c in near for b, n in right.get(c, {}).items() if n >= candidate_floor}
        before = {a for c in near for a, n in left.get(c, {}).items() if n >= candidate_floor}
        keep.update((f"{w} {b}", n) for b, n in right.get(w, {}).items() if b in after)
        keep.update((f"{a} {w}", n) for a, n in left.get(w, {}).items() if a in before)
    return keep


def wiki_texts(folder: Path) -> Iterator[str]:
    """The articles of WikiExtractor output files, each once, skipping the precision study's titles."""
    seen: set[str] = set()
    for path in sorted(folder.rglob("wiki_*")):
        keep = True
        lines: list[str] = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            m = _DOC.match(line)
            if m:
                keep = m.group(2) not in EXCLUDED_TITLES and m.group(1) not in seen
                seen.add(m.group(1))
                continue
            if line.startswith("</doc>"):
                if keep and lines:
                    yield "\n".join(lines)
                lines = []
                continue
            if keep:
                lines.append(line)


def gutenberg_texts(folder: Path) -> Iterator[str]:
    """Each book's text between its ``*** START`` and ``*** END`` lines (all of it if unmarked), each once."""
    seen: set[int] = set()
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        a = text.find("*** START")
        if a >= 0:
            a = text.find("\n", a) + 1
        b = text.find("*** END", max(a, 0))
        body = text[max(a, 0) : b if b > a else len(text)]
        if hash(body) not in seen:
            seen.add(hash(body))
            yield body


def batches(texts: Iterator[str], size: int = 50_000_000) -> Iterator[list[str]]:
    """The texts in batches of about ``size`` characters (counting a batch at once is C-speed)."""
    batch: list[str] = []
    held = 0
    for text in texts:
        batch.append(text)
        held += len(text)
        if held > size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def tokens(batch: list[str]) -> list[str]:
    """A batch's lowercase words, with ``|`` wherever a run of words breaks."""
    return _BREAK.sub(" | ", "\n".join(batch).lower()).split()


def count(texts: Iterator[str], words: frozenset[str]) -> tuple[int, Counter[str], Counter[str]]:
    """Word and pair counts, a batch of texts at a time."""
    total = 0
    unigrams: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for batch in batches(texts):
        toks = tokens(batch)
        total += len(toks) - toks.count("|")
        for w, n in Counter(toks).items():
            if w in words:
                unigrams[w] += n
        for (a, b), n in Counter(itertools.pairwise(toks)).items():
            if (a in words or b in words) and a != "|" and b != "|":
                pairs[a + " " + b] += n
    return total, unigrams, pairs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wiki", type=Path, action="append", default=[])
    ap.add_argument("--gutenberg", type=Path, action="append", default=[])
    ap.add_argument("--suspect-floor", type=int, default=3)
    ap.add_argument("--candidate-floor", type=int, default=20)
    ap.add_argument("--dump", type=Path, help="also pickle every count here (to try other floors)")
    ap.add_argument("--counts", type=Path, help="read the counts from a --dump instead of counting")
    ap.add_argument("--output", type=Path, required=True)
    args = ap.parse_args(argv)
    found = suspects()
    words = confusable_words(found)
    if args.counts:
        with open(args.counts, "rb") as f:
            total, _, unigrams, pairs = pickle.load(f)
    else:
        total, unigrams, pairs = 0, Counter[str](), Counter[str]()
        for texts in [*(wiki_texts(f) for f in args.wiki), *(gutenberg_texts(f) for f in args.gutenberg)]:
            n, u, p = count(texts, words)
            total += n
            unigrams.update(u)
            pairs.update(p)
        if args.dump:
            with open(args.dump, "wb") as f:
                pickle.dump((total, words, unigrams, pairs), f)
    kept = select(found, pairs, words, args.suspect_floor, args.candidate_floor)
    lines = [f"# words {total}", f"# suspect_floor {args.suspect_floor}", f"# candidate_floor {args.candidate_floor}"]
    lines += [f"{w}\t{unigrams.get(w, 0)}" for w in sorted(words)]
    lines += [f"{p}\t{n}" for p, n in sorted(kept.items())]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    args.output.write_bytes(gzip.compress(data, 9, mtime=0))
    print(f"{total} words, {len(found)} suspects, {len(words)} confusable words, {len(kept)} pairs: {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
