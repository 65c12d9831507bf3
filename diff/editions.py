"""Two editions into a Diff: everything matched (`matching.py`), every detector run (`detectors/`), then the statements reconciled."""

from __future__ import annotations

from dataclasses import replace

from ..schemas import Edition
from .. import __version__
from ..schemas.diff import Change, Diff, EditionError, Phrase, SourceRead, Subject
from .detectors import detect_changes
from .matching import editions_to_matching
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
    (a mission the edition says was renamed): it is resolved through the
    edition's stated renames and its missions' aliases, so that a rename is
    not read as every action of the mission moving.
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


def subject_order(subject: Subject) -> tuple:
    """Changes of one mission, importance and kind are listed by code or label, then step."""
    return (subject.head, subject.step or 0, subject.step_of or "")


def change_id(kind: str, old: str, new: str, change: Change) -> str:
    """'chg-' + 16 hex digits of the sha256 of the kind, both edition ids and the stable ids of what the change is about."""
    import hashlib

    s = change.subject
    parts = [kind, old, new, s.type, s.mission, s.action_uid, s.action_code, s.step, s.step_of, s.indicator_id, s.label,
             change.detail.get("field"), change.detail.get("column_before")]
    return "chg-" + hashlib.sha256("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def with_ids(changes: list[Change], old: str, new: str) -> list[Change]:
    """The changes with their stable ids; the rare changes that share every id get '-2', '-3'… in the diff's order."""
    seen: dict[str, int] = {}
    result = []
    for c in changes:
        base = change_id(c.kind, old, new, c)
        seen[base] = seen.get(base, 0) + 1
        result.append(c.model_copy(update={"id": base if seen[base] == 1 else f"{base}-{seen[base]}"}))
    return result


def editions_to_diff(old: Edition, new: Edition, *, settings: DiffSettings = DEFAULT_SETTINGS, threshold: float | None = None) -> Diff:
    """What changed from `old` to `new`, each change with its evidence in both editions.

    `threshold`, when given, replaces `settings.threshold` (the scoring sweeps it).
    """
    if threshold is not None and threshold != settings.threshold:
        settings = replace(settings, threshold=threshold)
    old, new = _rehome(old), _rehome(new)
    matching = editions_to_matching(old, new, settings)
    changes = detect_changes(old, new, matching, settings)
    missions, actions = matching.missions, matching.actions
    # An edition's statements are about its predecessor: two renditions of one
    # edition (its text and its PDF) have nothing to reconcile with each other.
    stated = stated_checks(old, new, changes, missions, actions) if old.id != new.id else StatedResult()
    not_compared = _not_compared(old, new)
    mission_order = {m.code: i for i, m in enumerate(new.missions)}
    changes.sort(key=lambda c: (mission_order.get(c.mission or "", len(mission_order)), -c.importance, c.kind, subject_order(c.subject)))
    return Diff(
        tool_version=__version__,
        old=old.id,
        new=new.id,
        level=matching.level,
        threshold=settings.threshold,
        sources=[SourceRead(edition=e.id, source=s.id, path=s.path, sha256=s.sha256) for e in (old, new) for s in e.sources],
        mission_matches=missions.matches,
        action_matches=actions.matches if actions else [],
        changes=with_ids(changes, old.id, new.id),
        agreements=stated.agreements,
        contradictions=stated.contradictions,
        unchecked=stated.unchecked,
        not_compared_phrases=not_compared,
        edition_errors=[
            EditionError(edition=e.id, kind=f.kind, subject=f.subject, code=f.code, params=f.params, message=f.message, provenance=f.provenance)
            for e in (old, new)
            for f in e.findings
            if f.severity == "error"
        ],
    )
