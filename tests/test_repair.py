"""The repair chain: mojibake, Unicode and whitespace rules, every change on record."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import ftfy
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit import mojibake
from corpuskit.builder import clean
from corpuskit.decode import decode
from corpuskit.edits import Edit, apply_edits
from corpuskit.mojibake import FTFY_CONFIG, diff_edits, find_mojibake, looks_like_mojibake
from corpuskit.options import Options
from corpuskit.repair import NBSP_CHARS, REPAIR_RULES

CASES = Path(__file__).parent / "data" / "repair_cases.json"
RULES = {r.name: r for r in REPAIR_RULES}
REPAIR_NAMES = set(RULES)


def _cases() -> list[dict[str, str]]:
    cases: list[dict[str, str]] = json.loads(CASES.read_text(encoding="utf-8"))
    return cases


def _mojibake(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 the way browsers do (undefined bytes as Latin-1)."""
    return decode(text.encode("utf-8"), "windows-1252").text


def _check_edits(raw: str, edits: list[Edit], cleaned: str) -> None:
    assert apply_edits(raw, edits) == cleaned
    pos = 0
    for e in edits:
        assert pos <= e.start <= e.end <= len(raw)
        assert e.before == raw[e.start : e.end]
        pos = e.end


# -- the data-driven cases --------------------------------------------------------------


@pytest.mark.parametrize("case", _cases(), ids=lambda c: f"{c['rule']}:{c['before'][:20]!r}")
def test_repair_case(case: dict[str, str]) -> None:
    rule = RULES[case["rule"]]
    cleaned, edits, problems = clean(case["before"], Options(enable=[rule.name]), [rule])
    assert problems == []
    assert cleaned == case["after"]
    assert {e.rule for e in edits} <= {rule.name}
    _check_edits(case["before"], edits, cleaned)


def test_every_rule_has_its_documented_example_as_a_case() -> None:
    cases = {(c["rule"], c["before"], c["after"]) for c in _cases()}
    for rule in REPAIR_RULES:
        assert (rule.name, *rule.example) in cases, rule.name
    assert {c["rule"] for c in _cases()} <= REPAIR_NAMES


def test_every_rule_is_documented() -> None:
    doc = (Path(__file__).parent.parent / "docs" / "cleaning.md").read_text(encoding="utf-8")
    for rule in REPAIR_RULES:
        assert f"`{rule.name}`" in doc, rule.name


def test_chain_order_and_defaults() -> None:
    assert [r.name for r in REPAIR_RULES] == [
        "whitespace.line_endings",
        "encoding.mojibake",
        "unicode.control",
        "unicode.zero_width",
        "unicode.soft_hyphen",
        "unicode.nbsp",
        "unicode.nfc",
        "whitespace.trailing",
        "whitespace.runs",
        "typography.ascii",
    ]
    assert [r.name for r in REPAIR_RULES if not r.default] == ["typography.ascii"]


# -- the seeds --------------------------------------------------------------------------


def _repair_edits(doc: corpuskit.Document) -> list[Edit]:
    return [e for e in doc.edits if not e.rule.startswith("typo.")]


def test_clean_seeds_get_only_nbsp_edits(sample_path: Path) -> None:
    docs = list(corpuskit.read(sample_path))
    assert len(docs) == 5
    counts = Counter(e.rule for d in docs for e in _repair_edits(d))
    assert set(counts) == {"unicode.nbsp"}
    assert counts["unicode.nbsp"] == 58  # 57 in 002, 1 in 000
    for d in docs:
        for e in _repair_edits(d):
            assert e.before.strip(NBSP_CHARS + " ") == "" and e.after == " "


def test_crlf_seeds_add_only_line_ending_edits(seeds: dict[str, bytes], tmp_path: Path) -> None:
    for name, data in seeds.items():
        (tmp_path / "lf").mkdir(exist_ok=True)
        (tmp_path / "crlf").mkdir(exist_ok=True)
        (tmp_path / "lf" / name).write_bytes(data)
        (tmp_path / "crlf" / name).write_bytes(data.replace(b"\n", b"\r\n"))
    lf = list(corpuskit.read(tmp_path / "lf"))
    crlf = list(corpuskit.read(tmp_path / "crlf"))
    assert [d.cleaned_text for d in crlf] == [d.cleaned_text for d in lf]
    for d in crlf:
        rules = {e.rule for e in _repair_edits(d)}
        assert rules <= {"unicode.nbsp", "whitespace.line_endings"}
        assert "whitespace.line_endings" in rules
        assert d.apply(only=["whitespace.line_endings"]) == d.raw_text.replace("\r\n", "\n")


