"""What marks the structure of one edition: its mission codes, its action code prefixes, its page furniture.

Nothing here is known in advance. `discover_landmarks` reads them from the
edition's own blocks, and the profile only adds hints:

* **action code prefixes** are learned from the card headings: the profile's
  card keyword ("ACTION"), then a code of the shape of
  `editiondiff.vocabulary.codes` ("AL1", "XY 5", "LB-3", "SA 12");
* **mission codes** are the words the edition sets as missions: a code-like
  word (a single word in capitals) followed within a few blocks by the
  objective keyword ("OBJECTIF :", a mission section); a code-like word
  followed by a headline and short entries (an overview chart group); the
  codes named in a mission list ("8 missions (A, B, …)", "**A :** …" items);
  the usual missions of the profile, when the edition prints them;
* **prefix → mission**: the mission section each prefix's cards are printed in
  (the profile's prefixes only where the edition says nothing);
* **page furniture**: page numbers, the profile's running headers, and
  "- CODE -" lines naming a mission of the edition.

The acronyms of the owner bodies are never mission codes ("DINUM" alone on a
line is an owner line).
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from ..profiles import Profile
from ..schemas.blocks import Block
from ..vocabulary.codes import NUMBER, PREFIX, CodeShapes, canonical_mission_code, looks_like_mission_code
from ..vocabulary import status
from ..vocabulary.owners import acronyms_of, bodies_of
from ..vocabulary.text import caseless, fold_chars
from .phrases import is_deadline_phrase, is_heading_like

_PAGE_NUMBER = re.compile(r"\d{1,3}")
_RUNNING_LABEL = re.compile(r"-\s*([A-Z][A-Z0-9]+)\s*-?")
_SEP = r"[ \u00a0\-–./]?"
_DIGIT = re.compile(r"\d")
_ASCII_DIGITS = b"0123456789"
_ACTION_NUMBER_ONLY = re.compile(r"\bactions?\s+(\d{1,2})\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^([A-Z][A-Z0-9]{2,})\s*:\s*(.+)$")


def _holds_digit(text: str) -> bool:
    """`_DIGIT` matches in `text`: it holds a decimal digit (of any script).

    For speed, a text of Latin-1 characters only (most French prose) is encoded, which copies its
    characters, and the bytes are searched for the ASCII digits, the only decimal digits of Latin-1: the
    regex engine tests every character at a higher cost, and is left the other texts."""
    try:
        encoded = text.encode("latin-1")
    except UnicodeEncodeError:
        return _DIGIT.search(text) is not None
    return len(encoded.translate(None, _ASCII_DIGITS)) != len(encoded)


def _numbers_after_action(text: str) -> list[re.Match[str]]:
    """The matches of `_ACTION_NUMBER_ONLY` in `text` ('action 10'), in order.

    For speed, the case-blind pattern is not run over the whole text but tried only where the text's
    `caseless` form holds "action" (every match holds it there). Tried at those places, it finds what
    `finditer` finds, as no match can start inside another. The places are offsets into `text` while
    lower-casing keeps every character in its place: only İ lower-cases to two characters, and
    `caseless` folds "i" + U+0307 into one; a text holding either is scanned whole."""
    lowered = caseless(text)
    start = lowered.find("action")
    if start < 0:
        return []
    if "İ" in text or "\u0307" in text:
        return list(_ACTION_NUMBER_ONLY.finditer(text))
    found = []
    while start >= 0:
        m = _ACTION_NUMBER_ONLY.match(text, start)  # `\b` still sees the character before `start`
        if m:
            found.append(m)
        start = lowered.find("action", start + len("action"))
    return found


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=16)
def _owner_grammar(acronyms: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    names = "|".join(re.escape(a) for a in acronyms)
    body = r"(?:minist[eè]res?" + (f"|{names}" if names else "") + r")\b"
    start = re.compile(r"^" + body, re.IGNORECASE)
    part = re.compile(r"^(?:minist[eè]res?\b.*" + (f"|(?:{names})\\b.*" if names else "") + r")$", re.IGNORECASE)
    splitter = re.compile(r",|\bet\b(?=\s+(?:minist" + (f"|{names}" if names else "") + r"))", re.IGNORECASE)
    return start, part, splitter


@lru_cache(maxsize=8)
def _profile_grammar(p: Profile) -> dict[str, object]:
    """Attribute name -> value of what `Landmarks` reads with that depends on the profile alone (its
    patterns, word lists and folded names): built once per profile, as a profile is frozen, not once per
    document (compiling and folding them was most of what making a `Landmarks` cost)."""
    grammar: dict[str, object] = {}
    keywords = _alternatives(p.cards.keywords) or "ACTION"
    # every card heading prints one of these words as is: a line without any is no heading
    grammar["_card_words"] = p.cards.keywords or ("ACTION",)
    grammar["_heading"] = re.compile(r"^(?:" + keywords + r")\s+(" + PREFIX + r")\s?" + _SEP + r"\s?(" + NUMBER + r")\b\s*(?:→|➔|->|:|–|-)?\s*(.*)$")
    # the same heading after a status stamp printed on its line ("Fait ✓  ACTION …")
    grammar["_after_stamp"] = re.compile(r"(?:\s+|(?<=\W))(?=(?:" + keywords + r")\s+" + PREFIX + r"\s?" + _SEP + r"\s?" + NUMBER + r"\b)")
    grammar["_objective"] = re.compile(r"^(?:" + (_alternatives(p.missions.objective_keywords) or "OBJECTIF") + r")\s*:\s*(.+)$", re.IGNORECASE)
    grammar["_titles"] = tuple(re.compile(r) for r in p.programme.running_headers)
    marks = tuple(fold_chars(m) for m in p.cards.completed_marks)
    grammar["_completed"] = re.compile(r"^(?:" + _alternatives(marks) + r")\b") if marks else None
    progress = tuple(fold_chars(m) for m in p.missions.progress_headings)
    grammar["_progress"] = re.compile(r"^(?:" + _alternatives(progress) + r")\b") if progress else None
    # How much of a line these two patterns read: their longest phrase, and the character its `\b` looks
    # at. Only that opening is folded (`fold_chars` maps character for character), not a whole paragraph.
    grammar["_completed_reach"] = max(map(len, marks), default=0) + 1
    grammar["_progress_reach"] = max(map(len, progress), default=0) + 1
    new = _alternatives(p.cards.new_marks)
    grammar["_new"] = re.compile(r"^\(\s*(?:" + new + r")\s*\)\s*|\s*\(\s*(?:" + new + r")\s*\)$", re.IGNORECASE) if new else None
    bodies = bodies_of(p)
    grammar["_acronyms"] = acronyms_of(bodies)
    grammar["_single_names"] = frozenset(fold_chars(v) for b in bodies for v in b.variants if " " not in v.strip())
    # the printed names of the bodies, folded, that a line may open with (`opens_with_owner_name`)
    grammar["_owner_openings"] = tuple(fold_chars(v) for b in bodies for v in b.variants if len(v) > 3)
    grammar["_keywords"] = frozenset(k.upper() for k in p.cards.keywords + p.missions.objective_keywords)
    words = _alternatives(p.missions.words) or "missions?"
    grammar["_mission_word"] = re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE)
    # the mission words in `caseless` form, for `may_name_missions`: sound for ASCII words only (None: no test)
    keys = tuple(caseless(w) for w in p.missions.words) or ("mission",)
    grammar["_mission_keys"] = keys if all(w.isascii() for w in p.missions.words) else None
    names = _alternatives(p.programme.names)
    grammar["programme"] = names
    return grammar


@dataclass(frozen=True)
class Landmarks:
    """The landmarks of one edition (or of one source while they are discovered)."""

    profile: Profile
    #: Mission codes the edition sets (and the profile's usual ones).
    missions: frozenset[str] = frozenset()
    #: Action code prefixes of its cards (and the profile's).
    prefixes: frozenset[str] = frozenset()
    #: Prefix -> the mission its cards are printed in (learned), else the profile's.
    prefix_mission: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name, value in _profile_grammar(self.profile).items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_codes", CodeShapes(self.prefixes))

    def with_codes(self, *, missions: frozenset[str] | None = None, prefixes: frozenset[str] | None = None, prefix_mission=None) -> Landmarks:
        """The same landmarks with other codes: the grammar compiled from the profile is shared, not compiled again."""
        marks = copy.copy(self)
        for name, value in (("missions", missions), ("prefixes", prefixes), ("prefix_mission", prefix_mission)):
            if value is not None:
                object.__setattr__(marks, name, value)
        if prefixes is not None:
            object.__setattr__(marks, "_codes", CodeShapes(prefixes))
        return marks

    # ------------------------------------------------------------------ cards

    def opens_with_owner_name(self, folded: str) -> bool:
        """The folded line opens with the printed name of a body of the owner vocabulary."""
        return any(folded.startswith(v) for v in self._owner_openings)  # type: ignore[attr-defined]

    def _prints_card_word(self, text: str) -> bool:
        """The text holds a card keyword as printed: a card heading always does, most lines do not."""
        for word in self._card_words:  # type: ignore[attr-defined]
            if word in text:
                return True
        return False

    def parse_action_heading(self, text: str) -> tuple[str, str, str] | None:
        """'ACTION XY 2 → Convergence …' -> ('XY 2', 'XY2', 'Convergence …'); None if not a card heading.

        A status stamp printed on the heading's line before the code ("Fait ✓  ACTION XY 2 → …",
        `heading_stamp`) is no part of the title."""
        stripped = text.strip()
        if not self._prints_card_word(stripped):
            return None
        stamped = self.heading_stamp(stripped)
        if stamped is not None:
            stripped = stamped[1]
        m = self._heading.match(stripped)  # type: ignore[attr-defined]
        if not m:
            return None
        printed = stripped[m.start(1) : m.end(2)].strip()
        return printed, f"{m.group(1)}{int(m.group(2))}", m.group(3).strip()

    def heading_stamp(self, text: str) -> tuple[str, str] | None:
        """'Fait ✓  ACTION XY 2 → …' -> ('Fait ✓', 'ACTION XY 2 → …'): a status stamp (a completion mark,
        `is_status_mark`) printed before a card heading on its line; None for any other line."""
        stripped = text.strip()
        # a stamp ends where a card word starts, after at least one character: a line whose card words all
        # open it (most card headings) has none, and is left without the pattern's scan of every position
        if not any(stripped.find(word, 1) >= 0 for word in self._card_words):  # type: ignore[attr-defined]
            return None
        m = self._after_stamp.search(stripped)  # type: ignore[attr-defined]
        if m is None:
            return None
        stamp, rest = stripped[: m.start()].strip(), stripped[m.end() :]
        if not stamp or not (self.is_status_mark(stamp) or self.is_status_mark(stamp, icon=True) and len(stamp.split()) <= 3):
            return None
        return stamp, rest

    def action_references(self, text: str) -> list[tuple[str, str | None, int]]:
        """Action references in prose: (as printed, canonical code or None, offset).

        'action XY 5' -> ('XY 5', 'XY5', …); 'action 10' (no prefix) -> ('action 10', None, …).
        """
        if not _holds_digit(text):
            return []  # every reference holds a number: most prose is done with one scan
        return self._references(text)

    def _references(self, text: str) -> list[tuple[str, str | None, int]]:
        """The references of `action_references` in `text`, by offset, its digit test left out."""
        refs: list[tuple[str, str | None, int]] = list(self._codes.codes_in(text))  # type: ignore[attr-defined]
        refs += [(m.group(0), None, m.start()) for m in _numbers_after_action(text)]
        return sorted(refs, key=lambda r: r[2])

    def references_in(self, texts: list[str]) -> list[list[tuple[str, str | None, int]]]:
        """`action_references` of each text, read at once.

        For speed, the texts that hold a digit are joined and each pattern scans them in one go (a
        call per text cost more than the reading). They are joined with NUL characters: no reference
        holds one, and a NUL is neither a word character nor a space, so to every pattern a NUL beside
        a text reads as that text's start or end; no reference spans two texts, and each text's are
        found as in that text alone."""
        out: list[list[tuple[str, str | None, int]]] = [[] for _ in texts]
        held = [index for index, text in enumerate(texts) if _holds_digit(text)]
        if not held:
            return out
        joined = "\0".join([texts[index] for index in held])
        starts = list(accumulate((len(texts[index]) + 1 for index in held[:-1]), initial=0))
        for printed, code, offset in self._references(joined):
            k = bisect_right(starts, offset) - 1
            out[held[k]].append((printed, code, offset - starts[k]))
        return out

    def mission_of_prefix(self, prefix: str) -> str | None:
        return self.prefix_mission.get(prefix) or self.profile.prefix_hints.get(prefix)

    def is_status_mark(self, text: str, *, icon: bool = False) -> bool:
        """A card's completion mark: one of the profile's completed marks ('Objectif atteint'), or a line
        of status words carrying the status icon ('Action achevée ✓'; `icon` when the icon introduced it)."""
        if self._completed and self._completed.match(fold_chars(text.strip()[: self._completed_reach])):  # type: ignore[attr-defined]
            return True
        return status.is_completion_mark(text, icon=icon)

    def new_mark(self) -> re.Pattern[str] | None:
        return self._new  # type: ignore[attr-defined]

    def is_owner_phrase(self, text: str) -> bool:
        """An owner line: every part joined by 'et' / ',' names a body (a ministry or an acronym of the owner vocabulary)."""
        text = text.strip().rstrip(".")
        start, part, splitter = _owner_grammar(self._acronyms)  # type: ignore[attr-defined]
        if not text or len(text) > 160 or not start.match(text):
            return False
        parts = [p.strip() for p in splitter.split(text) if p.strip()]
        return all(part.match(p) for p in parts)

    def is_owner_name(self, word: str) -> bool:
        """A single word that is one of the printed names of an owner body ("DINSIC", "Etalab", "Bercy")."""
        key = fold_chars(word.strip())
        return key in self._single_names  # type: ignore[attr-defined]

    # ------------------------------------------------------------------ missions

    def objective_of(self, text: str) -> str | None:
        """The objective of an "OBJECTIF : …" line (keyword printed in capitals), else None."""
        stripped = text.strip()
        m = self._objective.match(stripped)  # type: ignore[attr-defined]
        if not m:
            return None
        keyword = stripped[: stripped.index(":")].strip()
        return m.group(1).strip() if keyword.isupper() else None

    def is_progress_heading(self, text: str) -> bool:
        return bool(self._progress and self._progress.match(fold_chars(text.strip()[: self._progress_reach])))  # type: ignore[attr-defined]

    def mentions_missions(self, text: str) -> bool:
        return bool(self._mission_word.search(text))  # type: ignore[attr-defined]

    def may_name_missions(self, text: str) -> bool:
        """False when `text` holds no mission word in any case: a substring test that spares the case-blind
        scan of `mentions_missions` (or of a pattern built on `mission_word`) for most texts."""
        keys = self._mission_keys  # type: ignore[attr-defined]
        if keys is None:
            return True
        lowered = caseless(text)
        return any(key in lowered for key in keys)

    def mission_word(self) -> str:
        return self._mission_word.pattern  # type: ignore[attr-defined]

    def is_code_word(self, text: str) -> bool:
        """A word that may be a mission code: capitals, not a body's acronym nor a keyword of the profile."""
        if not text.isupper():  # a code is capitals and digits: most lines fail this one cheap test
            return False
        text = text.strip()
        if not looks_like_mission_code(text) or self.is_owner_name(text):
            return False
        return text not in self._keywords  # type: ignore[attr-defined]

    def mission_code_of(self, text: str) -> str | None:
        """The mission code a block consists of ('- DELTA -' is a running header, not this)."""
        text = text.strip()
        return text if text in self.missions else None

    def is_running_header(self, text: str) -> bool:
        """Page furniture: page numbers, the profile's running headers, '- ALPHA -', '-FOXTROT-', '- CHARLIE'."""
        text = text.strip()
        if len(text) <= 3 and _PAGE_NUMBER.fullmatch(text):
            return True
        for title in self._titles:  # type: ignore[attr-defined]
            if title.fullmatch(text):
                return True
        if not text.startswith("-"):  # every '- CODE -' label opens with its dash
            return False
        m = _RUNNING_LABEL.fullmatch(text)
        return bool(m and m.group(1) in self.missions)

    def is_furniture(self, block: Block) -> bool:
        quote = block.provenance.quote
        return self.is_running_header(quote) or (block.text != quote and self.is_running_header(block.text))

    def is_mission_code_block(self, block: Block) -> bool:
        return block.kind in ("paragraph", "heading") and self.mission_code_of(block.text) is not None and not self.is_furniture(block)


