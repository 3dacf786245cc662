"""``python -m quality [--data DIR] [--no-peers]``: the evaluation table, printed."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quality import aeb, dragnet, header, peers
from quality.data import data_dir


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m quality", description=__doc__)
    ap.add_argument("--data", help="evaluation data folder (default: $CORPUSKIT_EVAL_DATA or ../shared/data)")
    ap.add_argument("--no-peers", action="store_true", help="corpuskit only")
    args = ap.parse_args()
    root = data_dir(args.data)
    if not root.is_dir():
        print(f"no evaluation data at {root}", file=sys.stderr)
        return 2

    d_pages = dragnet.load(root / "dragnet-train")
    print(f"dragnet-train: {len(d_pages)} pages, {sum(bool(p.comments) for p in d_pages)} with comments")
    runs = [("corpuskit", lambda: dragnet.evaluate_corpuskit(d_pages))]
    if not args.no_peers:
        runs += [
            ("keep-everything", lambda: dragnet.evaluate_text(d_pages, peers.keep_everything_junk)),
            ("jusText", lambda: dragnet.evaluate_text(d_pages, peers.justext_junk)),
        ]
    print(f"  {'':16} {'P':>6} {'R':>6} {'loss':>6} {'clean+T':>8} {'clean%':>7} {'s':>6}")
    for name, run in runs:
        t = time.perf_counter()
        r = run()
        print(
            f"  {name:16} {r.precision:6.3f} {r.recall:6.3f} {r.body_loss:6.3f} "
            f"{r.clean_pages_with_junk:8.3f} {r.clean_chars_taken:7.3f} {time.perf_counter() - t:6.1f}"
        )

    a_pages = aeb.load(root / "aeb-dev" / "pages.jsonl")
    print(f"aeb-dev: {len(a_pages)} pages")
    aruns = [("corpuskit", lambda: aeb.evaluate_corpuskit(a_pages))]
    if not args.no_peers:
        aruns += [
            ("keep-everything", lambda: aeb.evaluate_text(a_pages, peers.keep_everything_body)),
            ("jusText", lambda: aeb.evaluate_text(a_pages, peers.justext_body)),
        ]
    print(f"  {'':16} {'F1tok':>6} {'Ptok':>6} {'Rtok':>6} {'F1sh4':>6} {'loss':>6} {'before':>7} {'after':>6}")
    for name, run in aruns:
        r = run()
        print(
            f"  {name:16} {r.tokens.f1:6.3f} {r.tokens.precision:6.3f} {r.tokens.recall:6.3f} "
            f"{r.shingles.f1:6.3f} {r.body_loss:6.3f} {r.before_removed:7.3f} {r.after_removed:6.3f}"
        )
    acc = header.evaluate(a_pages)
    print("aeb-dev headers (correct / pages with a gold):", end="")
    for name, (ok, n) in (("title exact", acc.title), ("author", acc.author), ("date", acc.date)):
        print(f"  {name} {ok}/{n} ({ok / n if n else 0:.2f})", end="")
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
