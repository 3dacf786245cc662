"""The trailer evaluation set, built at test time from two public samples shipped in tests/data.

- ``structure_eval_wikitext.txt``: the opening of the WikiText-2 test split (Merity et al.,
  2016, "Pointer Sentinel Mixture Models"; Wikipedia text, CC BY-SA 3.0), as tokenised in
  the copy kept in the pytorch/examples repository (word_language_model/data/wikitext-2);
  two verse quotations were left out. Encyclopedic prose with titles and section headings.
- ``structure_eval_comments.tsv``: 70 comments (spam and ham) from the YouTube Spam
  Collection (Alberto, Lochter & Almeida, 2015, UCI Machine Learning Repository,
  CC BY 4.0), file Youtube01-Psy, with the trailing mojibake of the copy read removed.

No public benchmark of plain-text articles with their comments separated could be had
here (the Dragnet data is AGPL and ships only as an archive; trafilatura's and jusText's
evaluations are HTML), so articles and comments are real text written by others, but the
page furniture around the comments (the "Comments" marker, "NAME says:" heads, the
recent-comments widget shape) is this module's, in the forms the seed corpus shows.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).parent / "data"

_DETOK = [
    (" @-@ ", "-"),
    (" @,@ ", ","),
    (" @.@ ", "."),
    ("<unk>", "Unk"),
    (" 's", "'s"),
    (" 're", "'re"),
    (" n't", "n't"),
    (" 't", "'t"),
    (" 'an", "'an"),
    (" ,", ","),
    (" .", "."),
    (" ;", ";"),
    (" :", ":"),
    ("( ", "("),
    (" )", ")"),
    (" ?", "?"),
]
_QUOTE = re.compile(r'" (.*?) "')


def _detok(line: str) -> str:
    line = line.strip()
    for a, b in _DETOK:
        line = line.replace(a, b)
    return _QUOTE.sub(r"“\1”", line)


def articles() -> list[tuple[str, list[str]]]:
    """(title, blocks) per WikiText article; section titles become heading blocks."""
    out: list[tuple[str, list[str]]] = []
    for raw in (DATA / "structure_eval_wikitext.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        m = re.fullmatch(r"(=(?: =)*) (.+?) =(?: =)*", line)
        if m and m.group(1) == "=":
            out.append((_detok(m.group(2)), []))
        elif m:
            out[-1][1].append(_detok(m.group(2)))
        else:
            out[-1][1].append(_detok(line))
    return out


def comments() -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / "structure_eval_comments.tsv").read_text(encoding="utf-8").splitlines():
        label, text = line.split("\t", 1)
        rows.append((label, " ".join(text.split()).replace("&amp;", "&")))
    return rows


def clean_documents(seed_bodies: list[str]) -> list[str]:
    """Junk-free documents: every window of 3+ consecutive blocks of each article, under
    its title, plus the seed articles with their known trailers cut off."""
    docs = list(seed_bodies)
    for title, blocks in articles():
        for size in range(3, len(blocks) + 1):
            for start in range(0, len(blocks) - size + 1):
                window = blocks[start : start + size]
                if window[-1].count(" ") < 5:  # do not end on a heading
                    continue
                docs.append("\n\n".join([title, *window]))
    return docs


_NAMES = ["Mark Strong", "sophie_s", "Derek", "Harry Kent", "admin", "Ben88", "guest"]


def _trailer(rng: random.Random, shape: str, titles: list[str]) -> str:
    picked = rng.sample(comments(), rng.randint(2, 6))
    lines: list[str] = []
    if shape.startswith("says"):
        if shape == "says":
            lines.append(f"{len(picked)} Comments")
        for _, text in picked:
            day = rng.randint(1, 28)
            lines += [
                f"{rng.choice(_NAMES)} says:",
                f"March {day}, 2015 at {rng.randint(1, 12)}:{rng.randint(10, 59)} pm",
                text,
                "Reply",
            ]
    elif shape.startswith("widget"):
        if shape == "widget":
            lines.append("Recent Comments")
        for _, text in picked:
            words = text.split()
            lines += [f"{rng.choice(_NAMES)} in: {rng.choice(titles)}", " ".join(words[:8]) + " ..."]
    elif shape == "marker":
        lines.append(rng.choice(["Comments", "Leave a Reply", "Responses"]))
        lines += [text for _, text in picked]
    else:  # "bare": comments glued on with no furniture at all
        lines += [text for _, text in picked]
    return "\n".join(lines)


#: Trailer shapes: with a marker line above the comments, and without one ("-bare").
SHAPES = ("says", "says-bare", "widget", "widget-bare", "marker")


def junk_documents(docs: list[str], shapes: tuple[str, ...] = SHAPES, seed: int = 5) -> Iterator[tuple[str, int]]:
    """(text, offset where the junk starts) for each document and trailer shape."""
    rng = random.Random(seed)
    titles = [t for t, _ in articles()] + ["How the war ended", "Cross-region cooperation needed"]
    for doc in docs:
        for shape in shapes:
            yield doc + "\n" + _trailer(rng, shape, titles), len(doc) + 1
