"""Decoding per document: BOMs, strict UTF-8, detection, forced encodings, bad bytes."""

from __future__ import annotations

import codecs
import importlib.util
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import corpuskit
from corpuskit.decode import CONFIDENT, decode, display_name, oddities
from corpuskit.errors import OptionError

# A short news article in Latin-1 (the seeds all use curly quotes, which Latin-1 lacks).
LATIN1_ARTICLE = (
    "Grève générale à Marseille\n\n"
    "Les dockers de Marseille ont cessé le travail mercredi à l'aube. Selon la CGT, "
    "la participation dépasse 80 % sur les quais du Grand Port. « Nous ne reculerons pas », "
    "a déclaré un délégué syndical devant la capitainerie.\n\n"
    "In München äußerten sich die Bürger überrascht über die Entscheidung des Stadtrats; "
    "»Das ist ein großer Fehler«, sagte ein Sprecher der Initiative. Die Straßenbahn fährt "
    "ab Montag nur noch alle zwölf Minuten.\n\n"
    "El alcalde de A Coruña anunció el jueves una inversión de 3,5 millones de euros para "
    "la reforma del puerto pesquero; las obras comenzarán en otoño.\n"
)

# A Russian news article representable in Windows-1251, KOI8-R, ISO-8859-5, MacCyrillic and CP866.
RUSSIAN_ARTICLE = (
    "Правительство объявило о новых мерах поддержки экономики\n"
    "Москва, 14 марта. Министерство финансов в среду представило план, который должен помочь "
    "малому и среднему бизнесу пережить трудный период. По словам министра, в ближайшие месяцы "
    "компании смогут получить льготные кредиты, а налоговые проверки будут временно приостановлены.\n"
    '"Мы понимаем, что многие предприятия находятся в сложном положении, и готовы оказать им '
    'реальную помощь", - заявил он журналистам после заседания кабинета.\n'
    "Эксперты встретили инициативу сдержанно. Экономист Высшей школы экономики отметил, что объём "
    "выделенных средств недостаточен, а условия получения кредитов остаются слишком жёсткими для "
    "большинства фирм. Кроме того, по его мнению, банки не спешат выдавать займы без дополнительных "
    "гарантий со стороны государства.\n"
    "Представители деловых объединений в целом поддержали решение, но попросили расширить список "
    "отраслей, которые могут рассчитывать на помощь. В первую очередь речь идёт о туризме, "
    "общественном питании и розничной торговле, где выручка за последний квартал сократилась почти вдвое.\n"
    "Окончательный вариант программы будет утверждён до конца месяца. Ожидается, что первые выплаты "
    "начнутся уже в апреле.\n"
)