def test_mojibake_seeds_clean_to_the_clean_seeds(seeds: dict[str, bytes], tmp_path: Path) -> None:
    clean_path = tmp_path / "clean.txt"
    broken_path = tmp_path / "mojibake.txt"
    clean_path.write_bytes(b"".join(b"=== %s ===\n%s\n" % (n.encode(), d) for n, d in seeds.items()))
    broken_path.write_bytes(
        b"".join(
            b"=== %s ===\n%s\n" % (n.encode(), _mojibake(d.decode("utf-8")).encode("utf-8"))
            for n, d in seeds.items()
        )
    )
    good = list(corpuskit.read(clean_path))
    bad = list(corpuskit.read(broken_path))
    assert len(good) == len(bad) == 5
    for g, b in zip(good, bad, strict=True):
        assert "â€" in b.raw_text
        assert b.cleaned_text == g.cleaned_text
        edits = _repair_edits(b)
        assert {e.rule for e in edits} == {"encoding.mojibake"}
        # one small edit per stretch of non-ASCII text in the article: exactly its mojibake
        stretches = re.findall(r"[^\x00-\x7f]+", g.raw_text)
        assert len(edits) == len(stretches)
        for e, stretch in zip(edits, stretches, strict=True):
            assert e.before.startswith(_mojibake(stretch))
            assert e.after.strip() == stretch.replace("\xa0", " ").strip()
        # undoing the repair gives back the broken text, untouched elsewhere
        assert b.apply(without=["encoding"]) == apply_edits(
            b.raw_text, [e for e in b.edits if not e.rule.startswith("encoding")]
        )
        assert b.apply(only=[]) == b.raw_text


def test_seeds_are_a_fixed_point(sample_path: Path) -> None:
    for doc in corpuskit.read(sample_path, disable=["typo"]):
        again, edits, _ = clean(doc.cleaned_text, Options(), REPAIR_RULES)
        assert edits == [] and again == doc.cleaned_text


def test_rules_can_be_disabled_and_enabled(sample_path: Path) -> None:
    base = {d.id: d for d in corpuskit.read(sample_path, disable=["typo"])}
    no_nbsp = {d.id: d for d in corpuskit.read(sample_path, disable=["typo", "unicode.nbsp"])}
    no_unicode = {d.id: d for d in corpuskit.read(sample_path, disable=["typo", "unicode"])}
    ascii_on = {d.id: d for d in corpuskit.read(sample_path, disable=["typo"], enable=["typography.ascii"])}
    doc_id = "002_d83b1ee9d24fb740"
    assert "\xa0" not in base[doc_id].cleaned_text
    assert no_nbsp[doc_id].edits == () and no_nbsp[doc_id].cleaned_text == base[doc_id].raw_text
    assert no_unicode[doc_id].edits == ()
    assert "’" in base[doc_id].cleaned_text
    text = ascii_on[doc_id].cleaned_text
    assert "’" not in text and "doesn't" in text
    assert {e.rule for e in ascii_on[doc_id].edits} == {"unicode.nbsp", "typography.ascii"}


def test_undo_one_rule_with_apply(sample_path: Path) -> None:
    (doc,) = [d for d in corpuskit.read(sample_path, enable=["typography.ascii"]) if d.id.startswith("002")]
    undone = doc.apply(without=["typography"])
    assert "’" in undone and "\xa0" not in undone
    assert doc.apply(without=["unicode.nbsp", "typography"]).count("\xa0") == doc.raw_text.count("\xa0")
    assert doc.apply() == doc.cleaned_text


# -- mojibake ---------------------------------------------------------------------------


def test_gate_keeps_ftfy_away_from_clean_text(
    seeds: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*args: object, **kwargs: object) -> str:
        raise AssertionError("ftfy called on clean text")

    monkeypatch.setattr(mojibake.ftfy, "fix_encoding", boom)
    from test_decode import LATIN1_ARTICLE, RUSSIAN_ARTICLE

    samples = [d.decode("utf-8") for d in seeds.values()] + [LATIN1_ARTICLE, RUSSIAN_ARTICLE]
    samples += ["Всё её, ещё раз: «Газпром» и Україна, Від і до.", "Η «Αθήνα» είναι ΆΈΉΊΌΎΏ."]
    samples += ["L’équipe d’été a dit « très » – “oui”… 10 €, 5 £, naïve", "Tab\tand\nlines\n"]
    for text in samples:
        assert not looks_like_mojibake(text), text[:60]
        assert find_mojibake(text, Options()) == []


@pytest.mark.parametrize(
    "codec",
    ["windows-1252", "latin-1", "mac-roman", "windows-1251", "windows-1250", "cp437"],
)
def test_gate_flags_utf8_read_as_other_code_pages(codec: str) -> None:
    original = "Caf\u00e9 \u201cdéjà vu\u201d \u2013 it\u2019s Stra\u00dfe"
    broken = original.encode("utf-8").decode(codec, "replace")
    assert looks_like_mojibake(broken)


