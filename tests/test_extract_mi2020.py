"""Seed 003 (the mid-2020 brochure text) into an Edition: counts, cards field by field, chart, table, claims, stated changes.

Every expectation below was written from reading the seed itself.
"""

from __future__ import annotations

import pytest

ALL_CODES = (
    [f"LA{i}" for i in range(1, 6)]
    + [f"ID{i}" for i in range(1, 5)]
    + [f"DA{i}" for i in range(1, 7)]
    + [f"IN{i}" for i in range(1, 7)]
    + [f"PI{i}" for i in range(1, 4)]
    + [f"TA{i}" for i in range(1, 5)]
    + [f"BE{i}" for i in range(1, 6)]
    + [f"TR{i}" for i in range(1, 6)]
)


def test_identity(edition_mi2020):
    e = edition_mi2020
    assert e.id == "mi-2020"
    assert e.period == "2019-2022"
    assert e.level == "actions"
    assert str(e.published) == "2020-08-27"
    assert [(s.id, s.role, s.format) for s in e.sources] == [("003", "brochure_text", "text")]
    assert e.sources[0].sha256 == "ed7efdbff50405fbda6e53b45bf1be0df0a6c9fb574dc693e11b94e335599acc"


def test_counts(edition_mi2020):
    e = edition_mi2020
    assert len(e.enjeux) == 6
    assert len(e.missions) == 8
    assert len(e.actions) == 38
    assert sorted(a.code for a in e.actions) == sorted(ALL_CODES)
    assert sorted(a.code for a in e.actions if a.completed) == ["BE1", "DA1", "IN5", "PI1", "TA1"]
    assert sorted(a.code for a in e.actions if a.new) == ["DA6", "IN6", "LA5"]
    assert all(a.status == ("completed" if a.completed else "active") for a in e.actions)


def test_enjeux(edition_mi2020):
    enjeux = edition_mi2020.enjeux
    assert [(j.number, j.name) for j in enjeux] == [
        (1, "Simplification"),
        (2, "Inclusion"),
        (3, "Attractivité"),
        (4, "Maîtrise"),
        (5, "Économies"),
        (6, "Alliances"),
    ]
    assert enjeux[0].title == "Simplifier la vie des gens"
    assert enjeux[4].title == "Optimiser les dépenses publiques"
    assert enjeux[0].description.startswith("Accéder à ses droits ou accomplir ses obligations")
    assert enjeux[5].provenance.line_start == 335


def test_missions(edition_mi2020):
    e = edition_mi2020
    assert [m.code for m in e.missions] == ["LABEL", "IDNUM", "DATA", "INFRA", "PILOT", "TALENTS", "BETA", "TRANSFO"]
    products = "Des produits et des services numériques pour développer les nouveaux usages"
    expertise = "Des expertises numériques accélérant la transformation du service public"
    assert {m.code: m.axis for m in e.missions} == {
        "LABEL": products,
        "IDNUM": products,
        "DATA": products,
        "INFRA": products,
        "PILOT": expertise,
        "TALENTS": expertise,
        "BETA": expertise,
        "TRANSFO": expertise,
    }
    beta = e.mission("BETA")
    assert beta.aliases == ["FABRIQUE"]
    assert beta.name == "Concevoir des services publics numériques autrement"
    assert beta.objective == "promouvoir des technologies et des méthodes innovantes de création de services publics numériques"
    infra = e.mission("INFRA")
    assert infra.objective.startswith("concentrer les efforts budgétaires et les compétences sur les infrastructures")
    assert infra.provenance.line_start == 823
    assert any("fin 2014" in p.text for p in infra.progress)
    assert e.mission("LABEL").name == "Labelliser les solutions et outils numériques recommandés, à l'usage des administrations"


def _steps(action):
    return [(s.text, s.deadline_printed) for s in action.steps]


def test_id1_six_steps_each_with_its_phrase(edition_mi2020):
    a = edition_mi2020.action("ID1")
    assert (a.code_printed, a.mission, a.title) == ("ID1", "IDNUM", "FranceConnect")
    assert a.objective == "Industrialiser et généraliser FranceConnect"
    assert a.owners_printed == ["DINUM"]
    assert a.deadlines_printed == []
    assert _steps(a) == [
        ("Renforcer sa sécurité et sa disponibilité", "Fait"),
        ("Offrir une délégation d'identité numérique pour les aidants et représentants (AidantConnect)", "Expérimentation faite 1er semestre 2020"),
        ("Industrialiser l'assistance aux utilisateurs", "Fait"),
        ("Animer l'écosystème (fournisseurs d'identité, fournisseurs de services et leurs éditeurs)", "Fait, amélioration continue"),
        ("Déployer FranceConnect à large échelle", "En cours, jusqu'à fin 2022"),
        ("Ouvrir les services publics français à des identités numériques européennes via FranceConnect", "1er trimestre 2021"),
    ]
    assert [s.status for s in a.steps] == ["done", "done", "done", "done", "ongoing", None]
    assert a.steps[4].provenance.line_start == 534
    assert not a.completed and not a.new