# ---------------------------------------------------------------------- discovery


def _is_code_block(block: Block, marks: Landmarks) -> bool:
    return block.kind in ("paragraph", "heading") and marks.is_code_word(block.text)


def _section_codes(blocks: list[Block], code_at: list[int], marks: Landmarks, window: int) -> list[str]:
    """Code-like words (the blocks at `code_at`) followed within `window` blocks by an objective line."""
    codes = []
    for i in code_at:
        if any(marks.objective_of(b.text) for b in blocks[i + 1 : i + 1 + window]):
            codes.append(blocks[i].text.strip())
    return codes


def _short_entry(block: Block, marks: Landmarks, max_chars: int) -> bool:
    text = block.text.strip()
    return (
        block.kind == "paragraph"
        and 0 < len(text) <= max_chars
        and not text.endswith((".", ":"))
        and not marks.is_code_word(text)
        and not marks.parse_action_heading(text)
        and not is_deadline_phrase(text)
        and not marks.is_owner_phrase(text)
        and not (is_heading_like(text) and "✓" not in text)
    )


def _chart_codes(blocks: list[Block], code_at: list[int], marks: Landmarks, max_chars: int, min_entries: int) -> list[str]:
    """Code-like words (the blocks at `code_at`) followed by a headline and at least `min_entries` short
    entries (an overview chart group)."""
    codes = []
    for i in code_at:
        if i + 1 >= len(blocks):
            break
        block, headline = blocks[i], blocks[i + 1]
        if headline.kind not in ("paragraph", "heading"):
            continue
        text = headline.text.strip()
        if not any(c.islower() for c in text) or is_deadline_phrase(text) or marks.is_owner_phrase(text) or marks.is_code_word(text):
            continue
        entries = 0
        for j in range(i + 2, len(blocks)):
            if not _short_entry(blocks[j], marks, max_chars):
                break
            entries += 1
        if entries >= min_entries:
            codes.append(block.text.strip())
    return codes


