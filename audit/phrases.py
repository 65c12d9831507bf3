"""The sentences of the audit's findings, one per finding code, in French and in English.

A `Finding` records what it says as a `code` and the codes, titles, quoted
texts, counts and years it names (`params`): no language is stored. Reports
word it in the reader's language; the English wording is also kept as the
finding's `message`, for the command line and for tools that read the JSON.
Texts the editions print (titles, deadlines, owners) stay as printed, in
quotation marks of the sentence's language.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from ..schemas.edition import Finding

Params = dict[str, str | int | None]
Pattern = Callable[[Params], str]


def _fr(text: object) -> str:
    return f"« {text} »"


def _en(text: object) -> str:
    # as Python quotes a string: the wording the audit's messages have always had
    return repr(str(text))


# What a claimed count counts, in each language (a count the edition claims: `Claim.kind`).
_CLAIMED_FR = {"enjeux": "enjeux", "missions": "missions", "actions": "actions", "completed": "actions achevées",
               "new": "actions nouvelles", "to_complete": "actions à achever"}


def _fr_missing(p: Params) -> str:
    return {"title": "son titre", "objective": "son objectif"}.get(str(p["part"]), str(p["part"]))


def _en_missing(p: Params) -> str:
    return {"title": "its title", "objective": "its objective"}.get(str(p["part"]), str(p["part"]))


FINDING_PHRASES: dict[str, dict[str, Pattern]] = {
    "fr": {
        "claimed_count_differs": lambda p: (f"L'édition annonce {p['claimed']} {_CLAIMED_FR.get(str(p['count']), p['count'])}, "
                                            f"l'extraction en a trouvé {p['extracted']}"),
        "card_title_cut_short": lambda p: (f"Le titre de la fiche {_fr(p['title'])} est tronqué par rapport au titre du tableau de synthèse "
                                           f"{_fr(p['chart_title'])}"),
        "card_title_cut_mid_word": lambda p: (f"Le titre de la fiche {_fr(p['title'])} est tronqué par rapport au titre du tableau de synthèse "
                                              f"{_fr(p['chart_title'])} (coupé au milieu d'un mot)"),
        "objective_copied": lambda p: (f"L'objectif de {p['code']} ({_fr(p['title'])}) reprend mot pour mot celui de {p['original']} "
                                       f"({_fr(p['original_title'])}) : {_fr(p['objective'])}"),
        "reference_without_code": lambda p: f"Le texte renvoie à {_fr(p['printed'])}, qui ne désigne aucun code d'action",
        "reference_to_missing_card": lambda p: (f"Le texte renvoie à {_fr(p['printed'])}, mais cette édition n'a pas de fiche action "
                                                f"{p['code']}"),
        "year_outside_period": lambda p: f"L'année {p['year']} sort de la période de l'édition ({p['period']}) : {_fr(p['text'])}",
        "chart_entry_unmatched": lambda p: (f"La ligne {_fr(p['title'])} ({p['mission']}) du tableau de synthèse ne correspond à aucune "
                                            f"fiche action"),
        "card_missing_from_chart": lambda p: f"L'action {p['code']} ({_fr(p['title'])}) manque au tableau de synthèse",
        "deadline_unread": lambda p: f"L'échéance {_fr(p['deadline'])} de {p['code']} n'a pas pu être lue comme des dates",
        "step_deadline_unread": lambda p: (f"L'échéance {_fr(p['deadline'])} d'une étape de {p['code']} n'a pas pu être lue "
                                           f"comme des dates"),
        "owner_unknown": lambda p: f"Le pilote {_fr(p['owner'])} de {p['code']} n'est pas un organisme public connu",
        "card_prefix_mismatch": lambda p: (f"La fiche {p['code']} est imprimée dans la mission {p['mission']}, alors que les fiches "
                                           f"{p['prefix']} relèvent de la mission {p['usual']}"),
        "card_mission_unknown": lambda p: (f"La fiche {p['code']} ne figure dans aucune section de mission et aucune autre fiche "
                                           f"n'indique sa mission ; elle est gardée sous {p['mission']}"),
        "card_part_missing": lambda p: f"La fiche {p['code']} a été lue sans {_fr_missing(p)} ; ce qui a été lu est gardé",
        "card_title_and_objective_missing": lambda p: (f"La fiche {p['code']} a été lue sans son titre ni son objectif ; "
                                                       f"ce qui a été lu est gardé"),
    },
    "en": {
        "claimed_count_differs": lambda p: f"The edition claims {p['claimed']} {p['count']}, {p['extracted']} were extracted",
        "card_title_cut_short": lambda p: f"Card title {_en(p['title'])} is cut short of the chart title {_en(p['chart_title'])}",
        "card_title_cut_mid_word": lambda p: (f"Card title {_en(p['title'])} is cut short of the chart title {_en(p['chart_title'])} "
                                              f"(cut inside a word)"),
        "objective_copied": lambda p: (f"The objective of {p['code']} ({_en(p['title'])}) is word for word that of {p['original']} "
                                       f"({_en(p['original_title'])}): {_en(p['objective'])}"),
        "reference_without_code": lambda p: f"The text refers to {_en(p['printed'])}, which names no action code",
        "reference_to_missing_card": lambda p: (f"The text refers to {_en(p['printed'])}, but no action card {p['code']} exists "
                                                f"in this edition"),
        "year_outside_period": lambda p: f"{p['year']} lies outside the edition's period {p['period']}: {_en(p['text'])}",
        "chart_entry_unmatched": lambda p: f"Chart entry {_en(p['title'])} ({p['mission']}) matches no action card",
        "card_missing_from_chart": lambda p: f"Action {p['code']} ({_en(p['title'])}) is missing from the overview chart",
        "deadline_unread": lambda p: f"Deadline {_en(p['deadline'])} of {p['code']} could not be read as dates",
        "step_deadline_unread": lambda p: f"Deadline {_en(p['deadline'])} of a step of {p['code']} could not be read as dates",
        "owner_unknown": lambda p: f"Owner {_en(p['owner'])} of {p['code']} is not a known public body",
        "card_prefix_mismatch": lambda p: (f"card {p['code']} is printed in mission {p['mission']}, while {p['prefix']} cards "
                                           f"stand in mission {p['usual']}"),
        "card_mission_unknown": lambda p: (f"card {p['code']} stands in no mission section and no other card tells its mission; "
                                           f"kept under {p['mission']}"),
        "card_part_missing": lambda p: f"card {p['code']} was read without {_en_missing(p)}; what was read is kept",
        "card_title_and_objective_missing": lambda p: f"card {p['code']} was read without its title and objective; what was read is kept",
    },
}



def finding(kind: str, phrase: str, provenance: list, /, *, severity: str = "warning", subject: str | None = None,
            **params: str | int | None) -> Finding:
    """A `Finding` of `kind` saying `phrase` about `params`; its `message` is the English wording."""
    return Finding(kind=kind, severity=severity, subject=subject, code=phrase, params=params,  # type: ignore[arg-type]
                   message=FINDING_PHRASES["en"][phrase](params), provenance=provenance)


def finding_text(code: str | None, params: Params, message: str, lang: Literal["fr", "en"]) -> str:
    """The sentence of a finding (or of an edition error copied from one) in `lang`.

    A finding written before findings had codes (edition schema < 1.3.0) has only its English `message`.
    """
    if code is None:
        return message
    return FINDING_PHRASES[lang][code](params)
