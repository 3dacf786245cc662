"""The catalogue of rule names: complete, and strict about names that match nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpuskit.catalogue import check_rule_names, known_rules
from corpuskit.errors import OptionError

SRC = Path(__file__).resolve().parent.parent / "src" / "corpuskit"


def test_every_switch_the_code_tests_is_known() -> None:
    used = {m.group(1) for p in SRC.rglob("*.py") for m in re.finditer(r'rule_on\("([a-z0-9_.]+)"', p.read_text())}
    used.discard("...")  # the docstring of this check
    assert used and used <= {r.name for r in known_rules()}


def test_every_rule_has_a_one_line_description() -> None:
    for rule in known_rules():
        assert rule.summary and "\n" not in rule.summary


@pytest.mark.parametrize(
    "name", ["typo", "typo.known", "structure", "structure.trailer", "unicode", "typography.ascii"]
)
def test_rules_and_families_pass(name: str) -> None:
    check_rule_names([name], "disable")


@pytest.mark.parametrize("name", ["typo.knwon", "typos", "structure.trailers", "", "unicode."])
def test_names_that_match_nothing_are_refused(name: str) -> None:
    with pytest.raises(OptionError, match=r"known rules: .*typo\.known"):
        check_rule_names([name], "--disable")
