"""Every name ``--disable``/``--enable`` accept: the cleaning rules and the stage switches.

The cleaning rules describe themselves (:data:`corpuskit.builder.CLEANING_RULES`); the
switches that are not rules (the structure stage and its parts, typo suggestions) are
listed here with the line ``corpuskit rules`` shows. A name that matches nothing is a
usage error listing the known ones, so a typo in ``--disable typo.knwon`` never goes
unnoticed. (tests/test_catalogue.py checks that every ``rule_on("...")`` in the code is here.)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from corpuskit.builder import CLEANING_RULES
from corpuskit.errors import OptionError

__all__ = ["SWITCHES", "RuleInfo", "check_rule_names", "known_rules"]


@attrs.frozen
class RuleInfo:
    """One switchable name with its one-line description; ``default`` False: opt-in."""

    name: str
    summary: str
    default: bool = True


SWITCHES: tuple[RuleInfo, ...] = (
    RuleInfo("language", "each document's language is identified (Document.language); typo rules run on English only"),
    RuleInfo("typo.suggestion", "likely typos that are not corrected are reported as typo.suggestion warnings"),
    RuleInfo("structure", "the structure stage: cleaned text cut into header, body and trailer blocks"),
    RuleInfo("structure.mail", "a mail/news header block (From:, Subject:, Date:) gives title, authors, date"),
    RuleInfo(
        "structure.header",
        "title, dateline, byline/authors, date, note, standfirst; page furniture; e-text front matter",
    ),
    RuleInfo("structure.signoff", "signatures, wire sign-offs (Reuter, AP) and e-text licence footers at the end"),
    RuleInfo("structure.trailer", "comments, spam, bios and boilerplate after the article"),
    RuleInfo("structure.headings", "subheadings inside the body"),
    RuleInfo("structure.duplicates", "paragraphs repeated in the body are marked as duplicates"),
)


def known_rules() -> tuple[RuleInfo, ...]:
    """Every rule and switch, in the order the pipeline runs them."""
    rules = tuple(RuleInfo(r.name, r.summary, r.default) for r in CLEANING_RULES)
    named = {r.name for r in rules}
    return rules + tuple(s for s in SWITCHES if s.name not in named)


def _families(names: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in names:
        parts = name.split(".")
        out.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    return out


def check_rule_names(names: Iterable[str], flag: str) -> None:
    """Refuse a name that is neither a rule nor a family of rules (``typo``, ``structure``)."""
    known = [r.name for r in known_rules()]
    valid = _families(known)
    unknown = sorted(n for n in names if n not in valid)
    if unknown:
        families = sorted(valid - set(known))
        raise OptionError(
            f"unknown rule {', '.join(repr(n) for n in unknown)} in {flag}; known rules: {', '.join(known)}; "
            f"families: {', '.join(families)} (see 'corpuskit rules')"
        )
