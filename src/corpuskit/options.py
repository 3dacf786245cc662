"""Reader options: one frozen value object, validated once, passed to every stage.

Every field is checked when the options are made, so a wrong value is one
:class:`~corpuskit.errors.OptionError` naming the option, raised before any input is read,
never a ``TypeError`` from deep inside a stage or a silently empty corpus.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from corpuskit.edits import rule_matches
from corpuskit.errors import OptionError

__all__ = ["Options"]


def _names_of(option: str, value: object) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, (bytes, bytearray)) or not isinstance(value, Iterable):
        raise OptionError(f"option {option} takes a rule name or a list of them, not {value!r}")
    names = frozenset(value)
    wrong = [n for n in names if not isinstance(n, str)]
    if wrong:
        raise OptionError(f"option {option} takes rule names (strings), not {wrong[0]!r}")
    return names


def _disable(value: object) -> frozenset[str]:
    return _names_of("disable", value)


def _enable(value: object) -> frozenset[str]:
    return _names_of("enable", value)


def _optional_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise OptionError(f"option {attribute.name} takes a string, not {value!r}")


def _text_encoding(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    _optional_str(instance, attribute, value)
    if value is None:
        return
    try:
        info = codecs.lookup(value)
    except LookupError:
        raise OptionError(f"option encoding: unknown encoding {value!r}") from None
    if not getattr(info, "_is_text_encoding", True):  # rot13, base64, zlib...: not bytes -> text
        raise OptionError(f"option encoding: {value!r} is not a text encoding (it does not decode bytes to text)")


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise OptionError(f"option {attribute.name} takes True or False, not {value!r}")


def _count(minimum: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise OptionError(f"option {attribute.name} takes a whole number, not {value!r}")
        if value < minimum:
            raise OptionError(f"option {attribute.name} must be at least {minimum}, not {value}")
    return check


def _word_file(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A user word file must be readable now: a usage error up front, not a warning a document."""
    if value is None:
        return
    if not isinstance(value, (str, os.PathLike)):
        raise OptionError(f"option {attribute.name} takes a file path, not {value!r}")
    path = os.fspath(value)
    if os.path.isdir(path):
        raise OptionError(f"option {attribute.name}: {path}: is a directory, not a word file")
    if not os.path.exists(path):
        raise OptionError(f"option {attribute.name}: {path}: no such file")
    if not os.access(path, os.R_OK):
        raise OptionError(f"option {attribute.name}: {path}: permission denied")


def _language(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[a-z]{2}|und", value)):
        raise OptionError(f"option language takes an ISO 639-1 code such as en (or und), not {value!r}")


def _path_or_none(value: object) -> object:
    return os.fspath(value) if isinstance(value, os.PathLike) else value


def _pairs(value: Mapping[str, str] | Iterable[str] | None) -> tuple[tuple[str, str], ...]:
    """``{"X-Author": "authors"}`` or ``["X-Author=authors"]`` as sorted ``(key, target)`` pairs."""
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = [(str(k), str(v)) for k, v in value.items()]
    elif not isinstance(value, Iterable):
        raise OptionError(f"option header_fields takes KEY=TARGET strings or a mapping, not {value!r}")
    else:
        items = []
        for item in [value] if isinstance(value, str) else value:
            key, sep, target = str(item).partition("=")
            if not sep or not key.strip():
                raise OptionError(f"header field {item!r}: expected KEY=TARGET, e.g. X-Author=authors")
            items.append((key.strip(), target.strip()))
    return tuple(sorted(items))


@attrs.frozen
class Options:
    """Everything that changes how a corpus is read and cleaned.

    ``disable`` and ``enable`` take rule names or dotted family prefixes
    (``typo`` switches off every ``typo.*`` rule). Rules that are off by default, such as
    ``typography.ascii``, run only when enabled.
    """

    dialect: str | None = attrs.field(default=None, validator=_optional_str)
    delimiter: str | None = attrs.field(default=None, validator=_optional_str)
    encoding: str | None = attrs.field(default=None, validator=_text_encoding)
    disable: frozenset[str] = attrs.field(factory=frozenset, converter=_disable)
    enable: frozenset[str] = attrs.field(factory=frozenset, converter=_enable)
    dayfirst: bool = attrs.field(default=True, validator=_flag)
    #: Force the documents' language (an ISO 639-1 code such as ``en``) instead of
    #: identifying it; typo rules run only on English. ``None``: identify each document.
    language: str | None = attrs.field(default=None, validator=_language)
    #: header lines mapped to document fields or metadata (structure.mail; docs/structure.md)
    header_fields: tuple[tuple[str, str], ...] = attrs.field(factory=tuple, converter=_pairs)
    typo_user_file: str | None = attrs.field(default=None, converter=_path_or_none, validator=_word_file)
    protected_words_file: str | None = attrs.field(default=None, converter=_path_or_none, validator=_word_file)
    jobs: int = attrs.field(default=1, validator=_count(0))  # 0: all cores
    chunk_size: int = attrs.field(default=1 << 20, validator=_count(1))
    # limits against hostile input (see docs/errors.md)
    max_document_bytes: int = attrs.field(default=256 << 20, validator=_count(1))
    max_ratio: int = attrs.field(default=1000, validator=_count(1))
    max_input_bytes: int = attrs.field(default=1 << 40, validator=_count(1))

    @classmethod
    def resolve(cls, base: Options | None, fields: Mapping[str, Any]) -> Options:
        """``base`` (or the defaults) with ``fields`` changed: what ``read(options=..., **fields)`` means."""
        if base is None:
            return cls.from_kwargs(fields)
        if fields:
            cls.from_kwargs(fields)  # the same check of names
            return attrs.evolve(base, **fields)  # evolve runs the validators too
        return base

    @classmethod
    def from_kwargs(cls, options: Mapping[str, Any]) -> Options:
        known = {a.name for a in attrs.fields(cls)}
        unknown = sorted(set(options) - known)
        if unknown:
            raise OptionError(
                f"unknown option(s) {', '.join(unknown)}; valid options: {', '.join(sorted(known))}"
            )
        return cls(**options)

    def rule_on(self, name: str, *, default: bool = True) -> bool:
        """Whether the rule (or stage) ``name`` runs under these options."""
        if rule_matches(name, self.disable):
            return False
        return default or rule_matches(name, self.enable)
