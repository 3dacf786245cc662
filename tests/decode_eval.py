"""Decoding evaluation on chardet's own test tree (not shipped: its files are copyright
their publishers). Point ``CORPUSKIT_CHARDET_TESTS_DIR`` at the ``tests`` folder of a
chardet checkout; each sub-folder is named after the encoding of its files
(``windows-1251-russian``, ``UTF-16LE``, ``iso-2022-jp``…).

A file counts as *right* when the text equals the file decoded with its folder's
encoding (two labels that give the same text are the same answer: ``ascii`` and
``utf-8`` on ASCII bytes). With ``whatwg=True`` a folder label is read as the WHATWG
encoding standard (and browsers) read it: ISO-8859-1, ISO-8859-9 and TIS-620 as
Windows-1252, -1254 and -874, which differ only where the narrower code page has C1
control characters (0x95 is a bullet in the TIS-620 test pages, not a control). Files
whose folder names an encoding Python cannot decode, or whose bytes are not valid in
it, are left out. Run as a script to print the figures::

    CORPUSKIT_CHARDET_TESTS_DIR=/path/to/chardet/tests python tests/decode_eval.py
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import chardet

from corpuskit.decode import decode

ALIASES = {"ibm866": "cp866", "ibm855": "cp855", "macroman": "mac-roman", "maccyrillic": "mac-cyrillic"}


def expected_codec(folder: str) -> str | None:
    """``windows-1251-russian`` → ``windows-1251``; None when Python has no such codec."""
    name = folder.lower()
    for cut in range(name.count("-"), -1, -1):
        candidate = "-".join(name.split("-")[: cut + 1]) if cut < name.count("-") else name
        candidate = ALIASES.get(candidate, candidate)
        try:
            codecs.lookup(candidate)
        except LookupError:
            continue
        return candidate
    return None


WHATWG = {"iso-8859-1": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874"}


def cases(root: Path, *, whatwg: bool = False) -> Iterator[tuple[Path, str, str]]:
    """(file, expected codec, expected text) for every usable file of the tree."""
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        codec = expected_codec(folder.name)
        if codec is None:
            continue
        if whatwg:
            codec = WHATWG.get(codec, codec)
        for path in sorted(folder.iterdir()):
            data = path.read_bytes()
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if codec.startswith(("utf-16", "utf-32")) and text.startswith("\ufeff"):
                text = text[1:]
            yield path, codec, text.removeprefix("\ufeff")


def chardet_text(data: bytes) -> str | None:
    guess = chardet.detect(data).get("encoding")
    if not guess:
        return None
    try:
        return data.decode(guess, "replace").removeprefix("\ufeff")
    except LookupError:
        return None


def evaluate(root: Path, *, whatwg: bool = False) -> dict[str, object]:
    total = ours = theirs = 0
    wrong: list[str] = []
    chardet_wrong: list[str] = []
    for path, _codec, text in cases(root, whatwg=whatwg):
        data = path.read_bytes()
        total += 1
        if decode(data).text == text:
            ours += 1
        else:
            wrong.append(f"{path.parent.name}/{path.name}")
        if chardet_text(data) == text:
            theirs += 1
        else:
            chardet_wrong.append(f"{path.parent.name}/{path.name}")
    return {"files": total, "corpuskit": ours, "chardet": theirs, "corpuskit_wrong": wrong,
            "chardet_wrong": chardet_wrong}


if __name__ == "__main__":
    folder = os.environ.get("CORPUSKIT_CHARDET_TESTS_DIR") or (sys.argv[1] if len(sys.argv) > 1 else "")
    for whatwg in (False, True):
        result = evaluate(Path(folder), whatwg=whatwg)
        print("labels read as WHATWG" if whatwg else "labels read literally",
              {k: v for k, v in result.items() if not k.endswith("_wrong")})
        for key in ("corpuskit_wrong", "chardet_wrong"):
            for name in result[key]:  # type: ignore[attr-defined]
                print(f"  {key}: {name}")
