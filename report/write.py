"""The report written into one folder: report.html, report.md, report.json and one CSV file per table.

Every file name is fixed here (`REPORT_OUTPUT`): nothing from a document
names a file. Texts from the editions are escaped for each format with the
package's escapes (`escape.py`): HTML by jinja2's autoescape with control
and bidi characters removed, Markdown by `markdown_inline`, CSV by
`csv_cell` (formulas neutralised).
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import lru_cache
from pathlib import Path

from ..audit.phrases import finding_text
from ..escape import csv_cell, markdown_inline, terminal
from ..schemas import Edition
from ..schemas.registry import dump_json, validation_errors
from ..schemas.report import Report
from .views import PairView, pair_views
from .words import RULES, WORDS

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Every name the report folder holds.
REPORT_OUTPUT = re.compile(r"report\.(?:html|md|json)|(?:changes|claims|editions|findings|indicators|matches|rules|sources|timeline)\.csv")


def _finalize(value):
    """Every value printed by a template loses its control characters; markup we made (the SVG) is left as it is."""
    from markupsafe import Markup

    return terminal(value) if isinstance(value, str) and not isinstance(value, Markup) else value


@lru_cache(maxsize=None)
def _environment():
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=jinja2.select_autoescape(["html.j2", "html"]),
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                             finalize=_finalize)
    env.filters["md"] = lambda value: markdown_inline(str(value))
    return env


def _timelines(report: Report, lang: str) -> list[tuple[str, str, list]]:
    from .timeline import mission_svg

    editions = [e.id for e in report.editions]
    w = WORDS[lang]
    result = []
    for mission in sorted({r.mission for r in report.timeline}):
        rows = [r for r in report.timeline if r.mission == mission]
        result.append((mission, mission_svg(mission, rows, editions, months_word=w["months"], title=f"{w['timeline']} — {w['mission']} {mission}"), rows))
    return result


def render_html(report: Report, pairs: list[PairView], timelines, lang: str) -> str:
    return _environment().get_template("editions.html.j2").render(
        report=report, pairs=pairs, timeline=timelines, w=WORDS[lang], lang=lang, rule_words=RULES[lang],
        said=lambda f: finding_text(f.code, f.params, f.message, lang))


def render_markdown(report: Report, pairs: list[PairView], timelines, lang: str) -> str:
    return _environment().get_template("editions.md.j2").render(
        report=report, pairs=pairs, timeline=timelines, w=WORDS[lang], lang=lang, rule_words=RULES[lang],
        said=lambda f: finding_text(f.code, f.params, f.message, lang))


def _place_cells(p) -> list:
    return [p.source, p.page, p.line_start, p.line_end] if p else ["", "", "", ""]


def csv_tables(report: Report, pairs: list[PairView], lang: str) -> dict[str, list[list]]:
    """File name -> rows (header first) of every table of the report."""
    w = WORDS[lang]
    tables: dict[str, list[list]] = {}
    tables["editions.csv"] = [["edition", "label", "published", "level", "missions", "actions", "completed", "findings"]] + [
        [e.id, e.label, e.published, e.level, e.missions, w["not_assessed"] if e.actions is None else e.actions,
         w["not_assessed"] if e.completed is None else e.completed, e.findings] for e in report.editions]
    tables["claims.csv"] = [["edition", "claim", "claimed", "observed", "state"]] + [
        [e.id, c.kind, c.claimed, "" if c.observed is None else c.observed, c.state] for e in report.editions for c in e.claims]
    place = ["source", "page", "line_start", "line_end"]
    tables["changes.csv"] = [["edition_old", "edition_new", "rank", "change_id", "kind", "label", "mission", "action_uid", "action_code",
                              "step", "indicator_id", "subject", "before", "after", "significance", "rules", "confidence", "slip_months",
                              "exit_reason"] + [f"old_{x}" for x in place] + [f"new_{x}" for x in place] + ["old_quote", "new_quote"]]
    tables["matches.csv"] = [["edition_old", "edition_new", "old", "new", "score", "similarities", "rival", "margin", "tie"]]
    for pair_view, pair in zip(pairs, report.pairs):
        for it in pair_view.items:
            c, s = it.change, it.change.subject
            tables["changes.csv"].append(
                [pair.old, pair.new, it.rank, c.id, c.kind, it.label, c.mission, s.action_uid, s.action_code, s.step, s.indicator_id,
                 it.subject, c.before, c.after, it.significance, " ; ".join(f"{r} {p:+d}" for r, _, p in it.rules), f"{c.confidence:.4f}",
                 c.detail.get("slip_months"), c.detail.get("reason")]
                + _place_cells(c.old) + _place_cells(c.new) + [c.old.quote if c.old else "", c.new.quote if c.new else ""])
        for m in pair.diff.mission_matches + pair.diff.action_matches:
            tables["matches.csv"].append([pair.old, pair.new, m.old, m.new, f"{m.score:.4f}",
                                          " ; ".join(f"{k} {v:.4f}" for k, v in m.similarities.items()), m.rival,
                                          "" if m.margin is None else f"{m.margin:.4f}", m.tie])
    tables["timeline.csv"] = [["mission", "lineage", "code", "title", "edition", "start", "end", "deadline", "slip_months"]] + [
        [r.mission, r.lineage, r.code, r.title, r.edition, r.start, r.end, r.deadline, r.slip_months] for r in report.timeline]
    tables["indicators.csv"] = [["indicator_id", "mission", "label", "edition", "column", "value", "revised_in"]] + [
        [t.indicator_id, t.mission, t.label, v.edition, v.column, v.raw, " ; ".join(t.revised_in)] for t in report.indicators for v in t.values]
    tables["findings.csv"] = [["edition", "kind", "code", "severity", "subject", "message"] + place] + [
        [f.edition, f.finding.kind, f.finding.code, f.finding.severity, f.finding.subject,
         finding_text(f.finding.code, f.finding.params, f.finding.message, lang)] + _place_cells(f.finding.provenance[0] if f.finding.provenance else None)
        for f in report.findings]
    tables["sources.csv"] = [["edition", "source", "title", "published", "url", "path", "sha256", "retypeset"]] + [
        [s.edition, s.id, s.title, s.published, s.url, s.path, s.sha256, s.retypeset] for s in report.sources]
    tables["rules.csv"] = [["rules_version", "rule", "points", "description"]] + [
        [report.rules_version, r.id, r.points, RULES[lang][r.id]] for r in report.rules]
    return tables


def csv_text(rows: list[list], *, excel: bool) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n" if excel else "\n")
    for row in rows:
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" if excel else "") + out.getvalue()


def render_files(report: Report, editions: list[Edition], *, lang: str = "fr", excel: bool = False, root: Path = Path(".")) -> dict[str, str]:
    """File name -> content of every file of the report folder."""
    text = dump_json(report)
    errors = validation_errors("report", json.loads(text))
    if errors:
        raise RuntimeError(f"report does not match the report schema: {errors[0]}")
    pairs = pair_views(report, editions, lang, root)
    timelines = _timelines(report, lang)
    files = {"report.html": render_html(report, pairs, timelines, lang), "report.md": render_markdown(report, pairs, timelines, lang),
             "report.json": text}
    for name, rows in csv_tables(report, pairs, lang).items():
        files[name] = csv_text(rows, excel=excel)
    return files


def write_files(files: dict[str, str], out_dir: Path) -> list[Path]:
    """The folder replaced as a whole by these files (`atomic.replaced_folder`): the old set or the new one, never a mix."""
    from ..atomic import replaced_folder, write_atomic

    with replaced_folder(out_dir, replaceable=lambda name: bool(REPORT_OUTPUT.fullmatch(name))) as staging:
        for name in sorted(files):
            write_atomic(staging / name, files[name])
    return [out_dir / name for name in sorted(files)]
