"""Missions merged into another and split in two: one change each, from the cards, from statements, from a concordance.

The editions are fictitious and invented here (missions, codes, titles), not the corpus's: what is tested is that
the diff reads a merge or a split from evidence, whatever the missions are called.
"""

from __future__ import annotations

import pytest

from editiondiff.diff import editions_to_diff
from editiondiff.diff.concordance import Concordance, CodePair, with_concordance
from editiondiff.extract.stated import blocks_to_stated_changes
from editiondiff.schemas import Action, Edition, Mission, StatedChange, Step
from editiondiff.schemas.blocks import Block
from editiondiff.schemas.diff import Diff
from editiondiff.schemas.provenance import Provenance
from editiondiff.schemas.registry import dump_json, validation_errors


def prov(quote: str, line: int = 1) -> Provenance:
    return Provenance(source="t", line_start=line, quote=quote)


#: Three invented missions, each with its cards: (code, prefix, name, objective, [(title, objective, step)]).
WORLD = [
    ("PORTAIL", "PO", "Ouvrir un portail unique des démarches des collectivités", "réunir les démarches locales en un seul lieu", [
        ("Annuaire des guichets locaux", "Recenser chaque guichet municipal et ses horaires d'ouverture", "Publier l'annuaire"),
        ("Formulaire commun de réclamation", "Proposer un formulaire unique pour toute réclamation adressée à une mairie", "Tester le formulaire"),
        ("Suivi en ligne des dossiers d'urbanisme", "Permettre de suivre l'instruction d'un permis de construire", "Ouvrir le suivi"),
        ("Paiement des cantines scolaires", "Régler les factures de restauration scolaire depuis le portail", "Raccorder les régies"),
    ]),
    ("ARCHIVES", "AR", "Numériser les archives départementales", "rendre les fonds anciens consultables à distance", [
        ("Numérisation des registres paroissiaux", "Photographier et indexer les registres antérieurs à 1792", "Choisir le prestataire"),
        ("Salle de lecture virtuelle", "Ouvrir une salle de consultation en ligne des fonds numérisés", "Ouvrir la salle"),
        ("Indexation collaborative", "Faire participer le public à la transcription des actes", "Lancer la plateforme"),
    ]),
    ("SANTE", "SA", "Relier les établissements de soins", "faire circuler les dossiers des patients entre hôpitaux", [
        ("Messagerie des soignants", "Équiper chaque hôpital public d'une messagerie sécurisée de santé", "Déployer la messagerie"),
        ("Carnet de vaccination dématérialisé", "Tenir à jour en ligne les vaccinations de chaque patient", "Ouvrir le carnet"),
        ("Télé-expertise en dermatologie", "Permettre à un généraliste de solliciter un dermatologue à distance", "Former les médecins"),
        ("Annuaire des lits disponibles", "Publier chaque jour les lits libres de chaque service d'urgence", "Publier l'annuaire des lits"),
    ]),
]


def card(code: str, mission: str, title: str, objective: str, step: str, line: int) -> Action:
    return Action(code=code, code_printed=code, mission=mission, title=title, objective=objective, owners_printed=["Agence fictive"],
                  steps=[Step(text=step, provenance=prov(step, line + 1))], provenance=prov(f"ACTION {code} → {title}", line))


def world_edition(id_: str, *, missions=None, moves=None, recode=None, stated=(), level="actions", extra_missions=()) -> Edition:
    """The invented world, each card in its mission unless `moves` (title -> mission) says otherwise, codes per `recode` (title -> code)."""
    moves, recode = moves or {}, recode or {}
    keep = [w for w in WORLD if missions is None or w[0] in missions]
    ms = [Mission(code=c, code_printed=c, name=n, objective=o, provenance=prov(c, 100 + i)) for i, (c, _, n, o, _) in enumerate(keep)]
    ms += [Mission(code=c, code_printed=c, name=n, objective=o, provenance=prov(c, 150 + i)) for i, (c, n, o) in enumerate(extra_missions)]
    actions = []
    line = 200
    for code, prefix, _, _, cards in WORLD:
        for number, (title, objective, step) in enumerate(cards, start=1):
            actions.append(card(recode.get(title, f"{prefix}{number}"), moves.get(title, code), title, objective, step, line))
            line += 3
    if level == "missions":
        actions = []
    return Edition(id=id_, label=f"édition {id_}", level=level, sources=[], missions=ms, actions=actions, stated_changes=list(stated))


def kinds(diff: Diff, prefix: str = "mission") -> list[tuple[str, str]]:
    return sorted((c.kind, c.subject.head) for c in diff.changes if c.kind.startswith(prefix))


ARCHIVE_TITLES = [t for t, _, _ in WORLD[1][4]]
SANTE_TITLES = [t for t, _, _ in WORLD[2][4]]


