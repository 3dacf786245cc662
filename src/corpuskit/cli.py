"""The ``corpuskit`` command: export, inspect, formats, rules, pack, unpack, shard.

Exit status: 0 on success, 1 when any input failed, 2 on usage errors. Every error is
one line naming the file and byte offset (control characters escaped); a traceback only
ever reaches a user through ``--debug``. SIGTERM is handled like Ctrl-C: the partial
output is removed.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import glob
import json
import os
import signal
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Generic, NoReturn, TextIO, TypeVar

from corpuskit import __version__
from corpuskit.errors import CorpuskitError, DialectError, InputError, OptionError, printable
from corpuskit.model import Document
from corpuskit.options import Options

if TYPE_CHECKING:
    from corpuskit.parallel import Encoded

__all__ = ["main", "run"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Reporter:
    """Prints each input error (or warning) as one line and remembers that an error happened."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.failed = 0

    def __call__(self, error: CorpuskitError) -> None:
        if error.severity == "warning":
            self.warn(str(error))
            return
        self.failed += 1
        print(f"corpuskit: error: {error}", file=self.stream, flush=True)

    def warn(self, message: str) -> None:
        print(f"corpuskit: warning: {printable(message)}", file=self.stream, flush=True)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the program is so that every temporary is cleaned up as on Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> NoReturn:
    raise _Terminated()


