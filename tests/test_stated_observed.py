"""A statement that the diff observes is never reported as 'no change observed' (issue 9).

Each stated check is run on a statement whose subject the diff files under another code: a card recoded or
moved (its changes under its new code), a mission renamed, merged or split, a card that left. The statement must
find those changes through the action and mission matching. Fictitious editions with invented missions.
"""

from __future__ import annotations

from editiondiff.diff import editions_to_diff
from editiondiff.schemas import StatedChange

from test_mission_merge_split import ARCHIVE_TITLES, WORLD, merged_edition, prov, world_edition

SANTE_TITLES = [t for t, _, _ in WORLD[2][4]]


def said(kind: str, subject: str, target: str | None = None) -> StatedChange:
    return StatedChange(kind=kind, subject=subject, target=target, summary=f"{kind} {subject}", evidence=prov(f"{kind} {subject}", 40))


def checks(diff, kind: str):
    return [(c.agrees, c.observed_phrase.code, c.observed_phrase.params) for c in diff.agreements + diff.contradictions + diff.unchecked
            if c.statement_phrase.code == f"stated_{kind}"]


def test_a_refocus_named_by_the_old_code_of_a_recoded_card_finds_its_changes():
    # SA2 is recoded SA9 and its objective rewritten; the edition names it by its former code
    old = world_edition("before-fictitious")
    new = world_edition("after-fictitious", recode={SANTE_TITLES[1]: "SA9"}, stated=[said("action_refocused", "SA2")])
    new.actions[[a.code for a in new.actions].index("SA9")].objective = "Suivre en ligne les rappels de vaccination de chaque enfant"
    diff = editions_to_diff(old, new)
    [(agrees, code, params)] = checks(diff, "action_refocused")
    assert (agrees, code) == (True, "refocus_changes_observed") and params["kinds"] == "action_recoded, action_reworded"


def test_a_refocus_of_a_moved_card_named_by_its_new_code_finds_the_move():
    old = world_edition("before-fictitious")
    new = world_edition("after-fictitious", moves={SANTE_TITLES[0]: "PORTAIL"}, recode={SANTE_TITLES[0]: "PO5"},
                        stated=[said("action_refocused", "PO5")])
    [(agrees, code, params)] = checks(editions_to_diff(old, new), "action_refocused")
    assert (agrees, code, params["kinds"]) == (True, "refocus_changes_observed", "action_moved")


def test_a_refocus_of_a_mission_finds_the_missions_changes():
    stated = [said("action_refocused", "ARCHIVES")]
    [(agrees, code, params)] = checks(editions_to_diff(world_edition("before-fictitious"), merged_edition(stated=stated)), "action_refocused")
    assert (agrees, code, params["kinds"]) == (True, "refocus_changes_observed", "mission_merged")


def test_a_refocus_with_nothing_changed_is_still_no_change():
    new = world_edition("after-fictitious", stated=[said("action_refocused", "SA2")])
    [(agrees, code, _)] = checks(editions_to_diff(world_edition("before-fictitious"), new), "action_refocused")
    assert (agrees, code) == (False, "refocus_no_change")


def test_a_completion_stated_of_a_card_that_left_is_the_exit_observed():
    old = world_edition("before-fictitious")
    old.actions[0].completed = True
    new = world_edition("after-fictitious", stated=[said("action_completed", "PO1")])
    new.actions = [a for a in new.actions if a.code != "PO1"]
    [(agrees, code, _)] = checks(editions_to_diff(old, new), "action_completed")
    assert (agrees, code) == (True, "action_exit_observed")


def test_a_completion_stated_under_the_former_code_of_a_recoded_card():
    new = world_edition("after-fictitious", recode={SANTE_TITLES[1]: "SA9"}, stated=[said("action_completed", "SA2")])
    card = next(a for a in new.actions if a.code == "SA9")
    card.completed, card.status = True, "completed"
    [(agrees, code, params)] = checks(editions_to_diff(world_edition("before-fictitious"), new), "action_completed")
    assert (agrees, code, params["now"]) == (True, "action_completed_card_recoded", "SA9")


def test_a_completion_stated_of_a_card_that_is_nowhere_is_a_contradiction():
    new = world_edition("after-fictitious", stated=[said("action_completed", "ZZ7")])
    [(agrees, code, _)] = checks(editions_to_diff(world_edition("before-fictitious"), new), "action_completed")
    assert (agrees, code) == (False, "card_missing")


def test_a_rename_stated_that_the_diff_sees_as_a_merge_agrees():
    stated = [said("mission_renamed", "ARCHIVES", "PORTAIL")]
    [(agrees, code, params)] = checks(editions_to_diff(world_edition("before-fictitious"), merged_edition(stated=stated)), "mission_renamed")
    assert (agrees, code, params["target"]) == (True, "mission_merge_observed", "PORTAIL")


def test_a_rename_stated_that_the_diff_sees_as_a_split_agrees():
    part = ("URGENCES", "Organiser les urgences hospitalières en réseau", "répartir les patients entre services d'urgence")
    new = world_edition("after-fictitious", moves={t: "URGENCES" for t in SANTE_TITLES[2:]}, extra_missions=[part],
                        stated=[said("mission_renamed", "SANTE", "URGENCES")])
    [(agrees, code, _)] = checks(editions_to_diff(world_edition("before-fictitious"), new), "mission_renamed")
    assert (agrees, code) == (True, "mission_split_observed")


def test_a_merge_stated_that_the_diff_sees_as_a_rename_agrees():
    # ARCHIVES "joins" a mission MEMOIRE that holds nothing else: observed as ARCHIVES becoming MEMOIRE
    renamed = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, moves={t: "MEMOIRE" for t in ARCHIVE_TITLES},
                            extra_missions=[("MEMOIRE", WORLD[1][2], WORLD[1][3])], stated=[said("mission_merged", "ARCHIVES", "MEMOIRE")])
    diff = editions_to_diff(world_edition("before-fictitious"), renamed)
    [(agrees, code, _)] = checks(diff, "mission_merged")
    assert (agrees, code) == (True, "mission_part_observed_as_rename")


def test_a_departure_announced_by_the_older_edition_and_observed():
    old = world_edition("before-fictitious", stated=[said("action_completed", "AR3")])
    new = world_edition("after-fictitious")
    new.actions = [a for a in new.actions if a.code != "AR3"]
    diff = editions_to_diff(old, new)
    [check] = [c for c in diff.agreements + diff.contradictions if c.statement_phrase.code == "announced_action_completed"]
    assert (check.agrees, check.observed_phrase.code) == (True, "action_exit_observed")
