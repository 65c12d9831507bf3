"""Two editions into a Diff: missions matched, then actions, then every change, then the statements reconciled."""

from __future__ import annotations

from ..schemas import Edition
from ..schemas.diff import Diff, EditionError, Phrase
from .actions import ActionMatching, actions_to_matches
from .changes import action_changes, indicator_changes, mission_changes
from .missions import missions_to_matches
from .phrases import phrase, phrase_to_text
from .settings import DEFAULT_SETTINGS, DiffSettings
from .stated import StatedResult, stated_checks


def _not_compared(old: Edition, new: Edition) -> list[Phrase]:
    notes = []
    if old.id == new.id:
        notes.append(phrase("same_edition", edition=new.id))
    for e in (old, new):
        if e.level == "missions":
            sources = ", ".join(s.id for s in e.sources)
            claimed = next((c.value for c in e.claims if c.kind == "actions"), None)
            if claimed:
                notes.append(phrase("edition_missions_only_claimed", edition=e.id, sources=sources, claimed=claimed))
            else:
                notes.append(phrase("edition_missions_only", edition=e.id, sources=sources))
    if old.level != new.level and any(m.description for m in old.missions) and any(m.description for m in new.missions):
        notes.append(phrase("mission_descriptions_not_compared", old=old.id, new=new.id))
    for e in (old, new):
        if not e.missions:
            notes.append(phrase("edition_without_missions", edition=e.id, sources=", ".join(s.id for s in e.sources)))
    if old.indicators is None or new.indicators is None:
        missing = [e.id for e in (old, new) if e.indicators is None]
        notes.append(phrase("indicators_missing", editions=", ".join(missing)))
    return notes


def mission_homes(edition: Edition) -> dict[str, str]:
    """Mission code -> the code of the mission of this edition it stands for.

    An action's mission may be recorded under an earlier code of its mission
    (cards numbered BE… under FABRIQUE, or a mission the edition says was
    renamed): it is resolved through the edition's stated renames, its
    missions' aliases and the alias history, so that a rename is not read as
    every action of the mission moving.
    """
    present = {m.code for m in edition.missions}
    homes = {code: code for code in present}
    renames = {s.subject: s.target for s in edition.stated_changes if s.kind == "mission_renamed" and s.target in present}
    for a in edition.actions:
        code = a.mission
        if code in homes:
            continue
        home = renames.get(code)
        home = home or next((m.code for m in edition.missions if code in m.aliases), None)
        homes[code] = home or code
    return homes


def _rehome(edition: Edition) -> Edition:
    homes = mission_homes(edition)
    if all(homes.get(a.mission, a.mission) == a.mission for a in edition.actions):
        return edition
    actions = [a if homes.get(a.mission, a.mission) == a.mission else a.model_copy(update={"mission": homes[a.mission]}) for a in edition.actions]
    return edition.model_copy(update={"actions": actions})


def editions_to_diff(old: Edition, new: Edition, *, threshold: float | None = None, settings: DiffSettings = DEFAULT_SETTINGS) -> Diff:
    """What changed from `old` to `new`, each change with its evidence in both editions."""
    threshold = settings.threshold if threshold is None else threshold
    old, new = _rehome(old), _rehome(new)
    missions = missions_to_matches(old, new, settings)
    # An edition that lists no mission says nothing about missions: nothing was removed or added.
    changes = mission_changes(old, new, missions) if old.missions and new.missions else []
    level = "actions" if old.level == "actions" and new.level == "actions" else "missions"
    actions: ActionMatching | None = None
    if level == "actions":
        actions = actions_to_matches(old.actions, new.actions, missions.new_of_old, settings, threshold=threshold)
        changes += action_changes(old, new, actions, missions, settings)
        changes += indicator_changes(old, new, missions)
    # An edition's statements are about its predecessor: two renditions of one
    # edition (its text and its PDF) have nothing to reconcile with each other.
    stated = stated_checks(old, new, changes, missions, actions) if old.id != new.id else StatedResult()
    not_compared = _not_compared(old, new)
    mission_order = {m.code: i for i, m in enumerate(new.missions)}
    changes.sort(key=lambda c: (mission_order.get(c.mission or "", len(mission_order)), -c.importance, c.kind, c.subject))
    return Diff(
        old=old.id,
        new=new.id,
        level=level,
        threshold=threshold,
        mission_matches=missions.matches,
        action_matches=actions.matches if actions else [],
        changes=changes,
        agreements=stated.agreements,
        contradictions=stated.contradictions,
        unchecked=stated.unchecked,
        not_compared=[phrase_to_text(note, "fr") for note in not_compared],
        not_compared_phrases=not_compared,
        edition_errors=[
            EditionError(edition=e.id, kind=f.kind, subject=f.subject, message=f.message, provenance=f.provenance)
            for e in (old, new)
            for f in e.findings
            if f.severity == "error"
        ],
    )
