"""Shared fixtures: the sample corpus (the five seed articles, exact bytes) and helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "sample_corpus.txt"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"  # beside the checkout in CI and development


def sample_seeds() -> dict[str, bytes]:
    """The seed articles by file name, cut out of the sample corpus by its banner lines."""
    data = SAMPLE.read_bytes()
    parts = re.split(rb"(?m)^=== (\S+) ===\n", data)
    out = {}
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        out[parts[i].decode()] = body[:-1] if body.endswith(b"\n") else body
    return out


@pytest.fixture(scope="session")
def seeds() -> dict[str, bytes]:
    return sample_seeds()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


# -- a Usenet look-alike: per-document posts whose lines look like delimiters ------------

_POST_HEAD = "From: {who}\nSubject: {subject}\nOrganization: Example University\nLines: 12\n\n"
NEWSGROUPS_POSTS: dict[str, bytes] = {
    # a signature framed like a dashes delimiter, with an e-mail address for its "name"
    "rec.sport.baseball/104880": (_POST_HEAD.format(who="kr@example.edu (K. R.)", subject="Re: Opening day")
                                  + "I was there.\n\n----- kr@example.edu -----\n").encode(),
    # a signature framed like a banner, rulers around it
    "talk.politics.misc/179062": (_POST_HEAD.format(who="pc@example.org", subject="Re: Taxes")
                                  + "No.\n" + "=" * 30 + "\n===== pc@example.org =====\n" + "=" * 30 + "\n").encode(),
    # a context diff: hunk lines that agree with each other but name no document
    "comp.windows.x/67413": (_POST_HEAD.format(who="dev@example.com", subject="Patch for xv")
                             + "*** 209,218 ****\n  a\n--- 209,218 ----\n  b\n*** 225,236 ****\n  c\n"
                             "--- 225,236 ----\n  d\n--- 257,269 ----\n  e\n").encode(),
    # a transcript with page breaks
    "talk.politics.misc/179034": (_POST_HEAD.format(who="pr@example.gov", subject="Briefing")
                                  + "Q  Can we take it live?\n\f\nMS. M:  No.\n\f\n"
                                  "Q  Why not?\n\f\nMS. M:  Later.\n").encode(),
    # "--- end ---" twice, same frame, a word for a name
    "sci.med/59044": (_POST_HEAD.format(who="ls@example.net", subject="Re: Candida")
                      + "Quoted:\n--- end ---\nMore quoted:\n--- end ---\nMy answer.\n").encode(),
    # rulers with numbers for names
    "rec.autos/102812": (_POST_HEAD.format(who="kp@example.edu", subject="Insurance SUMMARY")
                         + "".join(f"{'=' * 40} {n}\nreply {n}\n" for n in (45, 38, 61))).encode(),
    # the same file names in two groups
    "rec.motorcycles/104974": (_POST_HEAD.format(who="cb@example.com", subject="Re: Cobra Locks")
                               + "Use a chain.\n").encode(),
    "rec.sport.baseball/104974": (_POST_HEAD.format(who="jd@example.com", subject="Re: Box scores")
                                  + "See the paper.\n").encode(),
    # legacy bytes: Latin-1 and MacRoman posts
    "sci.space/61400": (_POST_HEAD.format(who="ab@example.se", subject="Launch from Kiruna")
                        + "Greetings from Ume\xe5 and G\xf6teborg, the caf\xe9 is open.\n").encode("latin-1"),
    "comp.sys.mac.hardware/51700": (_POST_HEAD.format(who="mac@example.com", subject="SCSI")
                                    + "It doesn\u2019t boot, and I\u2019ve tried.\n").encode("mac-roman"),
}


@pytest.fixture
def newsgroups_tree(tmp_path: Path) -> Path:
    """A folder laid out like the 20 Newsgroups test set: group folders of one post per file."""
    root = tmp_path / "20news-lookalike"
    for rel, data in NEWSGROUPS_POSTS.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root
