"""What the editions say about their own changes, reconciled with what the diff observed.

The newer edition states changes since its predecessor (a mission renamed,
actions added, "(nouveau)" marks, an action transformed or refocused, claimed
counts); the older edition announces departures ("les projets suivants quittent
le programme"). Each statement becomes a `StatedCheck`: an agreement, a
contradiction, or unchecked when the editions are not known at the level the
statement is about (the 2019 and mid-2021 web pages list missions, not cards).

A statement is checked against what the diff filed, found through the
matching: a card recoded or moved files its changes under its new code, a
mission merged or split under the mission it went into, so a statement naming
either code finds them, and a rename the diff sees as a merge or a split (or a
merge it sees as a rename) is observed, never "no change observed".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schemas import Claim, Edition
from ..schemas.diff import Change, Phrase, StatedCheck
from .actions import ActionMatching
from .missions import MissionMatching
from .phrases import phrase, phrase_to_text


@dataclass
class StatedResult:
    agreements: list[StatedCheck] = field(default_factory=list)
    contradictions: list[StatedCheck] = field(default_factory=list)
    unchecked: list[StatedCheck] = field(default_factory=list)

    def add(self, check: StatedCheck) -> None:
        {True: self.agreements, False: self.contradictions, None: self.unchecked}[check.agrees].append(check)


def _claim(edition: Edition, kind: str) -> Claim | None:
    return next((c for c in edition.claims if c.kind == kind), None)


def _check(statement: Phrase, agrees: bool | None, observed: Phrase, evidence, observed_at=()) -> StatedCheck:
    """A check stored as phrases only: reports word them in the reader's language."""
    return StatedCheck(statement_phrase=statement, agrees=agrees, evidence=evidence, observed_at=list(observed_at),
                       observed_phrase=observed)


def _part_observed(subject: str, target: str | None, missions: MissionMatching, old: Edition, new: Edition):
    """(observed phrase, where) when the diff found `subject` merged into `target` (any mission when None), or split with `target` a part."""
    for m in missions.merges:
        if m.old == subject and (target is None or m.into == target):
            return (phrase("mission_merge_observed", subject=subject, old=old.id, target=m.into, new=new.id),
                    [old.mission(subject).provenance, new.mission(m.into).provenance])
    for sp in missions.splits:
        if sp.old == subject and (target is None or target in sp.into):
            return (phrase("mission_split_observed", subject=subject, old=old.id, targets=", ".join(sp.into), new=new.id),
                    [old.mission(subject).provenance] + [new.mission(c).provenance for c in sp.into])
    return None


def _part_check(said: Phrase, s, missions: MissionMatching, old: Edition, new: Edition) -> StatedCheck:
    """A merge or split an edition states, against what the diff observed of the old mission."""
    if old.mission(s.subject) is None:
        return _check(said, False, phrase("mission_rename_old_missing", old=old.id, subject=s.subject), s.evidence)
    observed = _part_observed(s.subject, s.target, missions, old, new)
    if observed is None and s.kind == "mission_merged" and s.target is None:  # "X et Y fusionnent": X may be the one the merge continues
        into = missions.new_of_old.get(s.subject)
        others = [m.old for m in missions.merges if m.into == into]
        if into is not None and others:
            observed = (phrase("mission_merge_received", subject=into, others=", ".join(others), old=old.id, new=new.id),
                        [old.mission(s.subject).provenance, new.mission(into).provenance])
    if observed is not None:
        return _check(said, True, observed[0], s.evidence, observed[1])
    matched = missions.new_of_old.get(s.subject)
    if matched is not None and matched == s.target and matched != s.subject:
        # "X rejoint la mission Y" where Y is new and holds nothing else of the older edition: observed as X becoming Y.
        return _check(said, True, phrase("mission_part_observed_as_rename", subject=s.subject, old=old.id, target=matched, new=new.id),
                      s.evidence, [old.mission(s.subject).provenance, new.mission(matched).provenance])
    if matched is not None and matched == s.subject:
        return _check(said, False, phrase("mission_still_present", subject=s.subject, new=new.id), s.evidence)
    if matched is not None:
        return _check(said, False, phrase("mission_part_not_observed", subject=s.subject, matched=matched, new=new.id), s.evidence)
    return _check(said, False, phrase("mission_unmatched", subject=s.subject, new=new.id), s.evidence)


