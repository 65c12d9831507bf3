"""The deadline grammar on every deadline phrase of seed 003, and on the forms the issue lists.

Expected intervals are written from reading the brochure (conventions in
normalize/deadlines.py): quarters and semesters are calendar ones, "fin X" is
the last quarter, "mi-X" is June-July, "jusqu'en X" has no start and ends with X.
"""

from __future__ import annotations

import datetime as dt

import pytest

from deadline_phrases import deadline_to_phrase

from editiondiff.vocabulary.deadlines import phrase_to_deadline

D = dt.date

# (phrase as printed in seed 003, kind, start, end, granularity, qualifiers, number of milestones)
SEED_003 = [
    ("□ 3^e trimestre 2020", "due", D(2020, 7, 1), D(2020, 9, 30), "quarter", [], 0),  # LA1
    ("□ 2nd semestre 2020\npuis maintenance", "due", D(2020, 7, 1), D(2020, 12, 31), "semester", ["puis maintenance"], 2),  # LA2
    ("□ 4^e trimestre 2020", "due", D(2020, 10, 1), D(2020, 12, 31), "quarter", [], 0),  # LA3
    ("1^{er} trimestre 2021", "due", D(2021, 1, 1), D(2021, 3, 31), "quarter", [], 0),  # LA4, DA4, ID1, IN6
    (  # LA5: the launch is done (Q1 2020); the ramp-up to 2021 is a qualifier, not the deadline
        "Lancement du guichet effectué au 1^{er} trimestre 2020. Montée en puissance jusqu'en 2021",
        "done", D(2020, 1, 1), D(2020, 3, 31), "quarter", ["lancement", "montée en puissance jusqu'en 2021"], 2,
    ),
    ("Fait", "done", None, None, "unknown", [], 0),
    ("Expérimentation faite 1^{er} semestre 2020", "done", D(2020, 1, 1), D(2020, 6, 30), "semester", ["expérimentation"], 0),
    ("Fait, amélioration continue", "done", None, None, "unknown", ["amélioration continue"], 2),
    ("En cours, jusqu'à fin 2022", "ongoing", None, D(2022, 12, 31), "quarter", [], 0),
    ("2021", "due", D(2021, 1, 1), D(2021, 12, 31), "year", [], 0),  # ID2, IN6, TA3
    ("Automne 2020", "due", D(2020, 9, 23), D(2020, 12, 20), "season", [], 0),  # ID3
    ("Généralisation 2021-2022", "due", D(2021, 1, 1), D(2022, 12, 31), "years", ["généralisation"], 0),
    ("(2nd semestre 2019)", "due", D(2019, 7, 1), D(2019, 12, 31), "semester", [], 0),  # ID4, in the step's text
    (
        "Expérimentation 4^e trimestre 2020 puis extension progressive",
        "due", D(2020, 10, 1), D(2020, 12, 31), "quarter", ["expérimentation", "puis extension progressive"], 2,
    ),
    (" Fait", "done", None, None, "unknown", [], 0),  # DA1 (icon lost as a space)
    (" Finalisation fin 2020", "due", D(2020, 10, 1), D(2020, 12, 31), "quarter", ["finalisation"], 0),  # DA2
    (" En cours.\nDéploiement progressif\n2020-2022", "ongoing", D(2020, 1, 1), D(2022, 12, 31), "years", ["déploiement"], 0),
    (  # DA3: two dated phases
        "Expérimentation 2020.\nDéploiement\n1^{er} semestre 2021",
        "milestone", D(2020, 1, 1), D(2021, 6, 30), "semester", ["expérimentation", "déploiement"], 2,
    ),
    ("4^e trimestre 2020", "due", D(2020, 10, 1), D(2020, 12, 31), "quarter", [], 0),  # DA5
    ("2020-2021", "due", D(2020, 1, 1), D(2021, 12, 31), "years", [], 0),  # DA6
    (" Étude 2nd semestre 2020", "due", D(2020, 7, 1), D(2020, 12, 31), "semester", ["étude"], 0),  # IN4
    (
        " Projet 2020. Ouverture 1^{er} trimestre 2021",
        "milestone", D(2020, 1, 1), D(2021, 3, 31), "quarter", ["projet", "ouverture"], 2,
    ),
    ("(2019)", "due", D(2019, 1, 1), D(2019, 12, 31), "year", [], 0),  # IN5 steps
    ("(à partir de 2020)", "open_ended", D(2020, 1, 1), None, "year", ["à partir de 2020"], 0),
    ("📅 Fait : phase de construction achevée", "done", None, None, "unknown", ["construction"], 0),  # PI1
    (  # PI2: done, ramp-up planned until 2022
        "📅 Fait.\nMontée en puissance prévue jusqu'en 2022",
        "done", None, None, "unknown", ["montée en puissance jusqu'en 2022"], 2,
    ),
    (  # PI3: first version end 2020, industrialisation 2021
        "📅 1^{re} version fin 2020, puis industrialisation en 2021",
        "milestone", D(2020, 10, 1), D(2021, 12, 31), "year", ["première version", "industrialisation"], 2,
    ),
    ("2nd semestre 2020", "due", D(2020, 7, 1), D(2020, 12, 31), "semester", [], 0),  # TA2, TR5
    (" Dispositif lancé", "done", None, None, "unknown", [], 0),  # TA3
    (" Programmée en novembre 2020", "due", D(2020, 11, 1), D(2020, 11, 30), "month", [], 0),
    (" 1^{er} trimestre 2020 : lancement de l'offre", "due", D(2020, 1, 1), D(2020, 3, 31), "quarter", ["lancement"], 0),  # TA4
    (
        " 2nd semestre 2020 – 1^{er} semestre 2021 : industrialisation",
        "due", D(2020, 7, 1), D(2021, 6, 30), "semester", ["industrialisation"], 0,
    ),
    (  # BE2
        " Processus et organisation mis en place. Montée en puissance jusqu'en 2021",
        "done", None, None, "unknown", ["montée en puissance jusqu'en 2021"], 2,
    ),
    (  # BE3
        " 4^e trimestre 2020. Montée en puissance jusqu'à mi-2021",
        "due", D(2020, 10, 1), D(2020, 12, 31), "quarter", ["montée en puissance jusqu'à mi-2021"], 2,
    ),
    (  # BE4: the study is done, implementation 2020-2021 is the deadline
        " Étude faite.\nMise en œuvre 2020-2021",
        "due", D(2020, 1, 1), D(2021, 12, 31), "years", ["étude", "mise en œuvre"], 2,
    ),
    (" Préfiguration\n2nd semestre 2020", "due", D(2020, 7, 1), D(2020, 12, 31), "semester", ["préfiguration"], 0),  # BE5
    (" Extension en 2021", "due", D(2021, 1, 1), D(2021, 12, 31), "year", ["extension"], 0),
    (  # TR1, TR2
        "▣ Ouverture de l'offre réalisée au 2^e trimestre 2020. Montée en puissance jusqu'en 2021",
        "done", D(2020, 4, 1), D(2020, 6, 30), "quarter", ["ouverture", "montée en puissance jusqu'en 2021"], 2,
    ),
    ("📅 1^{er} semestre 2021", "due", D(2021, 1, 1), D(2021, 6, 30), "semester", [], 0),  # TR3
    (  # TR4: set up end 2019, industrialisation Q3 2020
        "📅 Mise en place de la démarche fin 2019. Industrialisation prévue au 3^e trimestre 2020.",
        "milestone", D(2019, 10, 1), D(2020, 9, 30), "quarter", ["mise en place", "industrialisation"], 2,
    ),
    ("📅 2020-2021", "due", D(2020, 1, 1), D(2021, 12, 31), "years", [], 0),  # TR5
]