class _Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line and exit status 2, like every usage error."""

    def error(self, message: str) -> NoReturn:
        raise OptionError(f"{message} (see '{self.prog} --help')")


class _NothingRead(Exception):
    """Every input failed and no document was read: the output is not written at all."""


def _add_reader_args(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--dialect", help="force a dialect: banner, head, dashes, doctag, formfeed, plain")
    g.add_argument("--delimiter", metavar="REGEX", help="custom delimiter line regex with a (?P<name>...) group")
    p.add_argument("--encoding", help="decode every document with this encoding")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="switch a cleaning rule off, by name or family (repeatable)")
    p.add_argument("--enable", action="append", default=[], metavar="RULE",
                   help="switch an opt-in rule on, e.g. typography.ascii (repeatable)")
    p.add_argument("--monthfirst", action="store_true", help="read 02.10.2019 as February 10 (default: day first)")
    p.add_argument("--header-field", action="append", default=[], metavar="KEY=TARGET",
                   help="map a 'Key: value' header line to title, authors, date, dateline or a "
                        "metadata key, e.g. X-Author=authors (repeatable; docs/structure.md)")
    p.add_argument("--typo-user-file", metavar="FILE", help="your own 'wrong -> right' corrections")
    p.add_argument("--protected-words", metavar="FILE", help="words never to correct, one per line")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes (0 = all cores; more than the cores is capped, with a warning)")
    p.add_argument("--strict", action="store_true",
                   help="treat every document warning as an error (reported, exit status 1)")
    defaults = Options()
    p.add_argument("--max-document-bytes", type=_size("--max-document-bytes"), metavar="SIZE",
                   default=defaults.max_document_bytes,
                   help="a larger record is reported and yielded empty, never held in memory (default: 256MiB)")
    p.add_argument("--max-ratio", type=_whole("--max-ratio"), metavar="N", default=defaults.max_ratio,
                   help="stop a compressed input expanding more than N times (decompression bombs; default: 1000)")
    p.add_argument("--max-input-bytes", type=_size("--max-input-bytes"), metavar="SIZE",
                   default=defaults.max_input_bytes, help="stop an input decompressing past SIZE (default: 1TiB)")


def _size(flag: str) -> Any:
    def parse(text: str) -> int:
        from corpuskit.shard import parse_size

        try:
            return parse_size(text)
        except OptionError:
            raise argparse.ArgumentTypeError(
                f"{flag} takes a size such as 256MiB, 1GB or 1048576, not {text!r}") from None
    return parse


def _whole(flag: str) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if value < 1:
            raise argparse.ArgumentTypeError(f"{flag} takes a positive whole number, not {text!r}")
        return value
    return parse


def _options(args: argparse.Namespace, reporter: _Reporter) -> Options:
    from corpuskit.catalogue import check_rule_names

    check_rule_names(args.disable, "--disable")
    check_rule_names(args.enable, "--enable")
    opts = Options(
        dialect=args.dialect,
        delimiter=args.delimiter,
        encoding=args.encoding,
        disable=args.disable,
        enable=args.enable,
        dayfirst=not args.monthfirst,
        header_fields=args.header_field,
        typo_user_file=args.typo_user_file,
        protected_words_file=args.protected_words,
        jobs=_jobs(args.jobs, reporter),
        max_document_bytes=args.max_document_bytes,
        max_ratio=args.max_ratio,
        max_input_bytes=args.max_input_bytes,
    )
    _validate(opts)
    return opts


def _jobs(jobs: int, reporter: _Reporter) -> int:
    """More workers than cores only adds start-up time and memory (100000 of them: minutes)."""
    if jobs < 0:
        raise OptionError("--jobs takes 0 (all cores) or a positive number")
    cores = os.cpu_count() or 1
    if jobs > cores:
        reporter.warn(f"--jobs {jobs} is more than the {cores} core(s) of this machine; using {cores}")
        return cores
    return jobs


def _validate(opts: Options) -> None:
    """Usage errors are found before any input is read (Options checks the values themselves)."""
    from corpuskit.dialects import custom_dialect, get_dialect

    if opts.delimiter:
        custom_dialect(opts.delimiter)
    elif opts.dialect:
        get_dialect(opts.dialect)


def _progress(docs: Iterator[_Built], enabled: bool) -> Iterator[_Built]:
    if not enabled:
        yield from docs
        return
    from tqdm import tqdm

    yield from tqdm(docs, unit=" doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def _show_progress(args: argparse.Namespace) -> bool:
    if getattr(args, "quiet", False):
        return False
    if args.progress is not None:
        return bool(args.progress)
    return sys.stderr.isatty()


_GLOB_CHARS = frozenset("*?[")


def _expand(inputs: Sequence[str], reporter: _Reporter) -> list[str]:
    """Expand a quoted glob (``'data/*.txt'``), as a shell would; an unmatched one is an input error."""
    out: list[str] = []
    for item in inputs:
        if item == "-" or not _GLOB_CHARS & set(item) or os.path.exists(item):
            out.append(item)
            continue
        matches = sorted(glob.glob(item, recursive=True))
        if not matches:
            reporter(InputError("no file matches this pattern", path=item))
        out.extend(matches)
    return out


def _documents(args: argparse.Namespace, reporter: _Reporter) -> Iterator[Document]:
    from corpuskit.reader import read

    opts = _options(args, reporter)
    docs = read(*_expand(args.inputs, reporter), on_error=reporter, options=opts)
    return _strict(docs, reporter) if args.strict else docs


def _encoded(args: argparse.Namespace, reporter: _Reporter, encode: Callable[[Document], bytes]) -> Iterator[Encoded]:
    """The documents as ``encode`` makes them, encoded where they are built (see RecordExporter)."""
    from corpuskit.reader import read_encoded

    opts = _options(args, reporter)
    records = read_encoded(*_expand(args.inputs, reporter), encode=encode, on_error=reporter, options=opts)
    return _strict(records, reporter) if args.strict else records


_Built = TypeVar("_Built", Document, "Encoded")


def _strict(docs: Iterator[_Built], reporter: _Reporter) -> Iterator[_Built]:
    """--strict: each warning is reported as an error; the document is still written."""
    for doc in docs:
        path = doc.source.path if isinstance(doc, Document) else doc.path
        for w in doc.warnings:
            reporter(CorpuskitError(f"{doc.id}: {w.code}: {w.message}", path=path, offset=w.offset))
        yield doc


class _Tally(Generic[_Built]):
    """Counts what passes through, for the summary line; raises _NothingRead at an empty failed end."""

    def __init__(self, docs: Iterator[_Built], reporter: _Reporter) -> None:
        self.docs: Iterator[_Built] = docs
        self.reporter = reporter
        self.documents = 0
        self.warnings = 0

    def __iter__(self) -> Iterator[_Built]:
        for doc in self.docs:
            self.documents += 1
            self.warnings += len(doc.warnings)
            yield doc
        if not self.documents and self.reporter.failed:
            raise _NothingRead()


def _format_for(args: argparse.Namespace) -> str:
    """--format, or the format whose suffix the output path has (``out.jsonl`` -> jsonl)."""
    from corpuskit import exporters

    if args.format:
        return str(args.format)
    formats = exporters.available()
    name = os.path.basename(args.output).lower()
    by_suffix = sorted(((cls.suffix.lower(), key) for key, cls in formats.items() if cls.suffix),
                       key=lambda pair: -len(pair[0]))
    for suffix, key in by_suffix:
        if name.endswith(suffix):
            return key
    known = ", ".join(f"{key} ({cls.suffix})" for key, cls in formats.items() if cls.suffix)
    raise OptionError(f"give --format: the output name {args.output!r} does not end with a format's suffix; "
                      f"known: {known}")


def cmd_export(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit import exporters

    started = time.monotonic()
    raw: dict[str, str] = {}
    for item in args.option:
        key, sep, value = item.partition("=")
        if not sep:
            raise OptionError(f"--option takes KEY=VALUE, not {item!r}")
        raw[key.strip()] = value
    cls = exporters.get(_format_for(args))
    try:  # a bad option fails before any input is read
        exporter = cls(exporters.parse_options(cls, raw))
    except OptionError:
        raise
    except (ValueError, TypeError, OSError) as exc:
        raise OptionError(f"format {cls.name!r}: {exc}") from None
    if args.output == "-" and cls.layout == "directory":
        raise OptionError(f"format {cls.name!r} writes a directory; --output must be a path, not '-'")
    destination: Any = sys.stdout.buffer if args.output == "-" else args.output
    tally: _Tally[Any]
    with contextlib.suppress(_NothingRead):  # nothing read: no empty output, a previous file is kept
        if isinstance(exporter, exporters.RecordExporter):  # workers encode; only bytes come back
            tally = _Tally(_progress(_encoded(args, reporter, exporter.encode), _show_progress(args)), reporter)
            exporters.write_records_to(exporter, (record.data for record in tally), destination)
        else:
            tally = _Tally(_progress(_documents(args, reporter), _show_progress(args)), reporter)
            exporters.write_to(exporter, iter(tally), destination)
    if not args.quiet:
        print(f"corpuskit: exported {tally.documents} document(s), {tally.warnings} warning(s), "
              f"{reporter.failed} error(s) in {time.monotonic() - started:.1f} s", file=sys.stderr)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def _summarise(docs: Iterator[Document]) -> dict[str, Any]:
    files: dict[str, dict[str, Any]] = {}
    rows = []
    for doc in docs:
        path = doc.source.path
        f = files.setdefault(
            path,
            {"dialect": doc.source.dialect, "documents": 0, "encodings": Counter(), "edits": Counter(), "titles": 0,
             "authors": 0, "dates": 0, "trailer": Counter(), "warnings": Counter()},
        )
        f["documents"] += 1
        f["encodings"][doc.source.encoding] += 1
        for e in doc.edits:
            f["edits"][e.rule] += 1
        f["titles"] += doc.title is not None
        f["authors"] += bool(doc.authors)
        f["dates"] += doc.date is not None
        for b in doc.trailer:
            f["trailer"][b.kind] += 1
        for w in doc.warnings:
            f["warnings"][w.code] += 1
        rows.append(
            {
                "id": doc.id,
                "path": path,
                "offset": doc.source.offset,
                "bytes": doc.source.length,
                "encoding": doc.source.encoding,
                "confidence": doc.source.confidence,
                "language": doc.language.to_dict() if doc.language is not None else None,
                "edits": dict(Counter(e.rule for e in doc.edits)),
                "examples": _examples(doc),
                "title": doc.title,
                "authors": list(doc.authors),
                "date": doc.date,
                "dateline": doc.dateline,
                "trailer": [b.kind for b in doc.trailer],
                "trailer_scores": [b.score for b in doc.blocks if b.region == "trailer"],
                "boilerplate_before": sum(b.kind == "boilerplate" for b in doc.blocks if b.region == "header"),
                "warnings": [f"{w.code}: {w.message}" for w in doc.warnings],
            }
        )
    plain = {p: {k: dict(v) if isinstance(v, Counter) else v for k, v in f.items()} for p, f in files.items()}
    return {"files": plain, "totals": _totals(files), "documents": rows}


def _totals(files: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The corpus as a whole: the per-file counts added up."""
    out: dict[str, Any] = {"files": len(files), "documents": 0, "titles": 0, "authors": 0, "dates": 0}
    counters = {k: Counter[str]() for k in ("encodings", "edits", "trailer", "warnings")}
    for f in files.values():
        for k in ("documents", "titles", "authors", "dates"):
            out[k] += f[k]
        for k, c in counters.items():
            c.update(f[k])
    out.update({k: dict(c) for k, c in counters.items()})
    return out


