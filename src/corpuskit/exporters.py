"""The exporter plugin contract and its registry.

An exporter is a class with a few class attributes and one method. Plugins are found
through the ``corpuskit.exporters`` entry-point group, loaded lazily, once; the built-in
formats in ``plugins/`` are registered the same way, so nothing here knows any format.
A plugin that fails to load is reported with a warning naming it and never stops the
others from working.
"""

from __future__ import annotations

import os
import re
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Literal, Protocol, get_args, runtime_checkable

import attrs

from corpuskit.atomic import atomic_directory, atomic_file
from corpuskit.errors import ExportError, OptionError, PluginError
from corpuskit.model import Document

__all__ = [
    "ENTRY_POINT_GROUP",
    "LAYOUTS",
    "Exporter",
    "Layout",
    "NoOptions",
    "OptionInfo",
    "RecordExporter",
    "available",
    "create",
    "describe_options",
    "export",
    "get",
    "parse_options",
    "register",
    "unregister",
    "validate_exporter",
    "write_records_to",
    "write_to",
]

ENTRY_POINT_GROUP = "corpuskit.exporters"
#: What ``write`` is given: a binary stream (``file``) or an empty directory (``directory``).
Layout = Literal["file", "directory"]
LAYOUTS: tuple[Layout, ...] = get_args(Layout)

#: The distribution whose entry points are the built-in formats: they are loaded first,
#: so a third-party plugin can never shadow ``json`` or ``csv`` by sorting earlier.
_BUILTIN_DIST = "corpuskit"
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]*")


@attrs.frozen
class NoOptions:
    """The options class of an exporter that takes none."""


@runtime_checkable
class Exporter(Protocol):
    """What an exporter plugin is: the contract every format keeps.

    Class attributes describe the format; ``Options`` is a frozen attrs class whose
    fields are the format's options (typed, with defaults, documented by their
    ``metadata["help"]``). ``layout`` is ``"file"`` (``write`` gets a binary stream it
    must not close) or ``"directory"`` (``write`` gets an empty directory to fill).
    ``write`` reads the iterable once, in order, and must not hold the whole corpus in
    memory. Atomicity is not the exporter's job: :func:`export` gives it a temporary
    that is renamed into place only when ``write`` returns.
    """

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]
    layout: ClassVar[Layout]
    Options: ClassVar[type]

    def __init__(self, options: Any) -> None: ...

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None: ...


@runtime_checkable
class RecordExporter(Exporter, Protocol):
    """An exporter whose output is its documents encoded one by one, in order, plus framing.

    Optional: an exporter that has these two methods is one. ``encode`` turns one
    document into its bytes in the output; it must be a pure function of the document
    and the exporter's options, because it runs where the document is built (in a
    worker process with ``--jobs``: the exporter is pickled there, so it must be
    picklable, as a class holding its attrs Options is). ``write_records`` writes what
    ``write`` would, given ``encode`` of each document: the framing (a header row, a
    JSON array's brackets) and the records as they are. Then the parent process only
    writes bytes and never rebuilds Document objects, which is what bounds the speed-up
    of ``--jobs``. ``write(docs, dest)`` must equal
    ``write_records(map(encode, docs), dest)``; ``corpuskit.testing.check_exporter``
    checks it.
    """

    def encode(self, document: Document) -> bytes: ...

    def write_records(self, records: Iterable[bytes], destination: BinaryIO | Path) -> None: ...


_STRINGS = ("name", "suffix", "media_type", "description", "layout")
_REQUIRED = (*_STRINGS, "Options", "write")

_registry: dict[str, type[Exporter]] = {}
_loaded = False
_lock = threading.RLock()


def validate_exporter(cls: object, label: str) -> type[Exporter]:
    """``cls`` if it keeps the exporter contract, else a PluginError saying what is wrong
    (``label`` names it in the message). The registry runs it on every exporter it loads;
    the conformance kit runs it first."""
    if not isinstance(cls, type):
        raise PluginError(f"exporter {label} is a {type(cls).__name__}, not a class")
    missing = [attr for attr in _REQUIRED if not hasattr(cls, attr)]
    if missing:
        raise PluginError(f"exporter {label} lacks {', '.join(missing)}")
    wrong = [attr for attr in _STRINGS if not isinstance(getattr(cls, attr), str)]
    if wrong:
        raise PluginError(f"exporter {label}: {', '.join(wrong)} must be strings")
    if not _NAME.fullmatch(getattr(cls, "name", "")):
        raise PluginError(f"exporter {label}: name must be lowercase letters, digits, '.', '_' or '-'")
    if getattr(cls, "layout", None) not in LAYOUTS:
        raise PluginError(f"exporter {label}: layout must be 'file' or 'directory'")
    if not callable(getattr(cls, "write", None)):
        raise PluginError(f"exporter {label}: write must be a method")
    options_cls = getattr(cls, "Options", None)
    if not (isinstance(options_cls, type) and attrs.has(options_cls)):
        raise PluginError(f"exporter {label}: Options must be an attrs class")
    try:
        options_cls()
    except Exception as exc:  # any failure means the defaults are unusable
        raise PluginError(f"exporter {label}: Options() without arguments fails: {exc}") from None
    return cls


