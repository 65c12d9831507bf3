"""One vocabulary for every stage: the detectors and the parsers read the same words."""

from __future__ import annotations

import pytest

from editiondiff.extract.landmarks import Landmarks
from editiondiff.extract.phrases import step_status
from editiondiff.extract.settings import StructureSettings
from editiondiff.limits import ReadLimits
from editiondiff.profiles import load_profile
from editiondiff.settings import BuildSettings, NormalizeSettings, ReaderSettings
from editiondiff.vocabulary import icons, status
from editiondiff.vocabulary.deadlines import is_deadline_phrase, phrase_to_deadline
from editiondiff.vocabulary.owners import acronyms_of, bodies_of

PROFILE = load_profile()
BODIES = bodies_of(PROFILE)
ACRONYMS = acronyms_of(BODIES)
is_owner_phrase = Landmarks(PROFILE).is_owner_phrase


@pytest.mark.parametrize("acronym", ACRONYMS)
def test_every_acronym_of_the_owner_vocabulary_opens_an_owner_line(acronym):
    assert is_owner_phrase(acronym)
    assert is_owner_phrase(f"{acronym} et DINUM")


def test_ants_is_an_owner_for_the_detector_and_the_gazetteer():
    assert any("ANTS" in body.variants for body in BODIES)
    assert is_owner_phrase("ANTS")


PHRASES = [
    "Fait",
    "En cours, jusqu'à fin 2022",
    "1er trimestre 2021",
    "Expérimentation 2020. Déploiement 1er semestre 2021",
    "Dispositif lancé",
    "2nd semestre 2020 puis maintenance",
    "Processus lancé en 2020",
    "À partir de mi-2021",
    "T4 2020",
]


@pytest.mark.parametrize("phrase", PHRASES)
def test_a_deadline_phrase_is_one_the_parser_reads(phrase):
    assert is_deadline_phrase(phrase)
    assert phrase_to_deadline(phrase, context_year=2020).kind != "unparsed"


@pytest.mark.parametrize(
    "text",
    ["Simplifier les démarches des usagers d'ici 2022", "DINUM", "Le programme compte 38 projets", "GOUVERNANCE DE TECH.GOUV", ""],
)
def test_prose_owners_and_headings_are_not_deadline_phrases(text):
    assert not is_deadline_phrase(text)


def test_step_status_and_deadline_kind_share_the_status_words():
    for masculine, feminine in status.FINISHED_WORDS:
        assert step_status(masculine.capitalize()) == "done"
        assert phrase_to_deadline(feminine.capitalize()).kind == "done"
    for masculine, _ in status.IN_SERVICE_WORDS:
        assert phrase_to_deadline(f"Service {masculine}").kind == "done"
        assert step_status(f"Service {masculine}") is None  # in service is not finished
    assert step_status("En cours, jusqu'à fin 2022") == "ongoing"


def test_icon_table_by_character_and_role():
    assert icons.ICONS["📅"] == "deadline" and icons.ICONS["⬆"] == "owner" and icons.ICONS["➔"] == "arrow"
    assert set(icons.ICON_ROLES) <= set(icons.LINE_ICONS)
    assert icons.icons_of_role("deadline") == ("📅", "□", "▣")


@pytest.mark.parametrize(
    "make",
    [
        lambda: StructureSettings(chart_match_threshold=120),
        lambda: StructureSettings(mission_objective_window=0),
        lambda: ReaderSettings(limits=ReadLimits(max_bytes=0)),
        lambda: NormalizeSettings(context_year=20),
    ],
)
def test_settings_are_checked_when_made(make):
    with pytest.raises(ValueError):
        make()


def test_build_settings_reach_the_stages():
    from conftest import MANIFEST, SEED_003

    from editiondiff.errors import LimitExceeded
    from editiondiff.pipeline import build_edition

    no_chart = build_edition([SEED_003], manifest=MANIFEST, settings=BuildSettings(structure=StructureSettings(chart_group_min_entries=1000)))
    assert no_chart.chart == [] and len(no_chart.actions) == 38
    with pytest.raises(LimitExceeded):
        build_edition([SEED_003], manifest=MANIFEST, settings=BuildSettings(reader=ReaderSettings(limits=ReadLimits(max_bytes=1000))))
    from editiondiff.normalize import normalize_edition

    edition = no_chart.model_copy(deep=True)
    edition.actions[0].deadlines_printed = ["2nd semestre"]
    normalised = normalize_edition(edition, settings=NormalizeSettings(context_year=2030))
    assert str(normalised.actions[0].deadlines[0].start) == "2030-07-01"
