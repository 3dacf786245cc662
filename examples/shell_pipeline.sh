#!/usr/bin/env bash
# The command line in a shell pipeline: gzip a corpus, read it from standard input,
# export JSON Lines to standard output, and let jq-free Python count trailer kinds.
# Run: bash examples/shell_pipeline.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python="${PYTHON:-python3}"

gzip -c "$here/data/sample_corpus.txt" \
  | "$python" -m corpuskit export - --format jsonl --output - \
  | "$python" -c '
import collections, json, sys
kinds = collections.Counter()
docs = 0
for line in sys.stdin:
    doc = json.loads(line)
    docs += 1
    kinds.update(t["kind"] for t in doc["trailer"])
print(f"{docs} documents; trailer kinds: {dict(sorted(kinds.items()))}")
'
