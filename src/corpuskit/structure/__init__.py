"""Find structure in cleaned text: blocks with a region and a kind, and header metadata.

The stage scores every block (``features``), adds what its neighbours say and decides the
header's boilerplate and the trailer over the whole sequence (``labelling``), reads the
header's metadata near the article's start (``header``), the trailer's kinds (``trailer``),
then headings and repeated paragraphs in what is left (``body``). Every block carries its
junk score (``Block.score``) so users can audit or re-cut. Each reader can be switched off
on its own, as rules are, through ``Options.rule_on``:

- ``structure``: the whole stage (the pipeline checks it; off gives flat paragraphs);
- ``structure.mail``: an RFC 822-style header block at the top (``mail``); when one is
  found it is the header, and the web header reader does not run;
- ``structure.header``: title, dateline, byline, authors, date, note, standfirst, the
  page furniture before the article (``boilerplate``), and an e-text book's front
  matter (``etext``);
- ``structure.signoff``: signatures, wire sign-offs and e-text footers at the very end
  (``signoff``), fixed as trailer before the web trailer reads what is above them;
- ``structure.trailer``: comments, spam, bios and boilerplate at the end;
- ``structure.headings``: headings inside the body;
- ``structure.duplicates``: later copies of a body paragraph.

Publication dates come only from the header, or failing that from a trailer line that
says "Published"/"Posted"/"Updated": never from the body.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from corpuskit.model import Block, DocumentWarning, blocks_of
from corpuskit.options import Options
from corpuskit.structure import thresholds as T
from corpuskit.structure.blocks import cut, spans, unwrap
from corpuskit.structure.body import duplicate_pairs, heading_indices
from corpuskit.structure.dates import find_date
from corpuskit.structure.etext import read_etext_header
from corpuskit.structure.features import score_block
from corpuskit.structure.header import Header, read_header, read_page_header
from corpuskit.structure.labelling import best_prefix, context
from corpuskit.structure.mail import MailHeader, read_mail_header
from corpuskit.structure.shape import AsciiCaseless
from corpuskit.structure.signoff import SignOff, find_signoff
from corpuskit.structure.trailer import find_trailer

__all__ = ["Structure", "analyse", "cut_blocks"]

_PUBLISHED = AsciiCaseless(r"\b(?:published|posted|updated|first\s+appeared)\b")


@attrs.frozen
class Structure:
    """What the structure stage found in one document's cleaned text."""

    blocks: tuple[Block, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    warnings: tuple[DocumentWarning, ...] = ()
    #: what the header gave beyond the fields above (a mail header's ``organization``,
    #: ``message_id``…); the pipeline adds it to ``Document.metadata``
    metadata: Mapping[str, str] = attrs.field(factory=dict)


def cut_blocks(text: str) -> list[Block]:
    """Cut text into one block per non-blank line, trimmed, all ``body``/``paragraph``."""
    return [Block("paragraph", "body", s, e, text[s:e]) for s, e in spans(text)]


def _web_header(texts: list[str], values: tuple[float, ...], options: Options) -> Header:
    """Page furniture then the header near the article's start, or the header from the top."""
    # The header's furniture ends before the first paragraph of prose. With no prose at
    # all (a wire story that is one table of figures) it ends before the first block
    # that is no stronger junk than a table row, so the table stays the article.
    first_prose = next((i for i, v in enumerate(values) if v <= T.HEADER_STOP_SCORE), None)
    if first_prose is None:
        first_prose = next((i for i, v in enumerate(values) if v <= T.HEADER_NO_PROSE_STOP_SCORE), 0)
    end, total = best_prefix(values, first_prose, T.HEADER_BIAS)
    if total >= T.HEADER_MIN_SCORE:
        return read_page_header(texts, end, values, dayfirst=options.dayfirst)
    return read_header(texts, dayfirst=options.dayfirst)


def analyse(text: str, options: Options) -> Structure:
    """The structure of one document's cleaned text."""
    # -- issue 14: a mail header first (its fields are blocks, never joined) ------------
    mail = MailHeader()
    if options.rule_on("structure.mail"):
        mail = read_mail_header(text, dict(options.header_fields), dayfirst=options.dayfirst)
    offsets, texts = cut(text, mail.end)
    offsets[:0], texts[:0] = mail.spans, [unwrap(text[s:e]) for s, e in mail.spans]
    # -----------------------------------------------------------------------------------
    n = len(texts)
    exact = [text[s:e] for s, e in offsets]  # each block's own text (``texts`` are one-line views)
    kinds = ["paragraph"] * n
    regions = ["body"] * n
    dup_of: dict[int, int] = {}

    scores = [score_block(t) for t in texts]
    ctx = context(texts, scores, lo=n)  # no comment runs in the header: they follow articles
    runs = ctx.values
    header = Header()
    if mail.found:
        header = Header(mail.kinds, mail.title, mail.authors, mail.date, mail.dateline)
    elif options.rule_on("structure.header") and n:
        header = read_etext_header(texts) or _web_header(texts, ctx.values, options)
    for i, kind in enumerate(header.kinds):
        kinds[i], regions[i] = kind, "header"
    body_start = header.end
    rescored = False
    if header.authors:  # a bio names the byline's author: score those blocks again
        firsts = tuple(a.split()[0] for a in header.authors)
        for i in range(body_start, n):
            if texts[i].startswith(firsts):
                scores[i] = score_block(texts[i], header.authors)
                rescored = True
    ctx = context(texts, scores, body_start, None if rescored else runs)

    stop = n
    # -- issue 14: sign-offs at the very end are fixed first; the web trailer reads above
    signoff = SignOff(n)
    if options.rule_on("structure.signoff"):
        signoff = find_signoff(exact, body_start, post=mail.found, views=texts)
    for i, kind in enumerate(signoff.kinds, start=signoff.start):
        kinds[i], regions[i] = kind, "trailer"
    stop = signoff.start
    # -----------------------------------------------------------------------------------
    if options.rule_on("structure.trailer"):
        # the web trailer reads the blocks above the sign-offs
        trailer = find_trailer(texts[:stop], body_start, header.authors, scores[:stop], ctx.upto(stop))
        stop = trailer.start
        for i, kind in enumerate(trailer.kinds, start=stop):
            kinds[i], regions[i] = kind, "trailer"

    if options.rule_on("structure.headings"):
        for i in heading_indices(texts, body_start, stop):
            kinds[i] = "heading"
    if options.rule_on("structure.duplicates"):
        paragraphs = [i for i in range(body_start, stop) if kinds[i] == "paragraph"]
        dup_of = duplicate_pairs(texts, paragraphs)
        for i in dup_of:
            kinds[i] = "duplicate"

    date = header.date
    if date is None:
        for i in range(stop, n):
            if _PUBLISHED.search_line(texts[i]):
                found = find_date(texts[i], dayfirst=options.dayfirst)
                if found is not None and not found.ambiguous:
                    date = found.iso
                    break

    blocks = blocks_of(kinds, regions, offsets, exact, dup_of, [round(v, 2) for v in ctx.values])
    return Structure(
        blocks=blocks,
        title=header.title,
        authors=header.authors,
        date=date,
        dateline=header.dateline,
        warnings=header.warnings,
        metadata=mail.metadata,
    )
