"""What an edition says about itself: claimed counts and stated changes.

Claims are counts printed in the text ("La feuille de route 2019-2022
comprend 38 projets. Parmi eux, 5 sont désormais achevés et 3 nouveaux font
leur entrée", "répond à six enjeux", "8 missions"). Stated changes are the
changes the document announces itself, each with the sentence that says it:

* a mission renamed ("La mission GAMMA devient la mission DELTA"), a
  directorate renamed ("la DINSIC – avant de devenir la DINUM");
* missions merged ("Les missions GAMMA et DELTA fusionnent au sein de la
  mission OMEGA", "La mission GAMMA rejoint la mission DELTA", "… est
  intégrée à / absorbée par la mission DELTA"; a merge that names no result,
  "La mission GAMMA et la mission DELTA fusionnent", is stated with no target)
  and a mission split ("La mission GAMMA est scindée en deux missions, DELTA
  et OMEGA", "… se divise en …", "… est répartie entre les missions …",
  "… donne naissance aux missions …"): one
  statement per mission merged, one per part of a split;
* actions completed and leaving ("… (action SO1) … sort de TECH.GOUV"; the
  items of a lead-in "les projets suivants quittent le programme … :");
* actions added (items of "Trois nouvelles actions intègrent le programme :",
  "une nouvelle action : le Lab GovTech (action AL 5)");
* an action transformed into another ("Action transformée en Lab GovTech
  (action AL5)", "L'action DE 1 … donne naissance à une nouvelle action");
* actions refocused ("a été réorientée", "va se focaliser sur", items of
  "Les repositionnements suivants ont été réalisés :").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from ..schemas.blocks import Block
from ..schemas.edition import Claim, ClaimKind, StatedChange, StatedChangeKind
from .landmarks import Landmarks
from .phrases import is_heading_like
from ..vocabulary.text import caseless as _caseless

_NUMBER_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10}
#: A number, in digits or in words. For speed it opens with a lookahead on the characters a number starts
#: with: the engine then drops most positions at one character test, not at one per number word.
_N = r"(?=[\d" + "".join(sorted({word[0] for word in _NUMBER_WORDS})) + r"])(\d+|" + "|".join(_NUMBER_WORDS) + r")"
#: (kind, pattern, words one of which the pattern needs: a cheap test that skips most blocks).
_CLAIMS: list[tuple[ClaimKind, re.Pattern[str], tuple[str, ...]]] = [
    ("enjeux", re.compile(r"\b" + _N + r"\s+enjeux\b", re.IGNORECASE), ("enjeux",)),
    ("missions", re.compile(r"\b" + _N + r"\s+missions\b(?!\s+(?:ont|sont|ayant)\b)", re.IGNORECASE), ("missions",)),
    ("actions", re.compile(r"\b" + _N + r"\s+(?:projets|actions)\b(?!\s+(?:ont|sont)\b)", re.IGNORECASE), ("projets", "actions")),
    ("completed", re.compile(r"\b" + _N + r"\s+sont\s+(?:désormais\s+)?achevés\b", re.IGNORECASE), ("achevés",)),
    ("to_complete", re.compile(r"\b" + _N + r"\s+le\s+sera\b", re.IGNORECASE), ("sera",)),
    ("new", re.compile(r"\b" + _N + r"\s+(?:nouveaux|nouvelles)\s+(?:font\b|actions\b|projets\b)", re.IGNORECASE), ("nouveaux", "nouvelles")),
]
#: Any word of the claims: a block holding none of them claims nothing.
_ANY_CLAIM_WORD = tuple(dict.fromkeys(word for _, _, words in _CLAIMS for word in words))
#: A sentence's stop, then the spaces before the next sentence (group 1). It opens with the stop, not with a
#: lookbehind on it, for speed: the regex engine then skips ahead to the stops instead of trying every position.
_SENTENCE_END = re.compile(r"[.!?](\s+)(?=[A-ZÀ-Ý«(])")


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Some word of `words` occurs in `text` (a loop of substring tests: cheaper, for a few words, than a
    pattern alternating them, which the regex engine tries at every position)."""
    for word in words:
        if word in text:
            return True
    return False


