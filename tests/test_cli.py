"""The command line as users run it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpuskit.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "corpuskit.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_export_jsonl_of_the_sample(tmp_path: Path, sample_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    proc = run("export", str(sample_path), "--format", "jsonl", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # no progress bar when stderr is not a terminal
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 6
    assert json.loads(lines[0])["id"] == "000_cd0ba43665274ae9"


def test_bad_inputs_give_one_line_each_exit_1_and_the_rest_is_read(tmp_path: Path, sample_path: Path) -> None:
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(200)))
    out = tmp_path / "docs.jsonl"
    proc = run("export", str(tmp_path / "nope.txt"), str(bad), str(sample_path), "-f", "jsonl", "-o", str(out))
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"corpuskit: error: {tmp_path / 'nope.txt'}: no such file or directory",
        f"corpuskit: error: {bad}: offset 0: not a text corpus: looks like an executable (ELF)",
    ]
    assert len(out.read_text().splitlines()) == 5
    assert "Traceback" not in proc.stderr


def test_unknown_dialect_is_a_usage_error(tmp_path: Path, sample_path: Path) -> None:
    proc = run("inspect", str(sample_path), "--dialect", "markdown")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "corpuskit: error: unknown dialect 'markdown'; known dialects: banner, head, dashes, doctag, formfeed, plain"
    ]


def test_unknown_format_is_a_usage_error_listing_formats(tmp_path: Path, sample_path: Path) -> None:
    proc = run("export", str(sample_path), "-f", "docx", "-o", str(tmp_path / "x"))
    assert proc.returncode == 2
    assert "unknown format 'docx'; known formats:" in proc.stderr and "jsonl" in proc.stderr
    assert not (tmp_path / "x").exists()


def test_a_failed_export_leaves_no_file_behind(tmp_path: Path) -> None:
    out = tmp_path / "docs.jsonl"
    proc = run("export", str(tmp_path / "missing"), "-f", "jsonl", "-o", str(out))
    assert proc.returncode == 1
    # an input error still writes what could be read (here: nothing), atomically
    assert out.read_bytes() == b""
    assert [p.name for p in tmp_path.iterdir()] == ["docs.jsonl"]


def test_inspect_reports_encodings_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    text = ("The minister\u2019s \u201cfinal\u201d offer \u2013 a 5\u20ac rise \u2013 was rejected by the "
            "unions on Friday, and talks will resume next week in the capital. ")
    path.write_bytes(b"=== a.txt ===\n" + text.encode("cp1252") * 5 + b"\n=== a.txt ===\nx\n")
    proc = run("inspect", str(path))
    assert proc.returncode == 0, proc.stderr
    assert f"{path}: 2 document(s), dialect banner" in proc.stdout
    assert "encodings: utf-8 1, windows-1252 1" in proc.stdout
    assert "record.duplicate_name" in proc.stdout
    report = json.loads(run("inspect", "--json", str(path)).stdout)
    assert [d["id"] for d in report["documents"]] == ["a", "a~2"]


def test_pack_unpack_round_trip(tmp_path: Path, sample_path: Path) -> None:
    unpacked = tmp_path / "articles"
    assert run("unpack", str(sample_path), "-o", str(unpacked)).returncode == 0
    assert len(list(unpacked.iterdir())) == 5
    packed = tmp_path / "packed.txt"
    proc = run("pack", str(unpacked), "-o", str(packed))
    assert proc.returncode == 0, proc.stderr
    assert packed.read_bytes() == sample_path.read_bytes()


def test_formats_lists_the_builtin_exporters() -> None:
    proc = run("formats")
    assert proc.returncode == 0
    assert proc.stdout.startswith(("csv", "epub", "html", "json", "jsonl"))
    assert "jsonl" in proc.stdout


def test_internal_errors_are_one_line_without_debug(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str], sample_path: Path) -> None:
    import corpuskit.cli as cli

    def boom(args: object, reporter: object) -> int:
        raise RuntimeError("kaput")

    monkeypatch.setattr(cli, "cmd_inspect", boom)
    assert main(["inspect", str(sample_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error" in err and "kaput" in err


def test_strict_turns_warnings_into_errors(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes(b"=== a.txt ===\nA\n=== a.txt ===\nB\n")
    out = tmp_path / "o.jsonl"
    assert run("export", str(path), "-f", "jsonl", "-o", str(out)).returncode == 0
    proc = run("export", str(path), "-f", "jsonl", "-o", str(out), "--strict")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"corpuskit: error: {path}: offset 16: a~2: record.duplicate_name: name 'a.txt' already used in this file; "
        "id made unique as a~2"
    ]
    assert len(out.read_text().splitlines()) == 2