def test_russian_mojibake_is_repaired_like_ftfy() -> None:
    from test_decode import RUSSIAN_ARTICLE

    broken = RUSSIAN_ARTICLE.encode("utf-8").decode("cp1251", "replace")
    edits = find_mojibake(broken, Options())
    assert apply_edits(broken, edits) == RUSSIAN_ARTICLE == ftfy.fix_text(broken, FTFY_CONFIG)
    # a word per edit, not a line per edit
    assert max(len(e.after) for e in edits) < 30


def test_mojibake_matches_ftfy_on_mixed_lines(seeds: dict[str, bytes]) -> None:
    text = seeds["003_fd2c25ceb1b6fcbd.txt"].decode("utf-8")
    lines = text.split("\n")
    broken = "\n".join(_mojibake(ln) if i % 2 else ln for i, ln in enumerate(lines))
    fixed = apply_edits(broken, find_mojibake(broken, Options()))
    assert fixed == text == ftfy.fix_text(broken, FTFY_CONFIG)


def test_cosmetic_ftfy_fixes_stay_off() -> None:
    text = "“Quotes” stay curly, ﬁ ligatures and ＦＵＬＬ width stay, &amp; stays: Ã©"
    fixed = apply_edits(text, find_mojibake(text, Options()))
    assert fixed == "“Quotes” stay curly, ﬁ ligatures and ＦＵＬＬ width stay, &amp; stays: é"


def test_diff_edits_are_small_and_readable() -> None:
    edits = diff_edits("x.y", "ISISâ€™ loss Ã©tÃ© ok", "ISIS’ loss été ok")
    assert [(e.before, e.after) for e in edits] == [("â€™", "’"), ("Ã©", "é"), ("Ã©", "é")]
    # a repair that also changes ASCII falls back to an alignment, still trimmed
    edits = diff_edits("x.y", "voilÃ le travail", "voilà le travail")
    assert [(e.start, e.before, e.after) for e in edits] == [(4, "Ã", "à")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab é’\u00c3\u00a9\u00e2\u20ac\n", max_size=40), st.text(alphabet="ab é’\n", max_size=40))
def test_diff_edits_turn_any_text_into_any_other(before: str, after: str) -> None:
    edits = diff_edits("x.y", before, after, 0)
    _check_edits(before, edits, after)


# -- the property over the whole chain --------------------------------------------------

_PIECES = [
    "\r\n", "\r", "\n", " ", "  ", "\t", "\xa0", "\u202f", "\u2009", "\xad", "\u200b", "\ufeff",
    "\x00", "\x07", "\x0b", "\x0c", "\x85", "\x9d", "e\u0301", "\u212b", "\u0301", "\u1112\u1161",
    "â€™", "â€œ", "â€\x9d", "Ã©", "Â\xa0", "Ã ", "‚Äô", "вЂ™", "Рё", "’", "“", "—", "…", "é",
    "word", "ISIS", ".", "\u2028", "👨\u200d👩",
]
_TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_edits_replay_to_the_cleaned_text_for_any_input(raw: str) -> None:
    options = Options(enable=["typography.ascii"])
    cleaned, edits, problems = clean(raw, options, REPAIR_RULES)
    assert problems == []
    _check_edits(raw, edits, cleaned)
    # and what each rule is there to remove is gone
    assert unicodedata.is_normalized("NFC", cleaned)
    assert not re.search(f"[\r\u2028\u2029\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2060\ufeff\xad{NBSP_CHARS}]", cleaned)
    assert not re.search(r"[ \t]+(\n|$)", cleaned)
    assert not re.search(r"(?<=\S)[ \t]{2,}(?=\S)", cleaned)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=_TEXT)
def test_edits_replay_through_the_reader(raw: str, tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw.encode("utf-8"))
    refused: list[object] = []
    docs = list(corpuskit.read(path, dialect="plain", on_error=refused.append))
    assume(not refused)  # control-heavy bytes are refused as binary by the reader
    (doc,) = docs
    assert doc.raw_text == raw.removeprefix("\ufeff")  # a leading U+FEFF is read as the BOM
    _check_edits(doc.raw_text, list(doc.edits), doc.cleaned_text)
    assert type(doc).from_dict(doc.to_dict()).cleaned_text == doc.cleaned_text


def test_mojibake_on_a_huge_single_line_is_cut_into_segments() -> None:
    text = "Ã©tÃ© Ã  Paris, ISISâ€™ loss. " * 8000  # ~240 000 characters, no line break
    edits = find_mojibake(text, Options())
    assert apply_edits(text, edits) == "été à Paris, ISIS’ loss. " * 8000
    # small edits even though ftfy ate a space (the lost no-break byte after "Ã")
    assert len(edits) >= 4 * 8000 and max(len(e.before) for e in edits) <= 3
