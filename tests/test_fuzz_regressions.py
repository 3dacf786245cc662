"""Inputs that once crashed a fuzz target are replayed through every target."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "fuzz"
sys.path.insert(0, str(HERE))

from fuzz_targets import TARGETS  # noqa: E402

CASES = sorted(p for p in (HERE / "crashes").glob("*") if p.is_file() and p.name != ".gitkeep")
SEEDS = [b"", b"=== a.txt ===\n", b"\xef\xbb\xbf=== a.txt ===\r\nx\r\n=== a.txt ===", b"\f\f\n\f",
         b'<doc id="1">\n</doc>\n</doc>', "Caf\u00c3\u00a9 \u00e2\u20ac\u2122 tge \u00a0".encode(), b"a" * 5000]


@pytest.mark.parametrize("target", sorted(TARGETS))
@pytest.mark.parametrize("data", [*SEEDS, *(p.read_bytes() for p in CASES)],
                         ids=[*(f"seed{i}" for i in range(len(SEEDS))), *(p.name for p in CASES)])
def test_replay(target: str, data: bytes) -> None:
    TARGETS[target](data)
