"""Steps of matched cards: reworded, added, removed, and their own status and deadline changes."""

from __future__ import annotations

import re

from ...schemas import Edition, Step
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import differs, make_change, matched_cards
from .deadlines import deadline_change
from .status import Phrases, status_change

#: How a step is named as a change subject: "AL1 étape 2", or "AL1 étape 2 (ancienne)" for a step of the older card.
STEP_SUBJECT = re.compile(r"^(?P<code>\S+) étape (?P<number>\d+)(?P<former> \(ancienne\))?$")


def step_subject(code: str, number: int, *, former: bool = False) -> str:
    """The subject of a change about step `number` (from 1) of the card `code`."""
    return f"{code} étape {number}" + (" (ancienne)" if former else "")


def _step_phrases(step: Step) -> Phrases:
    if step.deadline_printed:
        return [(step.deadline_printed, step.deadline)]
    if step.status:
        return [("Fait" if step.status == "done" else "En cours", None)]
    return []


def step_changes(old: Edition, new: Edition, matching: Matching, settings: DiffSettings) -> list[Change]:
    """For each matched pair of cards, per the step matching: steps reworded, re-dated or changing state; steps removed and added."""
    changes = []
    for i, j, o, n, conf in matched_cards(old, new, matching):
        mission = n.mission
        steps = matching.steps[i, j]
        for si, sj, sim in steps.pairs:
            so, sn = o.steps[si], n.steps[sj]
            subject = step_subject(n.code, sj + 1)
            if differs(so.text, sn.text):
                changes.append(make_change("step_changed", mission=mission, subject=subject, before=so.text, after=sn.text,
                                           detail={"step_before": si + 1, "step_after": sj + 1}, confidence=conf * max(sim, 0.5),
                                           old=so.provenance, new=sn.provenance))
            po, pn = _step_phrases(so), _step_phrases(sn)
            status = status_change(subject, mission, po, pn, so.provenance, sn.provenance, conf)
            if status:
                changes.append(status)
            deadline = deadline_change(subject, mission, po, pn, so.provenance, sn.provenance, conf)
            if deadline:
                changes.append(deadline)
        for si in steps.gone:
            s = o.steps[si]
            changes.append(make_change("step_removed", mission=mission, subject=step_subject(n.code, si + 1, former=True), before=s.text,
                                       detail={"step_before": si + 1}, confidence=conf, old=s.provenance, new=n.provenance))
        for sj in steps.added:
            s = n.steps[sj]
            changes.append(make_change("step_added", mission=mission, subject=step_subject(n.code, sj + 1), after=s.text,
                                       detail={"step_after": sj + 1}, confidence=conf, old=o.provenance, new=s.provenance))
    return changes
