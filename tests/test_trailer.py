"""Trailer detection: unit cases and the character-level evaluation on public text.

The evaluation set is described in ``tests/structure_eval.py`` (WikiText-2 articles,
CC BY-SA 3.0; YouTube Spam Collection comments, CC BY 4.0; credits in docs/credits.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import corpuskit
from corpuskit.options import Options
from corpuskit.structure import analyse
from corpuskit.structure.trailer import find_trailer, score_block

_spec = importlib.util.spec_from_file_location("structure_eval", Path(__file__).with_name("structure_eval.py"))
assert _spec is not None and _spec.loader is not None
E = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(E)

PROSE = (
    "The ministry said on Tuesday that the talks would resume next week, and that both "
    "sides had agreed to keep the ceasefire in place until then."
)


def _seed_bodies() -> list[str]:
    out = []
    for d in corpuskit.read("examples/data/sample_corpus.txt"):
        text = d.cleaned_text
        if d.trailer:
            text = text[: d.trailer[0].start].rstrip()
        out.append(text)
    return out


def test_widget_praise_and_spam_lines_are_junk_prose_is_not():
    assert score_block("admin in: How the war ended?").kind == "comment"
    assert score_block("https://cheap-pills.example.com/buy/ in: Some post").kind == "spam"
    assert score_block("Great post, thanks for sharing ...").value >= 2
    assert score_block(PROSE).value < 0


def test_bio_by_byline_author_with_accents_folded():
    assert score_block("Jean Périer is an independent thinker.", ["Jean Perier"]).kind == "bio"
    assert score_block("Jean Périer is an independent thinker.").kind != "bio"
    assert score_block("Jean Périer is an independent researcher.").kind == "bio"


def test_trailer_never_empties_the_article():
    texts = ["admin in: A post", "Great article ...", "https://spam.example.com in: B"]
    assert find_trailer(texts, 0).start >= 1
    assert find_trailer(["Short body.", "Comments", "Nice post!"], 0).start == 3  # body too short


def test_evaluation_precision_recall_and_clean_rate():
    clean = E.clean_documents(_seed_bodies())
    assert len(clean) >= 150
    flagged = sum(any(b.region == "trailer" for b in analyse(doc, Options()).blocks) for doc in clean)
    assert flagged / len(clean) <= 0.01

    tp = fp = fn = 0
    for text, junk_start in E.junk_documents(clean):
        for b in analyse(text, Options()).blocks:
            pred, gold = b.region == "trailer", b.start >= junk_start
            tp += len(b.text) * (pred and gold)
            fp += len(b.text) * (pred and not gold)
            fn += len(b.text) * (gold and not pred)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.97, precision
    assert recall >= 0.90, recall