def _changes_about(code: str, changes: list[Change], missions: MissionMatching, old_to_new: dict[str, str], new_to_old: dict[str, str],
                   old: Edition) -> list[Change]:
    """The changes the diff files about the action (or mission) a statement names by `code`.

    The statement may name the card by its code in either edition (the card recoded or moved files its changes under its new
    code), or name a mission (its changes, or its successors' changes of the mission kinds).
    """
    codes = {code, old_to_new.get(code), new_to_old.get(code)} - {None}
    uids = {f"{old.id}:{c}" for c in codes}
    mine = [c for c in changes if c.kind != "action_added" and (c.subject.head in codes or c.subject.action_uid in uids)]
    if not mine and old.mission(code) is not None:
        homes = missions.successors(code) | {code}
        mine = [c for c in changes if c.subject.type == "mission" and c.subject.mission in homes]
    return mine


def stated_checks(old: Edition, new: Edition, changes: list[Change], missions: MissionMatching, actions: ActionMatching | None) -> StatedResult:
    result = StatedResult()
    cards = old.level == "actions" and new.level == "actions"
    by_kind: dict[str, dict[str, Change]] = {}
    for c in changes:
        by_kind.setdefault(c.kind, {})[c.subject.head] = c
    added = by_kind.get("action_added", {})
    matched_new_to_old = {m.new: m.old for m in actions.matches} if actions else {}
    matched_old_to_new = {m.old: m.new for m in actions.matches} if actions else {}
    # The edition known only at mission level, when a statement cannot be checked card by card.
    old_first = old.id if old.level == "missions" else new.id
    new_first = new.id if new.level == "missions" else old.id

    for s in new.stated_changes:
        said = phrase(f"stated_{s.kind}", subject=s.subject, target=s.target, summary=s.summary)
        if s.kind == "mission_renamed":
            target = missions.new_of_old.get(s.subject)
            part = _part_observed(s.subject, s.target, missions, old, new)
            if old.mission(s.subject) is None:
                result.add(_check(said, False, phrase("mission_rename_old_missing", old=old.id, subject=s.subject), s.evidence))
            elif target == s.target:
                o, n = old.mission(s.subject), new.mission(target)
                result.add(_check(said, True, phrase("mission_renamed_observed", subject=s.subject, old=old.id, target=target, new=new.id),
                                  s.evidence, [o.provenance, n.provenance]))
            elif part is not None:  # the rename is observed as a merge into, or a split with a part, the mission it names
                result.add(_check(said, True, part[0], s.evidence, part[1]))
            elif target:
                result.add(_check(said, False, phrase("mission_matched_elsewhere", subject=s.subject, matched=target, new=new.id), s.evidence))
            else:
                result.add(_check(said, False, phrase("mission_unmatched", subject=s.subject, new=new.id), s.evidence))
        elif s.kind in ("mission_merged", "mission_split"):
            result.add(_part_check(said, s, missions, old, new))
        elif s.kind == "action_added":
            if not cards:
                result.add(_check(said, None, phrase("missions_only", edition=old_first), s.evidence))
            elif s.subject in added:
                result.add(_check(said, True, phrase("action_added_observed", subject=s.subject, old=old.id, new=new.id),
                                  s.evidence, [added[s.subject].new]))
            else:
                prior = matched_new_to_old.get(s.subject)
                observed = (phrase("action_matched_to_older", subject=s.subject, prior=prior, old=old.id) if prior
                            else phrase("action_not_found", subject=s.subject, new=new.id))
                result.add(_check(said, False, observed, s.evidence))
        elif s.kind == "action_completed":
            a = new.action(s.subject)
            # The code the statement names may be the card's older one (the card recoded or moved): found through the matching.
            recoded = new.action(matched_old_to_new[s.subject]) if a is None and s.subject in matched_old_to_new else None
            exit_ = by_kind.get("action_exited_completed", {}).get(s.subject)
            if new.level != "actions":
                result.add(_check(said, None, phrase("missions_only", edition=new.id), s.evidence))
            elif a is None and recoded is not None:
                code = "action_completed_card_recoded" if recoded.completed else "action_completed_card_recoded_not_marked"
                result.add(_check(said, bool(recoded.completed), phrase(code, subject=s.subject, now=recoded.code, new=new.id), s.evidence,
                                  [recoded.provenance]))
            elif a is None and exit_ is not None:  # it left the programme, as the statement says
                result.add(_check(said, True, phrase("action_exit_observed", subject=s.subject, new=new.id), s.evidence,
                                  [p for p in (exit_.old,) if p]))
            elif a is None:
                result.add(_check(said, False, phrase("card_missing", subject=s.subject, edition=new.id), s.evidence))
            else:
                code = "card_marked_completed" if a.completed else "card_not_marked_completed"
                result.add(_check(said, bool(a.completed), phrase(code, subject=s.subject, new=new.id), s.evidence, [a.provenance]))
        elif s.kind == "action_transformed":
            if new.level != "actions":
                result.add(_check(said, None, phrase("missions_only", edition=new.id), s.evidence))
                continue
            src, dst = new.action(s.subject), new.action(s.target or "")
            if dst is None:
                result.add(_check(said, False, phrase("card_missing", subject=s.target, edition=new.id), s.evidence))
            elif src is not None and not src.completed:
                result.add(_check(said, False, phrase("transformed_source_still_active", subject=s.subject, new=new.id, target=s.target),
                                  s.evidence, [src.provenance, dst.provenance]))
            else:
                where = [dst.provenance] + ([src.provenance] if src else [])
                code = "transformed_source_completed" if src else "transformed_source_absent"
                result.add(_check(said, True, phrase(code, target=s.target, new=new.id, subject=s.subject), s.evidence, where))
        elif s.kind == "action_refocused":
            if not cards:
                result.add(_check(said, None, phrase("missions_only", edition=old_first), s.evidence))
                continue
            mine = _changes_about(s.subject, changes, missions, matched_old_to_new, matched_new_to_old, old)
            observed = (phrase("refocus_changes_observed", kinds=", ".join(sorted({c.kind for c in mine}))) if mine
                        else phrase("refocus_no_change"))
            result.add(_check(said, bool(mine), observed, s.evidence, [c.new for c in mine if c.new][:3]))
        else:
            result.add(_check(said, None, phrase("out_of_scope"), s.evidence))

    # Departures announced by the older edition.
    for s in old.stated_changes:
        if s.kind != "action_completed":
            continue
        said = phrase(f"announced_{s.kind}", edition=old.id, subject=s.subject, target=s.target, summary=s.summary)
        if new.level != "actions" or old.level != "actions":
            result.add(_check(said, None, phrase("missions_only", edition=new_first), s.evidence))
            continue
        exit_ = by_kind.get("action_exited_completed", {}).get(s.subject)
        if exit_:
            result.add(_check(said, True, phrase("action_exit_observed", subject=s.subject, new=new.id), s.evidence,
                              [p for p in (exit_.old,) if p]))
        else:
            still = matched_old_to_new.get(s.subject)
            observed = (phrase("action_exit_still_present", subject=s.subject, new=new.id, still=still) if still
                        else phrase("action_exit_not_found", subject=s.subject))
            result.add(_check(said, False, observed, s.evidence))

    # "(nouveau)" marks against observed additions.
    if cards:
        for a in new.actions:
            if a.new and a.code not in added:
                result.add(_check(phrase("marked_new", subject=a.code), False,
                                  phrase("new_mark_matched", prior=str(matched_new_to_old.get(a.code)), old=old.id), a.provenance))
            elif a.new:
                result.add(_check(phrase("marked_new", subject=a.code), True, phrase("new_mark_added"), a.provenance))
        for code, c in sorted(added.items()):
            a = new.action(code)
            if a is not None and not a.new:
                result.add(_check(phrase("added_without_new_mark", subject=code), False,
                                  phrase("added_without_mark_unmatched", old=old.id, score=f"{1 - c.confidence:.2f}"), a.provenance))

    _claims_checks(old, new, by_kind, cards, result)
    return result


