"""Words that open a sentence: a capitalised article or pronoun before a word in lower case."""

from __future__ import annotations

import pytest

from editiondiff.vocabulary.sentences import opens_sentence


@pytest.mark.parametrize(
    "text",
    ["La mission TRANSFO rejoint la mission PILOT.", "Les projets sont achevés.", "L'action est close.", "C'est fait.",
     "Cette phase est close.", "This proposed AD would also require", "The rule applies."],
)
def test_opens_a_sentence(text):
    assert opens_sentence(text)


@pytest.mark.parametrize(
    "text",
    ["La Poste et ses bureaux", "L'État et ses opérateurs", "Le", "Expérimenté avec succès", "DINUM et ministères",
     "Lancer une étude", "The Federal Register", "", "  "],
)
def test_does_not_open_one(text):
    assert not opens_sentence(text)


def test_a_sentence_ending_within_a_text():
    from editiondiff.vocabulary.sentences import ends_a_sentence_within

    assert ends_a_sentence_within("Expérimenté avec succès sur IA. Action transformée en Lab GovTech.")
    assert not ends_a_sentence_within("Mettre en place un laboratoire d'intelligence artificielle.")
    assert not ends_a_sentence_within("Fait, amélioration continue")