def _examples(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in doc.edits:
        shown = out.setdefault(e.rule, [])
        if len(shown) < 3:
            shown.append(f"{e.before!r} -> {e.after!r}")
    return out


def _fmt_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"


class _Printable:
    """A text stream that escapes control characters in what is printed (names, titles)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        lines = text.split("\n")
        return self.stream.write("\n".join(printable(line) for line in lines))

    def flush(self) -> None:
        self.stream.flush()


def _print_counts(f: dict[str, Any], out: Any) -> None:
    print(f"  encodings: {_fmt_counts(f['encodings'])}", file=out)
    print(f"  edits by rule: {_fmt_counts(f['edits'])}", file=out)
    print(f"  header: title {f['titles']}, authors {f['authors']}, date {f['dates']}", file=out)
    print(f"  trailer kinds: {_fmt_counts(f['trailer'])}", file=out)
    print(f"  warnings: {_fmt_counts(f['warnings'])}", file=out)


def cmd_inspect(args: argparse.Namespace, reporter: _Reporter) -> int:
    docs = _progress(_documents(args, reporter), _show_progress(args))
    index = None
    if args.duplicates:  # near-duplicate clusters (the dedup extra); see corpuskit.neardup
        from corpuskit.neardup import Deduplicator, dedup

        index = Deduplicator()
        docs = dedup(docs, index=index)
    page = None
    if args.html:  # the one-page report: figures gathered as the documents pass
        from corpuskit.htmlreport import StatsBuilder

        page = StatsBuilder()
        docs = page.tap(docs)
    report = _summarise(docs)
    if page is not None:
        from corpuskit.htmlreport import write_report

        write_report(args.html, page.stats(), title=f"Corpus report: {', '.join(args.inputs)}"[:200],
                     clusters=index.clusters() if index is not None else None)
    if index is not None:
        from corpuskit.neardup.report import cluster_dicts

        report["duplicates"] = cluster_dicts(index.clusters())
    if args.json:
        json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return EXIT_INPUT if reporter.failed else EXIT_OK
    out = _Printable(sys.stdout)
    for path, f in report["files"].items():
        print(f"{path}: {f['documents']} document(s), dialect {f['dialect'] or '-'}", file=out)
        _print_counts(f, out)
    totals = report["totals"]
    if totals["files"] > 1:
        print(f"total: {totals['files']} file(s), {totals['documents']} document(s)", file=out)
        _print_counts(totals, out)
    if report["documents"]:
        print(file=out)
    for row in report["documents"]:
        edits = sum(row["edits"].values())
        title = row["title"] or "-"
        lang = row["language"]
        lang_text = f"{lang['code']} ({lang['confidence']:.2f})" if lang else "-"
        print(f"{row['id']}  {row['encoding']} ({row['confidence']:.2f})  {row['bytes']} B  "
              f"language {lang_text}  edits {edits}  title: {title}", file=out)
        if row["authors"] or row["date"] or row["dateline"]:
            print(f"    authors: {', '.join(row['authors']) or '-'}  date: {row['date'] or '-'}  "
                  f"dateline: {row['dateline'] or '-'}", file=out)
        for rule, examples in sorted(row["examples"].items()):
            print(f"    {rule} x{row['edits'][rule]}: {'; '.join(examples)}", file=out)
        if row["boilerplate_before"]:
            print(f"    boilerplate before the article: {row['boilerplate_before']} block(s)", file=out)
        if row["trailer"]:
            pairs = zip(row["trailer"], row["trailer_scores"], strict=True)
            scored = (f"{k} ({s:+.1f})" if s is not None else k for k, s in pairs)
            print(f"    trailer (junk score): {', '.join(scored)}", file=out)
        for w in row["warnings"]:
            print(f"    warning: {w}", file=out)
    if index is not None:
        from corpuskit.neardup.report import cluster_lines

        print(file=out)
        for line in cluster_lines(index.clusters()):
            print(line, file=out)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def cmd_dedup(args: argparse.Namespace, reporter: _Reporter) -> int:
    """Mark (or --drop) near-duplicate articles while exporting; see corpuskit.neardup."""
    from corpuskit import exporters
    from corpuskit.neardup import DedupParams
    from corpuskit.neardup.report import summary_line, write_clusters, write_deduplicated

    try:
        params = DedupParams() if args.threshold is None else DedupParams(threshold=args.threshold)
    except ValueError as exc:
        raise OptionError(f"--threshold: {exc}") from None
    bad = [item for item in args.option if "=" not in item]
    if bad:
        raise OptionError(f"--option takes KEY=VALUE, not {bad[0]!r}")
    raw = {k.strip(): v for k, _, v in (item.partition("=") for item in args.option)}
    cls = exporters.get(args.format)
    exporter = cls(exporters.parse_options(cls, raw))
    docs = _progress(_documents(args, reporter), _show_progress(args))
    destination: Any = sys.stdout.buffer if args.output == "-" else args.output
    index = write_deduplicated(docs, lambda marked: exporters.write_to(exporter, marked, destination),
                               params=params, drop=args.drop)
    if args.clusters:
        write_clusters(index.clusters(), args.clusters)
    print(f"corpuskit: {summary_line(index)}", file=sys.stderr)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def _show_default(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "none" if value is None else repr(value) if isinstance(value, str) else str(value)


def cmd_formats(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit import exporters

    formats = exporters.available()
    out = _Printable(sys.stdout)
    for name, cls in formats.items():
        layout = "one file" if cls.layout == "file" else "a directory"
        print(f"{name}: {cls.description}", file=out)
        print(f"    writes {layout} ({cls.suffix or 'no suffix'}, {cls.media_type}); from {cls.__module__}", file=out)
        options = exporters.describe_options(cls)
        if not options:
            print("    no options", file=out)
        for opt in options:
            usage = f"--option {opt.name}={opt.type.split('|')[0].strip().upper()}"
            print(f"    {usage:32} {opt.help} (default: {_show_default(opt.default)})", file=out)
    if not formats:
        print("no exporters installed", file=sys.stderr)
    return EXIT_OK


def cmd_rules(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.catalogue import known_rules

    rules = known_rules()
    width = max(len(r.name) for r in rules)
    for rule in rules:
        note = "" if rule.default else " (off by default: --enable it)"
        print(f"{rule.name:{width}}  {rule.summary}{note}")
    print("\n--disable NAME switches a rule off, --disable FAMILY (typo, unicode, structure...) every rule in it")
    return EXIT_OK


def _done(args: argparse.Namespace, message: str) -> None:
    if not getattr(args, "quiet", False):
        print(f"corpuskit: {printable(message)}", file=sys.stderr)


def cmd_pack(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.packing import pack

    n = pack(_expand(args.inputs, reporter), args.output, on_error=reporter)
    _done(args, f"packed {n} document(s) into {args.output}")
    return EXIT_INPUT if reporter.failed else EXIT_OK


def cmd_unpack(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.packing import unpack

    opts: dict[str, Any] = {}
    if args.dialect:
        opts["dialect"] = args.dialect
    n = unpack(_expand(args.inputs, reporter), args.output, on_error=reporter, **opts)
    _done(args, f"unpacked {n} document(s) into {args.output}")
    return EXIT_INPUT if reporter.failed else EXIT_OK


def cmd_shard(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.shard import parse_size, shard

    size = parse_size(args.shard_size)  # a bad size is a usage error, before reading
    opts = _options(args, reporter)
    result = shard(_expand(args.inputs, reporter), args.output, shard_size=size, on_error=reporter, options=opts)
    _done(args, f"wrote {result.documents} document(s) in {len(result.shards)} shard(s) under {args.output}")
    return EXIT_INPUT if reporter.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="corpuskit",
        description="Turn concatenated news-article corpora into clean, typed documents.",
    )
    parser.add_argument("--version", action="version", version=f"corpuskit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("export", help="clean a corpus and write it in a format")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    _add_output_args(p, None, "output format (see 'corpuskit formats'; default: from the output's suffix)")
    _add_reader_args(p)
    _add_progress(p)
    _add_quiet(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("inspect", help="report dialect, encodings, edits, header and trailer per document")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.add_argument("--duplicates", action="store_true",
                   help="also list near-duplicate clusters (needs the dedup extra)")
    p.add_argument("--html", metavar="REPORT", help="also write a one-page HTML report of the corpus")
    _add_reader_args(p)
    _add_progress(p)
    _add_quiet(p)
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("dedup", help="export with near-duplicate articles marked (or dropped)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    _add_output_args(p, "jsonl", "output format (default: jsonl)")
    p.add_argument("--drop", action="store_true", help="leave the copies out instead of marking them")
    p.add_argument("--clusters", metavar="FILE", help="also write every cluster with its members as JSON")
    p.add_argument("--threshold", type=float, default=None, metavar="J",
                   help="estimated Jaccard similarity a copy reaches (default: 0.5, see docs/dedup.md)")
    _add_reader_args(p)
    _add_progress(p)
    p.set_defaults(func=cmd_dedup)

    p = sub.add_parser("formats", help="list installed exporters and their options")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser("rules", help="list every cleaning rule and stage switch, with its one-line description")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("pack", help="pack directories of article files into one banner corpus")
    p.add_argument("inputs", nargs="+", metavar="DIR")
    p.add_argument("--output", "-o", required=True, metavar="FILE")
    _add_quiet(p)
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("unpack", help="write one file per document")
    p.add_argument("inputs", nargs="+", metavar="FILE")
    p.add_argument("--output", "-o", required=True, metavar="DIR")
    p.add_argument("--dialect", help="force a dialect")
    _add_quiet(p)
    p.set_defaults(func=cmd_unpack)

    p = sub.add_parser("shard", help="write jsonl.gz shards with done markers (datatrove/dolma layout)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--output", "-o", required=True, metavar="DIR")
    p.add_argument("--shard-size", default="1GB", metavar="SIZE",
                   help="compressed size of a shard, e.g. 1GB, 500MiB (default: 1GB)")
    _add_reader_args(p)
    _add_quiet(p)
    p.set_defaults(func=cmd_shard, strict=False)
    return parser


def _add_output_args(p: argparse.ArgumentParser, default_format: str | None, format_help: str) -> None:
    """What an exporting command writes: ``--format``, ``--output`` and the exporter's ``--option``s."""
    p.add_argument("--format", "-f", default=default_format, help=format_help)
    p.add_argument("--output", "-o", required=True, help="output path ('-' for standard output)")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE", help="exporter option")


def _add_progress(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")


def _add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quiet", "-q", action="store_true", help="print errors only: no summary, no progress bar")


def _one_line_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                      file: TextIO | None = None, line: str | None = None) -> None:
    """Python warnings (a plugin that failed to load) as one clean line, not two with a source line."""
    text = str(message)
    text = text[len("corpuskit: "):] if text.startswith("corpuskit: ") else text
    print(f"corpuskit: warning: {printable(text)}", file=file or sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    reporter = _Reporter(sys.stderr)
    previous_term = previous_show = None
    try:
        if hasattr(signal, "SIGTERM") and _main_thread():
            previous_term = signal.signal(signal.SIGTERM, _on_sigterm)
        previous_show, warnings.showwarning = warnings.showwarning, _one_line_warning
        args = build_parser().parse_args(argv)
        return int(args.func(args, reporter))
    except (OptionError, DialectError) as exc:
        print(f"corpuskit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpuskitError as exc:
        reporter(exc)
        return EXIT_INPUT
    except _Terminated:
        print("corpuskit: terminated; no partial output was left behind", file=sys.stderr)
        return 128 + int(signal.SIGTERM)
    except KeyboardInterrupt:
        print("corpuskit: interrupted; no partial output was left behind", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # an ordinary OS problem: one line naming the path and the cause
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"corpuskit: error: {printable(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        return EXIT_INPUT
    except Exception as exc:
        if "--debug" in (sys.argv[1:] if argv is None else argv):
            raise
        print(f"corpuskit: internal error: {printable(repr(exc))} (run with --debug for a traceback, "
              "and please report it)", file=sys.stderr)
        return EXIT_INPUT
    finally:
        if previous_show is not None:
            warnings.showwarning = previous_show
        if previous_term is not None:
            signal.signal(signal.SIGTERM, previous_term)


def run() -> NoReturn:
    """The ``corpuskit`` command: :func:`main`, then exit with its status.

    Before exiting, every object still alive is frozen out of the garbage collector
    (``gc.freeze``): the interpreter's last collections would walk the word lists, the
    language model's tables and the caches one more time only to free memory the exit
    gives back anyway; 0.58 -> 0.11 s of a run over 10 MB with one job, 0.38 -> 0.06 s with
    two (docs/performance.md). Exit handlers still run; ``main`` closed every output.
    """
    code = main()
    gc.freeze()
    sys.exit(code)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


if __name__ == "__main__":
    run()
