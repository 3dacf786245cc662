"""Generated corpora for tests and benchmarks: seed paragraphs recombined, never committed.

Paragraphs of the five seed articles are drawn at random (seeded, so a run is
repeatable) into documents of a chosen mean size, written in the banner dialect with
``NNN_<hex>.txt`` names, the way ``pack`` writes them.
"""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "data" / "sample_corpus.txt"


def paragraphs() -> list[bytes]:
    """The non-empty paragraphs of the seed corpus, delimiter lines left out."""
    return [
        ln for ln in SEEDS.read_bytes().split(b"\n") if ln.strip() and not ln.startswith(b"=== ")
    ]


def document(rng: random.Random, paras: list[bytes], mean_size: int) -> bytes:
    """One article of about ``mean_size`` bytes: a title line, then paragraphs."""
    target = max(200, int(rng.gauss(mean_size, mean_size / 4)))
    parts = [rng.choice(paras)[:90]]
    size = len(parts[0])
    while size < target:
        p = rng.choice(paras)
        parts.append(p)
        size += len(p) + 2
    return b"\n\n".join(parts)


def name(index: int) -> bytes:
    return b"%03d_%s.txt" % (index, hashlib.sha1(b"%d" % index).hexdigest()[:16].encode())


def write_corpus(path: Path, size: int, *, mean_doc: int = 5000, seed: int = 1, start: int = 0) -> int:
    """Write a banner corpus of at least ``size`` bytes; return the number of documents."""
    rng = random.Random(seed)
    paras = paragraphs()
    written = 0
    count = 0
    with open(path, "wb") as out:
        while written < size:
            record = b"=== " + name(start + count) + b" ===\n" + document(rng, paras, mean_doc) + b"\n"
            out.write(record)
            written += len(record)
            count += 1
    return count


FAKE_LINES = (b"=== Update: 3 dead ===", b"=====", b"=== ===", b"==> not a header <==", b"===\tx y ===")


def boundary_corpus(block: int, blocks: int = 16) -> bytes:
    """A banner corpus whose edges fall where naive block splitting goes wrong.

    The file starts with a UTF-8 BOM and a delimiter line (no newline before it). Near
    every multiple of ``block`` one of these is placed on purpose: a delimiter line
    starting exactly on the edge, one byte after it (the newline before it on the
    edge), one byte before it, a body line that starts like a delimiter on the edge, a
    CRLF delimiter line on the edge, and a cp1252 document whose bytes straddle it.
    """
    out = bytearray(b"\xef\xbb\xbf")
    index = 0

    def header(crlf: bool = False) -> None:
        nonlocal index
        out.extend(b"=== " + name(index) + b" ===" + (b"\r\n" if crlf else b"\n"))
        index += 1

    def body_until(target: int) -> None:
        """Body text so that the next line starts at ``target``."""
        filler = b"Body text of a news article, with words enough to fill. "
        room = target - len(out) - 1
        if room < 1:
            room += block  # too close: aim at the same place in the next block
        text = (filler * (room // len(filler) + 1))[:room]
        out.extend(text + b"\n")

    header()
    kinds = ("on", "after", "before", "fake", "crlf", "cp1252")
    for k in range(1, blocks):
        edge = k * block
        kind = kinds[k % len(kinds)]
        if kind == "on":
            body_until(edge)
            header()
        elif kind == "after":
            body_until(edge + 1)
            header()
        elif kind == "before":
            body_until(edge - 1)
            header()
        elif kind == "fake":
            body_until(edge)
            out.extend(FAKE_LINES[k % len(FAKE_LINES)] + b"\nmore text after the fake line\n")
            header()
        elif kind == "crlf":
            body_until(edge)
            header(crlf=True)
            out.extend(b"a CRLF record\r\n")
            header()
        else:
            body_until(edge - 3)
            out.extend("Café crème, naïve façade — “quoted”\n".encode("cp1252"))
            header()
    out.extend(b"The last article ends without a newline.")
    return bytes(out)


#: The BBC full-text set (Greene & Cunningham, ICML 2006: 2,225 articles, ~5 MB), the
#: folder holding ``business/``, ``sport/``…; not shipped (the BBC owns the articles).
BBC_ENV = "CORPUSKIT_BBC_DIR"
BBC_FOLDERS = ("business", "entertainment", "politics", "sport", "tech")


def bbc_root() -> Path | None:
    """``$CORPUSKIT_BBC_DIR`` (or its ``bbc/`` subfolder), when it holds the five folders."""
    import os

    value = os.environ.get(BBC_ENV)
    if not value:
        return None
    root = Path(value)
    if (root / "bbc").is_dir() and not (root / "business").is_dir():
        root = root / "bbc"
    return root if all((root / f).is_dir() for f in BBC_FOLDERS) else None


def bbc_articles(root: Path) -> list[str]:
    """The articles' text, folder by folder, in name order (one file is Latin-1)."""
    out = []
    for folder in BBC_FOLDERS:
        for p in sorted((root / folder).glob("*.txt")):
            raw = p.read_bytes()
            try:
                out.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                out.append(raw.decode("cp1252", "replace"))
    return out


def bbc_corpus(path: Path, root: Path, size: int | None = None, *, cp1252: float = 0.05,
               mojibake: float = 0.02, seed: int = 1) -> int:
    """The issue-16 corpus: BBC articles in the banner dialect, a share of them written in
    cp1252 and a share as mojibake (UTF-8 read as cp1252, written as UTF-8), the rest UTF-8.

    ``size`` None writes each article once (the unique text, ~5 MB: no repeated text to
    warm caches); a size repeats the shuffled set until the file holds that many bytes.
    Return the number of documents.
    """
    rng = random.Random(seed)
    articles = bbc_articles(root)
    count = written = 0
    with open(path, "wb") as out:
        while True:
            order = list(range(len(articles)))
            rng.shuffle(order)
            for k in order:
                text = articles[k]
                roll = rng.random()
                if roll < cp1252:
                    body = text.encode("cp1252", "replace")
                elif roll < cp1252 + mojibake:
                    body = text.encode("utf-8").decode("cp1252", "replace").encode("utf-8")
                else:
                    body = text.encode("utf-8")
                record = b"=== " + name(count) + b" ===\n" + body.rstrip(b"\n") + b"\n"
                out.write(record)
                written += len(record)
                count += 1
                if size is not None and written >= size:
                    return count
            if size is None:
                return count