def register(cls: type[Exporter], *, name: str | None = None) -> type[Exporter]:
    """Register an exporter defined in a script or notebook (usable as a decorator).

    A name that is already taken by another class is refused, built-ins included:
    formats are what users type, so one name must always mean one thing.
    """
    _load_entry_points()
    key = name or getattr(cls, "name", None)
    if not key:
        raise PluginError("an exporter needs a name")
    checked = validate_exporter(cls, repr(key))
    with _lock:
        taken = _registry.get(key)
        if taken is not None and taken is not cls and not _redefinition(taken, cls):
            raise PluginError(f"an exporter named {key!r} is already registered ({taken.__module__})")
        _registry[key] = checked
    return cls


def _redefinition(old: type, new: type) -> bool:
    """The same class defined again (a notebook cell run twice), not a different plugin."""
    return (old.__module__, old.__qualname__) == (new.__module__, new.__qualname__)


def unregister(name: str) -> None:
    """Forget the format ``name`` in this process (for tests and notebooks); unknown names are ignored."""
    _load_entry_points()
    with _lock:
        _registry.pop(name, None)


def _entry_points() -> list[metadata.EntryPoint]:
    """The group's entries, built-ins first, then by name and distribution (stable order)."""
    found = metadata.entry_points(group=ENTRY_POINT_GROUP)

    def order(ep: metadata.EntryPoint) -> tuple[bool, str, str]:
        dist = ep.dist.name if ep.dist is not None else ""
        return (dist != _BUILTIN_DIST, ep.name, dist)

    return sorted(found, key=order)


def _warn(message: str) -> None:
    warnings.warn(f"corpuskit: {message}", RuntimeWarning, stacklevel=4)


def _load_entry_points() -> None:
    global _loaded
    with _lock:
        if _loaded:
            return
        _loaded = True
        for ep in _entry_points():
            dist = f" from {ep.dist.name}" if ep.dist is not None else ""
            label = f"{ep.name!r} ({ep.value}{dist})"
            try:
                cls = ep.load()
                checked = validate_exporter(cls, label)
                if checked.name != ep.name:
                    raise PluginError(f"exporter {label} calls itself {checked.name!r}")
            except SystemExit as exc:  # sys.exit() at import must not end the program using it
                _warn(f"exporter plugin {label} could not be loaded: it called sys.exit({exc.code!r}) at import")
                continue
            except Exception as exc:  # a broken plugin must not break the others
                _warn(f"exporter plugin {label} could not be loaded: {exc}")
                continue
            taken = _registry.get(ep.name)
            if taken is not None and taken is not cls:
                _warn(f"exporter plugin {label} ignored: the name is taken by {taken.__module__}")
                continue
            _registry[ep.name] = checked


def available() -> dict[str, type[Exporter]]:
    """Every usable exporter by format name, sorted."""
    _load_entry_points()
    with _lock:
        return dict(sorted(_registry.items()))


def get(name: str) -> type[Exporter]:
    """The exporter class of format ``name``; an unknown name lists the known ones."""
    formats = available()
    try:
        return formats[name]
    except KeyError:
        raise OptionError(f"unknown format {name!r}; known formats: {', '.join(formats) or 'none'}") from None


# -- options -------------------------------------------------------------------------


@attrs.frozen
class OptionInfo:
    """One declared option, as ``corpuskit formats`` and the docs show it."""

    name: str
    type: str
    default: Any
    help: str


def _type_name(field: attrs.Attribute[Any]) -> str:
    kind: object = field.type  # a string under ``from __future__ import annotations``
    if kind is None:
        return "str"
    if isinstance(kind, str):
        return kind
    return getattr(kind, "__name__", str(kind))


