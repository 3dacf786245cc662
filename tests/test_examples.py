"""Every example script runs and does what it says."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_custom_exporter_script_registers_and_writes_its_format(tmp_path: Path) -> None:
    out = tmp_path / "t.tsv"
    subprocess.run([sys.executable, str(ROOT / "examples" / "custom_exporter.py"), str(out)],
                   capture_output=True, text=True, check=True, timeout=120, cwd=tmp_path)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == ["id", "title", "body_words", "trailer"]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["002_d83b1ee9d24fb740"][1] == "Can We just Write ISIS Off?"
    assert by_id["004_5d95a34e78c0b91f"][3].split(",").count("comment") >= 1
    assert [p.name for p in tmp_path.iterdir()] == ["t.tsv"]  # written atomically, no leftovers


def test_shell_pipeline_reads_stdin_and_writes_stdout() -> None:
    import os
    import shutil

    if shutil.which("bash") is None or shutil.which("gzip") is None:  # pragma: no cover
        import pytest

        pytest.skip("needs bash and gzip")
    proc = subprocess.run(["bash", str(ROOT / "examples" / "shell_pipeline.sh")], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHON": sys.executable})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("5 documents; trailer kinds: {")
    assert "'spam': 1" in proc.stdout
