"""Header accuracy on whole-page text (aeb-dev): title exact, author, date.

The benchmark's gold has only the article body, so the header gold is built from each page's
own visible structure, never from corpuskit's output:

- title: the page's first line is its HTML ``<title>``; the gold title is the first later line
  that repeats it, whole or less a site name after or before a separator (" | ", " - ", " — ",
  ":", "·"), with at least three words. Pages without such a line have no title gold.
- date: the date in the page's URL (``/2019/11/19/`` or ``/20191119/``), when it has day,
  month and year. Pages without one have no date gold.
- author: a line within twelve lines after the gold title that starts "By NAME": two to
  four capitalised words or initials, up to a separator, comma, handle, month or digit. Pages without one have no
  author gold. This uses the cue a reader uses, so it measures whether the stage finds the
  byline among the page's furniture, not whether "By" means a byline.

Scores: correct over pages with a gold; titles compare exactly (runs of spaces aside), authors
by the gold name being one of the document's authors (case and accents folded), dates exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import attrs

from corpuskit.structure.blocks import cut

from .aeb import Page
from .data import read_pages

_SEP = re.compile(r"\s+(?:\||-|–|—|:|·|::|»)\s+")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[^\d])")
_BY = re.compile(r"^by\s+(?P<name>[^|,\d]+?)(?:\s+(?:on|and|&|-|–|—|\|)\s+.*|,.*|\s+\d.*)?$", re.IGNORECASE)


_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]\.)$")
_MONTHS = {
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold().strip()


def gold_title(page_text: str) -> tuple[int, str] | None:
    lines = cut(page_text)[1]
    if not lines:
        return None
    first = _norm(lines[0])
    for i, line in enumerate(lines[1:], start=1):
        cand = _norm(line)
        if len(cand.split()) < 3:
            continue
        if cand == first:
            return i, line
        for m in _SEP.finditer(first):
            if cand == first[: m.start()] or cand == first[m.end() :]:
                return i, line
    return None


def gold_date(url: str) -> str | None:
    m = _URL_DATE.search(url + "/")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def gold_author(page_text: str) -> str | None:
    found = gold_title(page_text)
    if found is None:
        return None
    lines = cut(page_text)[1]
    for line in lines[found[0] + 1 : found[0] + 13]:
        m = _BY.match(line)
        if m:
            name = []
            for tok in m.group("name").split():
                if not _NAME_TOKEN.match(tok) or tok.rstrip(".").lower() in _MONTHS or len(name) == 4:
                    break
                name.append(tok)
            if len(name) >= 2:
                return " ".join(name)
    return None


@attrs.frozen
class Accuracy:
    title: tuple[int, int]
    author: tuple[int, int]
    date: tuple[int, int]


def evaluate(pages: Sequence[Page], **options: object) -> Accuracy:
    t = a = d = tn = an = dn = 0
    for page, doc in zip(pages, read_pages([p.page_text.encode("utf-8") for p in pages], **options), strict=True):
        gt = gold_title(page.page_text)
        if gt is not None:
            tn += 1
            t += doc.title is not None and _norm(doc.title) == _norm(gt[1])
        ga = gold_author(page.page_text)
        if ga is not None:
            an += 1
            a += _fold(ga) in {_fold(x) for x in doc.authors}
        gd = gold_date(page.url)
        if gd is not None:
            dn += 1
            d += doc.date == gd
    return Accuracy((t, tn), (a, an), (d, dn))
