"""Matching missions and actions across editions, on small hand-built editions."""

from __future__ import annotations

import datetime as dt

import pytest

from editiondiff.diff import editions_to_diff
from editiondiff.diff.actions import ActionKeys, keys_to_matches
from editiondiff.diff.settings import DEFAULT_SETTINGS
from editiondiff.diff.similarity import match_key
from editiondiff.schemas import Action, Deadline, Edition, Mission, Provenance, StatedChange, Step
from conftest import said


def prov(quote: str, line: int = 1, source: str = "t") -> Provenance:
    return Provenance(source=source, line_start=line, quote=quote)


def card(code, mission, title, objective=None, steps=(), owners=("DINUM",), deadlines=(), completed=False, new=False, line=1):
    return Action(
        code=code, code_printed=code, mission=mission, title=title, objective=objective,
        owners_printed=list(owners), deadlines_printed=list(deadlines), completed=completed, new=new,
        steps=[Step(text=s, provenance=prov(s, line + 1 + i)) for i, s in enumerate(steps)],
        provenance=prov(f"ACTION {code} → {title}", line),
    )


def edition(id_, missions, actions, stated=(), level="actions"):
    return Edition(
        id=id_, label=f"édition {id_}", level=level, sources=[],
        missions=[Mission(code=c, code_printed=c, name=n, objective=o, provenance=prov(c, 100 + i)) for i, (c, n, o) in enumerate(missions)],
        actions=list(actions), stated_changes=list(stated),
    )


MISSIONS = [
    ("LABEL", "Labelliser les solutions et outils numériques", "favoriser la création de services utilisant les meilleures solutions"),
    ("DATA", "Exploiter tout le potentiel des données", "simplifier les procédures en accélérant la circulation des données"),
    ("FABRIQUE", "Concevoir des services publics numériques autrement", "promouvoir des méthodes innovantes"),
]

OLD_ACTIONS = [
    card("LA1", "LABEL", "Règles de labellisation", "Évaluer les attentes et définir les règles de labellisation",
         ["Définir les règles de labellisation", "Consulter les industriels du numérique"], deadlines=["3e trimestre 2020"]),
    card("LA2", "LABEL", "Catalogue", "Construire le catalogue en ligne des solutions labellisées", ["Publier le catalogue en ligne"]),
    card("DA1", "DATA", "Guichet Dites-le-nous une fois", "Créer un point d'accès unique pour le principe Dites-le-nous une fois",
         ["Consolider et publier les contenus"], completed=True),
    card("DA2", "DATA", "Datapedia", "Créer une plateforme d'échange de données inter-administrations",
         ["Définir l'architecture technique cible", "Refondre la plateforme d'échange et de confiance"]),
    card("BE1", "FABRIQUE", "Labo", "Développer une expertise des nouvelles technologies", ["Mettre en place un laboratoire d'intelligence artificielle"]),
    card("BE2", "FABRIQUE", "Investigation Startups d'État", "Investiguer et sélectionner les Startups d'État",
         ["Identifier les irritants de service public"]),
]


def match_pairs(diff):
    return {(m.old, m.new) for m in diff.action_matches}


def test_same_code_new_title_same_title_new_code_and_move_are_all_found():
    new = edition("new", [m for m in MISSIONS[:2]] + [("BETA",) + MISSIONS[2][1:]], [
        card("LA1", "LABEL", "Principes de certification", "Évaluer les attentes et définir les règles de labellisation",
             ["Définir les règles de labellisation", "Consulter les industriels du numérique"], deadlines=["3e trimestre 2020"]),
        card("LA7", "LABEL", "Catalogue", "Construire le catalogue en ligne des solutions labellisées", ["Publier le catalogue en ligne"]),
        card("DA1", "DATA", "Guichet Dites-le-nous une fois", "Créer un point d'accès unique pour le principe Dites-le-nous une fois",
             ["Consolider et publier les contenus"], completed=True),
        card("LA8", "LABEL", "Datapedia", "Créer une plateforme d'échange de données inter-administrations",
             ["Définir l'architecture technique cible", "Refondre la plateforme d'échange et de confiance"]),
        card("BE1", "BETA", "Labo", "Développer une expertise des nouvelles technologies", ["Mettre en place un laboratoire d'intelligence artificielle"]),
        card("BE2", "BETA", "Investigation Startups d'État", "Investiguer et sélectionner les Startups d'État", ["Identifier les irritants de service public"]),
    ])
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), new)
    assert match_pairs(diff) == {("LA1", "LA1"), ("LA2", "LA7"), ("DA1", "DA1"), ("DA2", "LA8"), ("BE1", "BE1"), ("BE2", "BE2")}
    kinds = {(c.kind, said(c)) for c in diff.changes}
    assert ("action_retitled", "LA1") in kinds
    assert ("action_recoded", "LA7") in kinds
    assert ("action_moved", "LA8") in kinds
    assert ("mission_renamed", "FABRIQUE") in kinds
    # a mission renamed is not every one of its actions moving
    assert not any(c.kind == "action_moved" and said(c).startswith("BE") for c in diff.changes)
    by_pair = {(m.old, m.new): m for m in diff.action_matches}
    assert "code" in by_pair["LA1", "LA1"].evidence and "title" not in by_pair["LA1", "LA1"].evidence
    assert "code" not in by_pair["LA2", "LA7"].evidence and "title" in by_pair["LA2", "LA7"].evidence
    assert "mission" not in by_pair["DA2", "LA8"].evidence
    assert by_pair["LA1", "LA1"].score > by_pair["DA2", "LA8"].score


