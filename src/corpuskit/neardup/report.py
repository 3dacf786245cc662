"""Clusters as people and scripts read them: for ``inspect``, ``dedup --clusters`` and logs."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from corpuskit.atomic import atomic_file
from corpuskit.model import Document
from corpuskit.neardup.index import Cluster, Deduplicator, dedup
from corpuskit.neardup.params import DedupParams

__all__ = ["cluster_dicts", "cluster_lines", "summary_line", "write_clusters", "write_deduplicated"]


def cluster_dicts(clusters: Iterable[Cluster]) -> list[dict[str, Any]]:
    """Plain JSON: each cluster with its first document and every copy."""
    return [
        {
            "cluster": c.position,
            "first": c.first,
            "first_path": c.first_path,
            "size": c.size,
            "copies": [
                {"id": m.id, "path": m.path, "match": m.match, "match_path": m.match_path,
                 "jaccard": m.jaccard, "exact": m.exact}
                for m in c.copies
            ],
        }
        for c in clusters
    ]


def cluster_lines(clusters: Sequence[Cluster]) -> Iterator[str]:
    """One line per cluster, then one indented line per copy (for ``inspect``)."""
    copies = sum(len(c.copies) for c in clusters)
    exact = sum(m.exact for c in clusters for m in c.copies)
    yield f"duplicate clusters: {len(clusters)} ({copies} copies, {exact} exact)"
    for c in clusters:
        yield f"  cluster {c.position}: {c.size} documents, first {c.first} ({c.first_path})"
        for m in c.copies:
            how = "exact" if m.exact else f"jaccard {m.jaccard:.2f}"
            yield f"    {m.id} ({m.path}) ~ {m.match}: {how}"


def summary_line(index: Deduplicator) -> str:
    clusters = index.clusters()
    copies = sum(len(c.copies) for c in clusters)
    exact = sum(m.exact for c in clusters for m in c.copies)
    return (f"{index.seen} document(s): {copies} cop{'y' if copies == 1 else 'ies'} ({exact} exact) "
            f"in {len(clusters)} cluster(s)")


def write_clusters(clusters: Iterable[Cluster], path: str | os.PathLike[str]) -> None:
    """The clusters as one JSON document, written atomically."""
    with atomic_file(path) as fh:
        fh.write(json.dumps(cluster_dicts(clusters), ensure_ascii=False, indent=1).encode("utf-8", "backslashreplace"))
        fh.write(b"\n")


def write_deduplicated(
    documents: Iterable[Document],
    write: Any,
    *,
    params: DedupParams | None = None,
    drop: bool = False,
) -> Deduplicator:
    """Run ``write(documents)`` (an exporter's write) on the marked stream; the index after."""
    index = Deduplicator(params)
    write(dedup(documents, index=index, drop=drop))
    return index
