"""The ``corpuskit`` command: export, inspect, formats, pack, unpack.

Exit status: 0 on success, 1 when any input failed, 2 on usage errors. Every error is
one line naming the file and byte offset; a traceback only ever reaches a user through
``--debug``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, TextIO

from corpuskit import __version__
from corpuskit.errors import CorpuskitError, DialectError, OptionError
from corpuskit.model import Document
from corpuskit.options import Options

__all__ = ["main"]

EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 1, 2


class _Reporter:
    """Prints each input error as one line and remembers that one happened."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.failed = 0

    def __call__(self, error: CorpuskitError) -> None:
        self.failed += 1
        print(f"corpuskit: error: {error}", file=self.stream, flush=True)


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
    p.add_argument("--typo-user-file", metavar="FILE", help="your own 'wrong -> right' corrections")
    p.add_argument("--protected-words", metavar="FILE", help="words never to correct, one per line")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (0 = all cores)")
    p.add_argument("--strict", action="store_true",
                   help="treat every document warning as an error (reported, exit status 1)")


def _options(args: argparse.Namespace) -> Options:
    opts = Options(
        dialect=args.dialect,
        delimiter=args.delimiter,
        encoding=args.encoding,
        disable=args.disable,
        enable=args.enable,
        dayfirst=not args.monthfirst,
        typo_user_file=args.typo_user_file,
        protected_words_file=args.protected_words,
        jobs=args.jobs,
    )
    _validate(opts)
    return opts


def _validate(opts: Options) -> None:
    """Usage errors are found before any input is read."""
    from corpuskit.dialects import custom_dialect, get_dialect

    if opts.delimiter:
        custom_dialect(opts.delimiter)
    elif opts.dialect:
        get_dialect(opts.dialect)
    if opts.encoding:
        import codecs

        try:
            codecs.lookup(opts.encoding)
        except LookupError:
            raise OptionError(f"unknown encoding {opts.encoding!r}") from None
    if opts.jobs < 0:
        raise OptionError("--jobs takes 0 (all cores) or a positive number")


def _progress(docs: Iterator[Document], enabled: bool) -> Iterator[Document]:
    if not enabled:
        yield from docs
        return
    from tqdm import tqdm

    yield from tqdm(docs, unit=" doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)


def _show_progress(args: argparse.Namespace) -> bool:
    if args.progress is not None:
        return bool(args.progress)
    return sys.stderr.isatty()


def _documents(args: argparse.Namespace, reporter: _Reporter) -> Iterator[Document]:
    from corpuskit.reader import read

    opts = _options(args)
    docs = read(*args.inputs, on_error=reporter, options=opts)
    return _strict(docs, reporter) if args.strict else docs


def _strict(docs: Iterator[Document], reporter: _Reporter) -> Iterator[Document]:
    """--strict: each warning is reported as an error; the document is still written."""
    for doc in docs:
        for w in doc.warnings:
            reporter(CorpuskitError(f"{doc.id}: {w.code}: {w.message}", path=doc.source.path, offset=w.offset))
        yield doc


def cmd_export(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit import exporters

    raw: dict[str, str] = {}
    for item in args.option:
        key, sep, value = item.partition("=")
        if not sep:
            raise OptionError(f"--option takes KEY=VALUE, not {item!r}")
        raw[key.strip()] = value
    cls = exporters.get(args.format)
    exporter = cls(exporters.parse_options(cls, raw))  # a bad option fails before any input is read
    if args.output == "-" and cls.layout == "directory":
        raise OptionError(f"format {cls.name!r} writes a directory; --output must be a path, not '-'")
    docs = _progress(_documents(args, reporter), _show_progress(args))
    destination: Any = sys.stdout.buffer if args.output == "-" else args.output
    exporters.write_to(exporter, docs, destination)
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
                "warnings": [f"{w.code}: {w.message}" for w in doc.warnings],
            }
        )
    return {"files": {p: {k: dict(v) if isinstance(v, Counter) else v for k, v in f.items()} for p, f in files.items()},
            "documents": rows}