def describe_options(exporter: type[Exporter]) -> list[OptionInfo]:
    """The options of ``exporter`` in declaration order, with their types and help."""
    out = []
    for field in attrs.fields(exporter.Options):
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        out.append(OptionInfo(field.name, _type_name(field), default, str(field.metadata.get("help", ""))))
    return out


_SCALARS: dict[str, type] = {"bool": bool, "int": int, "float": float, "str": str}


def _scalar(field: attrs.Attribute[Any]) -> tuple[type, bool]:
    """The scalar type a field takes from the command line, and whether it may be None."""
    kind: object = field.type
    if isinstance(kind, str):
        parts = [p.strip() for p in kind.replace("Optional[", "").rstrip("]").split("|")]
        optional = "None" in parts
        named = [p for p in parts if p != "None"]
        return _SCALARS.get(named[0] if named else "str", str), optional
    if isinstance(kind, type) and kind in _SCALARS.values():
        return kind, False
    args = getattr(kind, "__args__", ())
    optional = type(None) in args
    for arg in args:
        if isinstance(arg, type) and arg in _SCALARS.values():
            return arg, optional
    return str, optional


def _convert(field: attrs.Attribute[Any], value: Any) -> Any:
    """Turn a command-line string into the field's type; typed Python values pass through."""
    if not isinstance(value, str):
        return value
    kind, optional = _scalar(field)
    if optional and value.strip().lower() in ("", "none", "null"):
        return None
    if kind is bool:
        low = value.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise OptionError(f"option {field.name} takes true or false, not {value!r}")
    if kind in (int, float):
        try:
            return kind(value.strip())
        except ValueError:
            raise OptionError(f"option {field.name} takes a number, not {value!r}") from None
    return value


def parse_options(exporter: type[Exporter], raw: Mapping[str, Any]) -> Any:
    """Build an exporter's Options from ``KEY=VALUE`` strings (or typed values).

    An unknown key is an error listing the valid ones; a value the Options class
    refuses (its attrs validators) is an error naming the format.
    """
    fields = {f.name: f for f in attrs.fields(exporter.Options)}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        valid = ", ".join(fields) or "none"
        plural = "s" if len(unknown) > 1 else ""
        raise OptionError(
            f"format {exporter.name!r} has no option{plural} {', '.join(unknown)}; valid options: {valid}"
        )
    try:
        return exporter.Options(**{k: _convert(fields[k], v) for k, v in raw.items()})
    except OptionError as exc:
        raise OptionError(f"format {exporter.name!r}: {exc.message}") from None
    except (TypeError, ValueError) as exc:
        # attrs validators raise with (message, attribute, ...) args: show the message only.
        message = exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)
        raise OptionError(f"format {exporter.name!r}: {message}") from None


def create(name: str, **options: Any) -> Exporter:
    """An exporter of format ``name`` configured with ``options``."""
    cls = get(name)
    return cls(parse_options(cls, options))


# -- writing -------------------------------------------------------------------------


def write_to(
    exporter: Exporter,
    documents: Iterable[Document],
    destination: str | os.PathLike[str] | BinaryIO,
) -> None:
    """Run ``exporter``; a path is written atomically, a stream is written as is.

    A file format gets a temporary sibling of the path, renamed into place when
    ``write`` returns; a directory format gets a temporary directory, renamed likewise.
    If anything raises (Ctrl-C included) the temporary is removed and nothing that
    looks finished is left behind.
    """
    _atomically(exporter, destination, lambda target: exporter.write(documents, target))


def write_records_to(
    exporter: RecordExporter,
    records: Iterable[bytes],
    destination: str | os.PathLike[str] | BinaryIO,
) -> None:
    """:func:`write_to` for records already encoded by ``exporter.encode`` (same atomicity)."""
    _atomically(exporter, destination, lambda target: exporter.write_records(records, target))


def _atomically(
    exporter: Exporter, destination: str | os.PathLike[str] | BinaryIO, write: Callable[[Any], None]
) -> None:
    if not isinstance(destination, (str, os.PathLike)):
        if exporter.layout == "directory":
            raise ExportError(f"format {exporter.name!r} writes a directory; give a path")
        write(destination)
        return
    if exporter.layout == "directory":
        with atomic_directory(destination) as tmp:
            write(tmp)
    else:
        with atomic_file(destination) as fh:
            write(fh)


def export(
    documents: Iterable[Document],
    format: str,
    destination: str | os.PathLike[str] | BinaryIO,
    **options: Any,
) -> None:
    """Write ``documents`` with the exporter ``format``; paths are written atomically."""
    write_to(create(format, **options), documents, destination)
