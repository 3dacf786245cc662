"""The exporter registry and the built-in json, jsonl and csv formats, on real and hostile input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import warnings
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit import Document, exporters
from corpuskit.cli import main
from corpuskit.errors import OptionError, PluginError
from corpuskit.testing import hostile_documents, make_document, sample_documents
from corpuskit_exporters.csv_export import COLUMNS, row_of

BUILTIN = ("csv", "json", "jsonl")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP, written out: not imported from the code under test


@pytest.fixture(scope="module")
def seed_docs(sample_path: Path) -> list[Document]:
    return list(corpuskit.read(sample_path))


@pytest.fixture(scope="module")
def all_docs(seed_docs: list[Document]) -> list[Document]:
    """The five seeds as read, generated articles with edits, and every hostile case."""
    return [*seed_docs, *sample_documents(4), *hostile_documents()]


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = corpuskit.load_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def export_bytes(docs: list[Document], fmt: str, tmp_path: Path, **options: Any) -> bytes:
    out = tmp_path / f"out.{fmt}"
    exporters.export(iter(docs), fmt, out, **options)
    return out.read_bytes()


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty, not-yet-loaded registry (restored afterwards)."""
    monkeypatch.setattr(exporters, "_registry", {})
    monkeypatch.setattr(exporters, "_loaded", False)


# -- JSON and JSON Lines -----------------------------------------------------------------


def test_jsonl_lines_are_exactly_to_dict_and_validate(
    all_docs: list[Document], tmp_path: Path, validator: jsonschema.protocols.Validator
) -> None:
    data = export_bytes(all_docs, "jsonl", tmp_path)
    assert not data.startswith(b"\xef\xbb\xbf") and data.endswith(b"\n")
    data.decode("utf-8")  # strict: lone surrogates were escaped, not written as invalid UTF-8
    lines = data.split(b"\n")[:-1]
    assert len(lines) == len(all_docs)
    for line, doc in zip(lines, all_docs, strict=True):
        obj = json.loads(line)
        validator.validate(obj)
        assert obj == doc.to_dict()
        assert Document.from_dict(obj) == doc


def test_json_is_one_array_that_validates_and_round_trips(
    all_docs: list[Document], tmp_path: Path, validator: jsonschema.protocols.Validator
) -> None:
    data = export_bytes(all_docs, "json", tmp_path)
    loaded = json.loads(data.decode("utf-8"))
    assert isinstance(loaded, list) and len(loaded) == len(all_docs)
    for obj, doc in zip(loaded, all_docs, strict=True):
        validator.validate(obj)
        assert obj == doc.to_dict()
        assert Document.from_dict(obj) == doc
    assert data.startswith(b"[\n{") and data.endswith(b"}\n]\n")


def test_json_indent_is_still_the_same_json(seed_docs: list[Document], tmp_path: Path) -> None:
    flat = json.loads(export_bytes(seed_docs, "json", tmp_path))
    pretty_bytes = export_bytes(seed_docs, "json", tmp_path, indent="2")
    assert json.loads(pretty_bytes) == flat
    assert b'\n    "schema": "corpuskit/document@1",\n' in pretty_bytes  # nested one level in the array


@pytest.mark.parametrize(("fmt", "expected"), [("json", b"[]\n"), ("jsonl", b"")])
def test_an_empty_corpus_is_valid_output(fmt: str, expected: bytes, tmp_path: Path) -> None:
    assert export_bytes([], fmt, tmp_path) == expected


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_ensure_ascii_writes_pure_ascii_that_loads_the_same(fmt: str, seed_docs: list[Document],
                                                            tmp_path: Path) -> None:
    plain = export_bytes(seed_docs, fmt, tmp_path)
    ascii_only = export_bytes(seed_docs, fmt, tmp_path, ensure_ascii="true")
    assert max(plain) > 127 and max(ascii_only) < 128
    if fmt == "json":
        assert json.loads(ascii_only) == json.loads(plain)
    else:
        assert [json.loads(x) for x in ascii_only.splitlines()] == [json.loads(x) for x in plain.splitlines()]


