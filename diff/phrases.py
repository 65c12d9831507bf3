"""The sentences of the diff, one per code, in French and in English.

The diff records each sentence it writes about the editions (what a
statement says, what the comparison observed, what could not be compared) as
a `Phrase`: a code and the ids, codes and counts it names. No sentence is
stored in the diff: reports render the phrase in the reader's language. A
statement an edition makes in its own words keeps them as its `summary`
param, which the French rendering quotes as the edition prints it. Words the editions print (« objectif
atteint », « (nouveau) ») stay as printed, in quotation marks.

A sentence is a `str.format` pattern over the phrase's params, or a function
of the params when its wording depends on them (plurals).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from ..schemas.diff import Phrase
from ..schemas.edition import StatedChangeKind

Params = dict[str, str | int]
Pattern = str | Callable[[Params], str]

# The kinds of change an edition states, each with an English sentence below.
_STATED_KINDS = get_args(StatedChangeKind)

_MISSIONS_ONLY_FR = "l'édition {edition} n'est connue qu'au niveau des missions"


def _count(n: str | int, singular: str, plural: str) -> str:
    return f"{n} {singular if int(n) == 1 else plural}"


def _indicators_missing_en(p: Params) -> str:
    editions = str(p["editions"])
    noun = "editions" if ", " in editions else "edition"
    return f"Indicators not compared: no indicator table in {noun} {editions}."


def _completed_count_en(p: Params) -> str:
    difference = int(p["difference"])
    change = f"{difference} more" if difference >= 0 else f"{-difference} fewer"
    return (f"{p['old']} claimed {p['old_count']}: {change}, not checkable card by card "
            "(one of the editions is known only at mission level)")


def _merged_en(p: Params) -> str:
    if "target" in p:
        return f"Mission {p['subject']} merges into mission {p['target']}"
    return f"Mission {p['subject']} merges with another mission"


def _announced_merged_en(p: Params) -> str:
    return f"{p['edition']} announces: " + _merged_en(p)[0].lower() + _merged_en(p)[1:]


PHRASES: dict[str, dict[str, Pattern]] = {
    "fr": {
        # What the diff observed.
        "mission_rename_old_missing": "l'édition {old} n'a pas de mission {subject}",
        "mission_renamed_observed": "mission {subject} de {old} appariée à {target} de {new}",
        "mission_matched_elsewhere": "mission {subject} appariée à {matched} de {new}",
        "mission_unmatched": "mission {subject} appariée à aucune mission de {new}",
        "mission_merge_observed": "mission {subject} de {old} fusionnée dans {target} de {new}",
        "mission_merge_received": "mission {subject} de {new} reçoit les actions de {others} de {old}",
        "counted_since_skipped": "non vérifiable ici : {new} compte depuis {previous}, édition que la comparaison avec {old} saute",
        "mission_split_observed": "mission {subject} de {old} scindée entre {targets} de {new}",
        "mission_part_observed_as_rename": "mission {subject} de {old} appariée à {target} de {new}, sans autre mission avec elle",
        "mission_still_present": "mission {subject} toujours présente dans {new}, à part",
        "mission_part_not_observed": "ni fusion ni scission de {subject} observée : appariée à {matched} de {new}",
        "action_completed_card_recoded": "fiche {subject} désormais {now}, marquée « objectif atteint » dans {new}",
        "action_completed_card_recoded_not_marked": "fiche {subject} désormais {now}, non marquée « objectif atteint » dans {new}",
        "missions_only": "non vérifiable : " + _MISSIONS_ONLY_FR,
        "action_added_observed": "action {subject} absente de {old}, ajoutée dans {new}",
        "action_matched_to_older": "action {subject} appariée à l'action {prior} de {old}",
        "action_not_found": "action {subject} introuvable dans {new}",
        "card_missing": "pas de fiche {subject} dans {edition}",
        "card_marked_completed": "fiche {subject} marquée « objectif atteint » dans {new}",
        "card_not_marked_completed": "fiche {subject} non marquée « objectif atteint » dans {new}",
        "transformed_source_still_active": "{subject} reste active dans {new} à côté de {target}",
        "transformed_source_completed": "{target} présente dans {new}; {subject} achevée",
        "transformed_source_absent": "{target} présente dans {new}; {subject} absente",
        "refocus_changes_observed": "{kinds}",
        "refocus_no_change": "aucun changement observé sur la fiche",
        "out_of_scope": "hors du champ de la comparaison (pas un élément de la feuille de route)",
        "action_exit_observed": "action {subject} absente de {new}",
        "action_exit_still_present": "action {subject} toujours présente dans {new} ({still})",
        "action_exit_not_found": "action {subject} non retrouvée comme sortie",
        "new_mark_matched": "appariée à l'action {prior} de {old}",
        "new_mark_added": "ajout observé",
        "added_without_mark_unmatched": "aucune action de {old} ne lui correspond (meilleur score {score})",
        "claimed_total_adds_up": "{old} en annonçait {old_total} ; {old_total} + {new_count} = {expected}",
        "claimed_total_does_not_add_up": "{old} en annonçait {old_total} ; {old_total} + {new_count} = {expected}, pas {new_total}",
        "claimed_total_adds_up_per_edition": "compté par édition (fiches imprimées) : {old_total} de {old}, moins {exits} sorties, "
                                             "plus {new_count} nouvelles = {expected}",
        "claimed_total_adds_up_neither": "{old} en annonçait {old_total} : ni en cumul ({cumulative}) ni par édition ({per_edition}) "
                                         "on ne retrouve {new_total}",
        "completed_adds_up_cumulative": "compté depuis le début du programme : {old_count} de {old} plus {count} achevées depuis = {expected}",
        "added_count_observed": "{count} actions ajoutées observées",
        "completed_count_unverifiable": "{old} en annonçait {old_count} : {difference} de plus, non vérifiable fiche par fiche "
                                        "(une des éditions n'est connue qu'au niveau des missions)",
        "completed_cards_observed": "{marked} fiches marquées achevées dans {new}, dont {newly} nouvellement ; "
                                    "{exits} actions achevées sorties depuis {old}",
        # Statements the diff phrases itself (the editions' own are their summaries).
        "marked_new": "{subject} marquée « (nouveau) »",
        "added_without_new_mark": "{subject} ajoutée sans marque « (nouveau) »",
        "claims_total_and_new": "{new} annonce {total} projets dont {count} nouveaux",
        "claims_new": "{new} annonce {count} nouvelles actions",
        "claims_completed": "{new} annonce {count} projets achevés",
        # What could not be compared.
        "same_edition": "Les deux documents sont la même édition ({edition}) : ce qu'elle déclare avoir changé depuis l'édition "
                        "précédente n'est pas rapproché de la comparaison.",
        "edition_missions_only": "L'édition {edition} n'est connue qu'au niveau des missions (sources {sources}) : actions, échéances, "
                                 "pilotes, étapes et statuts ne sont pas comparés ; seules les missions et les chiffres annoncés le sont.",
        "edition_missions_only_claimed": "L'édition {edition} n'est connue qu'au niveau des missions (sources {sources}, {claimed} actions "
                                         "annoncées sans fiches) : actions, échéances, pilotes, étapes et statuts ne sont pas comparés ; "
                                         "seules les missions et les chiffres annoncés le sont.",
        "mission_descriptions_not_compared": "Descriptions des missions non comparées : l'édition {old} et l'édition {new} ne les donnent "
                                             "pas sous la même forme (une ligne sur une page web, un paragraphe d'introduction dans une brochure).",
        "edition_without_missions": "Missions non comparées : l'édition {edition} (sources {sources}) ne liste aucune mission.",
        "indicators_missing": "Indicateurs non comparés : pas de tableau d'indicateurs dans l'édition {editions}.",
        # What an edition says about its changes: its own words.
        **{f"stated_{kind}": "{summary}" for kind in _STATED_KINDS},
        **{f"announced_{kind}": "{edition} annonce : {summary}" for kind in _STATED_KINDS},
    },
    "en": {
        "mission_rename_old_missing": "edition {old} has no mission {subject}",
        "mission_renamed_observed": "mission {subject} of {old} matched to {target} of {new}",
        "mission_matched_elsewhere": "mission {subject} matched to {matched} of {new}",
        "mission_unmatched": "mission {subject} matched to no mission of {new}",
        "mission_merge_observed": "mission {subject} of {old} merged into {target} of {new}",
        "mission_merge_received": "mission {subject} of {new} receives the actions of {others} of {old}",
        "counted_since_skipped": "not checked here: {new} counts from {previous}, an edition this comparison with {old} skips",
        "mission_split_observed": "mission {subject} of {old} split between {targets} of {new}",
        "mission_part_observed_as_rename": "mission {subject} of {old} matched to {target} of {new}, with no other mission beside it",
        "mission_still_present": "mission {subject} still present in {new}, on its own",
        "mission_part_not_observed": "no merge or split of {subject} observed: matched to {matched} of {new}",
        "action_completed_card_recoded": "card {subject}, now {now}, marked “objectif atteint” (goal reached) in {new}",
        "action_completed_card_recoded_not_marked": "card {subject}, now {now}, not marked “objectif atteint” (goal reached) in {new}",
        "missions_only": "cannot be checked: edition {edition} is known only at mission level",
        "action_added_observed": "action {subject} absent from {old}, added in {new}",
        "action_matched_to_older": "action {subject} matched to action {prior} of {old}",
        "action_not_found": "action {subject} not found in {new}",
        "card_missing": "no card {subject} in {edition}",
        "card_marked_completed": "card {subject} marked “objectif atteint” (goal reached) in {new}",
        "card_not_marked_completed": "card {subject} not marked “objectif atteint” (goal reached) in {new}",
        "transformed_source_still_active": "{subject} is still active in {new}, alongside {target}",
        "transformed_source_completed": "{target} present in {new}; {subject} completed",
        "transformed_source_absent": "{target} present in {new}; {subject} gone",
        "refocus_changes_observed": "changes observed on the card: {kinds}",
        "refocus_no_change": "no change observed on the card",
        "out_of_scope": "outside the scope of the comparison (not an item of the roadmap)",
        "action_exit_observed": "action {subject} absent from {new}",
        "action_exit_still_present": "action {subject} still present in {new} (as {still})",
        "action_exit_not_found": "action {subject} not found among the actions that left",
        "new_mark_matched": "matched to action {prior} of {old}",
        "new_mark_added": "addition observed",
        "added_without_mark_unmatched": "no action of {old} corresponds to it (best score {score})",
        "claimed_total_adds_up": "{old} claimed {old_total}; {old_total} + {new_count} = {expected}",
        "claimed_total_does_not_add_up": "{old} claimed {old_total}; {old_total} + {new_count} = {expected}, not {new_total}",
        "claimed_total_adds_up_per_edition": "counted per edition (cards printed): {old_total} in {old}, less {exits} gone, plus {new_count} new = {expected}",
        "claimed_total_adds_up_neither": "{old} claimed {old_total}: neither cumulatively ({cumulative}) nor per edition ({per_edition}) does it come to {new_total}",
        "completed_adds_up_cumulative": "counted since the programme began: {old_count} in {old} plus {count} completed since = {expected}",
        "added_count_observed": lambda p: f"{_count(p['count'], 'added action', 'added actions')} observed",
        "completed_count_unverifiable": _completed_count_en,
        "completed_cards_observed": lambda p: (f"{_count(p['marked'], 'card', 'cards')} marked completed in {p['new']}, "
                                               f"{p['newly']} of them newly; "
                                               f"{_count(p['exits'], 'completed action', 'completed actions')} gone since {p['old']}"),
        "marked_new": "{subject} marked “(nouveau)” (new)",
        "added_without_new_mark": "{subject} added without the “(nouveau)” (new) mark",
        "claims_total_and_new": "{new} announces {total} projects, {count} of them new",
        "claims_new": lambda p: f"{p['new']} announces {_count(p['count'], 'new action', 'new actions')}",
        "claims_completed": lambda p: f"{p['new']} announces {_count(p['count'], 'completed project', 'completed projects')}",
        # The editions' own statements (stored in French as the edition's summary).
        "stated_mission_renamed": "Mission {subject} becomes mission {target}",
        "stated_directorate_renamed": "The {subject} becomes the {target}",
        "stated_mission_merged": _merged_en,
        "stated_mission_split": "Mission {subject} is split, one of its parts being mission {target}",
        "stated_action_completed": "Action {subject} is completed and leaves the programme",
        "stated_action_added": "Action {subject} joins the programme",
        "stated_action_transformed": "Action {subject} is transformed into action {target}",
        "stated_action_refocused": "Action {subject} is refocused",
        "announced_mission_renamed": "{edition} announces: mission {subject} becomes mission {target}",
        "announced_directorate_renamed": "{edition} announces: the {subject} becomes the {target}",
        "announced_mission_merged": _announced_merged_en,
        "announced_mission_split": "{edition} announces: mission {subject} is split, one of its parts being mission {target}",
        "announced_action_completed": "{edition} announces: action {subject} is completed and leaves the programme",
        "announced_action_added": "{edition} announces: action {subject} joins the programme",
        "announced_action_transformed": "{edition} announces: action {subject} is transformed into action {target}",
        "announced_action_refocused": "{edition} announces: action {subject} is refocused",
        "same_edition": "Both documents are the same edition ({edition}): what it says changed since the previous edition "
                        "is not reconciled with the comparison.",
        "edition_missions_only": "Edition {edition} is known only at mission level (sources {sources}): actions, deadlines, owners, "
                                 "steps and statuses are not compared; only the missions and the stated counts are.",
        "edition_missions_only_claimed": "Edition {edition} is known only at mission level (sources {sources}; {claimed} actions "
                                         "announced without cards): actions, deadlines, owners, steps and statuses are not compared; "
                                         "only the missions and the stated counts are.",
        "mission_descriptions_not_compared": "Mission descriptions not compared: editions {old} and {new} do not give them in the "
                                             "same form (a line on a web page in one, an introductory paragraph in a brochure in the other).",
        "edition_without_missions": "Missions not compared: edition {edition} (sources {sources}) lists no mission.",
        "indicators_missing": _indicators_missing_en,
    },
}


class _Missing(dict):
    """Params for `format_map`: a name the phrase lacks reads as printed by the French text ('None')."""

    def __missing__(self, key: str) -> str:
        return "None"


def phrase(code: str, **params: str | int | None) -> Phrase:
    """A `Phrase` of `code` (every code has an English sentence) with its params; params that are None are left out."""
    if code not in PHRASES["en"]:
        raise KeyError(f"no English sentence for phrase code {code!r}")
    return Phrase(code=code, params={k: v for k, v in params.items() if v is not None})


def phrase_to_text(p: Phrase, lang: Literal["fr", "en"]) -> str:
    """The sentence of `p` in `lang`."""
    pattern = PHRASES[lang][p.code]
    if callable(pattern):
        return pattern(p.params)
    return pattern.format_map(_Missing(p.params))
