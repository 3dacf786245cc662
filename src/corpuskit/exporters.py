"""The exporter plugin contract and its registry.

An exporter is a class with a few class attributes and one method. Plugins are found
through the ``corpuskit.exporters`` entry-point group, loaded lazily, once; the built-in
formats in ``plugins/`` are registered the same way, so nothing here knows any format.
A plugin that fails to load is reported with a warning naming it and never stops the
others from working.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, Protocol, runtime_checkable

import attrs

from corpuskit.atomic import atomic_directory, atomic_file
from corpuskit.errors import ExportError, OptionError, PluginError
from corpuskit.model import Document

__all__ = [
    "ENTRY_POINT_GROUP",
    "Exporter",
    "NoOptions",
    "available",
    "get",
    "create",
    "register",
    "export",
    "parse_options",
]

ENTRY_POINT_GROUP = "corpuskit.exporters"


@attrs.frozen
class NoOptions:
    """The options class of an exporter that takes none."""


@runtime_checkable
class Exporter(Protocol):
    """What an exporter plugin is: the contract every format keeps.

    Class attributes describe the format; ``Options`` is a frozen attrs class whose
    fields are the format's options (typed, with defaults, documented by their
    ``metadata["help"]``). ``layout`` is ``"file"`` (``write`` gets a binary stream) or
    ``"directory"`` (``write`` gets an empty directory to fill). ``write`` reads the
    iterable once, in order, and must not hold the whole corpus in memory.
    """

    name: ClassVar[str]
    suffix: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]
    layout: ClassVar[str]
    Options: ClassVar[type]

    def __init__(self, options: Any) -> None: ...

    def write(self, documents: Iterable[Document], destination: BinaryIO | Path) -> None: ...


_REQUIRED = ("name", "suffix", "media_type", "description", "layout", "Options", "write")

_registry: dict[str, type[Exporter]] = {}
_loaded = False


def _check(cls: object, label: str) -> type[Exporter]:
    missing = [attr for attr in _REQUIRED if not hasattr(cls, attr)]
    if missing:
        raise PluginError(f"exporter {label} lacks {', '.join(missing)}")
    exporter = cls  # type: ignore[assignment]
    if getattr(exporter, "layout", None) not in ("file", "directory"):
        raise PluginError(f"exporter {label}: layout must be 'file' or 'directory'")
    if not attrs.has(exporter.Options):  # type: ignore[attr-defined]
        raise PluginError(f"exporter {label}: Options must be an attrs class")
    return exporter  # type: ignore[return-value]


def register(cls: type[Exporter], *, name: str | None = None) -> type[Exporter]:
    """Register an exporter defined in a script or notebook (usable as a decorator)."""
    _load_entry_points()
    key = name or getattr(cls, "name", None)
    if not key:
        raise PluginError("an exporter needs a name")
    checked = _check(cls, repr(key))
    if key in _registry and _registry[key] is not cls:
        raise PluginError(f"an exporter named {key!r} is already registered ({_registry[key].__module__})")
    _registry[key] = checked
    return cls


def _load_entry_points() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            cls = ep.load()
            checked = _check(cls, f"{ep.name!r} ({ep.value})")
        except Exception as exc:  # noqa: BLE001 - a broken plugin must not break the others
            warnings.warn(
                f"corpuskit: exporter plugin {ep.name!r} ({ep.value}) could not be loaded: {exc}",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        if ep.name in _registry and _registry[ep.name] is not cls:
            warnings.warn(
                f"corpuskit: exporter plugin {ep.name!r} ({ep.value}) ignored: the name is taken",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        _registry[ep.name] = checked


def available() -> dict[str, type[Exporter]]:
    """Every usable exporter by format name, sorted."""
    _load_entry_points()
    return dict(sorted(_registry.items()))


def get(name: str) -> type[Exporter]:
    formats = available()
    try:
        return formats[name]
    except KeyError:
        raise OptionError(f"unknown format {name!r}; known formats: {', '.join(formats) or 'none'}") from None


def _convert(field: attrs.Attribute[Any], value: Any) -> Any:
    if not isinstance(value, str):
        return value
    kind = field.type
    if isinstance(kind, str):
        kind = {"bool": bool, "int": int, "float": float, "str": str}.get(kind.split("|")[0].strip(), str)
    if kind is bool:
        low = value.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
        raise OptionError(f"option {field.name} takes true or false, not {value!r}")
    if kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            raise OptionError(f"option {field.name} takes a number, not {value!r}") from None
    return value


def parse_options(exporter: type[Exporter], raw: Mapping[str, Any]) -> Any:
    """Build an exporter's Options from ``KEY=VALUE`` strings (or typed values)."""
    fields = {f.name: f for f in attrs.fields(exporter.Options)}
    unknown = sorted(set(raw) - set(fields))
    if unknown:
        valid = ", ".join(fields) or "none"
        raise OptionError(f"format {exporter.name!r} has no option {', '.join(unknown)}; valid options: {valid}")
    try:
        return exporter.Options(**{k: _convert(fields[k], v) for k, v in raw.items()})
    except (TypeError, ValueError) as exc:
        raise OptionError(f"format {exporter.name!r}: {exc}") from None


def create(name: str, **options: Any) -> Exporter:
    cls = get(name)
    return cls(parse_options(cls, options))


def export(
    documents: Iterable[Document],
    format: str,
    destination: str | os.PathLike[str] | BinaryIO,
    **options: Any,
) -> None:
    """Write ``documents`` with the exporter ``format``; paths are written atomically."""
    exporter = create(format, **options)
    if not isinstance(destination, (str, os.PathLike)):
        if exporter.layout == "directory":
            raise ExportError(f"format {format!r} writes a directory; give a path")
        exporter.write(documents, destination)
        return
    if exporter.layout == "directory":
        with atomic_directory(destination) as tmp:
            exporter.write(documents, tmp)
    else:
        with atomic_file(destination) as fh:
            exporter.write(documents, fh)
