"""An Edition -> what every layout of the family prints, in reading order, with each part's role.

The words are those the brochure-text renderer writes (`render.edition_text`):
the same card heading "ACTION XX → Title", owner, step, deadline and status
phrases, chart entries and indicator rows, so that a layout differs from the
text only in where and how it prints them. Inline markup stays as the text
has it (`**bold**`, `1^{er}`, `[text](url)`); producers turn it into runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..render.brochure_layout import inline_runs
from ..render.edition_text import _claims, _printed, _stated
from editiondiff.schemas import Action, Edition


@dataclass
class Card:
    code: str  # "ACTION LA1"
    title: str
    status: str | None
    paragraphs: list[str]  # objective, description
    owners: list[str]
    steps: list[tuple[str, str | None]]  # (text, deadline printed against it)
    deadlines: list[str]
    notes: list[str]


@dataclass
class Section:
    kind: str  # cover, front, mission, chart, table, back
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (role, text): title, heading, lead, para, caption
    cards: list[Card] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # indicator table, header row first


def marked_up(text: str, escape, *, sup, bold) -> str:
    """A line's inline markup (`**bold**`, `1^{er}`, `[text](url)`: links print their text) in a
    producer's own terms: each run escaped by `escape`, then wrapped by `sup` and `bold` where it is so."""
    runs, _ = inline_runs(text)
    out = []
    for run in runs:
        body = escape(run.text)
        if run.sup:
            body = sup(body)
        if run.bold:
            body = bold(body)
        out.append(body)
    return "".join(out)


def _groups(lines: list[str]) -> list[str]:
    """Text lines separated by blank lines -> paragraphs (lines of one paragraph joined by a space)."""
    out, current = [], []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    return out


def _card(action: Action) -> Card:
    return Card(
        code=f"ACTION {action.code_printed}",
        title=action.title,
        status=(action.status_printed or "Objectif atteint ✓") if (action.status_printed or action.completed) else None,
        paragraphs=[p for p in (action.objective, action.description) if p],
        owners=list(action.owners_printed),
        steps=[(s.text, _printed(s.deadline_printed) if s.deadline_printed else None) for s in action.steps],
        deadlines=[_printed(d) for d in action.deadlines_printed],
        notes=list(action.notes),
    )


def edition_sections(edition: Edition) -> list[Section]:
    period = edition.period or "2019-2022"
    cover = Section("cover", [("title", "TECH.GOUV"), ("heading", "STRATÉGIE ET FEUILLE DE ROUTE"), ("heading", period), ("lead", edition.label)])
    front = Section("front", [("heading", "Bilan du programme")])
    front.blocks += [("para", p) for p in _groups(_stated(edition))]
    front.blocks.append(("heading", "MISSIONS ET ACTIONS DE TECH.GOUV"))
    front.blocks.append(("para", f"Cadre d'action composé de {len(edition.missions)} missions, TECH.GOUV vise à faire progresser continuellement l'État numérique."))
    front.blocks += [("para", p) for p in _groups(_claims(edition))]
    sections = [cover, front]
    for mission in edition.missions:
        page = Section("mission", [("title", mission.code_printed)])
        if mission.name:
            page.blocks.append(("lead", mission.name))
        if mission.objective:
            page.blocks.append(("para", f"OBJECTIF : {mission.objective}"))
        if mission.description:
            page.blocks.append(("para", mission.description))
        page.blocks += [("caption", f"- {mission.code_printed} -"), ("caption", f"Feuille de route {period}")]
        page.cards = [_card(a) for a in edition.actions if a.mission == mission.code]
        sections.append(page)
    chart = Section("chart", [("heading", "PRODUITS et SERVICES")])
    for mission in edition.missions:
        actions = [a for a in edition.actions if a.mission == mission.code]
        if not actions:
            continue
        chart.blocks.append(("title", mission.code_printed))
        if mission.name:
            chart.blocks.append(("lead", mission.name))
        for a in actions:
            chart.blocks.append(("para", ("(nouveau) " if a.new else "") + (a.chart_title or a.title) + (" ✓" if a.completed else "")))
    chart.blocks.append(("para", "✓ Objectif atteint pour ces actions, qui sortent du programme TECH.GOUV"))
    sections.append(chart)
    table = edition.indicators
    if table is not None and table.rows:
        indicators = Section("table", [("heading", "Indicateurs de pilotage"), ("para", "TECH.GOUV")])
        indicators.rows.append(["", "", *table.columns])
        previous = None
        for row in table.rows:
            cells = {c.column: c.raw for c in row.cells}
            indicators.rows.append([row.mission if row.mission != previous else "", row.label, *(_printed(cells.get(c, "")) for c in table.columns)])
            previous = row.mission
        sections.append(indicators)
    sections.append(Section("back", [("lead", "**DIRECTION INTERMINISTÉRIELLE DU NUMÉRIQUE**")]))
    return sections
