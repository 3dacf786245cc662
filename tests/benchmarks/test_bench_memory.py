"""Peak memory of reading a corpus, by the number of records (issue 16: flat, not per record).

What grows per record is the duplicate-name tracking of a file. The peer is what the
reader did before: a dict of every id seen in the file (about 110-150 bytes a record).
Each run is a fresh process, so ``ru_maxrss`` is that run's peak. Real run:
``CORPUSKIT_BENCH_MEMORY_MB=100,1000 pytest tests/benchmarks/test_bench_memory.py --benchmark-only``
(default 100,1000; small records, ``mean_doc=1200``, so that 1 GB holds about 800,000 of them).
In the default test run the corpora are tiny and only the mechanics are checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from corpusgen import write_corpus

MEAN_DOC = 1200

# the reader's planning (split, name, duplicate ids): the part whose memory grew per record
OURS = """
import json, resource, sys
from corpuskit.reader import read_segments
n = sum(1 for _ in read_segments(sys.argv[1]))
print(json.dumps({"records": n, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""
# the peer: the same split, with every id kept in a dict as before
DICT = """
import json, resource, sys
from corpuskit.reader import read_segments
seen = {}
n = 0
for item in read_segments(sys.argv[1]):
    n += 1
    seen[item.doc_id] = seen.get(item.doc_id, 0) + 1
print(json.dumps({"records": n, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def sizes(request: pytest.FixtureRequest) -> list[float]:
    if request.config.getoption("benchmark_disable"):
        return [0.2, 0.4]
    return [float(x) for x in os.environ.get("CORPUSKIT_BENCH_MEMORY_MB", "100,1000").split(",")]


def _peak(script: str, path: Path) -> dict[str, int]:
    out = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_peak_memory_is_flat_in_the_number_of_records(benchmark, request, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    rows = []
    for mb in sizes(request):
        path = tmp_path_factory.mktemp("mem") / f"corpus-{mb:g}MB.txt"
        write_corpus(path, int(mb * 1e6), mean_doc=MEAN_DOC)
        ours, peer = _peak(OURS, path), _peak(DICT, path)
        assert ours["records"] == peer["records"] > 0
        rows.append({"MB": mb, "records": ours["records"], "ours_peak_MB": round(ours["peak_kb"] / 1024, 1),
                     "dict_of_ids_peak_MB": round(peer["peak_kb"] / 1024, 1)})
        path.unlink()
    benchmark.extra_info["runs"] = rows
    benchmark.pedantic(lambda: None, rounds=1, iterations=1)
    print(json.dumps(rows, indent=1))