def test_a_lone_surrogate_becomes_a_json_escape_and_comes_back(tmp_path: Path) -> None:
    doc = make_document(["x"], doc_id="004_caf\udce9", path="d/\udcff.txt")
    data = export_bytes([doc], "jsonl", tmp_path)
    assert b"caf\\udce9" in data
    assert Document.from_dict(json.loads(data)) == doc


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
_surrogate_text = st.text(st.characters(), max_size=20)  # lone surrogates included


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    paragraphs=st.lists(_text, max_size=4),
    title=st.none() | _text,
    authors=st.lists(_text.filter(bool), max_size=3),
    name=_surrogate_text,
    fmt=st.sampled_from(["json", "jsonl"]),
)
def test_any_document_survives_json_export(paragraphs: list[str], title: str | None, authors: list[str],
                                           name: str, fmt: str) -> None:
    doc = make_document(paragraphs, doc_id="x" + name, title=title, authors=authors, typos={"teh": "the"})
    assert Document.from_dict(doc.to_dict()) == doc
    out = io.BytesIO()
    exporters.create(fmt).write([doc], out)
    text = out.getvalue().decode("utf-8")
    loaded = json.loads(text)[0] if fmt == "json" else json.loads(text)
    assert Document.from_dict(loaded) == doc


@pytest.mark.parametrize("fmt", BUILTIN)
def test_output_is_deterministic(fmt: str, all_docs: list[Document], tmp_path: Path) -> None:
    first = export_bytes(all_docs, fmt, tmp_path)
    assert export_bytes(all_docs, fmt, tmp_path) == first


# -- CSV ---------------------------------------------------------------------------------


def read_csv(data: bytes, encoding: str = "utf-8", delimiter: str = ",") -> list[list[str]]:
    """Read back as users must: the csv module refuses cells over 128 KiB unless told."""
    old = csv.field_size_limit(1 << 30)
    try:
        return list(csv.reader(io.StringIO(data.decode(encoding), newline=""), delimiter=delimiter))
    finally:
        csv.field_size_limit(old)


def test_csv_reads_back_to_the_same_fields(all_docs: list[Document], tmp_path: Path) -> None:
    data = export_bytes(all_docs, "csv", tmp_path, escape_formulas="false")
    rows = read_csv(data)
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == len(all_docs) + 1
    for row, doc in zip(rows[1:], all_docs, strict=True):
        expected = [c.encode("utf-8", "backslashreplace").decode("utf-8") for c in row_of(doc)]
        assert row == expected
        cell = dict(zip(COLUMNS, row, strict=True))
        assert cell["text"] == doc.text
        assert cell["title"] == (doc.title or "")
        assert cell["authors"] == "; ".join(doc.authors)
        assert int(cell["edit_count"]) == len(doc.edits)
        assert float(cell["source_confidence"]) == doc.source.confidence
        counts = dict(kv.split("=") for kv in cell["edits_by_rule"].split(";")) if cell["edits_by_rule"] else {}
        assert {k: int(v) for k, v in counts.items()} == corpuskit.edit_counts(doc.edits)


def test_csv_counts_edits_by_rule_in_one_cell() -> None:
    doc = make_document(["the cat and the dog", "Another paragraph"], typos={"teh": "the"})
    assert doc.raw_text == "teh\u00a0cat and teh dog\n\nAnother\u00a0paragraph"
    assert dict(zip(COLUMNS, row_of(doc), strict=True))["edits_by_rule"] == "typo.known=2;unicode.nbsp=2"


def test_csv_is_rfc4180(seed_docs: list[Document], tmp_path: Path) -> None:
    data = export_bytes(seed_docs, "csv", tmp_path)
    assert data.startswith(b"id,name,") and data.endswith(b"\r\n")
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") >= len(seed_docs) + 1  # CRLF rows; newlines inside quoted cells stay
    quoted = [d.text for d in seed_docs if "," in d.text and "\n" in d.text]
    assert quoted and all(('"' + t.replace('"', '""') + '"').encode() in data for t in quoted)


