"""Field agreement of an Edition read from a layout with the Edition read from the text of the same edition.

    field_agreement(reference, candidate) -> Agreement

Fields, each counted once in the reference: every mission's name, objective
and description; every action's code, title,
objective, owners (as printed), status (printed mark, completed, status word),
new mark, each step's text and each step's deadline as printed; every cell of
the indicator table (mission, label, raw value). Actions are matched by code,
indicator rows by (mission, label) and then by position; a field of the
reference that the candidate lacks counts as wrong. Missions are matched by code.
What the candidate holds beyond the reference counts as a wrong field too, one
each: a mission or an action of a code the reference lacks, a step after the
reference's last one, an indicator row no reference row was matched to (a note
read as a step, a caption read as a row, must lower the share).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editiondiff.schemas import Edition


@dataclass
class Agreement:
    equal: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, where: str, want, got) -> None:
        self.total += 1
        if want == got:
            self.equal += 1
        else:
            self.wrong.append(f"{where}: want {want!r}, got {got!r}")

    @property
    def share(self) -> float:
        return self.equal / self.total if self.total else 1.0


def field_agreement(reference: Edition, candidate: Edition) -> Agreement:
    out = Agreement()
    got_missions = {m.code: m for m in candidate.missions}
    want_missions = {m.code for m in reference.missions}
    for got in candidate.missions:
        if got.code not in want_missions:
            out.add(f"mission {got.code} (not in the reference)", None, got.name)
    for want in reference.missions:
        got = got_missions.get(want.code)
        for name in ("name", "objective", "description"):
            out.add(f"mission {want.code} {name}", getattr(want, name), getattr(got, name) if got else None)
    got_actions = {a.code: a for a in candidate.actions}
    want_actions = {a.code for a in reference.actions}
    for got in candidate.actions:
        if got.code not in want_actions:
            out.add(f"{got.code} (not in the reference)", None, got.title)
    for want in reference.actions:
        got = got_actions.get(want.code)
        out.add(f"{want.code} code", want.code, got.code if got else None)
        for name in ("title", "objective", "owners_printed", "status_printed", "completed", "status", "new"):
            out.add(f"{want.code} {name}", getattr(want, name), getattr(got, name) if got else None)
        got_steps = got.steps if got else []
        for i, step in enumerate(want.steps):
            other = got_steps[i] if i < len(got_steps) else None
            out.add(f"{want.code} step {i + 1}", step.text, other.text if other else None)
            out.add(f"{want.code} step {i + 1} deadline", step.deadline_printed, other.deadline_printed if other else None)
        for i in range(len(want.steps), len(got_steps)):
            out.add(f"{want.code} step {i + 1} (not in the reference)", None, got_steps[i].text)
    want_table, got_table = reference.indicators, candidate.indicators
    got_rows = list(got_table.rows) if got_table else []
    by_key = {(r.mission, r.label): r for r in got_rows}
    matched: set[int] = set()
    for i, row in enumerate(want_table.rows if want_table else []):
        other = by_key.get((row.mission, row.label)) or (got_rows[i] if i < len(got_rows) else None)
        if other is not None:
            matched.add(id(other))
        out.add(f"indicator {i + 1} mission", row.mission, other.mission if other else None)
        out.add(f"indicator {i + 1} label", row.label, other.label if other else None)
        cells = {c.column: c.raw for c in other.cells} if other else {}
        for cell in row.cells:
            out.add(f"indicator {i + 1} {cell.column}", cell.raw, cells.get(cell.column))
    for row in got_rows:
        if id(row) not in matched:
            out.add(f"indicator row {row.mission} {row.label!r} (not in the reference)", None, row.label)
    return out
