"""``python benchmarks/corpora``: the issue-14 structure measures on corpora beyond news pages.

Data folders (each optional; a missing one is skipped):

- ``$CORPUSKIT_20NEWS_DIR``: the 20 Newsgroups "bydate" test folder (20 group folders);
- ``$CORPUSKIT_REUTERS_DIR``: Reuters-21578's ``reut2-*.sgm`` files;
- ``$CORPUSKIT_GUTENBERG_DIR``: Project Gutenberg plain-text books (``*.txt``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpuskit
from corpora import measures as M


def main() -> int:
    ap = argparse.ArgumentParser(prog="python benchmarks/corpora", description=__doc__)
    ap.add_argument("--no-peers", action="store_true", help="corpuskit only")
    args = ap.parse_args()

    news = os.environ.get("CORPUSKIT_20NEWS_DIR")
    if news and Path(news).is_dir():
        t = time.perf_counter()
        r = M.evaluate_usenet(Path(news))
        print(f"20 Newsgroups {news}: {r.files} files -> {r.documents} documents ({time.perf_counter() - t:.0f} s)")
        print(f"  title = Subject      {r.title}")
        print(f"    ... as cleaned     {r.title_as_cleaned}")
        print(f"  author = From        {r.author}")
        print(f"  signature after --   {r.signature}")
        print(f"  paragraphs kept      {r.paragraphs}")
        print(f"    ... prose-shaped   {r.prose_paragraphs}")
        if not args.no_peers:
            print(f"  peer email-reply-parser signature  {M.peer_signatures(Path(news))}")

    reuters = os.environ.get("CORPUSKIT_REUTERS_DIR")
    if reuters and Path(reuters).is_dir():
        files = sorted(str(p) for p in Path(reuters).glob("reut2-*.sgm"))
        rr = M.evaluate_reuters(corpuskit.read(*files, delimiter=M.REUTERS_DELIMITER))
        print(f"Reuters-21578 {len(files)} file(s): {rr.stories} stories")
        print(f"  sign-off in trailer  {rr.signoff}")
        print(f"  paragraphs kept      {rr.paragraphs}")

    gutenberg = os.environ.get("CORPUSKIT_GUTENBERG_DIR")
    if gutenberg and Path(gutenberg).is_dir():
        print(f"Project Gutenberg {gutenberg}")
        for path in M.books(Path(gutenberg)):
            doc = next(d for d in corpuskit.read(str(path)) if d.role == "document")
            b = M.evaluate_book(doc)
            peer = ""
            if not args.no_peers:
                peer = f"  peer gutenberg-cleaner licence removed: {M.peer_licence(doc.raw_text)}"
            print(f"  {b.name:18} licence in trailer {b.licence_in_trailer!s:5}  comments {b.comments:3}  "
                  f"paragraphs kept {b.paragraphs}{peer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
