"""Where the editions' language lets a word be cut at the end of a line: its hyphenation patterns.

    LANGUAGE                     the language of the editions' text (a pyphen dictionary name)
    may_cut(word, at) -> bool    whether a typesetter may cut `word` after its first `at` letters

The patterns are LibreOffice's hyphenation dictionaries, as pyphen ships them
(Liang's method, the one TeX, troff and word processors hyphenate with). They
tell a word cut by hyphenation ("appro-" + "priation") from a compound printed
with its own hyphen, together with the document's own words (`extract.layout.hyphenation`).
"""

from __future__ import annotations

from functools import lru_cache

#: The editions are written in French.
LANGUAGE = "fr"


@lru_cache(maxsize=4)
def _patterns(language: str):
    import pyphen  # loaded on the first hyphenated line end that the document's own words do not settle

    return pyphen.Pyphen(lang=language)


def may_cut(word: str, at: int, language: str = LANGUAGE) -> bool:
    """Whether the language's patterns let `word` be cut between its first `at` letters and the rest."""
    if not language or not 0 < at < len(word):
        return False
    return at in _patterns(language).positions(word.lower())
