"""What the editions say about their own changes, reconciled with what the diff observed.

The newer edition states changes since its predecessor (a mission renamed,
actions added, "(nouveau)" marks, an action transformed or refocused, claimed
counts); the older edition announces departures ("les projets suivants quittent
le programme"). Each statement becomes a `StatedCheck`: an agreement, a
contradiction, or unchecked when the editions are not known at the level the
statement is about (the 2019 and mid-2021 web pages list missions, not cards).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..schemas import Claim, Edition
from ..schemas.diff import Change, StatedCheck
from .actions import ActionMatching
from .missions import MissionMatching


@dataclass
class StatedResult:
    agreements: list[StatedCheck] = field(default_factory=list)
    contradictions: list[StatedCheck] = field(default_factory=list)
    unchecked: list[StatedCheck] = field(default_factory=list)

    def add(self, check: StatedCheck) -> None:
        {True: self.agreements, False: self.contradictions, None: self.unchecked}[check.agrees].append(check)


def _claim(edition: Edition, kind: str) -> Claim | None:
    return next((c for c in edition.claims if c.kind == kind), None)


def stated_checks(old: Edition, new: Edition, changes: list[Change], missions: MissionMatching, actions: ActionMatching | None) -> StatedResult:
    result = StatedResult()
    cards = old.level == "actions" and new.level == "actions"
    by_kind: dict[str, dict[str, Change]] = {}
    for c in changes:
        by_kind.setdefault(c.kind, {})[c.subject] = c
    added = by_kind.get("action_added", {})
    matched_new_to_old = {m.new: m.old for m in actions.matches} if actions else {}
    matched_old_to_new = {m.old: m.new for m in actions.matches} if actions else {}
    old_level_note = f"l'édition {old.id} n'est connue qu'au niveau des missions" if old.level == "missions" else None
    new_level_note = f"l'édition {new.id} n'est connue qu'au niveau des missions" if new.level == "missions" else None

    for s in new.stated_changes:
        if s.kind == "mission_renamed":
            target = missions.new_of_old.get(s.subject)
            if old.mission(s.subject) is None:
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence,
                                       observed=f"l'édition {old.id} n'a pas de mission {s.subject}"))
            elif target == s.target:
                o, n = old.mission(s.subject), new.mission(target)
                result.add(StatedCheck(statement=s.summary, agrees=True, evidence=s.evidence, observed_at=[o.provenance, n.provenance],
                                       observed=f"mission {s.subject} de {old.id} appariée à {target} de {new.id}"))
            else:
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence,
                                       observed=f"mission {s.subject} appariée à {target or 'aucune mission'} de {new.id}"))
        elif s.kind == "action_added":
            if not cards:
                result.add(StatedCheck(statement=s.summary, agrees=None, evidence=s.evidence,
                                       observed=f"non vérifiable : {old_level_note or new_level_note}"))
            elif s.subject in added:
                result.add(StatedCheck(statement=s.summary, agrees=True, evidence=s.evidence, observed_at=[added[s.subject].new],
                                       observed=f"action {s.subject} absente de {old.id}, ajoutée dans {new.id}"))
            else:
                prior = matched_new_to_old.get(s.subject)
                observed = f"action {s.subject} appariée à l'action {prior} de {old.id}" if prior else f"action {s.subject} introuvable dans {new.id}"
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence, observed=observed))
        elif s.kind == "action_completed":
            a = new.action(s.subject)
            if new.level != "actions":
                result.add(StatedCheck(statement=s.summary, agrees=None, evidence=s.evidence, observed=f"non vérifiable : {new_level_note}"))
            elif a is None:
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence, observed=f"pas de fiche {s.subject} dans {new.id}"))
            else:
                result.add(StatedCheck(statement=s.summary, agrees=bool(a.completed), evidence=s.evidence, observed_at=[a.provenance],
                                       observed=f"fiche {s.subject} {'marquée' if a.completed else 'non marquée'} « objectif atteint » dans {new.id}"))
        elif s.kind == "action_transformed":
            if new.level != "actions":
                result.add(StatedCheck(statement=s.summary, agrees=None, evidence=s.evidence, observed=f"non vérifiable : {new_level_note}"))
                continue
            src, dst = new.action(s.subject), new.action(s.target or "")
            if dst is None:
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence, observed=f"pas de fiche {s.target} dans {new.id}"))
            elif src is not None and not src.completed:
                result.add(StatedCheck(statement=s.summary, agrees=False, evidence=s.evidence, observed_at=[src.provenance, dst.provenance],
                                       observed=f"{s.subject} reste active dans {new.id} à côté de {s.target}"))
            else:
                where = [dst.provenance] + ([src.provenance] if src else [])
                result.add(StatedCheck(statement=s.summary, agrees=True, evidence=s.evidence, observed_at=where,
                                       observed=f"{s.target} présente dans {new.id}; {s.subject} {'achevée' if src else 'absente'}"))
        elif s.kind == "action_refocused":
            if not cards:
                result.add(StatedCheck(statement=s.summary, agrees=None, evidence=s.evidence,
                                       observed=f"non vérifiable : {old_level_note or new_level_note}"))
                continue
            mine = [c for c in changes if c.subject.split(" ")[0] == s.subject and c.kind not in ("action_added",)]
            observed = ", ".join(sorted({c.kind for c in mine})) or "aucun changement observé sur la fiche"
            result.add(StatedCheck(statement=s.summary, agrees=bool(mine), evidence=s.evidence,
                                   observed_at=[c.new for c in mine if c.new][:3], observed=observed))
        else:
            result.add(StatedCheck(statement=s.summary, agrees=None, evidence=s.evidence,
                                   observed="hors du champ de la comparaison (pas un élément de la feuille de route)"))

    # Departures announced by the older edition.
    for s in old.stated_changes:
        if s.kind != "action_completed":
            continue
        if new.level != "actions" or old.level != "actions":
            result.add(StatedCheck(statement=f"{old.id} annonce : {s.summary}", agrees=None, evidence=s.evidence,
                                   observed=f"non vérifiable : {new_level_note or old_level_note}"))
            continue
        exit_ = by_kind.get("action_exited_completed", {}).get(s.subject)
        if exit_:
            result.add(StatedCheck(statement=f"{old.id} annonce : {s.summary}", agrees=True, evidence=s.evidence, observed_at=[p for p in (exit_.old,) if p],
                                   observed=f"action {s.subject} absente de {new.id}"))
        else:
            still = matched_old_to_new.get(s.subject)
            result.add(StatedCheck(statement=f"{old.id} annonce : {s.summary}", agrees=False, evidence=s.evidence,
                                   observed=f"action {s.subject} toujours présente dans {new.id} ({still})" if still else f"action {s.subject} non retrouvée comme sortie"))

    # "(nouveau)" marks against observed additions.
    if cards:
        for a in new.actions:
            if a.new and a.code not in added:
                result.add(StatedCheck(statement=f"{a.code} marquée « (nouveau) »", agrees=False, evidence=a.provenance,
                                       observed=f"appariée à l'action {matched_new_to_old.get(a.code)} de {old.id}"))
            elif a.new:
                result.add(StatedCheck(statement=f"{a.code} marquée « (nouveau) »", agrees=True, evidence=a.provenance, observed="ajout observé"))
        for code, c in sorted(added.items()):
            a = new.action(code)
            if a is not None and not a.new:
                result.add(StatedCheck(statement=f"{code} ajoutée sans marque « (nouveau) »", agrees=False, evidence=a.provenance,
                                       observed=f"aucune action de {old.id} ne lui correspond (meilleur score {1 - c.confidence:.2f})"))

    _claims_checks(old, new, by_kind, cards, result)
    return result


def _claims_checks(old: Edition, new: Edition, by_kind: dict[str, dict[str, Change]], cards: bool, result: StatedResult) -> None:
    total_o, total_n, new_n = _claim(old, "actions"), _claim(new, "actions"), _claim(new, "new")
    if total_o and total_n and new_n:
        expected = total_o.value + new_n.value
        agrees = expected == total_n.value
        result.add(StatedCheck(
            statement=f"{new.id} annonce {total_n.value} projets dont {new_n.value} nouveaux",
            agrees=agrees, evidence=total_n.provenance, observed_at=[total_o.provenance, new_n.provenance],
            observed=f"{old.id} en annonçait {total_o.value} ; {total_o.value} + {new_n.value} = {expected}"
            + ("" if agrees else f", pas {total_n.value}"),
        ))
    if new_n:
        if cards:
            observed = len(by_kind.get("action_added", {}))
            result.add(StatedCheck(statement=f"{new.id} annonce {new_n.value} nouvelles actions", agrees=observed == new_n.value,
                                   evidence=new_n.provenance, observed_at=[c.new for c in by_kind.get("action_added", {}).values() if c.new],
                                   observed=f"{observed} actions ajoutées observées"))
        else:
            result.add(StatedCheck(statement=f"{new.id} annonce {new_n.value} nouvelles actions", agrees=None, evidence=new_n.provenance,
                                   observed="non vérifiable : " + (f"l'édition {old.id}" if old.level == "missions" else f"l'édition {new.id}")
                                   + " n'est connue qu'au niveau des missions"))
    done_n, done_o = _claim(new, "completed"), _claim(old, "completed")
    if done_n and done_o and not cards:
        result.add(StatedCheck(
            statement=f"{new.id} annonce {done_n.value} projets achevés", agrees=None, evidence=done_n.provenance,
            observed_at=[done_o.provenance],
            observed=f"{old.id} en annonçait {done_o.value} : {done_n.value - done_o.value} de plus, non vérifiable fiche par fiche "
            + ("(une des éditions n'est connue qu'au niveau des missions)"),
        ))
    if done_n and cards:
        exits = len(by_kind.get("action_exited_completed", {}))
        newly = len(by_kind.get("action_completed", {}))
        marked = sum(1 for a in new.actions if a.completed)
        result.add(StatedCheck(statement=f"{new.id} annonce {done_n.value} projets achevés", agrees=marked == done_n.value,
                               evidence=done_n.provenance,
                               observed=f"{marked} fiches marquées achevées dans {new.id}, dont {newly} nouvellement ; {exits} actions achevées sorties depuis {old.id}"))


