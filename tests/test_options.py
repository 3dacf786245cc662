"""Options: every value is checked when the options are made, into one error type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import corpuskit
from corpuskit.errors import OptionError
from corpuskit.options import Options


@pytest.mark.parametrize(
    "fields",
    [
        {"chunk_size": 0},
        {"chunk_size": -5},
        {"jobs": "2"},
        {"jobs": -1},
        {"jobs": True},
        {"disable": 5},
        {"disable": [b"typo"]},
        {"enable": ["typo", 3]},
        {"encoding": 5},
        {"encoding": "no-such-codec"},
        {"encoding": "rot13"},  # a str-to-str codec: it cannot decode bytes
        {"delimiter": b"^=== (?P<name>\\S+) ===$"},
        {"dialect": 3},
        {"dayfirst": "no"},
        {"max_ratio": "x"},
        {"max_ratio": 0},
        {"max_document_bytes": 1.5},
        {"max_input_bytes": -1},
        {"typo_user_file": 7},
    ],
    ids=lambda f: ",".join(f"{k}={v!r}" for k, v in f.items()),
)
def test_a_wrong_value_is_an_option_error(fields: dict[str, Any]) -> None:
    with pytest.raises(OptionError) as info:
        Options(**fields)
    assert next(iter(fields)) in str(info.value)


def test_read_with_chunk_size_zero_is_an_error_not_an_empty_corpus(sample_path: Path) -> None:
    with pytest.raises(OptionError, match="chunk_size"):
        list(corpuskit.read(sample_path, chunk_size=0))


def test_good_values_are_kept(tmp_path: Path) -> None:
    words = tmp_path / "words.txt"
    words.write_text("Kyiv\n")
    opts = Options(disable=["typo"], enable=("typography.ascii",), encoding="cp1252", jobs=2,
                   protected_words_file=str(words), max_ratio=10)
    assert opts.disable == frozenset({"typo"}) and opts.jobs == 2


@pytest.mark.parametrize("field", ["typo_user_file", "protected_words_file"])
def test_a_missing_or_directory_word_file_is_an_error_up_front(field: str, tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="no such file"):
        Options(**{field: str(tmp_path / "nope.txt")})
    with pytest.raises(OptionError, match="is a directory"):
        Options(**{field: str(tmp_path)})


def test_unknown_rule_names_are_refused_listing_the_known_ones(sample_path: Path) -> None:
    with pytest.raises(OptionError) as info:
        list(corpuskit.read(sample_path, disable=["typo.knwon"]))
    message = str(info.value)
    assert "typo.knwon" in message and "typo.known" in message and "structure.trailer" in message
    # families and exact names are fine
    assert len(list(corpuskit.read(sample_path, disable=["typo", "structure.trailer", "unicode.nbsp"]))) == 5
