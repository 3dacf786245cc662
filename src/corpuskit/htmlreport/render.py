"""The page of ``corpuskit inspect --html``: one self-contained file under a strict CSP.

Jinja2 with autoescape renders the snapshot of :mod:`corpuskit.htmlreport.stats`; the
stylesheet is inlined and allowed by its hash, nothing else is (no script, no image, no
font, no request), exactly like the html exporter's pages.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from importlib import resources
from typing import Final

import jinja2

from corpuskit import __version__
from corpuskit.atomic import atomic_file
from corpuskit.csp import inline_css, strict_policy
from corpuskit.htmlreport.charts import bar_chart, histogram
from corpuskit.htmlreport.stats import ReportStats
from corpuskit.neardup.index import Cluster

__all__ = ["render_report", "write_report"]

#: The largest clusters listed in the page (all are counted).
MAX_CLUSTERS_SHOWN: Final = 50


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return f"{n} B"  # pragma: no cover


def _env() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda n: f"{n:,}"
    env.filters["size"] = _size
    env.filters["share"] = lambda n, total: f"{100 * n / total:.1f}%" if total else "–"
    env.filters["pairs"] = lambda items: ", ".join(f"{k} {v:,}" for k, v in items)
    return env


def render_report(
    stats: ReportStats, *, title: str = "Corpus report", clusters: Sequence[Cluster] | None = None
) -> str:
    css = inline_css(_template("report.css"), "report.css")
    copies = sum(len(c.copies) for c in clusters) if clusters is not None else 0
    exact = sum(m.exact for c in clusters for m in c.copies) if clusters is not None else 0
    shown = sorted(clusters or (), key=lambda c: (-c.size, c.position))[:MAX_CLUSTERS_SHOWN]
    charts = {
        "dialects": bar_chart(stats.dialects, "Documents by dialect"),
        "encodings": bar_chart(stats.encodings, "Documents by encoding"),
        "languages": bar_chart(stats.languages, "Documents by language"),
        "edits": bar_chart([(rule, n) for rule, n, _ in stats.edits], "Edits by rule"),
        "lengths": histogram(stats.lengths, "Documents by body length"),
    }
    return _env().from_string(_template("report.html.j2")).render(
        s=stats, title=title, version=__version__, css=css, csp=strict_policy(css), charts=charts,
        total_edits=sum(n for _, n, _ in stats.edits), total_warnings=sum(n for _, n in stats.warnings),
        clusters=clusters, shown_clusters=shown, copies=copies, exact=exact,
    )


def write_report(path: str | os.PathLike[str], stats: ReportStats, *, title: str = "Corpus report",
                 clusters: Sequence[Cluster] | None = None) -> None:
    """Render and write the page atomically (a failed run leaves no half page)."""
    page = render_report(stats, title=title, clusters=clusters)
    with atomic_file(path) as fh:
        fh.write(page.encode("utf-8", "backslashreplace"))
