"""Actions of two editions matched one to one, with a confidence and evidence.

Every candidate pair gets a score from five fields:

    content = weighted mean of title, objective and steps similarity
              (over the fields both cards print; rapidfuzz token_sort_ratio on match keys,
              token_set for steps, and for objectives of full sentences the better of the two),
              raised to the objective-and-steps similarity alone when that is at least body_agree
              (a rewritten title on an unchanged card), or to the title-and-steps similarity when
              both are (an objective rewritten on an unchanged card),
              lowered to the objective-and-steps similarity when that is under body_disagree
              (a title alone, "Bilan de « X »", does not make two cards one)
    score   = content_weight * content
            + code_weight    * [same canonical code, and content >= code_gate
                                or one of title, objective, steps >= agree_at
                                or same owner and deadline lines with a body that does not disagree]
            + mission_weight * [same mission, after mission matching]

so that an action that keeps its code and changes its title, keeps its title
and changes its code, or moves to another mission with a new code is still
found, while a reused code on unrelated content is not trusted. The one-to-one
assignment is `assignment.assign` (the Hungarian method) on the score matrix;
pairs under the threshold are not matches. Before any fuzzy scoring, cards
whose title, objective and steps are identical and unique on both sides are
paired whatever their codes (two cards swapping codes stay themselves).

Large editions are blocked: pairs within the same (matched) mission are scored
and assigned first, then every action left over on either side is scored
against every leftover of the other side, which is where moves are found.
Small editions (the real ones) are scored on the full matrix.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from ..assignment import assign, best_rival, rival_fields
from ..schemas import Action
from ..schemas.diff import Match
from .settings import DiffSettings
from .similarity import equality_matrix, folded, match_key, similarity_matrix

_CONTENT_FIELDS = ("title", "objective", "steps")


@dataclass(frozen=True)
class ActionKeys:
    """What the matcher compares of one card."""

    code: str
    mission: str
    title: str
    objective: str
    steps: str
    #: Owner lines and card deadline phrases, folded ('' when the card prints none).
    facts: str = ""


def action_keys(action: Action, mission: str | None = None) -> ActionKeys:
    """Comparison keys of a card; `mission` overrides its mission (an old mission mapped to its new code)."""
    return ActionKeys(
        code=action.code,
        mission=mission or action.mission,
        title=match_key(action.chart_title if not action.title and action.chart_title else action.title),
        objective=match_key(action.objective),
        steps=" ".join(match_key(s.text) for s in action.steps),
        facts=" | ".join(folded(x) for x in action.owners_printed + action.deadlines_printed),
    )


@dataclass
class ActionMatching:
    """Pairs (index in old, index in new, score) and what is left on each side."""

    pairs: list[tuple[int, int, float]] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    unmatched_old: list[int] = field(default_factory=list)
    unmatched_new: list[int] = field(default_factory=list)
    #: For unmatched cards, the best score any candidate reached (how close a match came).
    best_old: dict[int, float] = field(default_factory=dict)
    best_new: dict[int, float] = field(default_factory=dict)
    blocked: bool = False
    pairs_scored: int = 0


@dataclass
class _Scored:
    score: np.ndarray
    parts: dict[str, np.ndarray]


def _long(keys: list[str], settings: DiffSettings) -> np.ndarray:
    """Which match keys are full sentences (enough words to stand on their own)."""
    return np.fromiter((len(k.split()) >= settings.sentence_words for k in keys), dtype=bool, count=len(keys))


def score_matrix(old: list[ActionKeys], new: list[ActionKeys], settings: DiffSettings) -> _Scored:
    """Match scores of every (old, new) pair, and the per-field similarities behind them."""
    weights = {"title": settings.title_weight, "objective": settings.objective_weight, "steps": settings.steps_weight}
    scorers = {"title": fuzz.token_sort_ratio, "objective": fuzz.token_sort_ratio, "steps": fuzz.token_set_ratio}
    parts: dict[str, np.ndarray] = {}
    num = np.zeros((len(old), len(new)), dtype=np.float32)
    den = np.zeros_like(num)
    for name in _CONTENT_FIELDS:
        left, right = [getattr(k, name) for k in old], [getattr(k, name) for k in new]
        sims = similarity_matrix(left, right, scorer=scorers[name], workers=settings.workers)
        if name == "objective":
            # An objective reworded with a sentence added keeps its words but not its length:
            # token_set sees the words kept (0.86-0.96 on such rewordings), token_sort the reordering.
            # Only between full sentences: two or three words of a short objective quoted in
            # another card's would make a subset, which token_set scores as equal.
            sets = similarity_matrix(left, right, scorer=fuzz.token_set_ratio, workers=settings.workers)
            sentence = _long(left, settings)[:, None] & _long(right, settings)[None, :]
            sims = np.where(sentence, np.fmax(sims, sets), sims)
        parts[name] = sims
        present = ~np.isnan(sims)
        num += np.where(present, sims, 0.0) * weights[name]
        den += present * weights[name]
    content = np.divide(num, den, out=np.zeros_like(num), where=den > 0)
    # A card whose objective and steps are (nearly) unchanged is the same card even if its
    # title was rewritten: that body then counts as the content on its own.
    # Where either card has no steps, an objective of a full sentence (six words or more) stands alone.
    o, st = parts["objective"], parts["steps"]
    has_o, has_st = ~np.isnan(o), ~np.isnan(st)
    w_o, w_st = has_o * weights["objective"], has_st * weights["steps"]
    body = np.divide(np.nan_to_num(o) * w_o + np.nan_to_num(st) * w_st, w_o + w_st, out=np.zeros_like(num), where=(w_o + w_st) > 0)
    long_o = _long([k.objective for k in old], settings)[:, None] & _long([k.objective for k in new], settings)[None, :]
    strong = (body >= settings.body_agree) & has_o & (has_st | long_o)
    content = np.where(strong, np.maximum(content, body), content)
    # Likewise a card keeping its title and its steps is the same card even if its objective was rewritten.
    t = parts["title"]
    title_steps = (np.nan_to_num(t) >= settings.body_agree) & (np.nan_to_num(st) >= settings.body_agree)
    w_t = weights["title"]
    content = np.where(title_steps, np.maximum(content, (np.nan_to_num(t) * w_t + np.nan_to_num(st) * weights["steps"]) / (w_t + weights["steps"])), content)
    # But a title alone does not make two cards one: where the objective and steps the cards both print
    # disagree, the content is no more alike than they are ("Bilan de « X »" added where X was dropped).
    has_body = (w_o + w_st) > 0
    content = np.where(has_body & (body < settings.body_disagree), np.minimum(content, body), content).astype(np.float32)
    code = equality_matrix([k.code for k in old], [k.code for k in new])
    mission = equality_matrix([k.mission for k in old], [k.mission for k in new])
    # The code counts when the content is alike overall, or when one field plainly agrees.
    any_field = np.fmax(np.fmax(parts["title"], parts["objective"]), parts["steps"])
    # Or when the card keeps its owner and deadlines and its objective and steps do not contradict it
    # (a title and an objective both reworded on an unchanged card).
    facts = equality_matrix([k.facts or "\0old" for k in old], [k.facts or "\0new" for k in new])
    kept = (facts > 0) & has_body & (body >= settings.body_disagree)
    gated = code * ((content >= settings.code_gate) | (np.nan_to_num(any_field) >= settings.agree_at) | kept)
    parts.update(content=content, code=code, mission=mission)
    score = settings.content_weight * content + settings.code_weight * gated + settings.mission_weight * mission
    return _Scored(score=score, parts=parts)


def _evidence(scored: _Scored, i: int, j: int, settings: DiffSettings) -> tuple[list[str], dict[str, float]]:
    sims = {}
    evidence = []
    for name in ("code", "title", "objective", "steps", "mission"):
        value = float(scored.parts[name][i, j])
        if np.isnan(value):
            continue
        sims[name] = round(value, 4)
        if value >= settings.agree_at:
            evidence.append(name)
    return evidence, sims


def actions_to_matches(
    old_actions: list[Action],
    new_actions: list[Action],
    new_mission_of_old: dict[str, str],
    settings: DiffSettings,
    *,
    threshold: float,
) -> ActionMatching:
    """One-to-one matching of cards; old missions are compared under their new codes."""
    old_keys = [action_keys(a, new_mission_of_old.get(a.mission)) for a in old_actions]
    new_keys = [action_keys(a) for a in new_actions]
    return keys_to_matches(old_keys, new_keys, settings, threshold=threshold)


def _exact_pairs(old_keys: list[ActionKeys], new_keys: list[ActionKeys], settings: DiffSettings, threshold: float) -> list[tuple]:
    """Cards whose title, objective and steps are identical, and unique on both sides: matched without fuzzy scoring.

    The cheap first pass for large editions: most cards do not change between
    editions, and a card whose whole content is unchanged is its own best
    match whatever its code or mission became (that is how moves stay found).
    """
    def content(k: ActionKeys) -> tuple[str, str, str]:
        return (k.title, k.objective, k.steps)

    old_index: dict[tuple, list[int]] = defaultdict(list)
    new_index: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(old_keys):
        if k.title:
            old_index[content(k)].append(i)
    for j, k in enumerate(new_keys):
        if k.title:
            new_index[content(k)].append(j)
    pairs = []
    for key, olds in old_index.items():
        news = new_index.get(key)
        if len(olds) != 1 or not news or len(news) != 1:
            continue
        i, j = olds[0], news[0]
        code = float(old_keys[i].code == new_keys[j].code)
        mission = float(old_keys[i].mission == new_keys[j].mission)
        score = settings.content_weight + settings.code_weight * code + settings.mission_weight * mission
        if score < threshold:
            continue
        sims = {"code": code, "title": 1.0}
        sims.update({name: 1.0 for name in ("objective", "steps") if getattr(old_keys[i], name)})
        sims["mission"] = mission
        evidence = [name for name, value in sims.items() if value >= settings.agree_at]
        pairs.append((i, j, score, evidence, sims, None))
    return pairs


def _named(rival: tuple[int, float] | None, keys: list[ActionKeys]) -> tuple[str, float] | None:
    return None if rival is None else (keys[rival[0]].code, rival[1])


def keys_to_matches(old_keys: list[ActionKeys], new_keys: list[ActionKeys], settings: DiffSettings, *, threshold: float) -> ActionMatching:
    """The matching itself, on comparison keys (what the benchmark drives directly)."""
    result = ActionMatching()
    best_old = np.zeros(len(old_keys), dtype=np.float32)
    best_new = np.zeros(len(new_keys), dtype=np.float32)
    found: list[tuple] = []

    def run(old_idx: list[int], new_idx: list[int]) -> None:
        if not old_idx or not new_idx:
            return
        scored = score_matrix([old_keys[i] for i in old_idx], [new_keys[j] for j in new_idx], settings)
        result.pairs_scored += len(old_idx) * len(new_idx)
        np.maximum.at(best_old, old_idx, scored.score.max(axis=1))
        np.maximum.at(best_new, new_idx, scored.score.max(axis=0))
        for i, j, s in assign(scored.score, threshold):
            evidence, sims = _evidence(scored, i, j, settings)
            rival = best_rival(scored.score, i, j)
            found.append((old_idx[i], new_idx[j], s, evidence, sims, None if rival is None else (new_keys[new_idx[rival[0]]].code, rival[1])))

    all_old, all_new = list(range(len(old_keys))), list(range(len(new_keys)))
    if settings.exact_first:
        found.extend(_exact_pairs(old_keys, new_keys, settings, threshold))
    if len(old_keys) * len(new_keys) > settings.block_above_pairs:
        result.blocked = True
        exact_old = {f[0] for f in found}
        exact_new = {f[1] for f in found}
        blocks: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        for i, k in enumerate(old_keys):
            if i not in exact_old:
                blocks[k.mission][0].append(i)
        for j, k in enumerate(new_keys):
            if j not in exact_new:
                blocks[k.mission][1].append(j)
        for mission in sorted(blocks):
            run(*blocks[mission])
        taken_old = {f[0] for f in found}
        taken_new = {f[1] for f in found}
        run([i for i in all_old if i not in taken_old], [j for j in all_new if j not in taken_new])
    else:
        exact_old, exact_new = {f[0] for f in found}, {f[1] for f in found}
        if found:
            # Small editions: an unchanged card's best rival is still worth showing (how clearly it won).
            rows = score_matrix([old_keys[f[0]] for f in found], new_keys, settings).score
            found = [f[:5] + (_named(best_rival(rows, r, f[1]), new_keys),) for r, f in enumerate(found)]
        run([i for i in all_old if i not in exact_old], [j for j in all_new if j not in exact_new])

    found.sort(key=lambda f: (f[0], f[1]))
    taken_old = {f[0] for f in found}
    taken_new = {f[1] for f in found}
    for i, j, s, evidence, sims, rival in found:
        result.pairs.append((i, j, s))
        result.matches.append(Match(old=old_keys[i].code, new=new_keys[j].code, score=round(s, 4), evidence=evidence, similarities=sims,
                                    **rival_fields(s, rival)))
    result.unmatched_old = [i for i in all_old if i not in taken_old]
    result.unmatched_new = [j for j in all_new if j not in taken_new]
    result.best_old = {i: float(best_old[i]) for i in result.unmatched_old}
    result.best_new = {j: float(best_new[j]) for j in result.unmatched_new}
    return result
