"""The timeline of one mission as inline SVG: each action's planned interval in each edition (a Gantt chart).

Drawn with matplotlib's SVG backend (no pyplot, no GUI), text kept as text
(`svg.fonttype: none`) so that it stays readable and searchable, ids salted
with a constant and no date in the metadata, so that two runs write the same
bytes. Editions are told apart by hatching and by the legend, never by colour
alone; an action with only an end date is a diamond at that date; a slip
since the previous edition is written next to the bar in months.
"""

from __future__ import annotations

import io
import re

from ..schemas.report import TimelineRow

_HATCHES = ("", "///", "...", "xxx", "\\\\\\", "++")
_FILLS = ("#1f4e79", "#7f3f00", "#245b2a", "#5b2a5b", "#4d4d4d", "#00565b")


def mission_svg(mission: str, rows: list[TimelineRow], editions: list[str], *, months_word: str, title: str) -> str:
    """An `<svg>` element (no XML prolog) drawing `rows`, one line per action, one bar per edition."""
    import matplotlib

    matplotlib.use("svg", force=False)
    from matplotlib import dates
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    actions = sorted({r.lineage: r.code for r in rows}.items(), key=lambda kv: kv[1])
    line = {uid: i for i, (uid, _) in enumerate(actions)}
    shown = [e for e in editions if any(r.edition == e for r in rows)]
    band = 0.8 / max(1, len(shown))
    with matplotlib.rc_context({"svg.hashsalt": "editiondiff", "svg.fonttype": "none", "font.size": 9, "font.family": "DejaVu Sans"}):
        height = 0.9 + 0.32 * len(actions) * max(1, len(shown))
        figure = Figure(figsize=(8.0, height), dpi=72)
        # Fixed margins (in inches) rather than tight_layout, which draws the whole figure once more to measure it.
        figure.subplots_adjust(left=0.8 / 8.0, right=1 - 0.2 / 8.0, bottom=0.35 / height, top=1 - 0.35 / height)
        FigureCanvasSVG(figure)
        ax = figure.add_subplot(1, 1, 1)
        for k, edition in enumerate(shown):
            fill, hatch = _FILLS[k % len(_FILLS)], _HATCHES[k % len(_HATCHES)]
            y_of = lambda r: line[r.lineage] + (k - (len(shown) - 1) / 2) * band  # noqa: E731
            spans = [r for r in rows if r.edition == edition and r.start is not None and r.end is not None]
            points = [r for r in rows if r.edition == edition and r.start is None and r.end is not None]
            if spans:
                ax.barh([y_of(r) for r in spans], [(r.end - r.start).days + 1 for r in spans], left=[dates.date2num(r.start) for r in spans],
                        height=band * 0.9, color=fill, edgecolor="black", hatch=hatch, label=edition, linewidth=0.6)
            if points:
                ax.plot([dates.date2num(r.end) for r in points], [y_of(r) for r in points], linestyle="none", marker="D",
                        markersize=6, color=fill, markeredgecolor="black", label=None if spans else edition)
            for r in rows:
                if r.edition == edition and r.slip_months and r.end is not None:
                    ax.annotate(f"{r.slip_months:+d} {months_word}", (dates.date2num(r.end), y_of(r)), xytext=(4, -3),
                                textcoords="offset points", fontsize=8)
        ax.set_yticks(range(len(actions)), [code for _, code in actions])
        ax.invert_yaxis()
        ax.xaxis.set_major_locator(dates.YearLocator())
        ax.xaxis.set_major_formatter(dates.DateFormatter("%Y"))
        ax.grid(axis="x", which="major", linestyle=":", linewidth=0.6)
        ax.set_title(title)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper right", fontsize=8, frameon=True)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg"):]
    ident = "timeline-" + re.sub(r"[^A-Za-z0-9_-]", "-", mission)
    # An image with a name for assistive technologies; the table after it gives the same data.
    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{ident}-title" ', 1)
    head_end = svg.index(">") + 1
    from markupsafe import escape

    return svg[:head_end] + f"<title id=\"{ident}-title\">{str(escape(title))}</title>" + svg[head_end:]

