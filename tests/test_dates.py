"""Publication dates in the forms news pages write them."""

from __future__ import annotations

import pytest

from corpuskit.structure.dates import find_date


@pytest.mark.parametrize(
    ("line", "iso", "ambiguous"),
    [
        ("02.10.2019 Author: Jean Perier", "2019-10-02", True),
        ("By Alex Wilner, Feb. 13, 2017", "2017-02-13", False),
        ("Published 2017-02-13T10:00", "2017-02-13", False),
        ("13 February 2017", "2017-02-13", False),
        ("Monday, 13th of Feb 2017", "2017-02-13", False),
        ("September 1, 2020", "2020-09-01", False),
        ("Sept. 1, 2020", "2020-09-01", False),
        ("25/12/2018", "2018-12-25", False),
        ("12/25/2018", "2018-12-25", False),
        ("05.05.2015", "2015-05-05", False),
    ],
)
def test_forms(line, iso, ambiguous):
    found = find_date(line)
    assert found is not None
    assert (found.iso, found.ambiguous) == (iso, ambiguous)
    assert line[found.start : found.end].strip()


def test_dayfirst_switch_reads_ambiguous_dates_month_first():
    assert find_date("02.10.2019", dayfirst=False).iso == "2019-02-10"  # type: ignore[union-attr]
    assert find_date("25.10.2019", dayfirst=False).iso == "2019-10-25"  # type: ignore[union-attr]


@pytest.mark.parametrize("line", ["31.02.2019", "version 1.2.2019x", "no date here", "2019", "Feb 30, 2020", "1.10.20"])
def test_impossible_or_absent_dates_are_none(line):
    assert find_date(line) is None
