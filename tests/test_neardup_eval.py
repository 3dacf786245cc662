"""Near-duplicates on real news: the BBC set's own repeats, and a built set of known copies.

Needs ``$CORPUSKIT_BBC_DIR`` (see tests/neardup_eval.py); skipped without it. The peer,
datasketch's MinHashLSH with the same shingles, permutations and bands and no
verification of candidates (how text-dedup clusters), runs on the same documents.
Figures are printed (``-s``) and written up in docs/dedup.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpuskit
from corpuskit.neardup import Deduplicator, DedupParams
from corpuskit.neardup.shingles import shingles, words
from neardup_eval import FOLDERS, banner_corpus, bbc_dir, build_set, cluster_pairs, precision_recall

ROOT = bbc_dir()
pytestmark = pytest.mark.skipif(ROOT is None, reason="set CORPUSKIT_BBC_DIR to the BBC full-text folder")


def datasketch_pairs(docs: list[corpuskit.Document], params: DedupParams) -> set[frozenset[str]]:
    """text-dedup style: every LSH candidate pair is a duplicate pair (no verification)."""
    datasketch = pytest.importorskip("datasketch")
    lsh = datasketch.MinHashLSH(num_perm=params.num_perm, params=(params.bands, params.rows))
    pairs: set[frozenset[str]] = set()
    for i, d in enumerate(docs):
        tokens = words(d.text)
        if len(tokens) < params.min_words:
            continue
        m = datasketch.MinHash(num_perm=params.num_perm, seed=params.seed)
        m.update_batch([s.encode("utf-8") for s in sorted(shingles(tokens, params.shingle_words))])
        pairs |= {frozenset((docs[j].id, d.id)) for j in lsh.query(m)}
        lsh.insert(i, m)
    return pairs


@pytest.fixture(scope="module")
def bbc() -> list[corpuskit.Document]:
    assert ROOT is not None
    return list(corpuskit.read(*(ROOT / f for f in FOLDERS), jobs=2))


def test_bbc_repeats_are_found(bbc: list[corpuskit.Document]) -> None:
    index = Deduplicator()
    marked = [d for d in corpuskit.dedup(bbc, index=index) if d.duplicates is not None]
    exact = [d for d in marked if d.duplicates is not None and d.duplicates.exact]
    near = [d for d in marked if d.duplicates is not None and not d.duplicates.exact]
    print(f"\nBBC: {len(bbc)} articles, {len(marked)} repeats ({len(exact)} exact, {len(near)} near) "
          f"in {len(index.clusters())} clusters")
    for d in near:
        assert d.duplicates is not None
        here = Path(d.source.path)
        there = Path(d.duplicates.match_path)
        print(f"  {here.parent.name}/{here.name} ~ {there.parent.name}/{there.name}: {d.duplicates.jaccard:.2f} "
              f"{d.title!r}")
    assert len(bbc) == 2225
    assert len(exact) >= 100 and len(near) >= 5
    assert all(Path(d.source.path).parent.name == Path(d.duplicates.match_path).parent.name  # type: ignore[union-attr]
               for d in marked)  # a repeat stays in its topic folder


def test_known_copies_precision_and_recall(tmp_path: Path) -> None:
    assert ROOT is not None
    entries, truth, used = build_set(ROOT)
    (tmp_path / "known.txt").write_bytes(banner_corpus(entries))
    docs = list(corpuskit.read(tmp_path / "known.txt", jobs=2))
    params = DedupParams()
    index = Deduplicator(params)
    for _ in corpuskit.dedup(docs, index=index):
        pass
    p, r = precision_recall(cluster_pairs([c.ids for c in index.clusters()]), truth)
    peer_p, peer_r = precision_recall(datasketch_pairs(docs, params), truth)
    print(f"\nknown copies: {len(docs)} documents, {len(truth)} true pairs, transforms {dict(used)}")
    print(f"  corpuskit (threshold {params.threshold}): precision {p:.3f} recall {r:.3f}")
    print(f"  datasketch LSH, candidates as pairs: precision {peer_p:.3f} recall {peer_r:.3f}")
    assert p >= 0.98 and r >= 0.95
