"""Measures of the structure stage on corpora beyond news pages (issue 14).

- **20 Newsgroups** (the "bydate" test set, one post per file): title = the post's
  ``Subject``, exactly and as the cleaning stage left it (typo corrections apply to header
  lines too), author = its ``From`` (the display name, or the address when there is none;
  no author when it has neither), both read with the standard library's ``email`` parser
  as the reference; a signature
  found on posts that have a ``-- `` line followed by text; blank-line paragraphs of the
  post's own (unquoted) text after the header kept whole (taken from the cleaned text, so
  that typo corrections do not count as misses; a blank-line group is not always one
  paragraph in Usenet posts, so this is a floor).
- **Reuters-21578** SGML, read with ``--delimiter REUTERS_DELIMITER``: the story's
  sign-off line ("Reuter", "REUTER") in the trailer as ``signature``; the story's
  paragraphs (a wrapped paragraph ends where the next line is indented) kept whole.
- **Project Gutenberg** books: everything from ``*** END OF`` to the end in the trailer,
  no ``comment`` blocks (a table of contents is not a comment section), and blank-line
  paragraphs of two or more lines kept whole.

"Kept whole" means the paragraph's lines, joined by spaces, are exactly one block's
``unwrapped`` text; keep-everything (one block per line) keeps only one-line paragraphs.
Each measure is a function of corpuskit's documents so that the tests and the printed
table share it.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs

import corpuskit

REUTERS_DELIMITER = r'<REUTERS\b[^>]*\bNEWID="(?P<name>\d+)"[^>]*>'
_SIG_LINE = re.compile(r"^-- ?$", re.MULTILINE)
_WIRE = re.compile(r"^\s*(?:reuters?|REUTER)\W*$", re.IGNORECASE)
_END_OF = re.compile(r"^[ \t]*\*{3,}\s*END OF", re.MULTILINE)


@attrs.frozen
class Share:
    """``hits`` of ``total``, as a share."""

    hits: int
    total: int

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.hits}/{self.total} = {self.share:.3f}"


def _join(lines: Iterable[str]) -> str:
    return " ".join(line.strip() for line in lines if line.strip())


def _norm(text: str) -> str:
    return " ".join(text.split())


def paragraphs_kept(doc: corpuskit.Document, paragraphs: Sequence[str], *, after_markup: bool = False) -> Share:
    """How many of ``paragraphs`` (each a one-line join of its source lines) are one block.

    ``after_markup``: a paragraph may also end a block that starts with SGML markup
    (Reuters' first paragraph shares its line with ``<DATELINE>…</DATELINE><BODY>``).
    """
    views = [_norm(getattr(b, "unwrapped", b.text)) for b in doc.blocks]  # 0.1 had no unwrapped
    exact = set(views)
    marked = [v for v in views if v.startswith("<")] if after_markup else []

    def kept(p: str) -> bool:
        p = _norm(p)
        return p in exact or any(v.endswith(">" + p) for v in marked)

    return Share(sum(1 for p in paragraphs if kept(p)), len(paragraphs))


def blank_line_paragraphs(
    text: str, *, min_lines: int = 2, unquoted: bool = False, prose: bool = False
) -> list[str]:
    """Paragraphs separated by blank lines that span at least ``min_lines`` lines.

    ``prose``: only groups whose every line but the last is at least three quarters as
    wide as the group's widest (the shape of a wrapped paragraph, not of a list, a table,
    code or an address).
    """
    out = []
    for chunk in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n")):
        lines = [line.rstrip() for line in chunk.split("\n") if line.strip()]
        if len(lines) < min_lines:
            continue
        if unquoted and any(line.lstrip().startswith((">", "|", ":")) for line in lines):
            continue
        if prose and any(len(line) < 0.75 * max(map(len, lines)) for line in lines[:-1]):
            continue
        out.append(_join(lines))
    return out


# -- 20 Newsgroups ----------------------------------------------------------------------


@attrs.frozen
class UsenetResult:
    files: int
    documents: int
    title: Share
    title_as_cleaned: Share
    author: Share
    signature: Share
    paragraphs: Share
    prose_paragraphs: Share


def _reference_author(value: str) -> str:
    name, address = email.utils.parseaddr(value)
    return " ".join(name.split()) or address


def _cleaned_subject(doc: corpuskit.Document) -> str:
    """The Subject field as the cleaning stage left it (typo corrections included)."""
    m = re.search(r"^Subject:[ \t]*(.*)$", doc.cleaned_text, re.MULTILINE | re.IGNORECASE)
    return _norm(m.group(1)) if m else ""


def _post_body(raw: bytes) -> tuple[email.message.Message, str]:
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    payload = message.get_payload(decode=True)
    body = payload.decode("latin-1") if isinstance(payload, bytes) else str(message.get_payload())
    return message, body


def evaluate_usenet(folder: Path, docs: Iterable[corpuskit.Document] | None = None) -> UsenetResult:
    """The 20 Newsgroups measures on a folder of posts (``docs``: already read, or read here)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    by_path: dict[str, list[corpuskit.Document]] = {}
    for doc in docs if docs is not None else corpuskit.read(str(folder)):
        by_path.setdefault(str(Path(doc.source.path).resolve()), []).append(doc)
    title = title_cleaned = author = sig = with_sig = 0
    kept = prose = Share(0, 0)
    for path in files:
        raw = path.read_bytes()
        message, body = _post_body(raw)
        found = by_path.get(str(path.resolve()), [])
        doc = found[0] if found else None
        subject = " ".join(str(message.get("Subject", "")).split())
        sender = _reference_author(str(message.get("From", "")))
        if doc is not None and subject and _norm(doc.title or "") == subject:
            title += 1
        if doc is not None and subject and _norm(doc.title or "") == _cleaned_subject(doc):
            title_cleaned += 1
        if doc is not None and (doc.authors[:1] == (sender,) if sender else not doc.authors):
            author += 1
        m = list(_SIG_LINE.finditer(body))
        if m and body[m[-1].end() :].strip():
            with_sig += 1
            if doc is not None and any(b.kind == "signature" for d in found for b in d.trailer):
                sig += 1
        if doc is not None:
            head = max((b.end for b in doc.blocks if b.region == "header"), default=0)
            paras = blank_line_paragraphs(doc.cleaned_text[head:], unquoted=True)
            k = paragraphs_kept(doc, paras)
            kept = Share(kept.hits + k.hits, kept.total + k.total)
            paras = blank_line_paragraphs(doc.cleaned_text[head:], min_lines=3, unquoted=True, prose=True)
            k = paragraphs_kept(doc, paras)
            prose = Share(prose.hits + k.hits, prose.total + k.total)
    return UsenetResult(
        files=len(files),
        documents=sum(len(v) for v in by_path.values()),
        title=Share(title, len(files)),
        title_as_cleaned=Share(title_cleaned, len(files)),
        author=Share(author, len(files)),
        signature=Share(sig, with_sig),
        paragraphs=kept,
        prose_paragraphs=prose,
    )


