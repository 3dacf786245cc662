"""An RFC 822-style header block at the top of a document: Usenet posts, e-mail, mbox.

Such a block is a run of ``Name: value`` fields (a field continues on the lines indented
under it, as RFC 5322 "folds" long fields), optionally after an mbox ``From `` envelope
line, ended by a blank line or by the end of the text. It is read as a header only when
it holds at least ``MAIL_MIN_KNOWN_FIELDS`` fields that mail and news use (``From``,
``Subject``, ``Newsgroups``, ``Message-ID``…) or that the user mapped: one ``Note:``
line at the top of an article is not a mail header.

Each field is one header-region block: ``Subject`` is the ``title``, ``From`` the
``byline``, ``Date`` the ``date``, every other field ``other``. What a field gives the
document is set by a map from field name (case-insensitive) to a target: ``title``,
``authors``, ``date``, ``dateline``, a metadata key, or ``""`` to ignore the field. The
default (``DEFAULT_FIELDS``) gives title from ``Subject``, authors from ``From``, date from
``Date`` and the metadata ``organization``, ``message_id``, ``newsgroups``, ``keywords``
and ``summary``; users extend or override it with ``Options.header_fields`` (``--header-field
KEY=TARGET``), e.g. ``{"X-Author": "authors", "Lines": "lines"}``.

Authors are the display names of the ``From`` addresses ("tobias@convex.com (Allen
Tobias)" gives "Allen Tobias"), or the address when a field has no name; the whole field
stays in the block. Dates are read with ``email.utils`` (RFC 2822 dates), then with the
stage's own date reader; a field that is no date gives none.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Mapping

import attrs

from corpuskit.structure import thresholds as T
from corpuskit.structure.dates import find_date

__all__ = ["DEFAULT_FIELDS", "MailHeader", "read_mail_header"]

#: Field name (lower case) -> what it gives the document (see the module docstring).
DEFAULT_FIELDS: Mapping[str, str] = {
    "subject": "title",
    "from": "authors",
    "date": "date",
    "organization": "organization",
    "organisation": "organization",
    "message-id": "message_id",
    "newsgroups": "newsgroups",
    "keywords": "keywords",
    "summary": "summary",
}
#: Fields that mail and news headers carry: seeing enough of them makes a header.
_MAIL_FIELDS = frozenset(
    [
        "from", "subject", "date", "newsgroups", "message-id", "to", "cc", "bcc", "path",
        "organization", "organisation", "sender", "reply-to", "references", "lines", "received",
        "return-path", "mime-version", "content-type", "content-transfer-encoding", "nntp-posting-host",
        "in-reply-to", "x-mailer", "xref", "followup-to", "distribution", "summary", "keywords",
        "article-i.d.", "approved", "expires", "user-agent", "x-newsreader", "delivered-to",
    ]
)
_DOCUMENT_FIELDS = ("title", "authors", "date", "dateline")
_KINDS = {"title": "title", "authors": "byline", "date": "date"}
_FIELD = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9._-]*)[ \t]*:(?:[ \t]+|$)(?P<value>.*)")
_ENVELOPE = re.compile(r"From \S+")
_COMMENT = re.compile(r"\(([^()]*)\)")
_NAMES = re.compile(r"\s*(?:;|&|\band\b)\s*")


class _Field:
    """One field while the block is read: its span grows with its continuation lines."""

    __slots__ = ("end", "name", "start", "value")

    def __init__(self, start: int, end: int, name: str, value: str) -> None:
        self.start, self.end, self.name, self.value = start, end, name, value


@attrs.frozen
class MailHeader:
    """A header block found at the top: one span per field, and what the fields say.

    ``end`` is the offset in the text where the header stops (0 when there is none);
    ``spans`` are the fields' ``(start, end)`` offsets, trimmed, in order.
    """

    end: int = 0
    spans: tuple[tuple[int, int], ...] = ()
    kinds: tuple[str, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    dateline: str | None = None
    metadata: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def found(self) -> bool:
        return bool(self.spans)


def _authors(value: str) -> tuple[str, ...]:
    """The display names of a ``From`` value, or its addresses where it gives no name."""
    found: list[str] = []
    if any(c in value for c in "@<>()!"):
        found = [" ".join(name.split()) or address.strip() for name, address in email.utils.getaddresses([value])]
        if not any(any(c.isalnum() for c in who) for who in found):
            comment = _COMMENT.search(value)  # "(Rashid)": a name in a comment, no address
            found = [comment.group(1).strip() if comment else value.strip()]
    else:  # a mapped field of plain names: "Jane Doe and Bob Roe"
        found = [" ".join(x.split()) for x in _NAMES.split(value)]
    names: list[str] = []
    for who in found:
        if any(c.isalnum() for c in who) and who not in names:
            names.append(who)
    return tuple(names)


def _date(value: str, dayfirst: bool) -> str | None:
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    found = find_date(value, dayfirst=dayfirst)
    return None if found is None or found.ambiguous else found.iso


def read_mail_header(
    text: str, fields: Mapping[str, str] | None = None, *, dayfirst: bool = True
) -> MailHeader:
    """The RFC 822-style header block at the top of ``text``, or an empty ``MailHeader``.

    ``fields`` adds to (or overrides) ``DEFAULT_FIELDS``; its keys also count as known.
    """
    mapping = dict(DEFAULT_FIELDS)
    for key, target in (fields or {}).items():
        mapping[key.strip().lower()] = target.strip()
    found: list[_Field] = []
    envelope: tuple[int, int] | None = None
    pos = len(text) - len(text.lstrip())
    pos = text.rfind("\n", 0, pos) + 1  # back to the start of the first non-blank line
    end = pos
    unended = False  # stopped on a line of text rather than a blank line or the end
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl < 0 else nl
        line = text[pos:line_end].rstrip()
        if not line.strip():
            break
        m = _FIELD.fullmatch(line)
        if m is not None and not line[:1].isspace():
            found.append(_Field(pos, pos + len(line), m.group("name"), m.group("value").strip()))
        elif line[:1].isspace():  # a continuation, or one whose field name was lost
            if not found:
                found.append(_Field(pos + len(line) - len(line.lstrip()), pos + len(line), "", ""))
            found[-1].end = pos + len(line)
            found[-1].value = f"{found[-1].value} {line.strip()}".strip()
        elif not found and envelope is None and _ENVELOPE.match(line):
            envelope = (pos, pos + len(line))
        else:
            unended = True
            break
        end = line_end
        pos = line_end + 1
    known = sum(1 for f in found if f.name.lower() in _MAIL_FIELDS or f.name.lower() in mapping)
    if (
        known < T.MAIL_MIN_KNOWN_FIELDS
        or len(found) > T.MAIL_MAX_FIELDS
        or (unended and known < T.MAIL_MIN_KNOWN_FIELDS_UNENDED)
    ):
        return MailHeader()

    spans: list[tuple[int, int]] = []
    kinds: list[str] = []
    values: dict[str, str] = {}
    metadata: dict[str, str] = {}
    if envelope is not None:
        spans.append(envelope)
        kinds.append("other")
    for field in found:
        target = mapping.get(field.name.lower(), "")
        spans.append((field.start, field.end))
        kinds.append(_KINDS.get(target, "other"))
        if not target or not field.value:
            continue
        if target in _DOCUMENT_FIELDS:
            values.setdefault(target, field.value)
        else:
            metadata.setdefault(target, field.value)
    date = _date(values["date"], dayfirst) if "date" in values else None
    return MailHeader(
        end=end,
        spans=tuple(spans),
        kinds=tuple(kinds),
        title=values.get("title"),
        authors=_authors(values["authors"]) if "authors" in values else (),
        date=date,
        dateline=values.get("dateline"),
        metadata=metadata,
    )