def merged_edition(**kw) -> Edition:
    """ARCHIVES goes into PORTAIL: its cards stand in PORTAIL, ARCHIVES is no longer listed."""
    return world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, moves={t: "PORTAIL" for t in ARCHIVE_TITLES}, **kw)


def test_a_mission_whose_cards_went_into_another_is_merged_not_removed():
    diff = editions_to_diff(world_edition("before-fictitious"), merged_edition())
    assert kinds(diff) == [("mission_merged", "ARCHIVES")]
    merge = next(c for c in diff.changes if c.kind == "mission_merged")
    assert merge.detail.into == "PORTAIL" and merge.detail.merged_with == ["PORTAIL"]
    assert merge.detail.evidence == ["actions"] and merge.detail.share == 1.0
    assert merge.old.quote == "ARCHIVES" and merge.new.quote == "PORTAIL"
    # the cards followed their mission: no card reported moved
    assert kinds(diff, "action") == []


def test_cards_merged_under_the_other_missions_prefix_are_recoded_not_moved():
    recode = {t: f"PO{4 + i}" for i, t in enumerate(ARCHIVE_TITLES)}
    diff = editions_to_diff(world_edition("before-fictitious"), merged_edition(recode=recode))
    assert kinds(diff) == [("mission_merged", "ARCHIVES")]
    assert kinds(diff, "action") == [("action_recoded", code) for code in sorted(recode.values())]


def test_a_mission_whose_cards_divide_between_itself_and_a_new_mission_is_split_not_added():
    part = ("URGENCES", "Organiser les urgences hospitalières en réseau", "répartir les patients entre services d'urgence")
    new = world_edition("after-fictitious", moves={t: "URGENCES" for t in SANTE_TITLES[2:]}, extra_missions=[part])
    diff = editions_to_diff(world_edition("before-fictitious"), new)
    assert kinds(diff) == [("mission_split", "SANTE")]
    split = next(c for c in diff.changes if c.kind == "mission_split")
    assert split.detail.into == ["SANTE", "URGENCES"] and split.detail.shares == {"SANTE": 0.5, "URGENCES": 0.5}
    assert kinds(diff, "action") == []


def test_one_card_moving_to_another_mission_is_a_move_not_a_merge_or_split():
    new = world_edition("after-fictitious", moves={SANTE_TITLES[0]: "PORTAIL"})
    diff = editions_to_diff(world_edition("before-fictitious"), new)
    assert kinds(diff) == [] and kinds(diff, "action") == [("action_moved", "SA1")]


def test_a_mission_removed_with_its_cards_is_still_removed():
    new = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"})
    new = new.model_copy(update={"actions": [a for a in new.actions if a.mission != "ARCHIVES"]})
    diff = editions_to_diff(world_edition("before-fictitious"), new)
    assert kinds(diff) == [("mission_removed", "ARCHIVES")]


def test_a_plain_rename_stays_a_rename():
    renamed = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, moves={t: "MEMOIRE" for t in ARCHIVE_TITLES},
                            extra_missions=[("MEMOIRE", WORLD[1][2], WORLD[1][3])])
    diff = editions_to_diff(world_edition("before-fictitious"), renamed)
    assert kinds(diff) == [("mission_renamed", "ARCHIVES")]


def block(text: str, line: int = 50) -> Block:
    return Block(kind="paragraph", text=text, provenance=prov(text, line))


@pytest.mark.parametrize("sentence, expected", [
    ("La mission ARCHIVES rejoint la mission PORTAIL.", [("mission_merged", "ARCHIVES", "PORTAIL")]),
    ("La mission ARCHIVES est intégrée à la **mission PORTAIL** dès cette année.", [("mission_merged", "ARCHIVES", "PORTAIL")]),
    ("Les missions ARCHIVES et PORTAIL fusionnent au sein de la mission PORTAIL.", [("mission_merged", "ARCHIVES", "PORTAIL")]),
    ("Les missions ARCHIVES, SANTE et PORTAIL sont regroupées dans une nouvelle mission COMMUNS.",
     [("mission_merged", "ARCHIVES", "COMMUNS"), ("mission_merged", "SANTE", "COMMUNS"), ("mission_merged", "PORTAIL", "COMMUNS")]),
    ("La mission ARCHIVES et la mission PORTAIL fusionnent.", [("mission_merged", "ARCHIVES", None), ("mission_merged", "PORTAIL", None)]),
    ("La mission SANTE est scindée en deux missions, SANTE et URGENCES.", [("mission_split", "SANTE", "SANTE"), ("mission_split", "SANTE", "URGENCES")]),
    ("La mission SANTE se divise en SOINS et la mission URGENCES.", [("mission_split", "SANTE", "SOINS"), ("mission_split", "SANTE", "URGENCES")]),
    ("La mission SANTE donne naissance aux missions SOINS et URGENCES.", [("mission_split", "SANTE", "SOINS"), ("mission_split", "SANTE", "URGENCES")]),
    ("La mission SANTE est scindée en deux.", []),
    ("La mission SANTE rejoint ses partenaires.", []),
])
def test_the_wordings_of_a_merge_or_split_are_read_for_any_missions(sentence, expected):
    changes = blocks_to_stated_changes([block(sentence)])
    assert [(c.kind, c.subject, c.target) for c in changes if c.kind.startswith("mission")] == expected
    assert all(c.evidence.quote == sentence for c in changes)