def _words_held(texts: list[str], words: tuple[str, ...]) -> dict[int, set[str]]:
    """Index -> the words of `words` the text at that index holds (texts holding none left out).

    For speed, the texts are joined into one string, searched once per word (one scan of a document
    instead of one substring test per text and word); a position found is mapped back to its text.
    The texts are joined with NUL characters, which no word holds: no word found spans two texts."""
    joined = "\0".join(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))  # where each text's separator ends
    held: dict[int, set[str]] = {}
    for word in words:
        at = joined.find(word)
        while at >= 0:
            index = bisect_right(ends, at)
            held.setdefault(index, set()).add(word)
            at = joined.find(word, ends[index])  # on to the next text
    return held


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs of a paragraph."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((start, text[start: m.start(1)].strip()))
        start = m.end()
    out.append((start, text[start:].strip()))
    return [(o, s) for o, s in out if s]


def _sentence_at(text: str, offset: int) -> str:
    for start, sentence in reversed(_sentences(text)):
        if start <= offset:
            return sentence
    return text


def caseless_texts(blocks: list[Block]) -> list[str]:
    """Each block's text in `caseless` form ("" for a table row, which states and claims nothing): what
    `blocks_to_claims` and `blocks_to_stated_changes` search their words in, made once for both."""
    return [_caseless(block.text) if block.kind != "table_row" else "" for block in blocks]


def blocks_to_claims(blocks: list[Block], lowered: list[str] | None = None) -> list[Claim]:
    """Every count the edition claims about itself, in reading order (first of each kind and value).

    `lowered`: `caseless_texts(blocks)`, made here when None."""
    claims: list[Claim] = []
    held = _words_held(caseless_texts(blocks) if lowered is None else lowered, _ANY_CLAIM_WORD)
    for index, block in enumerate(blocks):
        if index not in held:  # a block holding no word of the claims claims nothing
            continue
        for kind, pattern, words in _CLAIMS:
            if held[index].isdisjoint(words):
                continue
            for m in pattern.finditer(block.text):
                value = _number(m.group(1))
                if any(c.kind == kind and c.value == value for c in claims):
                    continue
                quote = _sentence_at(block.text, m.start())
                claims.append(Claim(kind=kind, value=value, provenance=block.provenance.model_copy(update={"quote": quote})))
    return claims


_LEAD_IN: list[tuple[StatedChangeKind, re.Pattern[str]]] = [
    ("action_completed", re.compile(r"\bquitt\w*\b|\bsortent\b", re.IGNORECASE)),
    ("action_added", re.compile(r"\bnouvelles? actions?\b|\bnouveaux projets\b|\bnouveau projet\b|\bintègrent\b|\bintègre\b", re.IGNORECASE)),
    ("action_refocused", re.compile(r"\brepositionnements?\b|\bréorient\w*", re.IGNORECASE)),
]
_LEAVING = re.compile(r"\bsort du programme\b", re.IGNORECASE)
_ADDED = re.compile(r"\bnouvelle action\b|\bajouter une action\b", re.IGNORECASE)
_TRANSFORMED = re.compile(r"\btransformée?\s+en\b", re.IGNORECASE)
_GIVES_BIRTH = re.compile(r"\bdonne naissance à une nouvelle action\b", re.IGNORECASE)
_REFOCUSED = re.compile(r"\bréorientée?\b|\bse focaliser\b|\brecentrée?\b|\brefocalisée?\b", re.IGNORECASE)
#: (pattern, a word it needs: sentences without it are not searched).
#: Words (in `_caseless` form) one of which each pattern needs: sentences without any are not searched.
_NEEDS: dict[re.Pattern[str], tuple[str, ...]] = {
    _LEAVING: ("sort du programme",),
    _ADDED: ("nouvelle action", "ajouter une action"),
    _TRANSFORMED: ("transform",),
    _GIVES_BIRTH: ("donne naissance",),
    _REFOCUSED: ("réorienté", "se focaliser", "recentré", "refocalisé"),
}


