"""Charts as inline SVG: no script, no image, nothing fetched; readable without colour.

Every bar carries its value as text and every chart has a ``<title>`` and a data table
next to it in the page, so a reader without colour vision, a screen reader or a
printout loses nothing. Presentation attributes (not ``style``) keep the page within its
Content-Security-Policy.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

__all__ = ["bar_chart", "histogram"]

ROW_HEIGHT = 22
LABEL_WIDTH = 160
BAR_WIDTH = 250
VALUE_WIDTH = 70


def _short(label: str, limit: int = 24) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(items: Sequence[tuple[str, int]], title: str, *, limit: int = 15) -> Markup:
    """Horizontal bars, largest first as given; at most ``limit`` rows (the table has all)."""
    rows = list(items[:limit])
    if not rows:
        return Markup("")
    top = max(v for _, v in rows) or 1
    height = ROW_HEIGHT * len(rows) + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = 4 + i * ROW_HEIGHT
        w = max(1, round(BAR_WIDTH * value / top)) if value else 0
        parts.append(
            f'<text class="label" x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y + 3}" width="{w}" height="{ROW_HEIGHT - 6}"/>'
            f'<text class="value" x="{LABEL_WIDTH + w + 6}" y="{y + 15}">{value:,}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(bins: Sequence[tuple[str, int]], title: str) -> Markup:
    """Vertical columns, one per bin in order, the count above each and the bin below."""
    if not bins:
        return Markup("")
    col, gap, plot, base = 64, 8, 160, 200
    width = len(bins) * (col + gap) + gap
    top = max(v for _, v in bins) or 1
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {base + 40}" '
        f'width="{width}" height="{base + 40}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="0" y1="{base}" x2="{width}" y2="{base}"/>',
    ]
    for i, (label, value) in enumerate(bins):
        x = gap + i * (col + gap)
        h = round(plot * value / top) if value else 0
        parts.append(
            f'<rect class="bar" x="{x}" y="{base - h}" width="{col}" height="{h}"/>'
            f'<text class="value" x="{x + col / 2}" y="{base - h - 6}" text-anchor="middle">{value:,}</text>'
            f'<text class="label" x="{x + col / 2}" y="{base + 18}" text-anchor="middle">{escape(label)}</text>'
        )
    parts.append(f'<text class="label" x="{width / 2}" y="{base + 36}" text-anchor="middle">'
                 "characters of body text</text></svg>")
    return Markup("".join(parts))