def _examples(doc: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for e in doc.edits:
        shown = out.setdefault(e.rule, [])
        if len(shown) < 3:
            shown.append(f"{e.before!r} -> {e.after!r}")
    return out


def _fmt_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"


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
    out = sys.stdout
    for path, f in report["files"].items():
        print(f"{path}: {f['documents']} document(s), dialect {f['dialect'] or '-'}", file=out)
        print(f"  encodings: {_fmt_counts(f['encodings'])}", file=out)
        print(f"  edits by rule: {_fmt_counts(f['edits'])}", file=out)
        print(f"  header: title {f['titles']}, authors {f['authors']}, date {f['dates']}", file=out)
        print(f"  trailer kinds: {_fmt_counts(f['trailer'])}", file=out)
        print(f"  warnings: {_fmt_counts(f['warnings'])}", file=out)
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
        if row["trailer"]:
            print(f"    trailer: {', '.join(row['trailer'])}", file=out)
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
    for name, cls in formats.items():
        layout = "one file" if cls.layout == "file" else "a directory"
        print(f"{name}: {cls.description}")
        print(f"    writes {layout} ({cls.suffix or 'no suffix'}, {cls.media_type}); from {cls.__module__}")
        options = exporters.describe_options(cls)
        if not options:
            print("    no options")
        for opt in options:
            usage = f"--option {opt.name}={opt.type.split('|')[0].strip().upper()}"
            print(f"    {usage:32} {opt.help} (default: {_show_default(opt.default)})")
    if not formats:
        print("no exporters installed", file=sys.stderr)
    return EXIT_OK


def cmd_pack(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.packing import pack

    n = pack(args.inputs, args.output, on_error=reporter)
    print(f"corpuskit: packed {n} document(s) into {args.output}", file=sys.stderr)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def cmd_unpack(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.packing import unpack

    opts: dict[str, Any] = {}
    if args.dialect:
        opts["dialect"] = args.dialect
    n = unpack(args.inputs, args.output, on_error=reporter, **opts)
    print(f"corpuskit: unpacked {n} document(s) into {args.output}", file=sys.stderr)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def cmd_shard(args: argparse.Namespace, reporter: _Reporter) -> int:
    from corpuskit.shard import parse_size, shard

    size = parse_size(args.shard_size)  # a bad size is a usage error, before reading
    result = shard(args.inputs, args.output, shard_size=size, on_error=reporter, options=_options(args))
    print(f"corpuskit: wrote {result.documents} document(s) in {len(result.shards)} shard(s) "
          f"under {args.output}", file=sys.stderr)
    return EXIT_INPUT if reporter.failed else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpuskit",
        description="Turn concatenated news-article corpora into clean, typed documents.",
    )
    parser.add_argument("--version", action="version", version=f"corpuskit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("export", help="clean a corpus and write it in a format")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--format", "-f", required=True, help="output format (see 'corpuskit formats')")
    p.add_argument("--output", "-o", required=True, help="output path ('-' for standard output)")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE", help="exporter option")
    _add_reader_args(p)
    _add_progress(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("inspect", help="report dialect, encodings, edits, header and trailer per document")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.add_argument("--duplicates", action="store_true",
                   help="also list near-duplicate clusters (needs the dedup extra)")
    p.add_argument("--html", metavar="REPORT", help="also write a one-page HTML report of the corpus")
    _add_reader_args(p)
    _add_progress(p)
    p.set_defaults(func=cmd_inspect)

    p = sub.add_parser("dedup", help="export with near-duplicate articles marked (or dropped)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--output", "-o", required=True, help="output path ('-' for standard output)")
    p.add_argument("--format", "-f", default="jsonl", help="output format (default: jsonl)")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE", help="exporter option")
    p.add_argument("--drop", action="store_true", help="leave the copies out instead of marking them")
    p.add_argument("--clusters", metavar="FILE", help="also write every cluster with its members as JSON")
    p.add_argument("--threshold", type=float, default=None, metavar="J",
                   help="estimated Jaccard similarity a copy reaches (default: 0.5, see docs/dedup.md)")
    _add_reader_args(p)
    _add_progress(p)
    p.set_defaults(func=cmd_dedup)

    p = sub.add_parser("formats", help="list installed exporters and their options")
    p.set_defaults(func=cmd_formats)

    p = sub.add_parser("pack", help="pack directories of article files into one banner corpus")
    p.add_argument("inputs", nargs="+", metavar="DIR")
    p.add_argument("--output", "-o", required=True, metavar="FILE")
    p.set_defaults(func=cmd_pack)

    p = sub.add_parser("unpack", help="write one file per document")
    p.add_argument("inputs", nargs="+", metavar="FILE")
    p.add_argument("--output", "-o", required=True, metavar="DIR")
    p.add_argument("--dialect", help="force a dialect")
    p.set_defaults(func=cmd_unpack)

    p = sub.add_parser("shard", help="write jsonl.gz shards with done markers (datatrove/dolma layout)")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--output", "-o", required=True, metavar="DIR")
    p.add_argument("--shard-size", default="1GB", metavar="SIZE",
                   help="compressed size of a shard, e.g. 1GB, 500MiB (default: 1GB)")
    _add_reader_args(p)
    p.set_defaults(func=cmd_shard, strict=False)
    return parser


def _add_progress(p: argparse.ArgumentParser) -> None:
    p.add_argument("--progress", dest="progress", action="store_true", default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.add_argument("--no-progress", dest="progress", action="store_false")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    reporter = _Reporter(sys.stderr)
    try:
        return int(args.func(args, reporter))
    except (OptionError, DialectError) as exc:
        print(f"corpuskit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except CorpuskitError as exc:
        reporter(exc)
        return EXIT_INPUT
    except KeyboardInterrupt:
        print("corpuskit: interrupted; no partial output was left behind", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if args.debug:
            raise
        print(f"corpuskit: internal error: {exc!r} (run with --debug for a traceback, and please report it)",
              file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":
    sys.exit(main())
