"""Reader options: one frozen value object, validated once, passed to every stage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from corpuskit.edits import rule_matches
from corpuskit.errors import OptionError

__all__ = ["Options"]


def _names(value: Iterable[str] | str | None) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value])
    return frozenset(value)


def _pairs(value: Mapping[str, str] | Iterable[str] | None) -> tuple[tuple[str, str], ...]:
    """``{"X-Author": "authors"}`` or ``["X-Author=authors"]`` as sorted ``(key, target)`` pairs."""
    if value is None:
        return ()
    if isinstance(value, Mapping):
        items = [(str(k), str(v)) for k, v in value.items()]
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

    dialect: str | None = None
    delimiter: str | None = None
    encoding: str | None = None
    disable: frozenset[str] = attrs.field(factory=frozenset, converter=_names)
    enable: frozenset[str] = attrs.field(factory=frozenset, converter=_names)
    dayfirst: bool = True
    #: Force the documents' language (an ISO 639-1 code such as ``en``) instead of
    #: identifying it; typo rules run only on English. ``None``: identify each document.
    language: str | None = attrs.field(default=None, validator=attrs.validators.optional(
        attrs.validators.matches_re(r"[a-z]{2}|und")))
    #: header lines mapped to document fields or metadata (structure.mail; docs/structure.md)
    header_fields: tuple[tuple[str, str], ...] = attrs.field(factory=tuple, converter=_pairs)
    typo_user_file: str | None = None
    protected_words_file: str | None = None
    jobs: int = 1
    chunk_size: int = 1 << 20
    # limits against hostile input (see docs/errors.md)
    max_document_bytes: int = 256 << 20
    max_ratio: int = 1000
    max_input_bytes: int = 1 << 40

    @classmethod
    def resolve(cls, base: Options | None, fields: Mapping[str, Any]) -> Options:
        """``base`` (or the defaults) with ``fields`` changed: what ``read(options=..., **fields)`` means."""
        if base is None:
            return cls.from_kwargs(fields)
        if fields:
            cls.from_kwargs(fields)  # the same check of names
            return attrs.evolve(base, **fields)
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
