"""Encoding repair and Unicode/whitespace normalisation rules, in the order they run."""

from __future__ import annotations

from corpuskit.rules import Rule

__all__ = ["REPAIR_RULES"]

REPAIR_RULES: tuple[Rule, ...] = ()