def _list_codes(blocks: list[Block], marks: Landmarks) -> list[str]:
    """Codes of mission lists: '**A :** …' list items (two or more in a row), 'N missions (A, B, …)'."""
    codes: list[str] = []
    run: list[str] = []  # consecutive list items "A : …"
    for block in blocks + [None]:  # type: ignore[list-item]
        m = _LIST_ITEM.match(block.text.strip()) if block is not None and block.kind == "list_item" else None
        if m and marks.is_code_word(m.group(1)):
            run.append(m.group(1))
            continue
        if block is not None and block.kind == "heading" and run:
            continue  # an axis heading between two runs of the same list
        if len(run) >= 2:
            codes += run
        run = []
    listing = re.compile(r"\b(?:\d+|[a-z]+)\s+" + marks.mission_word() + r"\s*\(([^)]*)\)", re.IGNORECASE)
    # what every listing holds, found in one scan: the mission word, then its parenthesis
    named = re.compile(marks.mission_word() + r"\s*\(", re.IGNORECASE)
    for block in blocks:
        if "(" not in block.text or not marks.may_name_missions(block.text) or not named.search(block.text):
            continue
        for m in listing.finditer(block.text):
            parts = [p.strip() for p in m.group(1).split(",")]
            if len(parts) >= 2 and all(marks.is_code_word(p) for p in parts):
                codes += parts
    return codes


