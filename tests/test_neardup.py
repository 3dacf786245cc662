"""Near-duplicate detection on real text: WikiText articles and the seed corpus, copied.

The articles are real prose (tests/data/structure_eval_wikitext.txt, CC BY-SA 3.0, and
the five seed articles); copies are made as they reach a corpus: a paragraph dropped,
two swapped, typos, junk glued on. The BBC evaluation is in test_neardup_eval.py.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit import DedupParams, Document, DuplicateInfo
from corpuskit.neardup import Deduplicator, MissingExtra
from corpuskit.testing import make_document
from structure_eval import articles

pytest.importorskip("rensa", reason="the dedup extra (rensa) is not installed")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "sample_corpus.txt"


def wiki_paragraphs() -> list[str]:
    return [p for _, blocks in articles() for p in blocks if len(p.split()) > 25]


def originals() -> list[list[str]]:
    """Distinct real articles: windows of four WikiText paragraphs that do not overlap."""
    paras = wiki_paragraphs()
    return [paras[i : i + 4] for i in range(0, len(paras) - 3, 4)]


def typos(text: str, rng: random.Random) -> str:
    words = text.split()
    for i in rng.sample(range(len(words)), max(1, len(words) // 40)):
        w = words[i]
        if len(w) > 3:
            words[i] = w[0] + w[2] + w[1] + w[3:]
    return " ".join(words)


def doc(i: int, paras: list[str], title: str = "A title") -> Document:
    return make_document(paras, doc_id=f"{i:03d}_{i:016x}", title=title)


def test_copies_join_the_cluster_of_their_original() -> None:
    rng = random.Random(3)
    base = originals()
    assert len(base) >= 4
    a, b = base[0], base[1]
    near = [a[0], typos(a[1], rng), a[3], a[2], "Share this article on Facebook and Twitter"]  # swapped, junk
    dropped = [b[0], b[1], b[3]]  # one paragraph of four dropped, other headline
    docs = [doc(0, a), doc(1, b), doc(2, base[2]), doc(3, near, "UPDATE: new headline"), doc(4, dropped),
            doc(5, a), doc(6, base[3])]
    index = Deduplicator()
    out = list(corpuskit.dedup(docs, index=index))
    marks = {d.id[:3]: d.duplicates for d in out}
    assert [k for k, v in marks.items() if v is not None] == ["003", "004", "005"]
    assert marks["003"] is not None and marks["003"].first == "000_0000000000000000" and not marks["003"].exact
    assert 0.5 <= marks["003"].jaccard < 1.0
    assert marks["004"] is not None and marks["004"].cluster == 1 and marks["004"].match_path == "corpus.txt"
    assert marks["005"] is not None and marks["005"].exact and marks["005"].jaccard == 1.0
    assert [(c.position, c.ids) for c in index.clusters()] == [
        (0, ("000_0000000000000000", "003_0000000000000003", "005_0000000000000005")),
        (1, ("001_0000000000000001", "004_0000000000000004")),
    ]


def test_distinct_articles_and_short_bodies_are_left_alone() -> None:
    seeds = list(corpuskit.read(SAMPLE))
    docs = seeds + [doc(i + 10, p) for i, p in enumerate(originals())]
    assert all(d.duplicates is None for d in corpuskit.dedup(docs))
    short = [doc(0, ["Photo: Reuters"]), doc(1, ["Photo: Reuters"])]
    assert all(d.duplicates is None for d in corpuskit.dedup(short))  # below MIN_WORDS


def test_trailer_and_header_do_not_matter() -> None:
    body = originals()[0]
    one = make_document(body, doc_id="a", title="First headline", trailer=(("comment", "Great read!"),))
    two = make_document(body, doc_id="b", title="Other headline", authors=("Ann Lee",))
    marked = list(corpuskit.dedup([one, two]))[1]
    assert marked.duplicates == DuplicateInfo(0, "a", "corpus.txt", "a", "corpus.txt", 1.0, exact=True)


def test_drop_leaves_the_copies_out() -> None:
    a, b = originals()[:2]
    kept = [d.id for d in corpuskit.dedup([doc(0, a), doc(1, b), doc(2, a)], drop=True)]
    assert kept == ["000_0000000000000000", "001_0000000000000001"]


def test_the_field_round_trips_and_validates() -> None:
    a = originals()[0]
    marked = list(corpuskit.dedup([doc(0, a), doc(1, a)]))[1]
    data = marked.to_dict()
    jsonschema.validate(data, corpuskit.load_schema())
    assert data["duplicates"]["first"] == "000_0000000000000000"
    assert Document.from_dict(json.loads(json.dumps(data))) == marked
    assert "duplicates" not in doc(0, a).to_dict()  # additive: absent unless marked


def test_params_are_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        DedupParams(threshold=0)
    with pytest.raises(ValueError, match="multiple"):
        DedupParams(num_perm=100, bands=32)
    assert DedupParams().rows == 4


texts = st.lists(st.sampled_from(wiki_paragraphs()), min_size=1, max_size=3)


@settings(max_examples=25, deadline=None)
@given(st.lists(texts, min_size=1, max_size=12))
def test_same_input_same_clusters_and_copies_point_back(bodies: list[list[str]]) -> None:
    docs = [doc(i, b) for i, b in enumerate(bodies)]
    first = list(corpuskit.dedup(docs))
    assert first == list(corpuskit.dedup(docs))
    for pos, d in enumerate(first):
        if d.duplicates is not None:
            assert d.duplicates.cluster < pos
            assert first[d.duplicates.cluster].duplicates is None  # a cluster's first is no copy
            assert first[d.duplicates.cluster].id == d.duplicates.first
            if d.text == docs[d.duplicates.cluster].text:
                assert d.duplicates.jaccard == 1.0


def corpus_with_copies(path: Path) -> Path:
    rng = random.Random(9)
    base = originals()
    records = []
    for i in range(60):
        paras = list(rng.choice(base))
        if i % 3:
            paras.pop(rng.randrange(len(paras)))
            paras = [typos(p, rng) for p in paras]
        records.append(f"=== {i:03d}_{i:016x}.txt ===\nHeadline {i}\n\n" + "\n\n".join(paras) + "\n")
    path.write_text("".join(records), encoding="utf-8")
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "corpuskit", *args], capture_output=True, text=True, check=False)


def test_cli_same_clusters_with_two_jobs(tmp_path: Path) -> None:
    corpus = corpus_with_copies(tmp_path / "c.txt")
    outs = []
    for jobs in ("1", "2"):
        out, clusters = tmp_path / f"out{jobs}.jsonl", tmp_path / f"clusters{jobs}.json"
        done = run_cli("dedup", str(corpus), "-o", str(out), "--clusters", str(clusters), "--jobs", jobs)
        assert done.returncode == 0, done.stderr
        outs.append((out.read_bytes(), clusters.read_bytes(), done.stderr))
    assert outs[0] == outs[1]
    found = json.loads(outs[0][1])
    assert 0 < len(found) <= len(originals()) and sum(c["size"] for c in found) > 40
    assert "60 document(s): " in outs[0][2]
    dropped = run_cli("dedup", str(corpus), "-o", str(tmp_path / "kept.jsonl"), "--drop")
    kept = (tmp_path / "kept.jsonl").read_text(encoding="utf-8").count("\n")
    assert dropped.returncode == 0 and kept == 60 - sum(len(c["copies"]) for c in found)


def test_inspect_lists_the_clusters(tmp_path: Path) -> None:
    corpus = corpus_with_copies(tmp_path / "c.txt")
    done = run_cli("inspect", "--duplicates", str(corpus))
    assert done.returncode == 0, done.stderr
    assert "duplicate clusters: " in done.stdout and " ~ 000_0000000000000000: " in done.stdout
    report = json.loads(run_cli("inspect", "--duplicates", "--json", str(corpus)).stdout)
    assert report["duplicates"][0]["first"] == "000_0000000000000000"


def test_cli_refuses_a_bad_threshold(tmp_path: Path) -> None:
    done = run_cli("dedup", str(SAMPLE), "-o", str(tmp_path / "x.jsonl"), "--threshold", "1.5")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "threshold" in done.stderr
    assert not (tmp_path / "x.jsonl").exists()


def test_core_imports_without_the_extra_and_dedup_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    code = "import sys; sys.modules['rensa'] = None; import corpuskit, corpuskit.neardup; print('ok')"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout == "ok\n"
    monkeypatch.setitem(sys.modules, "rensa", None)
    with pytest.raises(MissingExtra, match=r"pip install 'corpuskit\[dedup\]'"):
        list(corpuskit.dedup([doc(0, originals()[0])]))


def test_evolve_keeps_everything_else() -> None:
    a = originals()[0]
    original, copy = doc(0, a), doc(1, a)
    marked = list(corpuskit.dedup([original, copy]))[1]
    assert attrs.evolve(marked, duplicates=None) == copy
