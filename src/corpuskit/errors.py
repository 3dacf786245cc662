"""One exception hierarchy, each error naming the file and byte offset it concerns.

The command line prints ``str(error)`` as its one-line message, so every error's text
starts with where the problem is: ``dump.txt.gz: offset 1048576: truncated gzip stream``.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Literal

__all__ = [
    "CorpuskitError",
    "DialectError",
    "DocumentError",
    "ErrorCollector",
    "ExportError",
    "InputError",
    "InputSkipped",
    "OptionError",
    "PluginError",
    "ReadErrors",
    "printable",
]

# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings, overrides and
# isolates, and lone surrogates (undecodable bytes of a file name): none may reach a
# terminal raw, where they forge lines, recolour it or reorder what it shows
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, bidi and surrogate character written as an escape.

    Every message corpuskit prints goes through this, so a file or member name holding
    a newline or an ESC sequence shows as ``a\\nb\\x1b[31m``, one line that cannot forge
    another or recolour the terminal.
    """
    return _UNPRINTABLE.sub(_escape, text)



class CorpuskitError(Exception):
    """Base of every error corpuskit raises on purpose.

    ``severity`` is ``"error"`` (the input failed: exit status 1) or ``"warning"`` (an
    input passed over on purpose, such as a FIFO inside a folder: reported, not failed).
    """

    severity: Literal["error", "warning"] = "error"

    def __init__(self, message: str, *, path: str | None = None, offset: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.offset = offset

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.offset is not None:
            where.append(f"offset {self.offset}")
        return printable(": ".join([*where, self.message]))


class InputError(CorpuskitError):
    """An input could not be read (missing, unreadable, binary, corrupt or truncated)."""


class InputSkipped(InputError):
    """An input passed over on purpose (a FIFO or device inside a directory): a warning."""

    severity: Literal["error", "warning"] = "warning"


class DialectError(CorpuskitError):
    """An unknown dialect name or an unusable ``--delimiter`` regex."""


class OptionError(CorpuskitError, ValueError):
    """An option that does not exist or has a value of the wrong kind (also a ``ValueError``)."""


class DocumentError(CorpuskitError, ValueError):
    """``Document.from_dict`` was given something that is not a valid ``corpuskit/document@1``."""


class ExportError(CorpuskitError):
    """An exporter could not write its output."""


class PluginError(CorpuskitError):
    """An exporter plugin that cannot be loaded or does not follow the contract."""


class ReadErrors(CorpuskitError):
    """Raised by :func:`corpuskit.read` after every readable input was read.

    ``errors`` holds one :class:`CorpuskitError` per input that failed, so one bad file
    never hides the documents of the good ones.
    """

    def __init__(self, errors: list[CorpuskitError]) -> None:
        lines = "; ".join(str(e) for e in errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        super().__init__(f"{len(errors)} input(s) failed: {lines}{more}")
        self.errors = errors


class ErrorCollector:
    """The ``on_error`` of ``read()``/``shard()``: forwards to the user's handler, or keeps.

    Without a user handler, errors are kept for one :class:`ReadErrors` at the end and
    warnings (``severity == "warning"``) become a Python ``RuntimeWarning``. ``failed``
    counts the errors either way, so a caller knows whether the run was complete.
    """

    def __init__(self, forward: Callable[[CorpuskitError], None] | None = None) -> None:
        self.forward = forward
        self.errors: list[CorpuskitError] = []
        self.failed = 0

    def __call__(self, error: CorpuskitError) -> None:
        if error.severity == "error":
            self.failed += 1
        if self.forward is not None:
            self.forward(error)
        elif error.severity == "warning":
            warnings.warn(f"corpuskit: {error}", RuntimeWarning, stacklevel=2)
        else:
            self.errors.append(error)

    def raise_errors(self) -> None:
        if self.errors:
            raise ReadErrors(self.errors)