def test_a_hyperlink_title_is_neutralised_by_default(tmp_path: Path) -> None:
    title = '=HYPERLINK("http://evil.example","Click")'
    doc = make_document(["-2+3", "ok"], title=title, authors=["@evil"], dateline="+x")
    cell = dict(zip(COLUMNS, read_csv(export_bytes([doc], "csv", tmp_path))[1], strict=True))
    assert cell["title"] == "'" + title
    assert cell["authors"] == "'@evil" and cell["dateline"] == "'+x"
    assert cell["text"] == "'-2+3\n\nok"
    unescaped = read_csv(export_bytes([doc], "csv", tmp_path, escape_formulas="no"))[1]
    raw = dict(zip(COLUMNS, unescaped, strict=True))
    assert raw["title"] == title and raw["text"] == "-2+3\n\nok"


def test_no_cell_of_hostile_input_starts_a_formula(tmp_path: Path) -> None:
    rows = read_csv(export_bytes(hostile_documents(), "csv", tmp_path))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell[:40]
    unescaped = read_csv(export_bytes(hostile_documents(), "csv", tmp_path, escape_formulas="false"))
    assert any(c.startswith(start) for row in unescaped for c in row for start in FORMULA_STARTS)


def test_csv_bom_and_delimiter_options(seed_docs: list[Document], tmp_path: Path) -> None:
    data = export_bytes(seed_docs, "csv", tmp_path, bom="true", delimiter=";")
    assert data.startswith(b"\xef\xbb\xbfid;name;")
    rows = read_csv(data, encoding="utf-8-sig", delimiter=";")
    assert tuple(rows[0]) == COLUMNS and [r[0] for r in rows[1:]] == [d.id for d in seed_docs]


def test_csv_to_a_stream_leaves_it_open() -> None:
    out = io.BytesIO()
    exporters.create("csv").write(sample_documents(2), out)
    assert not out.closed
    out.write(b"still writable")


# -- options -----------------------------------------------------------------------------


def test_unknown_option_is_an_error_listing_the_valid_keys() -> None:
    with pytest.raises(OptionError) as err:
        exporters.create("csv", bom="true", excel="yes")
    assert str(err.value) == "format 'csv' has no option excel; valid options: bom, escape_formulas, delimiter"


@pytest.mark.parametrize(
    ("fmt", "options", "message"),
    [
        ("csv", {"bom": "maybe"}, "format 'csv': option bom takes true or false, not 'maybe'"),
        ("json", {"indent": "two"}, "format 'json': option indent takes a number, not 'two'"),
        ("json", {"indent": "12"}, "format 'json': 'indent' must be in range(0, 9) (got 12)"),
        ("csv", {"delimiter": "::"}, "format 'csv': option delimiter takes one character"),
    ],
)
def test_bad_option_values_are_clear_errors(fmt: str, options: dict[str, str], message: str) -> None:
    with pytest.raises(OptionError) as err:
        exporters.create(fmt, **options)
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_options_convert_command_line_strings_by_declared_type() -> None:
    @attrs.frozen
    class Opts:
        n: int = attrs.field(default=1, metadata={"help": "n"})
        ratio: float = attrs.field(default=0.5, metadata={"help": "r"})
        flag: bool = attrs.field(default=False, metadata={"help": "f"})
        label: str | None = attrs.field(default=None, metadata={"help": "l"})

    class Fake:
        name = "fake"
        Options = Opts

    got = exporters.parse_options(Fake, {"n": " 7", "ratio": "2.5", "flag": "ON", "label": "none"})  # type: ignore[arg-type]
    assert got == Opts(n=7, ratio=2.5, flag=True, label=None)
    assert exporters.parse_options(Fake, {"label": "x", "n": 3}) == Opts(n=3, label="x")  # type: ignore[arg-type]
    info = exporters.describe_options(Fake)  # type: ignore[arg-type]
    assert [(o.name, o.type, o.default) for o in info] == [
        ("n", "int", 1), ("ratio", "float", 0.5), ("flag", "bool", False), ("label", "str | None", None)
    ]


# -- registry ----------------------------------------------------------------------------