# The forms the issue asks for, beyond the seed (context year 2020 where no year is printed).
REQUIRED = [
    ("1er trimestre 2020", "due", D(2020, 1, 1), D(2020, 3, 31), "quarter"),
    ("2e trimestre 2020", "due", D(2020, 4, 1), D(2020, 6, 30), "quarter"),
    ("3e trimestre 2020", "due", D(2020, 7, 1), D(2020, 9, 30), "quarter"),
    ("4e trimestre 2020", "due", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("T1 2021", "due", D(2021, 1, 1), D(2021, 3, 31), "quarter"),
    ("1er semestre 2021", "due", D(2021, 1, 1), D(2021, 6, 30), "semester"),
    ("2nd semestre 2021", "due", D(2021, 7, 1), D(2021, 12, 31), "semester"),
    ("S2 2020", "due", D(2020, 7, 1), D(2020, 12, 31), "semester"),
    ("mi-2021", "due", D(2021, 6, 1), D(2021, 7, 31), "month"),
    ("fin 2020", "due", D(2020, 10, 1), D(2020, 12, 31), "quarter"),
    ("début 2021", "due", D(2021, 1, 1), D(2021, 3, 31), "quarter"),
    ("courant 2021", "due", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("automne 2020", "due", D(2020, 9, 23), D(2020, 12, 20), "season"),
    ("novembre 2020", "due", D(2020, 11, 1), D(2020, 11, 30), "month"),
    ("d'ici 2022", "due", None, D(2022, 12, 31), "year"),
    ("jusqu'en 2021", "ongoing", None, D(2021, 12, 31), "year"),
    ("jusqu'à fin 2022", "ongoing", None, D(2022, 12, 31), "quarter"),
    ("2020-2021", "due", D(2020, 1, 1), D(2021, 12, 31), "years"),
    ("2020-2022", "due", D(2020, 1, 1), D(2022, 12, 31), "years"),
    ("à compter de 2020", "open_ended", D(2020, 1, 1), None, "year"),
    ("Fait", "done", None, None, "unknown"),
    ("En cours", "ongoing", None, None, "unknown"),
    ("Fait, amélioration continue", "done", None, None, "unknown"),
    ("15 novembre 2020", "due", D(2020, 11, 15), D(2020, 11, 15), "day"),
    ("hiver 2020", "due", D(2020, 12, 21), D(2021, 3, 19), "season"),
    ("de 2020 à 2022", "due", D(2020, 1, 1), D(2022, 12, 31), "years"),
    ("fin novembre 2020", "due", D(2020, 11, 21), D(2020, 11, 30), "month"),
    ("dans le courant de l'année 2021", "due", D(2021, 1, 1), D(2021, 12, 31), "year"),
    ("dès le 2nd semestre 2020", "open_ended", D(2020, 7, 1), None, "semester"),
]


def _check(deadline, kind, start, end, granularity):
    assert (deadline.kind, deadline.start, deadline.end, deadline.granularity) == (kind, start, end, granularity)


@pytest.mark.parametrize("raw, kind, start, end, granularity, qualifiers, milestones", SEED_003)
def test_seed_003_phrase(raw, kind, start, end, granularity, qualifiers, milestones):
    deadline = phrase_to_deadline(raw, context_year=2020)
    _check(deadline, kind, start, end, granularity)
    assert deadline.qualifiers == qualifiers
    assert len(deadline.milestones) == milestones
    assert deadline.raw == raw
    assert not deadline.year_inferred


@pytest.mark.parametrize("raw, kind, start, end, granularity", REQUIRED)
def test_required_forms(raw, kind, start, end, granularity):
    _check(phrase_to_deadline(raw, context_year=2020), kind, start, end, granularity)


def test_two_milestones_with_their_own_phases_and_intervals():
    deadline = phrase_to_deadline("Expérimentation 2020. Déploiement 1er semestre 2021")
    assert deadline.kind == "milestone"
    assert [(m.phase, m.start, m.end, m.granularity, m.kind) for m in deadline.milestones] == [
        ("expérimentation", D(2020, 1, 1), D(2020, 12, 31), "year", "due"),
        ("déploiement", D(2021, 1, 1), D(2021, 6, 30), "semester", "due"),
    ]
    assert (deadline.start, deadline.end) == (D(2020, 1, 1), D(2021, 6, 30))


def test_milestone_kinds_say_what_each_part_says():
    deadline = phrase_to_deadline("Lancement du guichet effectué au 1er trimestre 2020. Montée en puissance jusqu'en 2021")
    assert [(m.kind, m.phase, m.start, m.end) for m in deadline.milestones] == [
        ("done", "lancement", D(2020, 1, 1), D(2020, 3, 31)),
        ("ongoing", "montée en puissance", None, D(2021, 12, 31)),
    ]


@pytest.mark.parametrize("raw", ["1^{er} semestre 2021", "1er semestre 2021", "1 er semestre 2021", "1ᵉʳ semestre 2021", "1^er semestre 2021", "premier semestre 2021", "1ère semestre 2021"])
def test_superscripts_written_any_way(raw):
    _check(phrase_to_deadline(raw), "due", D(2021, 1, 1), D(2021, 6, 30), "semester")


@pytest.mark.parametrize("raw", ["2^e trimestre 2020", "2e trimestre 2020", "2 e trimestre 2020", "2ᵉ trimestre 2020", "2ème trimestre 2020", "deuxième trimestre 2020", "T2 2020"])
def test_quarter_ordinals_written_any_way(raw):
    _check(phrase_to_deadline(raw), "due", D(2020, 4, 1), D(2020, 6, 30), "quarter")


def test_year_taken_from_context_and_said_so():
    deadline = phrase_to_deadline("2nd semestre", context_year=2020)
    _check(deadline, "due", D(2020, 7, 1), D(2020, 12, 31), "semester")
    assert deadline.year_inferred
    assert phrase_to_deadline("automne", context_year=2021).start == D(2021, 9, 23)


def test_year_taken_from_the_same_phrase_before_the_context():
    deadline = phrase_to_deadline("1er trimestre 2021 : lancement. 2nd semestre : industrialisation", context_year=2020)
    assert deadline.kind == "milestone"
    assert deadline.end == D(2021, 12, 31)
    assert not deadline.year_inferred


def test_range_with_the_year_printed_once():
    _check(phrase_to_deadline("2nd semestre – 1er semestre 2021"), "due", D(2020, 7, 1), D(2021, 6, 30), "semester")


def test_without_year_nor_context_no_dates_are_invented():
    deadline = phrase_to_deadline("2nd semestre")
    assert (deadline.start, deadline.end, deadline.year_inferred) == (None, None, False)


@pytest.mark.parametrize("raw", ["", "   ", "bonjour", "Voir page 12", "RPA et chatbots"])
def test_unknown_phrases_are_unparsed_with_raw_kept(raw):
    deadline = phrase_to_deadline(raw, context_year=2020)
    assert deadline.kind == "unparsed"
    assert deadline.raw == raw
    assert deadline.start is None and deadline.end is None


def test_past_participle_ete_is_not_a_season():
    assert phrase_to_deadline("a été lancé", context_year=2020).granularity == "unknown"


def test_deterministic():
    raw = "📅 Mise en place de la démarche fin 2019. Industrialisation prévue au 3^e trimestre 2020."
    assert phrase_to_deadline(raw).model_dump_json() == phrase_to_deadline(raw).model_dump_json()


@pytest.mark.parametrize("raw", [row[0] for row in SEED_003])
def test_canonical_phrase_of_every_seed_phrase_reads_back_the_same(raw):
    deadline = phrase_to_deadline(raw, context_year=2020)
    again = phrase_to_deadline(deadline_to_phrase(deadline), context_year=2020)
    assert (again.kind, again.start, again.end, again.granularity) == (deadline.kind, deadline.start, deadline.end, deadline.granularity)


def test_a_range_whose_end_prints_no_year_ends_in_the_next_year():
    """'fin 2019 – janvier' runs from the last quarter of 2019 to January 2020, not from January to October 2019."""
    deadline = phrase_to_deadline("fin 2019 – janvier")
    assert (deadline.start, deadline.end) == (dt.date(2019, 10, 1), dt.date(2020, 1, 31))


def test_parts_whose_dates_contradict_are_kept_unparsed():
    deadline = phrase_to_deadline("d'ici janvier à compter de automne", context_year=2020)
    assert deadline.kind == "unparsed" and deadline.raw == "d'ici janvier à compter de automne"
