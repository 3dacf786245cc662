"""Rebuild the shipped typo data (``corpuskit/data/en_*.txt.gz``) from its public sources.

Run by a maintainer, never at run time. The sources are read as data only:

- wordfreq (Apache-2.0 code; data CC BY-SA 4.0): English word frequencies, read through
  its public ``get_frequency_dict`` API;
- SCOWL word lists as packaged by Debian (``wamerican-huge``, ``wbritish-huge``;
  permissive licence): which strings are real English words or names;
- codespell's ``dictionary.txt`` (the *data file* only, CC BY-SA 3.0; codespell's code is
  GPL and is never imported: the file is located with ``find_spec`` without running it).

Usage (inside an environment that has wordfreq and codespell installed)::

    python tools/wordlists_build.py --scowl /usr/share/dict/american-english-huge \\
        --scowl /usr/share/dict/british-english-huge --out src/corpuskit/data

Shipping derived files rather than depending on the packages keeps installs small
(wordfreq's wheel is 57 MB with every language), keeps GPL code out of the dependency
tree, makes corrections stable across upstream releases and loads in tens of
milliseconds instead of seconds.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.util
import math
from collections import defaultdict
from pathlib import Path

from corpuskit.wordlists import ASCII_WORD, KEY_MAX_CZ, RARE_STORE_CZ

_HEADER_WORDS = """\
# corpuskit English word data: one line per frequency bucket, most frequent first.
# Line: "<centi-zipf> <dictionary words>|<other words>"; centi-zipf 0 = absent from wordfreq.
# Frequencies: wordfreq {wordfreq} (large English list), CC BY-SA 4.0, by Robyn Speer et al.
# Dictionary words: SCOWL (Kevin Atkinson) via Debian {scowl}, permissive licence.
# This derived file is distributed under CC BY-SA 4.0; see docs/credits.md.
"""

_HEADER_MISSPELLINGS = """\
# corpuskit known misspellings: "wrong->right", one a line.
# Derived from codespell {codespell} data/dictionary.txt (CC BY-SA 3.0, from English
# Wikipedia's lists of common misspellings): unambiguous entries only, minus entries
# whose key is an English word (SCOWL) or common on the web (wordfreq zipf >= {key_max}).
# This derived file is distributed under CC BY-SA 3.0; see docs/credits.md.
"""


def _scowl(paths: list[Path]) -> set[str]:
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            w = line.strip().lower()
            if w.endswith("'s"):
                continue
            if ASCII_WORD.fullmatch(w):
                words.add(w)
    return words


def _wordfreq() -> dict[str, int]:
    import wordfreq  # type: ignore[import-not-found,unused-ignore]

    out: dict[str, int] = {}
    for w, f in wordfreq.get_frequency_dict("en", "large").items():
        if ASCII_WORD.fullmatch(w):
            out[w] = round((math.log10(f) + 9) * 100)
    return out


def _codespell_dictionary() -> Path:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("codespell is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "dictionary.txt"


def build_words(freq: dict[str, int], real: set[str]) -> tuple[str, int]:
    buckets: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    n = 0
    for w, cz in freq.items():
        if w in real:
            buckets[cz][0].append(w)
        elif cz >= RARE_STORE_CZ:
            buckets[cz][1].append(w)
        else:
            continue
        n += 1
    for w in real - freq.keys():
        buckets[0][0].append(w)
        n += 1
    lines = [
        f"{cz} {' '.join(sorted(d))}|{' '.join(sorted(o))}" for cz, (d, o) in sorted(buckets.items(), reverse=True)
    ]
    return "\n".join(lines) + "\n", n


def build_misspellings(path: Path, freq: dict[str, int], real: set[str]) -> tuple[str, int]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = raw.partition("->")
        if not sep or "," in value or not value.strip():
            continue  # ambiguous (several candidates) or disabled with a reason
        key = key.strip().lower()
        if not ASCII_WORD.fullmatch(key) or key in real or freq.get(key, 0) >= KEY_MAX_CZ:
            continue
        if value.lower() == key:
            continue
        lines.append(f"{key}->{value.strip()}")
    return "\n".join(sorted(set(lines))) + "\n", len(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--scowl", action="append", type=Path, required=True)
    parser.add_argument("--scowl-version", default="wamerican-huge/wbritish-huge 2020.12.07-2")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    real = _scowl(args.scowl)
    freq = _wordfreq()
    words, n_words = build_words(freq, real)
    header = _HEADER_WORDS.format(wordfreq=importlib.metadata.version("wordfreq"), scowl=args.scowl_version)
    args.out.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(args.out / "en_words.txt.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write((header + words).encode("utf-8"))
    missp, n_missp = build_misspellings(_codespell_dictionary(), freq, real)
    header = _HEADER_MISSPELLINGS.format(
        codespell=importlib.metadata.version("codespell"), key_max=KEY_MAX_CZ / 100
    )
    with gzip.GzipFile(args.out / "en_misspellings.txt.gz", "wb", compresslevel=9, mtime=0) as f:
        f.write((header + missp).encode("utf-8"))
    print(f"{n_words} words, {n_missp} misspellings written to {args.out}")


if __name__ == "__main__":
    main()