def _claims_checks(old: Edition, new: Edition, by_kind: dict[str, dict[str, Change]], cards: bool, result: StatedResult) -> None:
    total_o, total_n, new_n = _claim(old, "actions"), _claim(new, "actions"), _claim(new, "new")
    if total_o and total_n and new_n:
        # An edition may count cumulatively (every project since the programme began) or per edition
        # (the cards it prints now): the reading that makes the numbers agree is the one reported.
        cumulative = total_o.value + new_n.value
        gone = len(by_kind.get("action_exited_completed", {})) + len(by_kind.get("action_dropped", {})) if cards else None
        per_edition = total_o.value - gone + new_n.value if gone is not None else None
        said = phrase("claims_total_and_new", new=new.id, total=total_n.value, count=new_n.value)
        where = [total_o.provenance, new_n.provenance]
        if cumulative == total_n.value:
            observed = phrase("claimed_total_adds_up", old=old.id, old_total=total_o.value, new_count=new_n.value, expected=cumulative, new_total=None)
            result.add(_check(said, True, observed, total_n.provenance, where))
        elif per_edition == total_n.value:
            observed = phrase("claimed_total_adds_up_per_edition", old=old.id, old_total=total_o.value, exits=gone, new_count=new_n.value, expected=per_edition)
            result.add(_check(said, True, observed, total_n.provenance, where))
        elif per_edition is None:
            observed = phrase("claimed_total_does_not_add_up", old=old.id, old_total=total_o.value, new_count=new_n.value, expected=cumulative, new_total=total_n.value)
            result.add(_check(said, False, observed, total_n.provenance, where))
        else:
            observed = phrase("claimed_total_adds_up_neither", old=old.id, old_total=total_o.value, cumulative=cumulative, per_edition=per_edition, new_total=total_n.value)
            result.add(_check(said, False, observed, total_n.provenance, where))
    if new_n:
        said = phrase("claims_new", new=new.id, count=new_n.value)
        if cards:
            observed = len(by_kind.get("action_added", {}))
            result.add(_check(said, observed == new_n.value, phrase("added_count_observed", count=observed), new_n.provenance,
                              [c.new for c in by_kind.get("action_added", {}).values() if c.new]))
        else:
            result.add(_check(said, None, phrase("missions_only", edition=old.id if old.level == "missions" else new.id), new_n.provenance))
    done_n, done_o = _claim(new, "completed"), _claim(old, "completed")
    if done_n and done_o and not cards:
        result.add(_check(
            phrase("claims_completed", new=new.id, count=done_n.value), None,
            phrase("completed_count_unverifiable", old=old.id, old_count=done_o.value, difference=done_n.value - done_o.value),
            done_n.provenance, [done_o.provenance],
        ))
    if done_n and cards:
        exits = len(by_kind.get("action_exited_completed", {}))
        newly = len(by_kind.get("action_completed", {}))
        marked = sum(1 for a in new.actions if a.completed)
        said = phrase("claims_completed", new=new.id, count=done_n.value)
        if marked != done_n.value and done_o and done_o.value + exits + newly == done_n.value:  # counted since the start
            result.add(_check(said, True, phrase("completed_adds_up_cumulative", old=old.id, old_count=done_o.value, count=exits + newly,
                                                 expected=done_n.value), done_n.provenance, [done_o.provenance]))
        else:
            result.add(_check(said, marked == done_n.value,
                              phrase("completed_cards_observed", marked=marked, new=new.id, newly=newly, exits=exits, old=old.id),
                              done_n.provenance))
