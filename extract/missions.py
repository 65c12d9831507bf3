"""Missions: mission sections, mission lists and axis names -> Missions.

* **mission section**: a mission code block ("ALPHA") followed within a few
  blocks by "OBJECTIF : …"; its headline, objective, description and progress
  report ("Où en est-on …").
* **mission lists** (web pages): "**ALPHA :** description" items under an axis
  heading, or codes in parentheses ("8 missions (ALPHA, BRAVO, …)", "… (Label)").
* **axis names**: the full axis headline a short chart label stands for.
"""

from __future__ import annotations

import re

from ..schemas.blocks import Block
from ..schemas.edition import Mission, Passage
from ..schemas.provenance import Provenance
from ..vocabulary.codes import canonical_mission_code
from ..vocabulary.text import fold
from .landmarks import Landmarks
from .phrases import is_heading_like


def mission_code_blocks(blocks: list[Block], marks: Landmarks, furniture: list[bool]) -> list[bool]:
    """`Landmarks.is_mission_code_block` of every block, in order (`furniture`: which blocks are page
    furniture, already read): read once for the recognisers that ask it of every block."""
    return [
        block.kind in ("paragraph", "heading") and not furniture[i] and marks.mission_code_of(block.text) is not None
        for i, block in enumerate(blocks)
    ]


def blocks_to_mission_sections(
    blocks: list[Block],
    used: set[int],
    marks: Landmarks,
    *,
    objective_window: int,
    furniture: list[bool],
    headings: list[tuple[str, str, str] | None],
    coded: list[bool] | None = None,
) -> tuple[list[Mission], dict[int, str], set[int]]:
    """Missions from their sections, the mission each block index stands in (`used` blocks are skipped),
    and the indices of the blocks the sections' own text takes (`furniture`: which blocks are page
    furniture; `headings`: each block's card heading, `Landmarks.parse_action_heading`; `coded`: which
    are mission code blocks, `mission_code_blocks`, read here when the caller has not read it)."""
    if coded is None:
        coded = mission_code_blocks(blocks, marks, furniture)
    missions: list[Mission] = []
    mission_at: dict[int, str] = {}
    taken: set[int] = set()
    n = len(blocks)
    starts: list[tuple[int, int, str]] = []  # (code index, objective index, code)
    for i, block in enumerate(blocks):
        if i in used or not coded[i]:
            continue
        for j in range(i + 1, min(n, i + 1 + objective_window)):
            if marks.objective_of(blocks[j].text):
                starts.append((i, j, marks.mission_code_of(block.text)))  # type: ignore[arg-type]
                break
    for number, (i, j, code) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else n
        name = blocks[i + 1].text.strip() if i + 1 < j else None
        description: list[str] = []
        progress: list[Passage] = []
        in_progress = False
        k = j + 1
        while k < end:
            block = blocks[k]
            mission_at[k] = code
            if headings[k]:
                break
            if furniture[k] or block.kind == "table_row":
                k += 1
                continue
            if block.kind == "paragraph" and is_heading_like(block.text):
                break
            if marks.is_progress_heading(block.text):
                in_progress = True
            elif in_progress:
                progress.append(Passage(text=block.text.strip(), provenance=block.provenance))
            else:
                description.append(block.text.strip())
            k += 1
        for m in range(k, end):
            mission_at[m] = code
        taken.update(x for x in range(i, k) if blocks[x].kind != "table_row")
        missions.append(
            Mission(
                code=canonical_mission_code(code),
                code_printed=code,
                name=name,
                objective=marks.objective_of(blocks[j].text),
                description=" ".join(description) or None,
                progress=progress,
                provenance=Provenance.span([blocks[x].provenance for x in range(i, j + 1)]),
            )
        )
    return missions, mission_at, taken


_MISSION_ITEM = re.compile(r"^([A-Z][A-Z0-9]{2,})\s*:\s*(.+)$")
_MISSION_PAREN = re.compile(r"\(([A-Z][A-Za-z]{3,})\)")


