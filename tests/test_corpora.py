"""The issue-14 structure measures on real corpora, when their folders are given.

- ``CORPUSKIT_20NEWS_DIR``: the 20 Newsgroups "bydate" test folder (a fixed sample of it is
  read here; the whole set is measured by ``python benchmarks/corpora``);
- ``CORPUSKIT_REUTERS_DIR``: Reuters-21578's ``reut2-*.sgm`` (the first file is read);
- ``CORPUSKIT_GUTENBERG_DIR``: Project Gutenberg plain-text books.

Each test is skipped when its folder is absent. The measures are those of
``benchmarks/corpora/measures.py``; the figures are in docs/evaluation.md.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from corpora import measures as M

import corpuskit


def folder(name: str) -> Path:
    given = os.environ.get(name)
    if not given or not Path(given).is_dir():
        pytest.skip(f"{name} is not set to a folder")
    return Path(given)


def test_20_newsgroups_titles_authors_and_signatures(tmp_path):
    root = folder("CORPUSKIT_20NEWS_DIR")
    groups = sorted(p for p in root.iterdir() if p.is_dir())
    for group in groups[::5]:  # four groups, the first 100 posts of each
        for post in sorted(p for p in group.iterdir() if p.is_file())[:100]:
            (tmp_path / group.name).mkdir(exist_ok=True)
            shutil.copy(post, tmp_path / group.name / post.name)
    r = M.evaluate_usenet(tmp_path)
    assert r.title.share >= 0.95, r.title
    assert r.author.share >= 0.95, r.author
    assert r.signature.total >= 20 and r.signature.share >= 0.8, r.signature


def test_reuters_signoffs_in_the_trailer_and_paragraphs_kept():
    files = sorted((folder("CORPUSKIT_REUTERS_DIR")).glob("reut2-*.sgm"))[:1]
    if not files:
        pytest.skip("no reut2-*.sgm file")
    r = M.evaluate_reuters(corpuskit.read(str(files[0]), delimiter=M.REUTERS_DELIMITER))
    assert r.stories >= 900
    assert r.signoff.share >= 0.99, r.signoff
    assert r.paragraphs.share >= 0.9, r.paragraphs


def test_gutenberg_licence_in_the_trailer_no_comments_paragraphs_kept():
    books = list(M.books(folder("CORPUSKIT_GUTENBERG_DIR")))
    if not books:
        pytest.skip("no book with an *** END OF marker")
    for path in books:
        doc = next(d for d in corpuskit.read(str(path)) if d.role == "document")
        b = M.evaluate_book(doc)
        assert b.licence_in_trailer, b.name
        assert b.comments == 0, b.name
        assert b.paragraphs.share >= 0.85, (b.name, b.paragraphs)  # Frankenstein: 0.89, wrapped unevenly
        assert doc.title and "Project Gutenberg" not in doc.title, b.name