def test_in1_truncated_title_and_copied_objective(edition_mi2020):
    a = edition_mi2020.action("IN1")
    assert a.title == "Résilience RIE et Rimba"
    assert a.chart_title == "Résilience RIE et Rimbaud"
    assert a.objective == edition_mi2020.action("LA1").objective
    assert a.objective == "Évaluer les attentes et définir les règles de labellisation de produits et services numériques"
    assert a.owners_printed == []
    assert [s.text for s in a.steps] == [
        "Réaliser une étude d'architecture",
        "Faire évoluer la résilience des points d'intérêt vitaux",
        "Assurer le fonctionnement et la supervision renforcée du RIE",
    ]
    assert a.provenance.line_start == 849


def test_in2_no_steps(edition_mi2020):
    a = edition_mi2020.action("IN2")
    assert (a.code_printed, a.title, a.chart_title) == ("IN 2", "Convergence des grands résea", "Convergence des grands réseaux")
    assert a.objective == "Faire converger le réseau interministériel de l'État le réseau radio du futur (RRF)"
    assert a.steps == [] and a.owners_printed == [] and a.deadlines_printed == []


def test_in4_interleaved_phrases(edition_mi2020):
    a = edition_mi2020.action("IN4")
    assert a.code_printed == "IN 4"
    assert a.owners_printed == ["Ministère des Armées et DINUM"]
    assert _steps(a) == [
        ("Réaliser une étude technico-économique", "Étude 2nd semestre 2020"),
        ("Construire le cloud cercle 2 avec l'industriel retenu", None),
        ("Déployer l'offre de service (État, collectivités territoriales)", "Projet 2020. Ouverture 1er trimestre 2021"),
    ]


def test_in5_completed_from_chart_only(edition_mi2020):
    a = edition_mi2020.action("IN5")
    assert a.code_printed == "IN 5"
    assert a.title == "Environnement de travail numérique de l'agent"
    assert a.status_printed is None
    assert a.completed and a.status == "completed"
    assert a.owners_printed == ["DINUM"]
    assert a.deadlines_printed == ["Fait"]
    assert len(a.steps) == 5
    assert a.steps[2].deadline_printed == "2019"
    assert a.steps[4].deadline_printed == "à partir de 2020"


def test_in6_new(edition_mi2020):
    a = edition_mi2020.action("IN6")
    assert (a.code_printed, a.title, a.chart_title) == ("IN 6", "Sac à dos numérique de l'agent", "Sac à dos numérique de l'agent public")
    assert a.new and not a.completed
    assert a.objective.startswith("Donner accès à tous les agents à des infrastructures")
    assert a.owners_printed == ["DINUM"]
    assert _steps(a) == [
        ("Définir le socle du poste de travail interministériel à partir d'une démarche tournée vers les usages.", "1er trimestre 2021"),
        ("Assurer la mise en cohérence avec le socle de l'offre dans l'ensemble des ministères, du matériel jusqu'aux outils permettant le travail collaboratif.", None),
        ("Mettre en place une offre interministérielle en fonction des besoins d'appui des ministères et de l'intérêt de la mutualisation", None),
        ("Continuer à faire vivre et enrichir l'offre des services numériques issue de l'action IN5", "2021"),
    ]


def test_la1_la5(edition_mi2020):
    la1 = edition_mi2020.action("LA1")
    assert la1.title == "Règles de labellisation"
    assert la1.deadlines_printed == ["3e trimestre 2020"]
    assert la1.owners_printed == []
    assert _steps(la1) == [
        ("Définition des règles de labellisation et mise en place d'une procédure de consultation avec les industriels du numérique", None)
    ]
    la5 = edition_mi2020.action("LA5")
    assert la5.new and la5.chart_title == "Lab GovTech"
    assert la5.owners_printed == ["DINUM"]
    assert la5.deadlines_printed == ["Lancement du guichet effectué au 1er trimestre 2020. Montée en puissance jusqu'en 2021"]
    assert la5.objective.startswith("Favoriser l'identification des solutions GovTech")


def test_la2_wrapped_deadline(edition_mi2020):
    assert edition_mi2020.action("LA2").deadlines_printed == ["2nd semestre 2020 puis maintenance"]


