"""What the peers make of the same plain text: keep-everything and jusText.

jusText classifies HTML paragraphs; plain text is handed to it one ``<p>`` per non-blank line
(the same cut corpuskit's blocks make), with its English stoplist and default parameters, and
its ``good`` paragraphs are its body. It needs the ``test`` extra (``justext``).
"""

from __future__ import annotations

import html

from corpuskit.structure.blocks import cut


def keep_everything_body(text: str) -> str:
    return text


def keep_everything_junk(text: str) -> list[tuple[int, int]]:
    return []


def _justext_labels(text: str) -> tuple[list[tuple[int, int]], list[bool]]:
    import justext

    offsets, lines = cut(text)
    if not lines:
        return [], []
    markup = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"
    paragraphs = justext.justext(markup.encode("utf-8"), justext.get_stoplist("English"), encoding="utf-8")
    good = [not p.is_boilerplate for p in paragraphs]
    if len(good) != len(lines):  # jusText merged or dropped a line: fall back to keeping it all
        return offsets, [True] * len(lines)
    return offsets, good


def justext_body(text: str) -> str:
    offsets, good = _justext_labels(text)
    return "\n\n".join(text[s:e] for (s, e), g in zip(offsets, good, strict=True) if g)


def justext_junk(text: str) -> list[tuple[int, int]]:
    offsets, good = _justext_labels(text)
    return [span for span, g in zip(offsets, good, strict=True) if not g]
