"""``corpuskit inspect --html REPORT``: the corpus at a glance, as one self-contained page.

:class:`StatsBuilder` gathers the figures in one pass with bounded memory;
:func:`write_report` renders them (inline SVG charts, strict CSP, no script).
"""

from __future__ import annotations

from corpuskit.htmlreport.render import render_report, write_report
from corpuskit.htmlreport.stats import ReportStats, StatsBuilder

__all__ = ["ReportStats", "StatsBuilder", "render_report", "write_report"]