def learned_prefixes(blocks: list[Block], marks: Landmarks) -> frozenset[str]:
    """The prefixes of the action codes printed in card headings."""
    found = set()
    for block in blocks:
        heading = marks.parse_action_heading(block.text) if block.kind in ("paragraph", "heading") else None
        if heading:
            found.add(heading[1].rstrip("0123456789"))
    return frozenset(found)


def discover_landmarks(blocks: list[Block], profile: Profile, *, objective_window: int, chart_entry_max_chars: int, chart_group_min_entries: int) -> Landmarks:
    """The landmarks one source declares (prefix → mission is learned later, from where the cards stand)."""
    marks = Landmarks(profile)
    prefixes = learned_prefixes(blocks, marks) | frozenset(profile.prefix_hints)
    code_at = [i for i, block in enumerate(blocks) if _is_code_block(block, marks)]
    codes = set(_section_codes(blocks, code_at, marks, objective_window))
    chart = _chart_codes(blocks, code_at, marks, chart_entry_max_chars, chart_group_min_entries)
    if len(set(chart)) >= 2 or set(chart) & codes:  # an overview chart groups several missions
        codes |= set(chart)
    codes |= {canonical_mission_code(c) for c in _list_codes(blocks, marks)}
    # every '- CODE -' label holds its dash: the blocks without one (most) are not read
    headers = Counter(_running_label(b) for b in blocks if "-" in b.provenance.quote or "-" in b.text)
    codes |= {c for c, n in headers.items() if c and (n >= 2 or c in profile.mission_hints) and marks.is_code_word(c)}
    printed = {b.text.strip() for b in blocks}
    codes |= {c for c in profile.mission_hints if c in printed}
    return marks.with_codes(missions=frozenset(codes), prefixes=prefixes)


def _running_label(block: Block) -> str | None:
    """The code of a '- CODE -' running header, else None."""
    for text in (block.provenance.quote, block.text):
        text = text.strip()
        m = _RUNNING_LABEL.fullmatch(text) if text.startswith("-") else None
        if m:
            return m.group(1)
    return None


def prefix_missions(placed: list[tuple[str, str]]) -> dict[str, str]:
    """Prefix -> the mission most of its cards are printed in, from (prefix, mission section) pairs."""
    votes: dict[str, Counter[str]] = {}
    for prefix, mission in placed:
        votes.setdefault(prefix, Counter())[mission] += 1
    return {prefix: counter.most_common(1)[0][0] for prefix, counter in sorted(votes.items())}
