"""Missions of two editions matched one to one.

Evidence, strongest first: the same code; an earlier code the edition records
as the mission's alias; a rename the editions state themselves ("La mission X
devient la mission Y"); then what the missions say
(name, objective, description, compared only when both editions print that
field) and the overlap of their actions (same code or same title). The
assignment is one-to-one (`assignment.assign`) and pairs under the mission
threshold are left unmatched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from ..assignment import assign
from ..schemas import Edition, Mission
from ..schemas.diff import Match
from .settings import DiffSettings
from .similarity import match_key, text_similarity

_TEXT_FIELDS = ("name", "objective", "description")


@dataclass
class MissionMatching:
    """Which mission of the older edition is which mission of the newer one."""

    new_of_old: dict[str, str] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    unmatched_old: list[Mission] = field(default_factory=list)
    unmatched_new: list[Mission] = field(default_factory=list)

    def old_of_new(self) -> dict[str, str]:
        return {n: o for o, n in self.new_of_old.items()}


def stated_renames(old: Edition, new: Edition) -> dict[str, str]:
    """Old mission code -> new code, as either edition states it."""
    renames = {}
    for edition in (old, new):
        for change in edition.stated_changes:
            if change.kind == "mission_renamed" and change.target:
                renames[change.subject] = change.target
    return renames


def _action_keys(edition: Edition, mission: str) -> tuple[set[str], set[str]]:
    actions = [a for a in edition.actions if a.mission == mission]
    return {a.code for a in actions}, {match_key(a.title) for a in actions}


def _pair_score(o: Mission, n: Mission, keys_o: tuple[set[str], set[str]] | None, keys_n: tuple[set[str], set[str]] | None, renames: dict[str, str]) -> tuple[float, list[str], dict[str, float]]:
    evidence: list[str] = []
    sims: dict[str, float] = {}
    if o.code == n.code:
        evidence.append("code")
    elif o.code in n.aliases or n.code in o.aliases:
        evidence.append("alias")
    if renames.get(o.code) == n.code:
        evidence.append("stated")
    parts = []
    for name in _TEXT_FIELDS:
        a, b = getattr(o, name), getattr(n, name)
        if a and b:
            sims[name] = round(text_similarity(a, b, scorer=fuzz.token_set_ratio), 4)
            parts.append(sims[name])
            if sims[name] >= 0.8:
                evidence.append(name)
    text = float(np.mean(parts)) if parts else None
    overlap = None
    if keys_o is not None and keys_n is not None:
        codes_o, titles_o = keys_o
        codes_n, titles_n = keys_n
        if codes_o and codes_n:
            shared = max(len(codes_o & codes_n), len(titles_o & titles_n))
            overlap = shared / min(len(codes_o), len(codes_n))
            sims["actions"] = round(overlap, 4)
            if overlap >= 0.5:
                evidence.append("actions")
    content_parts = [p for p in (text, overlap) if p is not None]
    content = float(np.mean(content_parts)) if content_parts else None
    if {"code", "alias", "stated"} & set(evidence):
        score = 0.7 + 0.3 * (content if content is not None else 1.0)
    else:
        score = content if content is not None else 0.0
    return score, evidence, sims


def missions_to_matches(old: Edition, new: Edition, settings: DiffSettings) -> MissionMatching:
    """One-to-one matching of the missions of `old` and `new`."""
    renames = stated_renames(old, new)
    olds, news = old.missions, new.missions
    result = MissionMatching()
    if not olds or not news:
        result.unmatched_old, result.unmatched_new = list(olds), list(news)
        return result
    scores = np.zeros((len(olds), len(news)))
    details = {}
    cards = old.level == "actions" and new.level == "actions"
    keys_o = [_action_keys(old, o.code) if cards else None for o in olds]
    keys_n = [_action_keys(new, n.code) if cards else None for n in news]
    for i, o in enumerate(olds):
        for j, n in enumerate(news):
            score, evidence, sims = _pair_score(o, n, keys_o[i], keys_n[j], renames)
            scores[i, j] = score
            details[i, j] = (evidence, sims)
    matched_old, matched_new = set(), set()
    for i, j, score in assign(scores, settings.mission_threshold):
        evidence, sims = details[i, j]
        result.new_of_old[olds[i].code] = news[j].code
        result.matches.append(Match(old=olds[i].code, new=news[j].code, score=round(score, 4), evidence=evidence, similarities=sims))
        matched_old.add(i)
        matched_new.add(j)
    result.unmatched_old = [m for i, m in enumerate(olds) if i not in matched_old]
    result.unmatched_new = [m for j, m in enumerate(news) if j not in matched_new]
    return result