def test_a_stated_merge_is_evidence_and_checked():
    stated = blocks_to_stated_changes([block("La mission ARCHIVES et la mission PORTAIL fusionnent.")])
    diff = editions_to_diff(world_edition("before-fictitious"), merged_edition(stated=stated))
    merge = next(c for c in diff.changes if c.kind == "mission_merged")
    assert merge.detail.evidence == ["actions", "stated"] and merge.detail.statements[0].line_start == 50
    checks = [(c.agrees, c.statement_phrase.params["subject"], c.observed_phrase.code) for c in diff.agreements + diff.contradictions]
    assert sorted(checks) == [(True, "ARCHIVES", "mission_merge_observed"), (True, "PORTAIL", "mission_merge_received")]


def test_a_stated_merge_alone_is_enough_at_mission_level():
    stated = [StatedChange(kind="mission_merged", subject="ARCHIVES", target="PORTAIL", summary="…", evidence=prov("ARCHIVES rejoint PORTAIL"))]
    old = world_edition("before-fictitious", level="missions")
    new = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, level="missions", stated=stated)
    diff = editions_to_diff(old, new)
    assert kinds(diff) == [("mission_merged", "ARCHIVES")]
    assert next(c for c in diff.changes if c.kind == "mission_merged").confidence == 1.0
    # without the statement it is a removal: nothing else says where ARCHIVES went
    assert kinds(editions_to_diff(old, new.model_copy(update={"stated_changes": []}))) == [("mission_removed", "ARCHIVES")]


def test_a_stated_merge_the_diff_does_not_see_is_a_contradiction():
    stated = [StatedChange(kind="mission_merged", subject="ARCHIVES", target="PORTAIL", summary="…", evidence=prov("ARCHIVES rejoint PORTAIL"))]
    diff = editions_to_diff(world_edition("before-fictitious"), world_edition("after-fictitious", stated=stated))
    assert kinds(diff) == []
    assert [(c.agrees, c.observed_phrase.code) for c in diff.contradictions] == [(False, "mission_still_present")]


def test_a_stated_split_at_mission_level():
    stated = blocks_to_stated_changes([block("La mission SANTE donne naissance aux missions SOINS et URGENCES.")])
    parts = [("SOINS", "Soigner", "soigner"), ("URGENCES", "Urgences", "urgences")]
    old = world_edition("before-fictitious", level="missions")
    new = world_edition("after-fictitious", missions={"PORTAIL", "ARCHIVES"}, extra_missions=parts, level="missions", stated=stated)
    diff = editions_to_diff(old, new)
    assert kinds(diff) == [("mission_split", "SANTE")]
    assert next(c for c in diff.changes if c.kind == "mission_split").detail.into == ["SOINS", "URGENCES"]
    assert all(c.agrees for c in diff.agreements) and len(diff.agreements) == 2 and not diff.contradictions


def test_a_concordance_of_two_codes_into_one_is_a_merge_and_one_into_two_a_split():
    old = world_edition("before-fictitious", level="missions")
    merged = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, level="missions")
    concordance = Concordance(codes=[CodePair(old="ARCHIVES", new="PORTAIL", source="Arrêté fictif, art. 1"),
                                     CodePair(old="PORTAIL", new="PORTAIL", source="Arrêté fictif, art. 1")])
    new = with_concordance(old, merged, "concordance.toml", concordance)
    assert [(s.kind, s.subject, s.target) for s in new.stated_changes] == [("mission_merged", "ARCHIVES", "PORTAIL")]
    diff = editions_to_diff(old, new)
    assert kinds(diff) == [("mission_merged", "ARCHIVES")]
    assert next(c for c in diff.changes if c.kind == "mission_merged").detail.statements[0].source == "concordance.toml: Arrêté fictif, art. 1"

    parts = [("SOINS", "Soigner", "soigner"), ("URGENCES", "Urgences", "urgences")]
    split = world_edition("after-fictitious", missions={"PORTAIL", "ARCHIVES"}, extra_missions=parts, level="missions")
    concordance = Concordance(codes=[CodePair(old="SANTE", new="SOINS", source="Décret fictif"), CodePair(old="SANTE", new="URGENCES", source="Décret fictif")])
    new = with_concordance(old, split, "c.toml", concordance)
    assert {s.kind for s in new.stated_changes} == {"mission_split"} and not any(m.aliases for m in new.missions)
    assert kinds(editions_to_diff(old, new)) == [("mission_split", "SANTE")]


