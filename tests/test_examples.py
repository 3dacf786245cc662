"""Every example script runs and does what it says."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEEDS_DIR, sample_seeds


def test_sample_corpus_holds_the_seeds_exactly() -> None:
    seeds = sample_seeds()
    assert sorted(seeds) == [
        "000_cd0ba43665274ae9.txt",
        "001_6de41f068a7d4c44.txt",
        "002_d83b1ee9d24fb740.txt",
        "003_fd2c25ceb1b6fcbd.txt",
        "004_5d95a34e78c0b91f.txt",
    ]
    if SEEDS_DIR.is_dir():
        for name, data in seeds.items():
            assert (SEEDS_DIR / name).read_bytes() == data


def test_quickstart_prints_a_row_per_document() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "quickstart.py")],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    rows = [line for line in out.splitlines()[1:] if line.strip()]
    assert [r.split()[0] for r in rows] == [
        "000_cd0ba43665274ae9", "001_6de41f068a7d4c44", "002_d83b1ee9d24fb740",
        "003_fd2c25ceb1b6fcbd", "004_5d95a34e78c0b91f",
    ]
    assert all(" utf-8 " in r for r in rows)