def test_a_reused_code_on_unrelated_content_is_not_trusted():
    new = edition("new", MISSIONS, [a for a in OLD_ACTIONS if a.code != "LA2"] + [
        card("LA2", "LABEL", "Observatoire de l'accessibilité", "Mesurer chaque trimestre l'accessibilité des démarches en ligne",
             ["Publier les résultats par ministère"]),
    ])
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), new)
    assert ("LA2", "LA2") not in match_pairs(diff)
    kinds = {(c.kind, said(c)) for c in diff.changes}
    assert {("action_dropped", "LA2"), ("action_added", "LA2")} <= kinds


def test_matching_is_one_to_one_even_when_two_new_cards_resemble_one_old_card():
    new = edition("new", MISSIONS, [a for a in OLD_ACTIONS if a.code != "LA2"] + [
        card("LA2", "LABEL", "Catalogue", "Construire le catalogue en ligne des solutions labellisées", ["Publier le catalogue en ligne"]),
        card("LA9", "LABEL", "Catalogue des solutions", "Construire le catalogue en ligne des solutions labellisées", ["Publier le catalogue en ligne"]),
    ])
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), new)
    olds = [m.old for m in diff.action_matches]
    news = [m.new for m in diff.action_matches]
    assert len(olds) == len(set(olds)) and len(news) == len(set(news))
    assert ("LA2", "LA2") in match_pairs(diff)
    assert ("action_added", "LA9") in {(c.kind, said(c)) for c in diff.changes}


def test_mission_renamed_without_code_history_is_found_from_its_content_and_actions():
    renamed = [("TRANSFO" if c == "DATA" else c, n, o) for c, n, o in MISSIONS]
    actions = [a.model_copy(update={"mission": "TRANSFO"}) if a.mission == "DATA" else a for a in OLD_ACTIONS]
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), edition("new", renamed, actions))
    match = next(m for m in diff.mission_matches if m.old == "DATA")
    assert match.new == "TRANSFO"
    assert "code" not in match.evidence and "alias" not in match.evidence
    assert {"name", "actions"} <= set(match.evidence)
    assert [c.kind for c in diff.changes] == ["mission_renamed"]


def test_a_rename_stated_by_the_newer_edition_is_evidence_and_an_agreement():
    renamed = [("IDNUM" if c == "DATA" else c, "Autre intitulé" if c == "DATA" else n, o) for c, n, o in MISSIONS]
    actions = [a.model_copy(update={"mission": "IDNUM"}) if a.mission == "DATA" else a for a in OLD_ACTIONS]
    statement = StatedChange(kind="mission_renamed", subject="DATA", target="IDNUM", summary="La mission DATA devient la mission IDNUM",
                             evidence=prov("La mission DATA devient la mission IDNUM", 7))
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), edition("new", renamed, actions, stated=[statement]))
    match = next(m for m in diff.mission_matches if m.old == "DATA")
    assert match.new == "IDNUM" and "stated" in match.evidence
    assert any(a.statement_phrase.params["subject"] == "DATA" for a in diff.agreements)
    assert not diff.contradictions