# how each test encoding writes a text, and the name corpuskit records for it
ENCODINGS: dict[str, tuple[bytes, str, str]] = {
    # label: (BOM, codec, recorded encoding)
    "utf-8": (b"", "utf-8", "utf-8"),
    "utf-8-bom": (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    "utf-32-le-bom": (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    "utf-32-be-bom": (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    "cp1252": (b"", "cp1252", "windows-1252"),
    "macroman": (b"", "mac-roman", "mac-roman"),
    "latin-1": (b"", "latin-1", "windows-1252"),  # read as its superset, Windows-1252
}


def _articles(seeds: dict[str, bytes]) -> dict[str, str]:
    out = {name: data.decode("utf-8") for name, data in seeds.items()}
    out["900_latin1article.txt"] = LATIN1_ARTICLE
    return out


def _encodings_for(text: str) -> list[str]:
    ok = []
    for label, (_, codec, _) in ENCODINGS.items():
        try:
            text.encode(codec)
        except UnicodeEncodeError:
            continue
        ok.append(label)
    return ok


def _encode(text: str, label: str) -> bytes:
    bom, codec, _ = ENCODINGS[label]
    return bom + text.encode(codec)


def test_every_article_fits_the_encodings_it_is_tested_in(seeds: dict[str, bytes]) -> None:
    articles = _articles(seeds)
    for name, text in articles.items():
        labels = _encodings_for(text)
        assert "macroman" in labels and "cp1252" in labels, name
        assert ("latin-1" in labels) == (name.startswith("900")), name


def test_articles_decode_exactly_from_every_encoding_as_separate_files(
    seeds: dict[str, bytes], tmp_path: Path
) -> None:
    expected: dict[str, tuple[str, str]] = {}
    for name, text in _articles(seeds).items():
        for label in _encodings_for(text):
            if label == "utf-32-be-bom":
                continue  # see test_plain_utf32_be_file_is_read_as_text
            folder = tmp_path / label
            folder.mkdir(exist_ok=True)
            (folder / name).write_bytes(_encode(text, label))
            expected[f"{label}/{name}"] = (text, ENCODINGS[label][2])
    docs = list(corpuskit.read(tmp_path))
    assert len(docs) == len(expected) == 5 * 7 + 8
    for doc in docs:
        key = "/".join(Path(doc.source.path).parts[-2:])
        text, encoding = expected[key]
        assert doc.raw_text == text, key
        assert doc.source.encoding == encoding, key
        assert not [w for w in doc.warnings if w.code == "decode.replacement"], key
        # a detector's guess below CONFIDENT is said so, even when it is right
        uncertain = [w for w in doc.warnings if w.code == "decode.uncertain"]
        assert bool(uncertain) == (doc.source.confidence < CONFIDENT), key


def test_articles_decode_exactly_when_mixed_in_one_concatenated_file(
    seeds: dict[str, bytes], tmp_path: Path
) -> None:
    records = []
    expected = []
    for name, text in _articles(seeds).items():
        for label in _encodings_for(text):
            doc_name = f"{label}-{name}"
            # UTF-16/32 documents work inside a banner file when each starts with its BOM
            records.append(f"=== {doc_name} ===\n".encode("ascii") + _encode(text, label) + b"\n")
            expected.append((doc_name, text, ENCODINGS[label][2]))
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"".join(records))
    docs = list(corpuskit.read(path))
    assert [(d.name, d.raw_text, d.source.encoding) for d in docs] == expected


def test_plain_utf32_be_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(_encode(LATIN1_ARTICLE, "utf-32-be-bom"))
    (doc,) = corpuskit.read(path)
    assert doc.raw_text == LATIN1_ARTICLE


def test_confidence_is_recorded(seeds: dict[str, bytes]) -> None:
    text = next(iter(seeds.values())).decode("utf-8")
    assert decode(text.encode("utf-8")).confidence == 1.0
    guessed = decode(text.encode("cp1252"))
    assert guessed.encoding == "windows-1252"
    assert 0.0 < guessed.confidence < 1.0


@pytest.mark.parametrize(
    ("codec", "recorded"),
    [
        ("cp1251", "windows-1251"),
        ("koi8-r", "koi8-r"),
        # Windows-1251 is no superset of ISO-8859-5: a blanket "prefer the superset" switch
        # (chardet's prefer_superset) would turn this article into gibberish
        ("iso8859-5", "iso-8859-5"),
        ("mac-cyrillic", "mac-cyrillic"),
        ("cp866", "cp866"),
    ],
)
def test_cyrillic_code_pages_are_told_apart(codec: str, recorded: str) -> None:
    found = decode(RUSSIAN_ARTICLE.encode(codec))
    assert found.text == RUSSIAN_ARTICLE
    assert found.encoding == recorded


def test_windows_1252_undefined_bytes_decode_as_latin1_code_points() -> None:
    # WHATWG: 0x81 0x8D 0x8F 0x90 0x9D are not errors but U+0081 … U+009D
    data = "Café “naïve” – ok".encode("cp1252") + b" \x81\x8d\x8f\x90\x9d"
    forced = decode(data, "windows-1252")
    assert forced.text == "Café “naïve” – ok \x81\x8d\x8f\x90\x9d"
    assert forced.bad_offsets == ()
    assert decode(data, "cp1252").text == forced.text


def test_windows_1252_undefined_byte_inside_a_detected_article(seeds: dict[str, bytes]) -> None:
    text = seeds["003_fd2c25ceb1b6fcbd.txt"].decode("utf-8")
    data = text.encode("cp1252")
    data = data[:500] + b"\x9d" + data[500:]
    found = decode(data)
    assert found.encoding == "windows-1252"
    assert found.text == text[:500] + "\x9d" + text[500:]
    assert found.bad_offsets == ()


def test_iso_8859_1_label_reads_as_windows_1252() -> None:
    # smart quotes in a document chardet calls ISO-8859-1 come out as quotes, not C1 controls
    data = (LATIN1_ARTICLE + "Il a dit \x93oui\x94.\n").encode("latin-1")
    found = decode(data)
    assert found.encoding == "windows-1252"
    assert found.text.endswith("Il a dit “oui”.\n")


def test_forced_encoding_wins_over_detection(seeds: dict[str, bytes], tmp_path: Path) -> None:
    text = seeds["001_6de41f068a7d4c44.txt"].decode("utf-8")
    data = text.encode("mac-roman")
    assert decode(data).text == text
    wrong = decode(data, "windows-1252")
    assert wrong.encoding == "windows-1252" and wrong.confidence == 1.0
    assert "Õ" in wrong.text  # MacRoman's ’ read as Windows-1252: what the user asked for
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    (doc,) = corpuskit.read(path, encoding="macintosh")
    assert doc.raw_text == text
    assert doc.source.encoding == "mac-roman"


def test_undecodable_bytes_become_one_replacement_each_with_offsets(tmp_path: Path) -> None:
    text = "Tens of thousands … joined ISIS’ ranks – “not now”.\n" * 20
    data = text.encode("utf-8")
    cut = data.index("…".encode()) + 1  # inside the first ellipsis
    broken = data[:cut] + b"\xff\xfe" + data[cut:]
    found = decode(broken)
    assert found.encoding == "utf-8"
    # the two stray bytes and the two orphaned bytes of the cut ellipsis: one U+FFFD each
    assert found.bad_offsets == (cut - 1, cut, cut + 1, cut + 2, cut + 3)
    assert found.text == text.replace("…", "\ufffd" * 5, 1)

    path = tmp_path / "corpus.txt"
    head = b"=== 000_aa.txt ===\n"
    path.write_bytes(head + broken + b"\n")
    (doc,) = corpuskit.read(path)
    (warning,) = [w for w in doc.warnings if w.code == "decode.replacement"]
    assert warning.offset == len(head) + cut - 1
    assert "5 byte(s)" in warning.message
    assert doc.raw_text == found.text


def test_truncated_utf8_at_the_end_stays_utf8() -> None:
    data = "Le président a déclaré “non”".encode()[:-2]
    found = decode(data)
    assert found.encoding == "utf-8"
    assert found.text == "Le président a déclaré “non\ufffd"
    assert found.bad_offsets == (len(data) - 1,)


def test_forced_utf8_on_windows_1252_bytes_replaces_each_bad_byte() -> None:
    data = "ISIS’ loss – “gone”".encode("cp1252")
    found = decode(data, "utf-8")
    assert found.text == "ISIS\ufffd loss \ufffd \ufffdgone\ufffd"
    assert found.bad_offsets == (4, 11, 13, 18)


def test_odd_utf16_tail_is_replaced_and_offset_counts_the_bom() -> None:
    data = codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00"
    found = decode(data)
    assert found.text == "abc\ufffd"
    assert found.bad_offsets == (8,)
    assert found.encoding == "utf-16-le"


def test_empty_and_ascii_documents() -> None:
    assert decode(b"") == decode(b"", None)
    assert decode(b"").text == "" and decode(b"").encoding == "utf-8"
    assert decode(b"plain ascii\n").encoding == "utf-8"


def test_unknown_forced_encoding_is_an_option_error() -> None:
    with pytest.raises(OptionError, match="unknown encoding 'klingon'"):
        decode(b"abc", "klingon")


def test_display_names_are_stable_spellings() -> None:
    assert display_name("cp1252") == "windows-1252"
    assert display_name("latin_1") == "iso-8859-1"
    assert display_name("MacRoman") == "mac-roman"
    with pytest.raises(LookupError):
        display_name("no-such-encoding")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_without_loss_of_position(data: bytes) -> None:
    found = decode(data)
    assert list(found.bad_offsets) == sorted(set(found.bad_offsets))
    assert all(0 <= o < len(data) for o in found.bad_offsets)
    assert found.text.count("\ufffd") >= len(found.bad_offsets)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_round_trips_through_utf8_and_utf16(text: str) -> None:
    assert decode(text.encode("utf-8")).text == text
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass")).text == text


# -- patterns the bytes settle by themselves -----------------------------------------


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom_are_recognised_from_their_nuls(codec: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(LATIN1_ARTICLE.encode(codec))
    (doc,) = corpuskit.read(path)
    assert doc.raw_text == LATIN1_ARTICLE
    assert (doc.source.encoding, doc.source.confidence) == (codec, 1.0)
    assert not [e for e in doc.edits if e.rule == "unicode.control"]  # no NULs were "cleaned"


def test_utf16_of_a_non_latin_script_without_a_bom() -> None:
    assert decode(RUSSIAN_ARTICLE.encode("utf-16-le")).text == RUSSIAN_ARTICLE


def test_a_few_stray_nuls_in_utf8_text_are_not_utf16() -> None:
    data = b"Hello\x00 world, plain text with a stray NUL.\n" * 3
    assert decode(data).encoding == "utf-8"


@pytest.mark.parametrize(
    "codec,text",
    [("iso2022_jp", "東京で新しい図書館が開館しました。市民は喜んでいます。\n"),
     ("iso2022_kr", "서울에서 새 도서관이 문을 열었습니다. 시민들이 기뻐하고 있습니다.\n")],
)
def test_iso_2022_is_recognised_from_its_escapes(codec: str, text: str) -> None:
    found = decode(text.encode(codec))
    assert found.text == text and found.encoding == display_name(codec) and found.confidence == 1.0


def test_shift_jis_keeps_the_ascii_tilde_of_urls() -> None:
    text = "詳しくは http://example.jp/~kawa/ をご覧ください。日本語の文章です。" * 5
    assert decode(text.encode("shift_jis")).text == text


# -- guesses -----------------------------------------------------------------------------


def test_a_low_confidence_guess_is_warned_about_with_its_runners_up(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_bytes("Greetings from Malmö.\n".encode("mac-roman"))
    (doc,) = corpuskit.read(path)
    assert doc.source.confidence < CONFIDENT
    (warning,) = [w for w in doc.warnings if w.code == "decode.uncertain"]
    assert f"guessed as {doc.source.encoding}" in warning.message and "runners-up: " in warning.message
    assert len(warning.message.split("runners-up: ")[1].split(", ")) == 3


def test_mojibake_repair_never_runs_on_a_guessed_encoding(tmp_path: Path) -> None:
    # state_union 1954-Eisenhower: "½¢" in a legacy code page was read as ISO-8859-15 "œ¢",
    # then "repaired" as mojibake into "Ϣ"
    path = tmp_path / "1954.txt"
    path.write_bytes(b"The appropriation for fiscal 1955 is \xbd\xa2 per unit of the budget.\n")
    (doc,) = corpuskit.read(path)
    assert doc.source.confidence < CONFIDENT
    assert not [e for e in doc.edits if e.rule == "encoding.mojibake"] and "Ϣ" not in doc.cleaned_text
    # a confident decode is still repaired
    path.write_bytes("The group’s café menu\n".encode().decode("cp1252").encode("utf-8"))
    (doc,) = corpuskit.read(path)
    assert doc.cleaned_text == "The group’s café menu\n"


@pytest.mark.parametrize(
    "text,odd", [("The dealerÕs price", 2), ("The dealer’s price", 0), ("Itís fine", 1), ("cafÈ in UmeŒ", 2),
                 ("café in Umeå", 0), ("it´s", 0), ("naïve", 0), ("I don't", 0)],
)
def test_oddities_count_what_a_wrong_code_page_does_to_western_text(text: str, odd: int) -> None:
    assert oddities(text) == odd


# -- a folder's documents share evidence -----------------------------------------------

_MAC_POSTS = [
    "I can’t get the SCSI chain to boot; it’s the terminator, I think. The café in Umeå sells them.",
    "Don’t buy the 40 MB drive. It’s slow, and the seller’s “warranty” is a joke.",
    "We’re meeting at the café on Friday. Bring the naïve résumé you wrote.",
    "The Göteborg user group’s newsletter is out; it’s about the new Quadra.",
    "Victoria’s file is on the server.", "It’s fine.", "The dealer’s price is $400.", "Don’t.",
    "We’ll see what Apple’s support says.", "See Victoria’s post", "I’m out of ideas.",
    "Greetings from Göteborg.", "Jönköping next week", "Malmö or Umeå?",
]
_WIN_POSTS = ["My PowerBook’s screen flickers — Apple says it’s the cable; the café’s Wi-Fi is fine.",
              "You’ll need System 7.1; the upgrade’s free from the dealer in Umeå, he said."]
_LATIN1_POSTS = ["Hälsningar från Göteborg och Umeå: vi ses på caféet i Malmö.",
                 "Le café de la gare est fermé; la réunion aura lieu à Hérouville."]


def _mixed_folder(root: Path) -> dict[str, str]:
    """A Mac users' group: most posts in MacRoman, some in Windows-1252 and Latin-1."""
    truth = {}
    for posts, codec in ((_MAC_POSTS, "mac-roman"), (_WIN_POSTS, "cp1252"), (_LATIN1_POSTS, "latin-1")):
        for i, text in enumerate(posts):
            name = f"{codec}-{i:02d}.txt"
            (root / name).write_bytes((text + "\n").encode(codec))
            truth[name] = text + "\n"
    return truth


def test_the_same_legacy_byte_decodes_the_same_way_across_a_folder(tmp_path: Path) -> None:
    truth = _mixed_folder(tmp_path)
    docs = list(corpuskit.read(tmp_path, disable=["typo"]))
    assert {Path(d.source.path).name: d.raw_text for d in docs} == truth
    readings: dict[int, set[str]] = {}
    for d in docs:
        if Path(d.source.path).name.startswith("mac-roman"):
            for byte, char in zip(Path(d.source.path).read_bytes(), d.raw_text, strict=True):
                if byte >= 0x80:
                    readings.setdefault(byte, set()).add(char)
    assert readings and all(len(chars) == 1 for chars in readings.values())
    # each post alone is read inconsistently: the folder's evidence is what settles it
    alone = [decode(p.read_bytes()).text for p in sorted(tmp_path.iterdir()) if p.name.startswith("mac-roman")]
    assert alone != [truth[p.name] for p in sorted(tmp_path.iterdir()) if p.name.startswith("mac-roman")]


def test_the_prior_is_the_same_whatever_the_number_of_jobs(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    one = [(d.id, d.source.encoding, d.raw_text) for d in corpuskit.read(tmp_path, disable=["typo"])]
    two = [(d.id, d.source.encoding, d.raw_text) for d in corpuskit.read(tmp_path, disable=["typo"], jobs=2)]
    assert one == two


CHARDET_TESTS = os.environ.get("CORPUSKIT_CHARDET_TESTS_DIR")


@pytest.mark.skipif(not CHARDET_TESTS, reason="set CORPUSKIT_CHARDET_TESTS_DIR to chardet's tests folder")
def test_chardets_own_test_tree() -> None:
    assert CHARDET_TESTS is not None
    spec = importlib.util.spec_from_file_location("decode_eval", Path(__file__).with_name("decode_eval.py"))
    assert spec is not None and spec.loader is not None
    evaluation = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(evaluation)
    result = evaluation.evaluate(Path(CHARDET_TESTS), whatwg=True)
    assert result["corpuskit"] >= result["chardet"]
    patterned = ("UTF-16BE/", "UTF-16LE/", "UTF-32BE/", "UTF-32LE/", "iso-2022-jp/", "iso-2022-kr/")
    assert not [name for name in result["corpuskit_wrong"] if name.startswith(patterned)]


def test_each_folder_has_its_own_prior(tmp_path: Path) -> None:
    mac, win = tmp_path / "comp.sys.mac", tmp_path / "comp.os.windows"
    mac.mkdir()
    win.mkdir()
    truth_mac = _mixed_folder(mac)
    posts = ["Greetings from Göteborg and Malmö, where the café is open.", "Jönköping next week, then Umeå.",
             "Malmö or Umeå?", "Greetings from Göteborg.", "See you in Jönköping.", "Grüße aus München."]
    for i, text in enumerate(posts):
        (win / f"{i:02d}.txt").write_bytes((text + "\n").encode("cp1252"))
    docs = list(corpuskit.read(tmp_path, disable=["typo"]))
    got = {Path(d.source.path).name: d.raw_text for d in docs if Path(d.source.path).parent == win}
    assert got == {f"{i:02d}.txt": text + "\n" for i, text in enumerate(posts)}
    assert {Path(d.source.path).name: d.raw_text for d in docs if Path(d.source.path).parent == mac} == truth_mac


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=60).map(lambda b: bytes(b"ab\n\r \x80\xe9"[x % 7] for x in b)))
def test_the_evidence_sample_takes_the_lines_with_high_bytes_as_the_line_regex_did(data: bytes) -> None:
    """high_lines is the linear form of ``[^\\n]*[\\x80-\\xff][^\\n]*\\n?`` (quadratic on long ASCII lines)."""
    import re

    from corpuskit.evidence import high_lines

    assert list(high_lines(data)) == [m.group() for m in re.finditer(rb"[^\n]*[\x80-\xff][^\n]*\n?", data)]


def test_a_long_legacy_document_is_detected_on_a_bounded_sample_and_decoded_whole() -> None:
    """chardet reads DETECT_SAMPLE_BYTES of a long document; every byte is still decoded."""
    from corpuskit.decode import DETECT_SAMPLE_BYTES, decode

    line = "Café owners said the “new” rules would cost £3m — naïve, façade.\n".encode("cp1252")
    data = line * (3 * DETECT_SAMPLE_BYTES // len(line))
    got = decode(data + "Ende: schön.\n".encode("cp1252"))
    assert got.encoding == "windows-1252" and not got.bad_offsets
    assert got.text.endswith("Ende: schön.\n") and len(got.text) == len(data) + 13


def test_a_sample_that_misleads_is_read_again_over_the_full_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the sample, bytes its choice cannot decode: detection is redone over the full window."""
    from corpuskit import decode as D

    windows: list[int] = []

    def detect_all(data: bytes, max_bytes: int, compat_names: bool) -> list[dict[str, object]]:
        windows.append(max_bytes)
        guess = "utf-8" if max_bytes == D.DETECT_SAMPLE_BYTES else "windows-1252"
        return [{"encoding": guess, "confidence": 0.9 if guess == "utf-8" else 0.8}]

    # chardet's function, not decode's own helper: a compiled decode calls its helpers directly
    monkeypatch.setattr(D.chardet, "detect_all", detect_all)
    data = b"plain text\n" * (D.DETECT_SAMPLE_BYTES // 11 + 1) + "schön\n".encode("cp1252")
    got = D.decode(data)
    assert windows == [D.DETECT_SAMPLE_BYTES, D.DETECT_FULL_BYTES]
    assert got.encoding == "windows-1252" and got.text.endswith("schön\n")
    windows.clear()
    D.decode(data[: D.DETECT_SAMPLE_BYTES - 100] + "é".encode("cp1252"))  # short: one reading, no check
    assert windows == [D.DETECT_SAMPLE_BYTES]
