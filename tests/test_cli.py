"""The command line as users run it: exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import re
import stat
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
    assert SUMMARY.fullmatch(proc.stderr.strip())  # no progress bar when stderr is not a terminal: a summary
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) == 6
    assert json.loads(lines[0])["id"] == "000_cd0ba43665274ae9"


def test_bad_inputs_give_one_line_each_exit_1_and_the_rest_is_read(tmp_path: Path, sample_path: Path) -> None:
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(200)))
    out = tmp_path / "docs.jsonl"
    proc = run("export", str(tmp_path / "nope.txt"), str(bad), str(sample_path), "-f", "jsonl", "-o", str(out))
    assert proc.returncode == 1
    assert proc.stderr.splitlines()[:2] == [
        f"corpuskit: error: {tmp_path / 'nope.txt'}: no such file or directory",
        f"corpuskit: error: {bad}: offset 0: not a text corpus: looks like an executable (ELF)",
    ]
    assert SUMMARY.fullmatch(proc.stderr.splitlines()[2]).groups()[::2] == ("5", "2")  # type: ignore[union-attr]
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
    # nothing could be read: no empty output is left (see test_a_missing_input_leaves_no_empty_output)
    assert list(tmp_path.iterdir()) == []


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
    proc = run("export", str(path), "-f", "jsonl", "-o", str(out), "--strict", "-q")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"corpuskit: error: {path}: offset 16: a~2: record.duplicate_name: name 'a.txt' already used in this file; "
        "id made unique as a~2"
    ]
    assert len(out.read_text().splitlines()) == 2


# -- issue 15: hardening II -------------------------------------------------------------------

GOOD = b"=== 001_aa.txt ===\nHello world.\n"
SUMMARY = re.compile(r"corpuskit: exported (\d+) document\(s\), (\d+) warning\(s\), (\d+) error\(s\) in [\d.]+ s")


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_bytes(GOOD)
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_to_a_fifo_writes_into_it(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    t = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    t.start()
    code, _, err = cli(capsys, "export", str(good), "-f", "jsonl", "-o", str(fifo))
    t.join(10)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and json.loads(got[0])["id"] == "001_aa"


def test_export_to_dev_null_keeps_the_device(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "export", str(good), "-f", "jsonl", "-o", os.devnull)
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_jobs_are_capped_at_the_cores_with_a_warning(good: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "export", str(good), "-f", "jsonl", "-o", str(tmp_path / "o.jsonl"), "--jobs", "100000")
    assert code == 0
    assert f"corpuskit: warning: --jobs 100000 is more than the {os.cpu_count()} core(s) of this machine; " \
           f"using {os.cpu_count()}" in err


def test_the_limits_have_flags(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    code, _, err = cli(capsys, "export", str(good), "-o", str(out), "--max-document-bytes", "5",
                       "--max-ratio", "50", "--max-input-bytes", "1MiB")
    assert code == 0, err
    assert json.loads(out.read_text())["warnings"][0]["code"] == "record.too_large"
    code, _, err = cli(capsys, "export", str(good), "-o", str(out), "--max-ratio", "lots")
    assert code == 2 and "--max-ratio" in err


def test_control_characters_never_reach_the_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    evil = tmp_path / "a\nforged: error\x1b]0;pwned\x07.txt"
    code, _, err = cli(capsys, "inspect", str(evil))
    assert code == 1
    assert "\x1b" not in err and "\x07" not in err and err.count("\n") == 1
    assert "\\n" in err and "\\x1b" in err
    corpus = tmp_path / "c.txt"
    corpus.write_bytes(b"=== a\x1b[31m.txt ===\nHello.\n")
    code, out, err = cli(capsys, "inspect", str(corpus), "--dialect", "banner")
    assert "\x1b" not in out


@pytest.mark.parametrize(
    ("output", "code", "cause"),
    [
        ("missing/dir/o.jsonl", 1, "no such directory"),
        (".", 1, "is a directory"),
    ],
)
def test_os_problems_are_one_line_naming_the_path(good: Path, tmp_path: Path, output: str, code: int, cause: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    target = str(tmp_path / output)
    got, _, err = cli(capsys, "export", str(good), "-f", "jsonl", "-o", target)
    assert got == code
    lines = [line for line in err.splitlines() if not SUMMARY.fullmatch(line)]
    assert len(lines) == 1 and target.rstrip("/.") in lines[0] and cause in lines[0]
    assert "internal error" not in err


def test_a_read_only_folder_is_one_line(good: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    got, _, err = cli(capsys, "export", str(good), "-f", "jsonl", "-o", str(folder / "o.jsonl"))
    assert got == 1 and "permission denied" in err.lower() and "internal error" not in err


@pytest.mark.parametrize(
    "extra",
    [["--encoding", "rot13"], ["--option", "template_dir=/no/such/dir"], ["--typo-user-file", "/nonexistent"],
     ["--protected-words", "/"]],
    ids=["rot13", "template-dir", "typo-user-file", "protected-words-dir"],
)
def test_bad_paths_and_codecs_are_usage_errors_up_front(good: Path, tmp_path: Path, extra: list[str],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.html"
    got, _, err = cli(capsys, "export", str(good), "-f", "html", "-o", str(out), *extra)
    assert got == 2, err
    assert err.count("\n") == 1 and err.startswith("corpuskit: error: ") and "internal error" not in err
    assert not out.exists()


def test_sigterm_removes_the_part_file(tmp_path: Path) -> None:
    import signal
    import time

    out = tmp_path / "o.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "corpuskit.cli", "export", "-", "-f", "jsonl", "-o", str(out)],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    assert proc.stdin is not None
    proc.stdin.write(GOOD)
    proc.stdin.flush()
    for _ in range(200):  # wait until the temporary exists
        if any(p.name.endswith(".part") for p in tmp_path.iterdir()):
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signal.SIGTERM
    assert b"terminated" in err
    assert list(tmp_path.iterdir()) == []


def test_unknown_rule_names_are_usage_errors(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for flag in ("--disable", "--enable"):
        got, _, err = cli(capsys, "inspect", str(good), flag, "typo.knwon")
        assert got == 2
        assert "unknown rule 'typo.knwon'" in err and "typo.known" in err and err.count("\n") == 1


def test_rules_lists_every_rule_with_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    from corpuskit.builder import CLEANING_RULES

    got, out, _ = cli(capsys, "rules")
    assert got == 0
    lines = out.splitlines()
    for rule in CLEANING_RULES:
        assert any(line.split()[0] == rule.name and rule.summary in line for line in lines)
    for name in ("structure", "structure.header", "structure.trailer", "typo.suggestion"):
        assert any(line.split()[0] == name for line in lines)
    assert any("typography.ascii" in line and "off by default" in line for line in lines)


def test_a_missing_input_leaves_no_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    got, _, _ = cli(capsys, "export", str(tmp_path / "missing"), "-f", "jsonl", "-o", str(out))
    assert got == 1 and not out.exists()
    out.write_bytes(b"previous\n")
    got, _, _ = cli(capsys, "export", str(tmp_path / "missing"), "-f", "jsonl", "-o", str(out))
    assert got == 1 and out.read_bytes() == b"previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.jsonl"]


@pytest.mark.parametrize(("suffix", "first"), [(".jsonl", b"{"), (".csv", b"id,"), (".json", b"["),
                                                (".html", b"<!DOCTYPE")])
def test_the_format_is_inferred_from_the_suffix(good: Path, tmp_path: Path, suffix: str, first: bytes,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"o{suffix}"
    got, _, err = cli(capsys, "export", str(good), "-o", str(out))
    assert got == 0, err
    assert out.read_bytes().lstrip().startswith(first)


def test_no_format_and_no_known_suffix_is_a_usage_error(good: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    got, _, err = cli(capsys, "export", str(good), "-o", str(tmp_path / "o.dat"))
    assert got == 2 and "--format" in err and "jsonl" in err


def test_export_prints_a_summary_and_quiet_silences_it(good: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o.jsonl"
    got, _, err = cli(capsys, "export", str(good), str(good), "-o", str(out))
    assert got == 0
    m = SUMMARY.fullmatch(err.strip())
    assert m and m.groups() == ("2", "0", "0"), err  # one id in two files is no duplicate
    got, _, err = cli(capsys, "export", str(good), "-o", str(out), "-q")
    assert got == 0 and err == ""
    got, _, err = cli(capsys, "export", str(tmp_path / "nope"), str(good), "-o", str(out), "--quiet")
    assert got == 1 and err.splitlines() == [f"corpuskit: error: {tmp_path / 'nope'}: no such file or directory"]


def test_quoted_globs_are_expanded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_bytes(f"=== {name}.txt ===\nHello {name}.\n".encode())
    out = tmp_path / "o.jsonl"
    got, _, err = cli(capsys, "export", str(tmp_path / "*.txt"), "-o", str(out))
    assert got == 0, err
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    got, _, err = cli(capsys, "export", str(tmp_path / "*.nothing"), "-o", str(out))
    assert got == 1 and "no file matches" in err


def test_the_ambiguous_date_warning_names_the_real_flag(tmp_path: Path) -> None:
    import corpuskit

    path = tmp_path / "d.txt"
    path.write_text("=== a.txt ===\nTalks fail\n\n02.10.2019\n\nPolice said that talks had failed again today.\n")
    doc = next(corpuskit.read(path))
    messages = [w.message for w in doc.warnings if w.code == "date.ambiguous"]
    assert messages and "--monthfirst" in messages[0] and "dayfirst option" not in messages[0]


def test_inspect_of_a_directory_has_corpus_totals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_bytes(f"=== {name}1.txt ===\nHello.\n=== {name}2.txt ===\nWorld.\n".encode())
    got, out, _ = cli(capsys, "inspect", str(tmp_path))
    assert got == 0
    assert "total: 2 file(s), 4 document(s)" in out
    report = json.loads(cli(capsys, "inspect", "--json", str(tmp_path))[1])
    assert report["totals"]["files"] == 2 and report["totals"]["documents"] == 4


def test_a_plugin_that_exits_at_import_does_not_kill_formats(tmp_path: Path) -> None:
    plugin = tmp_path / "exitplug.py"
    plugin.write_text("import sys\nsys.exit(3)\n")
    dist = tmp_path / "exitplug-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: exitplug\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[corpuskit.exporters]\nexitfmt = exitplug:Exporter\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "corpuskit.cli", "formats"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 0
    assert "jsonl" in proc.stdout
    assert proc.stderr.splitlines() == [
        "corpuskit: warning: exporter plugin 'exitfmt' (exitplug:Exporter from exitplug) could not be loaded: "
        "it called sys.exit(3) at import"
    ]


def test_the_command_exits_with_mains_status_leaving_the_last_collections_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """``corpuskit`` (and ``python -m corpuskit``) is ``run``: ``main``'s exit status, with
    every live object frozen out of the collector first (the exit's collections would only
    walk the word lists and caches again)."""
    import gc
    from importlib.metadata import entry_points

    from corpuskit import cli

    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "corpuskit"]
    assert script.value == "corpuskit.cli:run"
    monkeypatch.setattr(cli, "main", lambda: 3)
    assert gc.get_freeze_count() == 0
    try:
        with pytest.raises(SystemExit) as exc:
            cli.run()
        assert exc.value.code == 3
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
