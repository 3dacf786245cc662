"""Typo correction rules, run after the encoding and normalisation rules."""

from __future__ import annotations

from corpuskit.rules import Rule

__all__ = ["TYPO_RULES"]

TYPO_RULES: tuple[Rule, ...] = ()
