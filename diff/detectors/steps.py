"""Steps of matched cards: reworded, added, removed, and their own status and deadline changes."""

from __future__ import annotations

from ...schemas import Edition, Step
from ...schemas.diff import Change
from ..matching import Matching
from ..settings import DiffSettings
from .change import card_subject, differs, make_change, matched_cards, step_of
from .deadlines import deadline_change
from .status import Phrases, status_change

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
        card = card_subject(old, o, new, n, mission)
        steps = matching.steps[i, j]
        for si, sj, sim in steps.pairs:
            so, sn = o.steps[si], n.steps[sj]
            subject = step_of(card, sj + 1, "new")
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
            changes.append(make_change("step_removed", mission=mission, subject=step_of(card, si + 1, "old"), before=s.text,
                                       detail={"step_before": si + 1}, confidence=conf, old=s.provenance, new=n.provenance))
        for sj in steps.added:
            s = n.steps[sj]
            changes.append(make_change("step_added", mission=mission, subject=step_of(card, sj + 1, "new"), after=s.text,
                                       detail={"step_after": sj + 1}, confidence=conf, old=o.provenance, new=s.provenance))
    return changes
