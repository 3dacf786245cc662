"""Unique ids within one file, in memory bounded whatever the number of records.

The reader must give every record of a file its own id (``a``, ``a~2``, ``a~3``), and
spot a name used twice, without keeping every name: a dict of the names of a 10-million
record file costs over a gigabyte. :class:`NameTracker` keeps a 64-bit fingerprint per id
(BLAKE2b, the same on every run) in an open-addressing table of at most
:data:`NameTracker.MAX_BYTES` (8 MiB: about 786,000 ids at the table's highest load).

The documented bound: past that many distinct ids in one file, new ids are still checked
against the ones tracked but no longer added, so a name first used beyond that point and
repeated later is not recognised as a duplicate (``record.names_untracked`` says when
that starts). Two different ids share a fingerprint with probability below 2**-40 for a
full table; such a pair would be taken for a duplicate and renamed.
"""

from __future__ import annotations

import hashlib
from array import array
from collections import OrderedDict

__all__ = ["NameTracker"]

_INITIAL_SLOTS = 1 << 10
_MAX_SLOTS = 1 << 20
_MAX_LOAD = 0.75
_SUFFIXES = 4096  # ids whose last ~k suffix is remembered, so k is not searched from 2 each time


def _fingerprint(doc_id: str) -> int:
    digest = hashlib.blake2b(doc_id.encode("utf-8", "surrogateescape"), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1  # 0 marks an empty slot


class NameTracker:
    """The ids given so far in one file, as fingerprints in a table that stops growing."""

    MAX_BYTES = _MAX_SLOTS * 8

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * _INITIAL_SLOTS))
        self._count = 0
        self._suffix: OrderedDict[str, int] = OrderedDict()
        #: True once the table is full: later ids are checked but not added
        self.full = False

    def footprint(self) -> int:
        """Bytes held by the table and the suffix cache (an estimate of the cache)."""
        return self._slots.itemsize * len(self._slots) + 100 * len(self._suffix)

    def _find(self, fp: int) -> tuple[bool, int]:
        slots = self._slots
        mask = len(slots) - 1
        i = fp & mask
        while True:
            value = slots[i]
            if value == fp:
                return True, i
            if value == 0:
                return False, i
            i = (i + 1) & mask

    def _add(self, fp: int, at: int) -> None:
        if self.full:
            return
        self._slots[at] = fp
        self._count += 1
        if self._count > _MAX_LOAD * len(self._slots):
            if len(self._slots) >= _MAX_SLOTS:
                self.full = True
            else:
                self._grow()

    def _grow(self) -> None:
        old = self._slots
        self._slots = array("Q", bytes(8 * 2 * len(old)))
        for fp in old:
            if fp:
                self._slots[self._find(fp)[1]] = fp

    def _seen_or_add(self, doc_id: str) -> bool:
        fp = _fingerprint(doc_id)
        seen, at = self._find(fp)
        if not seen:
            self._add(fp, at)
        return seen

    def unique(self, doc_id: str) -> str | None:
        """Record ``doc_id``; None if it is new, else the unused ``doc_id~k`` it becomes."""
        if not self._seen_or_add(doc_id):
            return None
        k = self._suffix.pop(doc_id, 1)
        while True:
            k += 1
            candidate = f"{doc_id}~{k}"
            if not self._seen_or_add(candidate):
                break
        self._suffix[doc_id] = k
        if len(self._suffix) > _SUFFIXES:
            self._suffix.popitem(last=False)
        return candidate
