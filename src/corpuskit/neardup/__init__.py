"""Near-duplicate articles: syndicated copies, reposts and re-scrapes of one story.

``corpuskit.dedup(documents)`` streams documents and marks each copy of an earlier one
with a :class:`corpuskit.DuplicateInfo` (cluster, the cluster's first document, the
match and the estimated Jaccard similarity). The comparison is MinHash with LSH over
the body's word shingles (:mod:`corpuskit.neardup.shingles`), every number in
:mod:`corpuskit.neardup.params`. Needs the ``dedup`` extra (rensa); importing this
package does not.
"""

from __future__ import annotations

from corpuskit.neardup.index import Cluster, Deduplicator, Member, MissingExtra, dedup
from corpuskit.neardup.params import DedupParams

__all__ = ["Cluster", "DedupParams", "Deduplicator", "Member", "MissingExtra", "dedup"]