def blocks_to_mission_lists(blocks: list[Block], marks: Landmarks) -> list[Mission]:
    """Missions named in web pages: 'ALPHA : …' items, '8 missions (ALPHA, …)', '… (Label) ;' clauses."""
    missions: list[Mission] = []
    seen: set[str] = set()
    axis: str | None = None
    listing = re.compile(r"\b(?:\d+|[a-zé]+)\s+" + marks.mission_word() + r"\s*\(([^)]*)\)", re.IGNORECASE)
    for block in blocks:
        text = block.text.strip()
        if block.kind == "heading":
            axis = text if block.level and block.level >= 3 else None
            continue
        m = _MISSION_ITEM.match(text)
        if m and m.group(1) in marks.missions and m.group(1) not in seen:
            seen.add(m.group(1))
            missions.append(
                Mission(code=m.group(1), code_printed=m.group(1), axis=axis, description=m.group(2).strip(), provenance=block.provenance)
            )
            continue
        for lm in listing.finditer(text):
            for part in lm.group(1).split(","):
                code = part.strip()
                if code not in marks.missions:
                    continue
                if code not in seen:
                    seen.add(code)
                    missions.append(
                        Mission(code=code, code_printed=part.strip(), provenance=block.provenance.model_copy(update={"quote": lm.group(0)}))
                    )
        named = [w for w in _MISSION_PAREN.findall(text) if marks.is_code_word(w.upper()) and not marks.is_owner_name(w)]
        if marks.mentions_missions(text) and len(named) >= 2:
            sentences = re.split(r"(?<=\.)\s+", text)
            axis_sentence = sentences[0].strip() if sentences else None
            start = text.find(":") + 1 if ":" in text else 0
            for pm in _MISSION_PAREN.finditer(text):
                if pm.group(1) not in named:
                    continue
                code = canonical_mission_code(pm.group(1))
                clause_start = max(text.rfind(";", start, pm.start()), text.rfind(":", start - 1, pm.start())) + 1
                clause = text[clause_start: pm.start()].strip(" ;,")
                clause = re.sub(r"^(?:et\s+)?(?:de |d'|la |l'|le |les )?", "", clause).strip()
                start = pm.end()
                if code in seen:
                    continue
                seen.add(code)
                missions.append(
                    Mission(
                        code=code,
                        code_printed=pm.group(1),
                        axis=axis_sentence.rstrip("."),
                        description=clause or None,
                        provenance=block.provenance.model_copy(update={"quote": text[clause_start: pm.end()].strip()}),
                    )
                )
    return missions


def axis_candidates(blocks: list[Block]) -> list[str]:
    """Short unpunctuated headlines: where the full axis names are."""
    candidates = []
    for block in blocks:
        text = block.text.strip()
        if block.kind not in ("paragraph", "heading") or len(text) > 120 or text.endswith("."):
            continue
        candidates.append(text)
    return candidates


def axis_name(label: str, candidates: list[str], folded: dict[str, set[str]]) -> str:
    """The full axis headline a short chart label stands for ('PRODUITS et SERVICES' -> 'Des produits et des services …').

    `folded`: the folded words of the candidates compared so far, filled as they are needed.
    """
    words = {w for w in fold(label).split() if len(w) > 3}
    for text in candidates:
        if len(text) <= len(label):
            continue
        text_words = folded.get(text)
        if text_words is None:
            text_words = folded[text] = set(fold(text).split())
        if words and words <= text_words:
            return text
    return label


def merge_mission(into: Mission, other: Mission) -> None:
    """Fill what `into` lacks from `other` (the first source wins on conflicts)."""
    for name in ("name", "axis", "objective", "description"):
        if getattr(into, name) is None and getattr(other, name) is not None:
            setattr(into, name, getattr(other, name))
