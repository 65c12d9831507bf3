"""Words that open a sentence: capitalised, they never carry one on from the line above.

    opens_sentence(text) -> bool
    ends_a_sentence_within(text) -> bool

A wrapped line of a sentence starts with whatever word came next, in lower
case unless it is a name ("… avec / La Poste", "… de / l'État"). An article,
a demonstrative or a subject pronoun with a capital, followed by a word in
lower case ("La mission TRANSFO rejoint…", "This proposed rule…"), can only
be the start of a sentence of its own. Language knowledge (French and
English), not knowledge of one edition; a layout step uses it as a hint
beside the place of the line.
"""

from __future__ import annotations

import re

#: Articles, demonstratives and subject pronouns, as they are written at a sentence's start.
_OPENERS = frozenset(
    # French
    "Le La Les Un Une Des Du Ce Cet Cette Ces Il Elle Ils Elles On Nous Cela Ceci".split()
    # English
    + "The This These Those That An It They We".split()
)
#: Elided French articles and demonstratives ("L'action", "C'est"), with either apostrophe.
_ELIDED = ("L'", "L\u2019", "C'", "C\u2019")


def opens_sentence(text: str) -> bool:
    """`text` starts with a capitalised article, demonstrative or pronoun and then a word in lower case."""
    text = text.lstrip()
    if text.startswith(_ELIDED):
        rest = text[2:]
        return rest[:1].islower()
    words = text.split(None, 2)
    return len(words) >= 2 and words[0] in _OPENERS and words[1][:1].islower()


#: A sentence ends inside a text: a stop, then a capital.
_SENTENCE_BREAK = re.compile(r"[.!?…]\s+[A-ZÀ-ÖØ-Þ]")


def ends_a_sentence_within(text: str) -> bool:
    """A sentence of `text` ends before its end ("… chatbots. Action transformée …"): prose, not a phrase."""
    return _SENTENCE_BREAK.search(text) is not None
