"""Missions of two editions matched one to one.

Evidence, strongest first: the same code; an earlier code the edition records
as the mission's alias; a rename the editions state themselves ("La mission X
devient la mission Y"); then what the missions say
(name, objective, description, compared only when both editions print that
field) and the overlap of their actions (same code or same title). The
assignment is one-to-one (`assignment.assign`) and pairs under the mission
threshold are left unmatched.

Then merges and splits, which a one-to-one assignment cannot express, from
evidence only (`missions_to_parts`): an old mission whose cards (found by
title, code or objective) stand for the most part in a new mission that also
holds the bulk of another old mission's cards went into it (merged); an old
mission whose cards are divided between two or more new missions, each made
mostly of its cards, was split. A merge or split the editions state ("Les
missions X et Y fusionnent", "La mission X est scindée en Y et Z", "X rejoint
la mission Y") or the user's concordance gives (several old codes -> one new
code, one old code -> several) is evidence as well, and enough on its own
when the editions list no cards. A mission merged or split is neither removed
nor added: the old mission leaves `unmatched_old`, the new missions it went
into leave `unmatched_new`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from ..assignment import assign, best_rival, rival_fields
from ..schemas import Edition, Mission
from ..schemas.diff import Match
from ..schemas.provenance import Provenance
from .settings import DiffSettings
from .similarity import match_key, text_similarity

_TEXT_FIELDS = ("name", "objective", "description")


@dataclass
class MissionMerge:
    """An old mission that went into a mission of the newer edition, beside other old missions."""

    old: str
    into: str
    merged_with: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    share: float | None = None
    statements: list[Provenance] = field(default_factory=list)


@dataclass
class MissionSplit:
    """An old mission divided between two or more missions of the newer edition."""

    old: str
    into: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    shares: dict[str, float] = field(default_factory=dict)
    statements: list[Provenance] = field(default_factory=list)


@dataclass
class MissionMatching:
    """Which mission of the older edition is which mission of the newer one."""

    new_of_old: dict[str, str] = field(default_factory=dict)
    matches: list[Match] = field(default_factory=list)
    unmatched_old: list[Mission] = field(default_factory=list)
    unmatched_new: list[Mission] = field(default_factory=list)
    merges: list[MissionMerge] = field(default_factory=list)
    splits: list[MissionSplit] = field(default_factory=list)

    def old_of_new(self) -> dict[str, str]:
        return {n: o for o, n in self.new_of_old.items()}

    def successors(self, old_code: str) -> set[str]:
        """Every new mission an old mission's cards may stand in without having moved: its match, what it merged into, its parts."""
        homes = {self.new_of_old[old_code]} if old_code in self.new_of_old else set()
        homes |= {m.into for m in self.merges if m.old == old_code}
        homes |= {code for s in self.splits if s.old == old_code for code in s.into}
        return homes

    def card_homes(self) -> dict[str, str]:
        """Old mission code -> the new code its cards are compared under: its match, else the mission it merged into."""
        homes = {m.old: m.into for m in self.merges}
        homes.update(self.new_of_old)
        return homes


def stated_renames(old: Edition, new: Edition) -> dict[str, str]:
    """Old mission code -> new code, as either edition states it."""
    renames = {}
    for edition in (old, new):
        for change in edition.stated_changes:
            if change.kind == "mission_renamed" and change.target:
                renames[change.subject] = change.target
    return renames


def stated_parts(old: Edition, new: Edition) -> tuple[dict[str, tuple[str, list[Provenance]]], dict[str, tuple[list[str], list[Provenance]]]]:
    """Merges (old code -> (new code, where stated)) and splits (old code -> (new codes, where stated)) that either edition states.

    Only what the two editions can bear is kept: the old mission in the older edition, the mission(s) it went into in the
    newer one. A merge that names no result ("Les missions X et Y fusionnent") goes into whichever of the missions it names
    the newer edition still lists.
    """
    olds, news = {m.code for m in old.missions}, {m.code for m in new.missions}
    merges: dict[str, tuple[str, list[Provenance]]] = {}
    splits: dict[str, tuple[list[str], list[Provenance]]] = {}
    statements = [s for e in (old, new) for s in e.stated_changes if s.kind in ("mission_merged", "mission_split")]
    groups: dict[str, list[str]] = {}
    for s in statements:
        if s.kind == "mission_merged" and s.target is None:
            groups.setdefault(s.evidence.quote, []).append(s.subject)
    for s in statements:
        if s.subject not in olds:
            continue
        if s.kind == "mission_merged":
            target = s.target
            if target is None:
                present = [c for c in groups.get(s.evidence.quote, []) if c in news]
                target = present[0] if len(present) == 1 else None
            if target and target in news and target != s.subject:
                into, where = merges.get(s.subject, (target, []))
                if into == target:
                    merges[s.subject] = (target, where + [s.evidence])
        elif s.kind == "mission_split" and s.target in news:
            into, where = splits.get(s.subject, ([], []))
            splits[s.subject] = (into + [s.target] if s.target not in into else into, where + ([s.evidence] if s.evidence not in where else []))
    return merges, {code: v for code, v in splits.items() if len(v[0]) >= 2 or (len(v[0]) == 1 and v[0][0] != code)}