def test_id2_id4_owners(edition_mi2020):
    id2 = edition_mi2020.action("ID2")
    assert id2.owners_printed == ["Ministère de l'Intérieur (programme Identité numérique)"]
    assert [s.deadline_printed for s in id2.steps] == [None, "2021", None]
    id4 = edition_mi2020.action("ID4")
    assert id4.owners_printed == ["Ministères économiques et financiers"]
    assert _steps(id4)[0] == ("Mener une étude interministérielle (2nd semestre 2019)", "2nd semestre 2019")
    assert _steps(id4)[1] == ("Développer ProConnect", "Fait")


def test_da1_completed_card(edition_mi2020):
    a = edition_mi2020.action("DA1")
    assert a.status_printed == "Objectif atteint ✓"
    assert a.completed
    assert a.owners_printed == ["DINUM"]
    assert a.objective == "Créer un point d'accès unique permettant aux administrations de mettre en œuvre le principe Dites-le-nous une fois"
    assert len(a.steps) == 5
    assert a.deadlines_printed == ["Fait"]


def test_da2_da3_da5_da6(edition_mi2020):
    da2 = edition_mi2020.action("DA2")
    assert da2.deadlines_printed == ["Finalisation fin 2020", "En cours. Déploiement progressif 2020-2022"]
    da3 = edition_mi2020.action("DA3")
    assert da3.description == "Parmi les fonctionnalités envisagées, permettre de :"
    assert da3.deadlines_printed == ["Expérimentation 2020. Déploiement 1er semestre 2021"]
    assert da3.owners_printed == ["DINUM"]
    da5 = edition_mi2020.action("DA5")
    assert da5.owners_printed == ["Ministère de la Culture et ministère de la Transition écologique"]
    da6 = edition_mi2020.action("DA6")
    assert da6.new and da6.owners_printed == ["DINUM et DITP"] and da6.deadlines_printed == ["2020-2021"]
    assert da6.title == "Éclairer les décisions publiques par la donnée"


def test_pi3_icons(edition_mi2020):
    a = edition_mi2020.action("PI3")
    assert a.owners_printed == ["Ministère de la Transition écologique et DINUM"]
    assert a.objective == "Améliorer la prise en compte des enjeux de développement durable"
    assert a.deadlines_printed == ["1re version fin 2020, puis industrialisation en 2021"]
    assert len(a.steps) == 2 and all(s.deadline_printed is None for s in a.steps)


def test_ta2_ta3(edition_mi2020):
    ta2 = edition_mi2020.action("TA2")
    assert ta2.deadlines_printed == ["Fait", "2nd semestre 2020"]
    ta3 = edition_mi2020.action("TA3")
    assert ta3.owners_printed == ["DINUM et ministères économiques et financiers"]
    assert _steps(ta3)[0] == ("Développer des partenariats avec des CFA labellisés Grande École du Numérique", "Fait")
    assert [s.deadline_printed for s in ta3.steps] == ["Fait", "Dispositif lancé", "Programmée en novembre 2020", None, None, "2021"]


def test_be1_completed_without_mark_and_transformed(edition_mi2020):
    a = edition_mi2020.action("BE1")
    assert a.title == "Labo" and a.chart_title == "Labo"
    assert a.status_printed == "Objectif atteint"
    assert a.completed
    assert a.notes == ["Expérimenté avec succès sur IA, RPA et chatbots. Action transformée en Lab GovTech (action LA5)."]
    assert a.deadlines_printed == ["Fait"]


def test_be5_steps(edition_mi2020):
    a = edition_mi2020.action("BE5")
    assert a.objective == "Monter une brigade d'intervention numérique pour les projets prioritaires de l'État en déroute"
    assert a.owners_printed == ["DINUM"]
    assert _steps(a) == [
        ("Définir une organisation avec une communauté de talents dans les ministères et un noyau interministériel", "Préfiguration 2nd semestre 2020"),
        ("Animer la communauté et faciliter la mobilisation des talents sur des missions", "Extension en 2021"),
        ("Promouvoir la contribution des agents de l'État à la brigade", None),
    ]


def test_tr3_tr5(edition_mi2020):
    tr3 = edition_mi2020.action("TR3")
    assert tr3.title == "Dématérialisation de qualité"
    assert tr3.objective == "Piloter la mise en œuvre de la stratégie de dématérialisation des principales démarches administratives"
    assert tr3.owners_printed == [] and tr3.deadlines_printed == []
    assert _steps(tr3) == [
        ("Évaluer la qualité des services numériques perçue par les usagers et publier les résultats (observatoire)", None),
        ("Appuyer les administrations pour atteindre les objectifs quantitatifs et qualitatifs", "1er semestre 2021"),
        ("Élaborer et piloter des plans d'amélioration continue (marketing des services en ligne, parcours et expérience usagers, etc.)", None),
    ]
    tr5 = edition_mi2020.action("TR5")
    assert [s.deadline_printed for s in tr5.steps] == ["2020-2021", None, "2nd semestre 2020"]
    assert edition_mi2020.action("TR1").code_printed == "TR 1"