def test_merge_and_split_changes_validate_and_are_worded_in_both_languages():
    from editiondiff.report.pair import render_report

    old = world_edition("before-fictitious")
    part = ("URGENCES", "Organiser les urgences hospitalières en réseau", "répartir les patients entre services d'urgence")
    new = world_edition("after-fictitious", missions={"PORTAIL", "SANTE"}, moves={**{t: "PORTAIL" for t in ARCHIVE_TITLES},
                        **{t: "URGENCES" for t in SANTE_TITLES[2:]}}, extra_missions=[part])
    diff = editions_to_diff(old, new)
    assert kinds(diff) == [("mission_merged", "ARCHIVES"), ("mission_split", "SANTE")]
    assert validation_errors("diff", __import__("json").loads(dump_json(diff))) == []
    fr, en = (render_report(diff, old, new, fmt="md", lang=lang) for lang in ("fr", "en"))
    assert "Mission fusionnée dans une autre : ARCHIVES → PORTAIL" in fr and "Mission scindée : SANTE → SANTE + URGENCES" in fr
    assert "Mission merged into another: ARCHIVES → PORTAIL" in en and "Mission split: SANTE → SANTE + URGENCES" in en
    from editiondiff.report.significance import score_change

    assert all(("mission_merged_or_split", 85) in score_change(c) for c in diff.changes if c.kind in ("mission_merged", "mission_split"))


def test_a_mission_gone_whose_cards_divide_between_two_others_is_split_between_them():
    half = {t: ("PORTAIL" if i < 2 else "ARCHIVES") for i, t in enumerate(SANTE_TITLES)}
    new = world_edition("after-fictitious", missions={"PORTAIL", "ARCHIVES"}, moves=half)
    diff = editions_to_diff(world_edition("before-fictitious"), new)
    assert kinds(diff) == [("mission_split", "SANTE")]
    assert next(c for c in diff.changes if c.kind == "mission_split").detail.into == ["ARCHIVES", "PORTAIL"]
    assert kinds(diff, "action") == []
    # most of its cards in one of them (three of four, the fourth alone elsewhere): merged there, the fourth moved
    most = {t: ("PORTAIL" if i < 3 else "ARCHIVES") for i, t in enumerate(SANTE_TITLES)}
    diff = editions_to_diff(world_edition("before-fictitious"), world_edition("after-fictitious", missions={"PORTAIL", "ARCHIVES"}, moves=most))
    assert kinds(diff) == [("mission_merged", "SANTE")] and kinds(diff, "action") == [("action_moved", "SA4")]


def test_a_stated_division_between_two_missions_at_mission_level():
    stated = blocks_to_stated_changes([block("La mission SANTE est répartie entre les missions PORTAIL et ARCHIVES.")])
    old = world_edition("before-fictitious", level="missions")
    new = world_edition("after-fictitious", missions={"PORTAIL", "ARCHIVES"}, level="missions", stated=stated)
    diff = editions_to_diff(old, new)
    assert kinds(diff) == [("mission_split", "SANTE")] and len(diff.agreements) == 2 and not diff.contradictions


def test_the_vocabulary_profile_records_merges_and_splits_as_they_are_made():
    """Over seeded perturbations of the real edition, each recorded merge or split is what the edition now holds."""
    from collections import Counter

    from evaluation.perturb import perturb_edition
    from evaluation.score import base_edition

    base = base_edition()
    seen: Counter = Counter()
    for seed in range(1, 41):
        p = perturb_edition(base, seed, profile="vocabulary")
        new = p.edition
        by_title = {a.title: a.mission for a in new.actions}
        for e in p.expected:
            if e.kind not in ("mission_merged", "mission_split"):
                continue
            (code,) = e.key
            homes = Counter(by_title[a.title] for a in base.actions if a.mission == code and a.title in by_title)
            if e.kind == "mission_merged":
                seen["merged"] += 1
                assert new.mission(code) is None and len(homes) == 1 and next(iter(homes)) in {m.code for m in base.missions}
            else:
                seen["split" if new.mission(code) else "divided"] += 1
                assert len(homes) >= 2 and all(n >= 2 for n in homes.values())
            assert not any(x.kind in ("mission_removed", "mission_added") and x.key == (code,) for x in p.expected)
        for s in new.stated_changes:
            if s.kind in ("mission_merged", "mission_split"):
                assert (s.kind, (s.subject,)) in {(x.kind, x.key) for x in p.expected}
    assert seen["merged"] and seen["split"] and seen["divided"], seen
