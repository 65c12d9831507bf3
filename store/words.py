"""The words of `history`, in French (the default) and English.

Lineage events are stored with a detail that a person browsing the tables
reads (in English, as every column of the store); `DETAILS` names each of
those phrasings so `history` can recover what they say (`read_detail`) and
say it again in the reader's language. Quotes from the editions (titles,
codes, deadline phrases, the values before and after a change) are never
translated.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: The details the lineage writes into the store, by name (the English the tables hold).
DETAILS = {
    "code_printed_twice": "code printed twice in this edition",
    "gap_mission_level": "extraction gap: edition {edition} is known only at mission level (no action cards read)",
    "gap_found_again": "extraction gap: not found in edition {missing}, found again in {found}",
    "split_from": "split from {code}",
    "split_off": "{code} split off",
    "merged_into": "merged into {code}",
    "merged_in": "{code} merged in",
    "completed_first_seen": "completed when first seen",
    "change": "{before} → {after}",
}


def detail(name: str, **values: str) -> str:
    """The stored wording of one detail."""
    return DETAILS[name].format(**values)


@lru_cache(maxsize=None)
def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts))
    return re.compile(regex + r"\Z", re.S)


def read_detail(text: str | None) -> dict | None:
    """A stored detail as {"kind": name, values...}; {"kind": "text", "text": ...} for a wording this version does not know."""
    if text is None:
        return None
    for name, template in DETAILS.items():
        found = _pattern(template).match(text)
        if found:
            return {"kind": name, **found.groupdict()}
    return {"kind": "text", "text": text}


WORDS = {
    "fr": {
        "title": "Historique de {query}",
        "end_date": "Date de fin : {first} à sa première apparition, {last} à la dernière. "
                    "Glissement total de la date de fin depuis sa première apparition : {slip} mois.",
        "no_end_date": "Date de fin : aucune échéance datée n'est imprimée sur la fiche.",
        "columns": ("édition", "publication", "code", "intitulé", "mission", "pilotes", "état", "échéances", "emplacement", "événements"),
        "csv_columns": ("identifiant", "nature", "édition", "publication", "fictive", "présente", "code", "intitulé", "mission", "pilotes",
                        "état", "échéances", "date_de_fin", "emplacement", "événements", "glissement_mois"),
        "action": "Action", "mission": "Mission",
        "fictitious": "(fictive)", "retypeset": "(recomposée)",
        "status": {"active": "en cours", "completed": "achevée"},
        "deadline_kind": {"due": "échéance", "done": "réalisé", "ongoing": "en continu", "open_ended": "sans terme", "milestone": "jalon",
                          "unparsed": "non interprétée"},
        "events": {"created": "créée", "retitled": "renommée", "recoded": "renumérotée", "moved": "déplacée dans une autre mission",
                   "merged": "fusionnée", "split": "scindée", "completed": "achevée", "exited": "sortie du programme",
                   "dropped": "disparue", "not_found": "introuvable", "renamed": "renommée"},
        "details": {
            "code_printed_twice": "code imprimé deux fois dans cette édition",
            "gap_mission_level": "lacune d'extraction : l'édition {edition} n'est connue qu'au niveau des missions (aucune fiche d'action lue)",
            "gap_found_again": "lacune d'extraction : absente de l'édition {missing}, retrouvée dans {found}",
            "split_from": "détachée de {code}",
            "split_off": "{code} en a été détachée",
            "merged_into": "fusionnée dans {code}",
            "merged_in": "{code} y a été fusionnée",
            "completed_first_seen": "déjà achevée à sa première apparition",
            "change": "{before} → {after}",
        },
        "code_reused": "le code {code} désigne {n} actions différentes selon les éditions de l'archive : {lineages}",
        "code_reused_item": "{uid} (imprimé {codes})",
        "no_match": "rien dans l'archive ne correspond à « {query} » (un code d'action ou de mission, un intitulé ou un identifiant)",
        "sep": " ; ",
    },
    "en": {
        "title": "History of {query}",
        "end_date": "End date: {first} at first appearance, {last} last; total slip {slip} months.",
        "no_end_date": "End date: no dated deadline printed on the card.",
        "columns": ("edition", "published", "code", "title", "mission", "owners", "status", "deadlines", "where", "events"),
        "csv_columns": ("uid", "kind", "edition", "published", "fictitious", "present", "code", "title", "mission", "owners", "status",
                        "deadlines", "end_date", "where", "events", "slip_months"),
        "action": "Action", "mission": "Mission",
        "fictitious": "(fictitious)", "retypeset": "(retypeset)",
        "status": {"active": "active", "completed": "completed"},
        "deadline_kind": {"due": "due", "done": "done", "ongoing": "ongoing", "open_ended": "open-ended", "milestone": "milestone",
                          "unparsed": "unparsed"},
        "events": {"created": "created", "retitled": "retitled", "recoded": "recoded", "moved": "moved", "merged": "merged",
                   "split": "split", "completed": "completed", "exited": "exited", "dropped": "dropped", "not_found": "not found",
                   "renamed": "renamed"},
        "details": dict(DETAILS),
        "code_reused": "the code {code} names {n} different actions across the stored editions: {lineages}",
        "code_reused_item": "{uid} (printed {codes})",
        "no_match": "nothing in the store matches {query!r} (an action or mission code, a title or a uid)",
        "sep": "; ",
    },
}