def cards_to_homes(old: Edition, new: Edition) -> tuple[dict[str, Counter], Counter, Counter]:
    """Where the cards of each old mission stand in the newer edition.

    (old mission -> Counter(new mission -> cards found there), cards of each old mission, cards of each new mission found
    in the older edition). A card is found by its title, else its code, else its objective (each a key the newer edition
    prints once).
    """
    def unique(pairs):
        seen: dict[str, str | None] = {}
        for key, mission in pairs:
            if key:
                seen[key] = mission if key not in seen else None
        return {k: v for k, v in seen.items() if v is not None}

    by_title = unique((match_key(a.title), a.mission) for a in new.actions)
    by_code = unique((a.code, a.mission) for a in new.actions)
    by_objective = unique((match_key(a.objective), a.mission) for a in new.actions)
    homes: dict[str, Counter] = {}
    totals: Counter = Counter()
    found: Counter = Counter()
    for a in old.actions:
        totals[a.mission] += 1
        home = by_title.get(match_key(a.title)) or by_code.get(a.code) or by_objective.get(match_key(a.objective))
        if home is not None:
            homes.setdefault(a.mission, Counter())[home] += 1
            found[home] += 1
    return homes, totals, found


def missions_to_parts(old: Edition, new: Edition, result: MissionMatching, settings: DiffSettings) -> None:
    """The merges and splits of `result` (its one-to-one matching done), from the cards and from what is stated; in place."""
    olds = {m.code for m in old.missions}
    news = {m.code for m in new.missions}
    old_of_new = result.old_of_new()
    stated_merges, stated_splits = stated_parts(old, new)
    merges: dict[str, MissionMerge] = {}
    splits: dict[str, MissionSplit] = {}
    if old.level == "actions" and new.level == "actions":
        homes, totals, found = cards_to_homes(old, new)

        def holds(a: str, n: str, share: float) -> bool:
            count = homes.get(a, Counter())[n]
            return totals[a] > 0 and count >= min(settings.mission_part_cards, totals[a]) and count / totals[a] >= share

        # Splits: an old mission whose cards are divided between two or more new missions. One that lives on (matched)
        # keeps its match as a part, and a part beside it is a mission matched to none, made mostly of its cards (cards
        # going into a mission that continues another old one are moves); one that is gone may be divided between any.
        for a in sorted(olds):
            if not totals[a]:
                continue
            own = result.new_of_old.get(a)
            parts = []
            for n, count in sorted(homes.get(a, Counter()).items()):
                if n == own:
                    parts.append(n)
                elif own is None and holds(a, n, settings.mission_split_share):
                    parts.append(n)
                elif n not in old_of_new and holds(a, n, settings.mission_split_share) and count >= 0.5 * found[n]:
                    parts.append(n)
            if len(parts) >= 2:
                splits[a] = MissionSplit(old=a, into=parts, evidence=["actions"],
                                         shares={n: round(homes[a][n] / totals[a], 4) for n in parts})
        # Merges: a new mission holding the bulk of two or more old missions (an old mission split is not merged).
        for n in sorted(news):
            bulk = [a for a in sorted(olds) if holds(a, n, settings.mission_merge_share)]
            if len(bulk) < 2:
                continue
            continuing = old_of_new.get(n)
            for a in bulk:
                if a == continuing or a in result.new_of_old or a in splits:  # the one it continues, or one that lives on or was split
                    continue
                others = ([continuing] if continuing in bulk else []) + [b for b in bulk if b not in (a, continuing)]
                merges[a] = MissionMerge(old=a, into=n, merged_with=others, evidence=["actions"], share=round(homes[a][n] / totals[a], 4))
    for a, (into, where) in sorted(stated_merges.items()):
        if a in result.new_of_old and result.new_of_old[a] != into:
            continue  # the old mission lives on as another: the statement is checked, not followed
        if a in merges and merges[a].into == into:
            merges[a].evidence.append("stated")
            merges[a].statements += where
        elif a not in merges and a not in result.new_of_old:
            with_ = [old_of_new[into]] if into in old_of_new else []
            with_ += [b for b, (t, _) in sorted(stated_merges.items()) if t == into and b not in (a, *with_)]
            merges[a] = MissionMerge(old=a, into=into, merged_with=with_, evidence=["stated"], statements=list(where))
            splits.pop(a, None)
    for a, (into, where) in sorted(stated_splits.items()):
        if a in merges and "stated" in merges[a].evidence:
            continue
        own = result.new_of_old.get(a)
        parts = sorted(set(into) | ({own} if own else set()))
        if own is not None and any(p in old_of_new and old_of_new[p] != a for p in parts if p != own):
            continue  # a mission that lives on, giving cards to one that continues another: moves; the statement is checked
        if a in splits:
            split = splits[a]
            split.evidence.append("stated")
            split.statements += where
            split.into = sorted(set(split.into) | set(parts))
        elif len(parts) >= 2:
            splits[a] = MissionSplit(old=a, into=parts, evidence=["stated"], statements=list(where))
        if a in splits:
            merges.pop(a, None)  # what the cards suggest gives way to what is stated
    result.merges = [merges[a] for a in sorted(merges)]
    result.splits = [splits[a] for a in sorted(splits)]
    gone = set(merges) | set(splits)
    went = {m.into for m in merges.values()} | {n for s in splits.values() for n in s.into}
    result.unmatched_old = [m for m in result.unmatched_old if m.code not in gone]
    result.unmatched_new = [m for m in result.unmatched_new if m.code not in went]


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
        rival = best_rival(scores, i, j)
        result.matches.append(Match(old=olds[i].code, new=news[j].code, score=round(score, 4), evidence=evidence, similarities=sims,
                                    **rival_fields(score, None if rival is None else (news[rival[0]].code, rival[1]))))
        matched_old.add(i)
        matched_new.add(j)
    result.unmatched_old = [m for i, m in enumerate(olds) if i not in matched_old]
    result.unmatched_new = [m for j, m in enumerate(news) if j not in matched_new]
    missions_to_parts(old, new, result, settings)
    return result
