"""A near-duplicate evaluation set with known copies, built from the BBC news articles.

The BBC full-text set (Greene & Cunningham, ICML 2006: 2,225 BBC News articles of
2004-2005 in five folders, one article a file, headline on the first line) is read from
``$CORPUSKIT_BBC_DIR`` (the folder holding ``business/``, ``sport/``…); it is not shipped
(the BBC owns the articles; research use).

The set: every article of the BBC set except those that already repeat another one
(an exact Jaccard of at least ``BASE_MAX_JACCARD`` on 5-word shingles, computed exactly
here, independently of corpuskit's MinHash), and for ``FAMILIES`` of them one to three
copies made the way copies reach a corpus: the headline rewritten, paragraphs dropped
or swapped, junk glued on (share links, related headlines, reader comments, a
navigation line before the article) and typos added. Truth: every pair within a family.
Everything is drawn from a seeded ``random.Random``, so the set is the same every run.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from corpusgen import BBC_FOLDERS as FOLDERS
from corpusgen import bbc_root

BASE_MAX_JACCARD = 0.2
FAMILIES = 300
SEED = 17

_WORD = re.compile(r"\w+")


def bbc_dir() -> Path | None:
    """``$CORPUSKIT_BBC_DIR`` when it holds the set (see ``corpusgen.bbc_root``)."""
    return bbc_root()


def bbc_paths(root: Path) -> list[Path]:
    """The 2,225 article files, folder by folder, in name order."""
    return [p for f in FOLDERS for p in sorted((root / f).glob("*.txt"))]


def read_article(path: Path) -> tuple[str, list[str]]:
    """(headline, paragraphs) of one BBC file (Latin-1 bytes in a few of them)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", "replace")
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    head, *paras = parts
    lines = head.splitlines()
    if len(lines) > 1:  # headline and first paragraph without a blank line between them
        head, paras = lines[0], ["\n".join(lines[1:]), *paras]
    return head.strip(), paras


def shingle_set(text: str, n: int = 5) -> set[str]:
    w = _WORD.findall(text.casefold())
    return {" ".join(w[i : i + n]) for i in range(max(1, len(w) - n + 1))}


def exact_similar_pairs(texts: Sequence[str], minimum: float) -> dict[tuple[int, int], float]:
    """Every pair with an exact shingle Jaccard >= ``minimum`` (inverted index, no sampling)."""
    sets = [shingle_set(t) for t in texts]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):
        for sh in s:
            postings[sh].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for docs in postings.values():
        if 1 < len(docs) <= 60:  # a shingle in more than 60 articles is a stock phrase
            shared.update(itertools.combinations(docs, 2))
    out = {}
    for (a, b), n in shared.items():
        union = len(sets[a]) + len(sets[b]) - n
        if union and n / union >= minimum:
            out[(a, b)] = len(sets[a] & sets[b]) / len(sets[a] | sets[b])
    return {k: v for k, v in out.items() if v >= minimum}


# -- making copies -------------------------------------------------------------------

JUNK = (
    "Share this article\nFacebook Twitter Email",
    "Related stories",
    "Most popular now",
    "Great article, thanks for sharing!!",
    "Posted by admin at 10:42 AM | 3 comments",
    "Click here to subscribe to our newsletter and never miss a story.",
    "Copyright 2005. All rights reserved. This material may not be republished.",
)
NAV = "Home | News | Sport | Business | Technology | Entertainment | Contact us"


def _typos(text: str, rng: random.Random, rate: float) -> str:
    words = text.split(" ")
    for i, w in enumerate(words):
        if len(w) > 3 and rng.random() < rate:
            k = rng.randrange(1, len(w) - 1)
            op = rng.choice(("swap", "drop", "double"))
            if op == "swap":
                w = w[: k - 1] + w[k] + w[k - 1] + w[k + 1 :]
            elif op == "drop":
                w = w[:k] + w[k + 1 :]
            else:
                w = w[:k] + w[k] + w[k:]
            words[i] = w
    return " ".join(words)


def _headline(head: str, rng: random.Random) -> str:
    words = head.split()
    rng.shuffle(words)
    return rng.choice(("UPDATE: ", "BREAKING: ", "", "Report: ")) + " ".join(words).capitalize()


TRANSFORMS = ("headline", "drop", "reorder", "junk", "typos", "nav")


def make_copy(
    head: str, paras: list[str], rng: random.Random, others: Sequence[str]
) -> tuple[str, list[str], list[str]]:
    """(headline, paragraphs, transforms applied): two to four changes, or an exact copy."""
    if rng.random() < 0.1:
        return head, list(paras), ["exact"]
    chosen = rng.sample(TRANSFORMS, rng.randint(2, 4))
    body = list(paras)
    if "drop" in chosen and len(body) >= 5:
        for _ in range(rng.randint(1, 2)):
            body.pop(rng.randrange(1, len(body)))
    if "reorder" in chosen and len(body) >= 3:
        i = rng.randrange(1, len(body) - 1)
        body[i], body[i + 1] = body[i + 1], body[i]
    if "typos" in chosen:
        body = [_typos(p, rng, 0.03) for p in body]
    if "junk" in chosen:
        body += [*rng.sample(JUNK, rng.randint(1, 3)), f"Related: {rng.choice(others)}"]
    if "nav" in chosen:
        body = [NAV, *body]
    return (_headline(head, rng) if "headline" in chosen else head), body, chosen


def build_set(root: Path) -> tuple[list[tuple[str, str]], set[frozenset[str]], Counter[str]]:
    """(name, file text) in corpus order, the true copy pairs, and transforms used."""
    articles = [read_article(p) for p in bbc_paths(root)]
    names = [f"{p.parent.name}-{p.stem}" for p in bbc_paths(root)]
    repeats = exact_similar_pairs(["\n\n".join(a[1]) for a in articles], BASE_MAX_JACCARD)
    tainted = {i for pair in repeats for i in pair}
    base = [i for i in range(len(articles)) if i not in tainted]
    rng = random.Random(SEED)
    chosen = rng.sample(base, FAMILIES)
    headlines = [articles[i][0] for i in base]
    entries: list[tuple[str, str]] = [(names[i], _file(*articles[i])) for i in base]
    truth: set[frozenset[str]] = set()
    used: Counter[str] = Counter()
    for i in chosen:
        family = [names[i]]
        for k in range(rng.randint(1, 3)):
            head, body, how = make_copy(*articles[i], rng, headlines)
            used.update(how)
            name = f"copy{k}-{names[i]}"
            entries.append((name, _file(head, body)))
            family.append(name)
        truth |= {frozenset(p) for p in itertools.combinations(family, 2)}
    order = random.Random(SEED + 1)
    order.shuffle(entries)  # copies come before or after their original
    return entries, truth, used


def _file(head: str, paras: list[str]) -> str:
    return "\n\n".join([head, *paras]) + "\n"


def banner_corpus(entries: Iterable[tuple[str, str]]) -> bytes:
    return "".join(f"=== {name}.txt ===\n{text}" for name, text in entries).encode("utf-8")


def cluster_pairs(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups for p in itertools.combinations(g, 2)}


def precision_recall(predicted: set[frozenset[str]], truth: set[frozenset[str]]) -> tuple[float, float]:
    hit = len(predicted & truth)
    return (hit / len(predicted) if predicted else 1.0), (hit / len(truth) if truth else 1.0)
