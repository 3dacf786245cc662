"""Shared fixtures: the sample corpus (the five seed articles, exact bytes) and helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "sample_corpus.txt"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"  # beside the checkout in CI and development


def sample_seeds() -> dict[str, bytes]:
    """The seed articles by file name, cut out of the sample corpus by its banner lines."""
    data = SAMPLE.read_bytes()
    parts = re.split(rb"(?m)^=== (\S+) ===\n", data)
    out = {}
    for i in range(1, len(parts), 2):
        body = parts[i + 1]
        out[parts[i].decode()] = body[:-1] if body.endswith(b"\n") else body
    return out


@pytest.fixture(scope="session")
def seeds() -> dict[str, bytes]:
    return sample_seeds()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