@lru_cache(maxsize=8)
def _leaving(programme: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """'… quitte le programme TECH.GOUV', '… sort de TECH.GOUV' for the programme's names, and the words it needs."""
    if not programme:
        return _LEAVING, _NEEDS[_LEAVING]
    pattern = re.compile(
        r"\b(?:ont quitté|quitte|quittent|sort de|sortent de|sort du|sortent du)\s+(?:le programme\s+)?(?:du programme\s+)?(?:"
        + programme
        + r")|\bsort du programme\b",
        re.IGNORECASE,
    )
    names = tuple(_caseless(name.replace("\\", "")) for name in programme.split("|"))
    return pattern, names + _NEEDS[_LEAVING]


#: Words (in `_caseless` form) one of which every match of a `_leaving` pattern holds, whatever the
#: programme: its verb ("ont quitté", "quittent", "sortent du", "sort du programme").
_LEAVING_VERBS = ("quitt", "sort")


def _search(pattern: re.Pattern[str], text: str, lowered: str) -> re.Match[str] | None:
    """`pattern.search(text)`, skipped when `lowered` (`_caseless(text)`) lacks every word the pattern needs."""
    if not any(word in lowered for word in _NEEDS[pattern]):
        return None
    return pattern.search(text)


_CODE = r"([A-Z][A-Z0-9]{2,})"
_MISSION_RENAMED = [
    (re.compile(r"\bmission\s+" + _CODE + r"\s+devient\s+(?:la\s+)?(?:\*\*)?mission\s+" + _CODE + r"\b"), "devient"),
    (re.compile(r"\bchangé de nom\b[^.]*?\bde\s+" + _CODE + r"\s+à\s+" + _CODE + r"\b"), "changé de nom"),
]
_BOLD = r"(?:\*\*)?"
#: A list of mission codes ("DELTA et OMEGA", "les missions DELTA, OMEGA et SIGMA", "la mission DELTA et la mission OMEGA").
_CODE_LIST = (r"((?:(?:\s*,\s*|\s+et\s+|\s*)(?:(?:la|les)\s+)?(?:missions?\s+)?" + _BOLD + r"[A-Z][A-Z0-9]{2,}" + _BOLD + r"(?![\w-]))+)")
#: What a merge may add after its verb: the mission the merged ones form.
_MERGE_RESULT = r"(?:\s+(?:au sein de|dans|pour former|pour donner|en)\s+(?:une\s+|la\s+)?(?:nouvelle\s+)?" + _BOLD + r"mission\s+" + _BOLD + _CODE + r")?"
_MERGE_VERB = r"(?:fusionnent|sont\s+fusionnées|se\s+regroupent|sont\s+regroupées)"
#: (pattern, a word it needs as written, how its groups read: "group" = codes merged together, "into" = the first into the second).
_MISSION_MERGED = [
    (re.compile(r"\bmissions\s+" + _BOLD + _CODE + _BOLD + _CODE_LIST + r"\s+" + _MERGE_VERB + _MERGE_RESULT), "group"),
    (re.compile(r"\bmission\s+" + _BOLD + _CODE + _BOLD + r"\s+et\s+(?:la\s+)?(?:mission\s+)?" + _BOLD + _CODE + _BOLD + r"\s+"
                + _MERGE_VERB + _MERGE_RESULT), "group"),
    (re.compile(r"\bmission\s+" + _BOLD + _CODE + _BOLD + r"\s+(?:fusionne|est\s+fusionnée)\s+avec\s+(?:la\s+)?" + _BOLD + r"mission\s+"
                + _BOLD + _CODE), "group"),
    (re.compile(r"\bmission\s+" + _BOLD + _CODE + _BOLD + r"\s+(?:rejoint|est\s+intégrée\s+(?:à|dans)|est\s+absorbée\s+par|"
                r"est\s+fusionnée\s+(?:dans|à)|fusionne\s+dans|est\s+regroupée\s+avec)\s+(?:la\s+)?" + _BOLD + r"mission\s+" + _BOLD + _CODE), "into"),
]
_MISSION_SPLIT = re.compile(r"\bmission\s+" + _BOLD + _CODE + _BOLD + r"\s+(?:est\s+(?:scindée|divisée|séparée|découpée|répartie)|"
                            r"se\s+(?:scinde|divise|répartit)|donne\s+naissance)\s+(?:en|aux|à|entre)\s+(?:deux|trois|quatre|\d+)?\s*(?:nouvelles\s+)?(?:missions\b\s*:?)?" + _CODE_LIST)
_PART_WORDS = ("fusion", "rejoint", "intégrée", "absorbée", "regroup", "scind", "divis", "séparée", "découpée", "répart", "naissance")

_DIRECTORATE_RENAMED = re.compile(r"\b([A-Z]{4,})\b[^.]{0,30}?\bdeven(?:ir|ue|u|ait)\s+(?:la\s+|le\s+)?([A-Z]{4,})\b")


def _fewest(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of `words` that hold no other of them: a text holds one of these if and only if it holds
    one of `words` (fewer substring tests)."""
    words = tuple(dict.fromkeys(words))
    return tuple(word for word in words if not any(other != word and other in word for other in words))


#: Every word a sentence pattern needs, in `_caseless` form: those of the case-insensitive patterns (the
#: verbs of the leaving ones: a programme name alone leaves nothing), then those the case-sensitive ones
#: need as written (lower-case words: a text holding one as written holds it in its `_caseless` form too).
#: A text holding none states no change.
_ANY_NEED = _fewest(
    (*(word for words in _NEEDS.values() for word in words), *_LEAVING_VERBS, *(needs for _, needs in _MISSION_RENAMED), "deven", *_PART_WORDS)
)

_SUMMARIES: dict[StatedChangeKind, str] = {
    "mission_renamed": "La mission {subject} devient la mission {target}",
    "mission_merged": "La mission {subject} fusionne dans la mission {target}",
    "mission_split": "La mission {subject} est scindée ; l'une de ses parties est la mission {target}",
    "directorate_renamed": "La {subject} devient la {target}",
    "action_completed": "L'action {subject} est achevée et quitte le programme",
    "action_added": "L'action {subject} entre dans le programme",
    "action_transformed": "L'action {subject} est transformée en action {target}",
    "action_refocused": "L'action {subject} est réorientée",
}


def _change(kind: StatedChangeKind, subject: str, target: str | None, block: Block, quote: str) -> StatedChange:
    summary = "La mission {subject} fusionne avec une autre mission" if kind == "mission_merged" and target is None else _SUMMARIES[kind]
    return StatedChange(
        kind=kind,
        subject=subject,
        target=target,
        summary=summary.format(subject=subject, target=target),
        evidence=block.provenance.model_copy(update={"quote": quote}),
    )


def _codes(listed: str) -> list[str]:
    return re.findall(r"(?<![\w-])([A-Z][A-Z0-9]{2,})(?![\w-])", listed or "")


def sentence_to_mission_parts(sentence: str, block: Block, marks: Landmarks) -> list[StatedChange]:
    """The merges and splits of missions one sentence states (codes that name an owner body are left out)."""
    out: list[StatedChange] = []
    mission = lambda code: bool(code) and not marks.is_owner_name(code)  # noqa: E731
    for pattern, how in _MISSION_MERGED:
        for m in pattern.finditer(sentence):
            groups = [g for g in m.groups() if g]
            if how == "into":
                if mission(groups[0]) and mission(groups[1]) and groups[0] != groups[1]:
                    out.append(_change("mission_merged", groups[0], groups[1], block, sentence))
                continue
            result = m.group(3) if pattern.groups >= 3 else None
            members = [m.group(1)] + (_codes(m.group(2)) if pattern is _MISSION_MERGED[0][0] else [m.group(2)])
            members = [c for c in dict.fromkeys(members) if mission(c) and c != result]
            if len(members) + (1 if result else 0) < 2:
                continue
            for code in members:
                out.append(_change("mission_merged", code, result, block, sentence))
    for m in _MISSION_SPLIT.finditer(sentence):
        parts = [c for c in dict.fromkeys(_codes(m.group(2))) if mission(c)]
        if mission(m.group(1)) and len(parts) >= 1 and parts != [m.group(1)]:
            for part in parts:
                out.append(_change("mission_split", m.group(1), part, block, sentence))
    return out


def _coded(refs):
    return [r for r in refs if r[1] is not None]


def _last_code(refs) -> str | None:
    return refs[-1][1] if refs else None


def _lead_in_kind(block: Block) -> StatedChangeKind | None:
    text = block.text.strip()
    if not text.endswith(":") or block.kind not in ("paragraph", "heading", "quote"):
        return None
    for kind, pattern in _LEAD_IN:
        if pattern.search(text):
            return kind
    return None


def blocks_to_stated_changes(
    blocks: list[Block],
    marks: Landmarks | None = None,
    cards: list[tuple[str, list[Block]]] = (),
    headings: list[tuple[str, str, str] | None] | None = None,
    lowered: list[str] | None = None,
) -> list[StatedChange]:
    """The changes the document states, in reading order, one per (kind, subject, target).

    `marks`: the landmarks of the document (the bundled profile's alone when None); `cards`: the code
    and body of each action card; `headings`: each block's card heading (`Landmarks.parse_action_heading`),
    read here when None; `lowered`: `caseless_texts(blocks)`, made here when None."""
    if marks is None:
        from ..profiles import load_profile

        marks = Landmarks(load_profile())
    action_references = marks.action_references
    leaving, leaving_needs = _leaving(marks.programme)
    if headings is None:
        headings = [marks.parse_action_heading(block.text) for block in blocks]
    card_of: dict[int, str] = {}
    for code, body in cards:
        for block in body:
            card_of[id(block)] = code
    changes: list[StatedChange] = []
    seen: set[tuple[str, str, str | None]] = set()

    def add(change: StatedChange) -> None:
        key = (change.kind, change.subject, change.target)
        if key not in seen:
            seen.add(key)
            changes.append(change)

    lowered_texts = caseless_texts(blocks) if lowered is None else lowered
    # a block holding none of the words the patterns need states no change in any sentence
    needy = _words_held(lowered_texts, _ANY_NEED)
    lead_kind: StatedChangeKind | None = None
    for index, (block, heading) in enumerate(zip(blocks, headings)):
        if block.kind == "table_row":
            continue
        text = block.text
        # items of a lead-in list ("les projets suivants quittent le programme :")
        kind = _lead_in_kind(block)
        if kind is not None:
            lead_kind = kind
            continue
        if lead_kind is not None and (block.kind == "heading" or is_heading_like(text) or heading):
            lead_kind = None
        if lead_kind is not None:
            refs = _coded(action_references(text))
            first_sentence = _sentences(text)[0][1] if text.strip() else ""
            if refs and (lead_kind != "action_added" or len(text) <= 200):
                if lead_kind != "action_refocused" or refs[0][2] < len(first_sentence):
                    add(_change(lead_kind, refs[0][1], None, block, _sentence_at(text, refs[0][2])))

        if index not in needy:
            continue
        lowered_text = lowered_texts[index]
        for offset, sentence in _sentences(text):
            lowered = lowered_text if sentence == text else _caseless(sentence)
            if not _holds_any(lowered, _ANY_NEED):
                continue  # no change pattern can match (each one also tests its own words below)
            named_here = None

            def refs_here() -> list:
                """The codes the sentence names: read once, and only for a sentence some pattern matches."""
                nonlocal named_here
                if named_here is None:
                    named_here = _coded(action_references(sentence))
                return named_here

            def refs_before(offset: int = offset) -> list:
                return _coded(action_references(text[:offset]))

            renamed_here: set[str] = set()
            for pattern, needs in _MISSION_RENAMED:
                if needs not in sentence:
                    continue
                for m in pattern.finditer(sentence):
                    if m.group(1) != m.group(2) and not (marks.is_owner_name(m.group(1)) or marks.is_owner_name(m.group(2))):
                        add(_change("mission_renamed", m.group(1), m.group(2), block, sentence))
                        renamed_here.update((m.group(1), m.group(2)))
            if any(word in sentence for word in _PART_WORDS):
                for change in sentence_to_mission_parts(sentence, block, marks):
                    add(change)
                    renamed_here.update(c for c in (change.subject, change.target) if c)
            renamings = _DIRECTORATE_RENAMED.finditer(sentence) if "deven" in sentence else ()  # the pattern needs "deven…"
            for m in renamings:
                pair = {m.group(1), m.group(2)}
                if m.group(1) != m.group(2) and not pair & (marks.missions | renamed_here):
                    add(_change("directorate_renamed", m.group(1), m.group(2), block, sentence))
            if _holds_any(lowered, _LEAVING_VERBS) and _holds_any(lowered, leaving_needs) and leaving.search(sentence):
                subject = refs_here()[0][1] if refs_here() else _last_code(refs_before())
                if subject:
                    add(_change("action_completed", subject, None, block, sentence))
            if _search(_ADDED, sentence, lowered) and refs_here() and not _search(_GIVES_BIRTH, sentence, lowered):
                add(_change("action_added", refs_here()[-1][1], None, block, sentence))
            if _search(_TRANSFORMED, sentence, lowered) and refs_here():
                subject = card_of.get(id(block)) or _last_code(refs_before())
                if subject and subject != refs_here()[-1][1]:
                    add(_change("action_transformed", subject, refs_here()[-1][1], block, sentence))
            if _search(_REFOCUSED, sentence, lowered):
                subject = refs_here()[0][1] if refs_here() else (_coded(action_references(text))[:1] or [(None, None)])[0][1]
                if subject:
                    add(_change("action_refocused", subject, None, block, sentence))
        birth = _search(_GIVES_BIRTH, text, lowered_text)
        if birth:
            before = _coded(action_references(text[: birth.start()]))
            after = _coded(action_references(text[birth.end():]))
            if before and after and before[0][1] != after[0][1]:
                quote = text[text.rfind(". ", 0, before[0][2]) + 2 if text.rfind(". ", 0, before[0][2]) >= 0 else 0:].strip()
                add(_change("action_transformed", before[0][1], after[0][1], block, quote))
    return changes