def test_chart_matched_to_cards(edition_mi2020):
    chart = edition_mi2020.chart
    assert len(chart) == 38
    assert all(entry.action is not None for entry in chart)
    assert sorted(entry.action for entry in chart) == sorted(ALL_CODES)
    by_title = {entry.title: entry for entry in chart}
    assert by_title["Résilience RIE et Rimbaud"].action == "IN1"
    assert by_title["Convergence des grands réseaux"].action == "IN2"
    assert by_title["Cloud interne cercle 1"].action == "IN3"
    assert by_title["Sac à dos numérique de l'agent public"].action == "IN6"
    assert by_title["Sac à dos numérique de l'agent public"].new
    assert by_title["Labo"].completed and by_title["Labo"].action == "BE1"
    assert sorted(e.action for e in chart if e.completed) == ["BE1", "DA1", "IN5", "PI1", "TA1"]
    assert sorted(e.action for e in chart if e.new) == ["DA6", "IN6", "LA5"]
    assert by_title["Résilience RIE et Rimbaud"].provenance.line_start == 683
    # every action carries the title it has in the chart
    assert all(a.chart_title for a in edition_mi2020.actions)


def test_indicator_table(edition_mi2020):
    table = edition_mi2020.indicators
    assert table.columns == ["en 2018", "en 2019", "projection fin 2020", "objectif fin 2022"]
    assert len(table.rows) == 32
    assert (table.provenance.line_start, table.provenance.line_end) == (1299, 1333)
    assert [r.mission for r in table.rows].count("BETA") == 5
    first = table.rows[0]
    assert (first.mission, first.label) == ("LABEL", "Prototypes technologiques et numériques réalisés")
    assert [(c.column, c.raw) for c in first.cells] == [
        ("en 2018", "0"),
        ("en 2019", "0"),
        ("projection fin 2020", "5"),
        ("objectif fin 2022", "10*"),
    ]
    # the row after the repeated header
    talents = next(r for r in table.rows if r.label == "Managers numériques formés")
    assert talents.mission == "TALENTS" and talents.provenance.line_start == 1317
    assert [c.raw for c in talents.cells] == ["NM", "0", "30", "200*"]
    mobile = next(r for r in table.rows if r.label.startswith("Agents de l'État outillés"))
    assert [c.raw for c in mobile.cells] == ["< 5%", "9%", "15%", "25%"]
    desi = next(r for r in table.rows if r.label.startswith("Rang de la France"))
    assert desi.mission == "TECH.GOUV"
    assert [c.raw for c in desi.cells] == ["16e", "13e", "12e", "10e"]
    assert all(len(r.cells) == 4 for r in table.rows)


def test_claims(edition_mi2020):
    claims = {(c.kind, c.value) for c in edition_mi2020.claims}
    assert claims == {("actions", 38), ("completed", 5), ("new", 3), ("enjeux", 6), ("missions", 8)}
    actions = next(c for c in edition_mi2020.claims if c.kind == "actions")
    assert actions.provenance.line_start == 349
    assert "38 projets" in actions.provenance.quote


@pytest.mark.parametrize(
    "kind, subject, target",
    [
        ("mission_renamed", "FABRIQUE", "BETA"),
        ("directorate_renamed", "DINSIC", "DINUM"),
        ("action_completed", "DA1", None),
        ("action_completed", "TA1", None),
        ("action_completed", "PI1", None),
        ("action_completed", "IN5", None),
        ("action_completed", "BE1", None),
        ("action_added", "IN6", None),
        ("action_added", "DA6", None),
        ("action_added", "LA5", None),
        ("action_transformed", "BE1", "LA5"),
        ("action_refocused", "BE5", None),
        ("action_refocused", "TR5", None),
    ],
)
def test_stated_changes(edition_mi2020, kind, subject, target):
    matches = [c for c in edition_mi2020.stated_changes if (c.kind, c.subject, c.target) == (kind, subject, target)]
    assert len(matches) == 1
    assert matches[0].evidence.source == "003" and matches[0].evidence.line_start and matches[0].evidence.quote


def test_no_other_stated_changes(edition_mi2020):
    assert len(edition_mi2020.stated_changes) == 13
    rename = next(c for c in edition_mi2020.stated_changes if c.kind == "mission_renamed")
    assert rename.evidence.line_start == 226
    assert "La mission FABRIQUE devient la mission BETA" in rename.evidence.quote


def test_references(edition_mi2020):
    refs = edition_mi2020.references
    assert [r.printed for r in refs if r.code is None] == ["action 10"]
    assert {r.code for r in refs if r.code} <= set(ALL_CODES)