def peer_signatures(folder: Path) -> Share:
    """email-reply-parser (MIT) on the same posts: a fragment flagged as a signature."""
    from email_reply_parser import EmailReplyParser  # type: ignore[import-untyped]

    hits = total = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        _, body = _post_body(path.read_bytes())
        m = list(_SIG_LINE.finditer(body))
        if not (m and body[m[-1].end() :].strip()):
            continue
        total += 1
        message = EmailReplyParser.read(body)
        hits += any(f.signature and f.content.strip() for f in message.fragments)
    return Share(hits, total)


# -- Reuters-21578 ---------------------------------------------------------------------


@attrs.frozen
class ReutersResult:
    stories: int
    signoff: Share
    paragraphs: Share


def reuters_paragraphs(raw_text: str) -> list[str]:
    """The story's paragraphs: ``<BODY>`` lines, a new one at each indented line."""
    m = re.search(r"<BODY>(.*?)(?:&#3;)?</BODY>", raw_text, re.DOTALL)
    if m is None:
        return []
    paras: list[list[str]] = []
    for line in m.group(1).split("\n"):
        if not line.strip() or _WIRE.match(line):
            continue
        if not paras or line[:1].isspace():
            paras.append([])
        paras[-1].append(line)
    return [_join(p) for p in paras if len(p) >= 2]


def evaluate_reuters(docs: Iterable[corpuskit.Document]) -> ReutersResult:
    stories = signed = in_trailer = 0
    kept = Share(0, 0)
    for doc in docs:
        if doc.role != "document":
            continue
        stories += 1
        lines = [line for line in doc.cleaned_text.split("\n") if _WIRE.match(line)]
        if lines:
            signed += 1
            in_trailer += any(b.kind == "signature" and _WIRE.match(b.text) for b in doc.trailer)
        k = paragraphs_kept(doc, reuters_paragraphs(doc.cleaned_text), after_markup=True)
        kept = Share(kept.hits + k.hits, kept.total + k.total)
    return ReutersResult(stories, Share(in_trailer, signed), kept)


# -- Project Gutenberg -----------------------------------------------------------------


@attrs.frozen
class BookResult:
    name: str
    licence_in_trailer: bool
    comments: int
    paragraphs: Share


def evaluate_book(doc: corpuskit.Document) -> BookResult:
    text = doc.cleaned_text
    m = list(_END_OF.finditer(text))
    licence = False
    if m:
        start = m[-1].start()
        licence = all(b.region == "trailer" for b in doc.blocks if b.end > start)
    paras = blank_line_paragraphs(text[: m[-1].start()] if m else text)
    return BookResult(
        name=doc.name,
        licence_in_trailer=licence,
        comments=sum(1 for b in doc.blocks if b.kind == "comment"),
        paragraphs=paragraphs_kept(doc, paras),
    )


def peer_licence(raw: str) -> bool:
    """gutenberg-cleaner (MIT) ``simple_cleaner``: whether the licence text is gone."""
    from gutenberg_cleaner import simple_cleaner  # type: ignore[import-untyped]

    cleaned = simple_cleaner(raw)
    return "Project Gutenberg Literary Archive Foundation" not in cleaned


def books(folder: Path) -> Iterator[Path]:
    """The books of a folder that carry an ``*** END OF`` marker."""
    for path in sorted(folder.glob("*.txt")):
        if _END_OF.search(path.read_text(encoding="utf-8", errors="replace")):
            yield path