def test_builtins_are_registered_by_entry_point() -> None:
    formats = exporters.available()
    assert set(BUILTIN) <= set(formats)
    eps = {ep.name: ep for ep in metadata.entry_points(group=exporters.ENTRY_POINT_GROUP)}
    for name in BUILTIN:
        assert eps[name].value.startswith("corpuskit_exporters.")
        assert formats[name].name == name and formats[name].__module__.startswith("corpuskit_exporters.")


def test_unknown_format_lists_the_known_ones() -> None:
    with pytest.raises(OptionError, match=r"unknown format 'docx'; known formats: .*csv, .*json, jsonl"):
        exporters.get("docx")


def test_importing_corpuskit_loads_no_plugin() -> None:
    code = (
        "import sys, corpuskit, corpuskit.exporters as e; "
        "print(any(m.startswith('corpuskit_exporters') for m in sys.modules), e._loaded)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_entry_points_are_loaded_once(fresh_registry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = metadata.entry_points

    def counting(**kw: Any) -> Any:
        calls.append(kw)
        return real(**kw)

    monkeypatch.setattr(exporters.metadata, "entry_points", counting)
    for _ in range(3):
        assert "json" in exporters.available()
    exporters.get("csv")
    assert len(calls) == 1


class ScriptExporter:
    name: ClassVar[str] = "upper"
    suffix: ClassVar[str] = ".txt"
    media_type: ClassVar[str] = "text/plain"
    description: ClassVar[str] = "titles in capitals"
    layout: ClassVar[str] = "file"
    Options: ClassVar[type] = exporters.NoOptions

    def __init__(self, options: Any) -> None:
        self.options = options

    def write(self, documents: Any, destination: BinaryIO | Path) -> None:
        assert not isinstance(destination, Path)
        for doc in documents:
            destination.write((doc.title or doc.id).upper().encode() + b"\n")


def test_register_a_script_exporter_and_refuse_duplicates(fresh_registry: None, tmp_path: Path) -> None:
    exporters.register(ScriptExporter)
    exporters.register(ScriptExporter)  # the same class again is harmless
    exporters.export(sample_documents(2), "upper", tmp_path / "t.txt")
    assert (tmp_path / "t.txt").read_bytes() == b"ARTICLE 0: THE BRIDGE, AGAIN\nARTICLE 1: THE BRIDGE, AGAIN\n"

    class Impostor(ScriptExporter):
        name: ClassVar[str] = "json"

    with pytest.raises(PluginError, match=r"an exporter named 'json' is already registered \(corpuskit_exporters"):
        exporters.register(Impostor)
    assert exporters.get("json").__module__ == "corpuskit_exporters.json_export"

    exporters.unregister("upper")
    assert "upper" not in exporters.available()

    class NoWrite:
        name = "nowrite"

    with pytest.raises(PluginError, match="lacks suffix, media_type, description, layout, Options, write"):
        exporters.register(NoWrite)  # type: ignore[arg-type]


def test_a_class_defined_again_replaces_itself(fresh_registry: None) -> None:
    """Re-running a notebook cell defines a new class object with the same qualified name."""
    namespace: dict[str, Any] = {}
    cell = (
        "from corpuskit import exporters\n"
        "@exporters.register\n"
        "class Cell:\n"
        "    name = 'cell'; suffix = '.txt'; media_type = 'text/plain'; description = 'd'; layout = 'file'\n"
        "    Options = exporters.NoOptions\n"
        "    def __init__(self, options): pass\n"
        "    def write(self, documents, destination): pass\n"
    )
    exec(cell, namespace)
    first = exporters.get("cell")
    exec(cell, namespace)
    assert exporters.get("cell") is namespace["Cell"] is not first


BROKEN_PLUGINS = '''
import attrs
raise_on_import = None

class NoWrite:
    name = "nowrite"; suffix = ".x"; media_type = "text/plain"; description = "d"; layout = "file"
    Options = attrs.make_class("O", {})

class BadLayout(NoWrite):
    layout = "zip"
    def write(self, documents, destination): pass

class Misnamed(BadLayout):
    name = "something-else"; layout = "file"

class Shadow(Misnamed):
    name = "json"

def not_a_class(): pass
'''


@pytest.fixture
def broken_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_registry: None) -> list[str]:
    """Real built-in entry points plus six broken third-party ones, each broken differently."""
    (tmp_path / "broken_import.py").write_text("raise ImportError('missing dependency: libfoo')\n")
    (tmp_path / "broken_iface.py").write_text(BROKEN_PLUGINS)
    monkeypatch.syspath_prepend(str(tmp_path))
    group = exporters.ENTRY_POINT_GROUP
    fakes = [
        metadata.EntryPoint("crashy", "broken_import:Exporter", group),
        metadata.EntryPoint("nowrite", "broken_iface:NoWrite", group),
        metadata.EntryPoint("badlayout", "broken_iface:BadLayout", group),
        metadata.EntryPoint("renamed", "broken_iface:Misnamed", group),
        metadata.EntryPoint("json", "broken_iface:Shadow", group),
        metadata.EntryPoint("func", "broken_iface:not_a_class", group),
    ]
    real = list(metadata.entry_points(group=group))
    monkeypatch.setattr(exporters.metadata, "entry_points", lambda **kw: [*fakes, *real])
    return [ep.name for ep in fakes]