def test_unmatched_cards_are_exits_when_completed_and_drops_otherwise():
    new = edition("new", MISSIONS, [a for a in OLD_ACTIONS if a.code not in ("DA1", "DA2")])
    diff = editions_to_diff(edition("old", MISSIONS, OLD_ACTIONS), new)
    kinds = {said(c): c.kind for c in diff.changes}
    assert kinds["DA1"] == "action_exited_completed"
    assert kinds["DA2"] == "action_dropped"
    gone = next(c for c in diff.changes if said(c) == "DA2")
    assert gone.old.quote.startswith("ACTION DA2") and gone.new is not None  # where it would stand: its mission
    assert 0.0 <= gone.confidence <= 1.0


def test_blocked_matching_agrees_with_full_matching():
    words = "service données agents usagers réseau cloud catalogue label sécurité démarche stratégie projet talents outil".split()
    old, new = [], []
    import random

    rng = random.Random(5)
    for i in range(60):
        mission = f"M{i % 3}"
        title = " ".join(rng.sample(words, 3))
        objective = " ".join(rng.sample(words, 6) + [f"objet{i}", f"cible{7 * i}", f"public{3 * i}"])
        keys = ActionKeys(code=f"C{i}", mission=mission, title=match_key(title), objective=match_key(objective), steps=match_key(f"étape {i} {objective}"))
        old.append(keys)
        if i % 10 == 3:
            continue  # dropped
        if i % 10 == 5:
            keys = ActionKeys(code=f"X{i}", mission=f"M{(i + 1) % 3}", title=keys.title, objective=keys.objective, steps=keys.steps)  # moved
        new.append(keys)
    from dataclasses import replace

    full = keys_to_matches(old, new, DEFAULT_SETTINGS, threshold=DEFAULT_SETTINGS.threshold)
    blocked = keys_to_matches(old, new, replace(DEFAULT_SETTINGS, block_above_pairs=100), threshold=DEFAULT_SETTINGS.threshold)
    assert blocked.blocked and not full.blocked
    assert {(i, j) for i, j, _ in blocked.pairs} == {(i, j) for i, j, _ in full.pairs}
    assert len(full.pairs) == 54
    # The exact first pass (the default, blocked or not) pairs the unchanged cards without scoring them.
    assert full.pairs_scored == blocked.pairs_scored == 0
    # Without it, the full matrix finds the same pairs, and blocking scores fewer of them.
    fuzzy = replace(DEFAULT_SETTINGS, exact_first=False)
    full_fuzzy = keys_to_matches(old, new, fuzzy, threshold=DEFAULT_SETTINGS.threshold)
    blocked_fuzzy = keys_to_matches(old, new, replace(fuzzy, block_above_pairs=100), threshold=DEFAULT_SETTINGS.threshold)
    assert {(i, j) for i, j, _ in full_fuzzy.pairs} == {(i, j) for i, j, _ in full.pairs}
    assert blocked_fuzzy.pairs_scored < full_fuzzy.pairs_scored


@pytest.mark.parametrize("threshold", [0.3, 0.55, 0.9])
def test_threshold_is_recorded_and_controls_weak_matches(threshold):
    old = edition("old", MISSIONS, OLD_ACTIONS)
    new = edition("new", MISSIONS, [a if a.code != "LA2" else card("LA5", "DATA", "Catalogue", None, []) for a in OLD_ACTIONS])
    diff = editions_to_diff(old, new, threshold=threshold)
    assert diff.threshold == threshold
    assert all(m.score >= threshold for m in diff.action_matches)


def test_deadline_slip_in_months_from_normalised_intervals():
    def with_deadline(phrase, end):
        a = OLD_ACTIONS[0]
        return a.model_copy(update={"deadlines_printed": [phrase], "deadlines": [Deadline(raw=phrase, end=end, kind="due", granularity="quarter")]})

    old = edition("old", MISSIONS, [with_deadline("3e trimestre 2020", dt.date(2020, 9, 30))] + OLD_ACTIONS[1:])
    later = edition("new", MISSIONS, [with_deadline("1er trimestre 2021", dt.date(2021, 3, 31))] + OLD_ACTIONS[1:])
    same = edition("new", MISSIONS, [with_deadline("T3 2020", dt.date(2020, 9, 30))] + OLD_ACTIONS[1:])
    change = next(c for c in editions_to_diff(old, later).changes if c.kind == "deadline_changed")
    assert change.detail["slip_months"] == 6
    assert change.before == "3e trimestre 2020" and change.after == "1er trimestre 2021"
    assert not [c for c in editions_to_diff(old, same).changes if c.kind == "deadline_changed"]
    earlier = next(c for c in editions_to_diff(later, old).changes if c.kind == "deadline_changed")
    assert earlier.detail["slip_months"] == -6
