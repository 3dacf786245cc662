"""Run every atheris target in turn for a share of ``--seconds``; report inputs tried."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=600, help="total time across targets")
    ap.add_argument("--targets", nargs="*", default=["reader", "decode", "cleaning", "structure"])
    args = ap.parse_args()
    share = max(1, args.seconds // len(args.targets))
    failed = False
    for name in args.targets:
        corpus = HERE / "corpus" / name
        corpus.mkdir(parents=True, exist_ok=True)
        proc = subprocess.run(
            [sys.executable, str(HERE / "fuzz_targets.py"), name, str(corpus), f"-max_total_time={share}",
             f"-artifact_prefix={HERE / 'crashes'}/{name}-", "-rss_limit_mb=4096", "-max_len=65536"],
            capture_output=True, text=True,
        )
        runs = re.findall(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)", proc.stderr)
        tried = int(runs[-1]) if runs else 0
        status = "ok" if proc.returncode == 0 else f"FAILED (exit {proc.returncode})"
        print(f"{name}: {tried} inputs in {share} s: {status}")
        if proc.returncode != 0:
            failed = True
            print(proc.stderr[-3000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