def test_broken_plugins_warn_by_name_and_builtins_still_work(broken_plugins: list[str], tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        formats = exporters.available()
    messages = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert len(messages) == len(broken_plugins)
    text = "\n".join(messages)
    assert "'crashy' (broken_import:Exporter) could not be loaded: missing dependency: libfoo" in text
    assert "'nowrite' (broken_iface:NoWrite) lacks write" in text
    assert "'badlayout' (broken_iface:BadLayout): layout must be 'file' or 'directory'" in text
    assert "'renamed' (broken_iface:Misnamed) calls itself 'something-else'" in text
    assert "'json' (broken_iface:Shadow) ignored: the name is taken by corpuskit_exporters.json_export" in text
    assert "'func' (broken_iface:not_a_class) is a function, not a class" in text
    assert set(BUILTIN) <= set(formats) and not set(formats) & {"crashy", "nowrite", "badlayout", "renamed", "func"}
    assert formats["json"].__module__ == "corpuskit_exporters.json_export"
    for fmt in BUILTIN:
        exporters.export(sample_documents(2), fmt, tmp_path / f"ok.{fmt}")
        assert (tmp_path / f"ok.{fmt}").stat().st_size > 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # loaded once: no second round of warnings
        exporters.available()


def test_broken_plugins_do_not_break_the_command_line(broken_plugins: list[str], tmp_path: Path,
                                                      sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert all(f"{name}:" in out for name in BUILTIN) and "crashy" not in out
    # the command line shows each plugin warning as one clean line, never a Python warning with its source line
    warned = captured.err.splitlines()
    assert warned and all(line.startswith("corpuskit: warning: exporter plugin ") for line in warned)
    assert main(["export", str(sample_path), "-f", "csv", "-o", str(tmp_path / "s.csv"), "--no-progress"]) == 0
    assert len(read_csv((tmp_path / "s.csv").read_bytes())) == 6


# -- atomic export -----------------------------------------------------------------------


class Crash(Exception):
    pass


def crashing(after: int, exc: BaseException) -> Iterator[Document]:
    yield from sample_documents(after)
    raise exc


@pytest.mark.parametrize("fmt", BUILTIN)
@pytest.mark.parametrize("exc", [Crash("disk on fire"), KeyboardInterrupt()])
def test_a_crash_mid_export_leaves_no_file_and_no_temporary(fmt: str, exc: BaseException, tmp_path: Path) -> None:
    target = tmp_path / f"corpus.{fmt}"
    with pytest.raises(type(exc)):
        exporters.export(crashing(3, exc), fmt, target)
    assert list(tmp_path.iterdir()) == []


def test_a_crash_keeps_the_previous_complete_file(tmp_path: Path) -> None:
    target = tmp_path / "corpus.jsonl"
    exporters.export(sample_documents(2), "jsonl", target)
    before = target.read_bytes()
    with pytest.raises(Crash):
        exporters.export(crashing(5, Crash()), "jsonl", target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]


# -- command line ------------------------------------------------------------------------


def test_formats_shows_descriptions_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    for name, cls in exporters.available().items():
        assert f"{name}: {cls.description}" in out
        for opt in exporters.describe_options(cls):
            assert f"--option {opt.name}=" in out and opt.help in out
    assert "--option escape_formulas=BOOL" in out and "(default: true)" in out


def test_cli_rejects_an_unknown_option_before_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export", str(tmp_path / "missing.txt"), "-f", "json", "-o", str(tmp_path / "o"), "--option", "x=1"])
    assert code == 2
    assert capsys.readouterr().err == (
        "corpuskit: error: format 'json' has no option x; valid options: indent, ensure_ascii\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", BUILTIN)
def test_cli_export_of_the_sample(fmt: str, tmp_path: Path, sample_path: Path, seed_docs: list[Document]) -> None:
    out = tmp_path / f"sample.{fmt}"
    assert main(["export", str(sample_path), "-f", fmt, "-o", str(out), "--no-progress"]) == 0
    data = out.read_bytes()
    if fmt == "csv":
        ids = [r[0] for r in read_csv(data)[1:]]
    elif fmt == "json":
        ids = [d["id"] for d in json.loads(data)]
    else:
        ids = [json.loads(line)["id"] for line in data.splitlines()]
    assert ids == [d.id for d in seed_docs] and len(ids) == 5


def test_cli_export_to_stdout(sample_path: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", str(sample_path), "-f", "jsonl", "-o", "-", "--no-progress"]) == 0
    assert len(capsysbinary.readouterr().out.splitlines()) == 5


def test_a_directory_format_needs_a_path(fresh_registry: None, sample_path: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    @exporters.register
    class PerDocument(ScriptExporter):
        name: ClassVar[str] = "perdoc"
        suffix: ClassVar[str] = ""
        layout: ClassVar[str] = "directory"

        def write(self, documents: Any, destination: BinaryIO | Path) -> None:
            assert isinstance(destination, Path)
            for doc in documents:
                (destination / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")

    assert main(["export", str(sample_path), "-f", "perdoc", "-o", "-"]) == 2
    assert "format 'perdoc' writes a directory; --output must be a path" in capsys.readouterr().err
    with pytest.raises(corpuskit.errors.ExportError, match="writes a directory; give a path"):
        exporters.export(sample_documents(1), "perdoc", io.BytesIO())
    assert main(["export", str(sample_path), "-f", "perdoc", "-o", str(tmp_path / "out"), "--no-progress"]) == 0
    assert len(list((tmp_path / "out").iterdir())) == 5
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # the temporary directory was renamed


# -- issue 15: formulas behind whitespace and invisible characters; reversible escaping ---------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from corpuskit_exporters.csv_export import neutralise, restore  # noqa: E402

# what a spreadsheet may skip before it reads a formula ("trim spaces" in LibreOffice, Excel's
# handling of a BOM or a line feed at the start of a cell)
INVISIBLE = [" ", "\t", "\n", "\r", "\u00a0", "\u200b", "\ufeff", "\u2060", "\u3000", "\u2003"]


@pytest.mark.parametrize("lead", [*INVISIBLE, "  \u00a0\n"])
@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_formula_behind_whitespace_or_an_invisible_character_is_neutralised(lead: str, start: str) -> None:
    cell = f"{lead}{start}1+1"
    assert neutralise(cell) == "'" + cell


def _runs_as_formula(cell: str) -> bool:
    stripped = cell.lstrip("".join(INVISIBLE))
    return stripped[:1] in ("=", "+", "-", "@") or cell[:1] in ("\t", "\r")


@given(st.text(alphabet=st.sampled_from([*INVISIBLE, "=", "+", "-", "@", "'", "a", "1"]), max_size=8) | st.text())
def test_neutralised_cells_never_run_and_restore_gives_back_the_text(cell: str) -> None:
    escaped = neutralise(cell)
    assert not _runs_as_formula(escaped)
    assert restore(escaped) == cell


def test_plain_cells_are_unchanged() -> None:
    for cell in ("Hello", "3 dead", "", " leading space", "a=b"):
        assert neutralise(cell) == cell
