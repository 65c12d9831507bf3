"""A Diff as a report: Markdown for a journalist (French by default), JSON for tools, CSV for spreadsheets.

The Markdown report groups changes by mission, the missions with the most
important changes first and, inside each, the most important change first;
every change quotes what stood before and after and where each stands in its
edition (source, page, lines). Then what the editions say about themselves,
reconciled with what was observed, and what could not be compared.

A pair that skips editions (`report --pair 2019 mi-2021`, or `diff 2019 mi-2021`
on the store) takes the mission renames, merges and splits the skipped editions
state as evidence, chained (`with_intermediate_statements`, `compare_skipping`).
"""

from __future__ import annotations

import csv
import io
from functools import lru_cache
from pathlib import Path
from typing import Literal

from ..escape import csv_cell, markdown_inline
from ..schemas import Edition, StatedChange
from ..schemas.diff import Change, Diff, StatedCheck
from ..diff.settings import DEFAULT_SETTINGS, DiffSettings
from ..audit.phrases import finding_text
from ..diff.phrases import phrase, phrase_to_text

TEMPLATES = Path(__file__).resolve().parent / "templates"

KIND_LABELS = {
    "fr": {
        "action_added": "Action ajoutée",
        "action_exited_completed": "Action achevée, sortie du programme",
        "action_completed": "Action désormais achevée",
        "action_dropped": "Action disparue sans être achevée",
        "action_retitled": "Action renommée",
        "action_recoded": "Action renumérotée",
        "action_moved": "Action déplacée dans une autre mission",
        "action_reworded": "Objectif d'action reformulé",
        "mission_added": "Mission ajoutée",
        "mission_removed": "Mission supprimée",
        "mission_renamed": "Mission renommée",
        "mission_reworded": "Mission reformulée",
        "mission_merged": "Mission fusionnée dans une autre",
        "mission_split": "Mission scindée",
        "deadline_changed": "Échéance modifiée",
        "status_changed": "État modifié",
        "owner_changed": "Pilote modifié",
        "step_added": "Étape ajoutée",
        "step_removed": "Étape supprimée",
        "step_changed": "Étape reformulée",
        "indicator_revised": "Valeur d'indicateur révisée",
        "indicator_added": "Indicateur ajouté",
        "indicator_removed": "Indicateur supprimé",
        "column_changed": "Colonne du tableau d'indicateurs modifiée",
    },
    "en": {
        "action_added": "Action added",
        "action_exited_completed": "Action completed and left the programme",
        "action_completed": "Action now completed",
        "action_dropped": "Action gone without being completed",
        "action_retitled": "Action retitled",
        "action_recoded": "Action renumbered",
        "action_moved": "Action moved to another mission",
        "action_reworded": "Action objective reworded",
        "mission_added": "Mission added",
        "mission_removed": "Mission removed",
        "mission_renamed": "Mission renamed",
        "mission_reworded": "Mission reworded",
        "mission_merged": "Mission merged into another",
        "mission_split": "Mission split",
        "deadline_changed": "Deadline changed",
        "status_changed": "Status changed",
        "owner_changed": "Owner changed",
        "step_added": "Step added",
        "step_removed": "Step removed",
        "step_changed": "Step reworded",
        "indicator_revised": "Indicator value revised",
        "indicator_added": "Indicator added",
        "indicator_removed": "Indicator removed",
        "column_changed": "Indicator table column changed",
    },
}

WORDS = {
    "fr": {
        "title": "Ce qui a changé entre deux éditions de la feuille de route TECH.GOUV",
        "from": "Ancienne édition", "to": "Nouvelle édition",
        "fictitious": "ÉDITION FICTIVE générée pour les tests : ce document n'a jamais été publié.",
        "summary": "En bref", "change": "changement", "changes": "changements", "none": "Aucun changement observé.",
        "level_missions": "Comparaison au niveau des missions seulement.",
        "mission": "Mission", "table": "Tableau des indicateurs", "other": "Autres",
        "before": "Avant", "after": "Après", "absent": "absent", "confidence": "confiance",
        "slip": "glissement", "months": "mois", "later": "plus tard", "earlier": "plus tôt",
        "stated": "Ce que disent les éditions, et ce que la comparaison observe",
        "agreements": "Concordances", "contradictions": "Contradictions", "unchecked": "Non vérifiable",
        "said": "Déclaré", "observed": "Observé", "not_compared": "Ce qui n'a pas pu être comparé",
        "matches": "Correspondances (missions, puis actions)", "score": "score", "evidence": "indices",
        "threshold": "seuil d'appariement", "where_old": "dans l'ancienne édition", "where_new": "dans la nouvelle édition",
        "column": "colonne", "colon": " : ", "sep": " ; ", "below": "ci-dessous", "lq": "« ", "rq": " »",
        # Edition labels and mission names are printed as they stand in a French report, quoted in another language.
        "title_lq": "", "title_rq": "",
        "step": "étape", "former": "ancienne",
        "edition_errors": "Erreurs relevées par l'audit des éditions (elles pèsent sur toute la comparaison)",
    },
    "en": {
        "title": "What changed between two editions of the TECH.GOUV roadmap",
        "from": "Older edition", "to": "Newer edition",
        "fictitious": "FICTITIOUS EDITION generated for testing: this document was never published.",
        "summary": "Summary", "change": "change", "changes": "changes", "none": "No change observed.",
        "level_missions": "Compared at mission level only.",
        "mission": "Mission", "table": "Indicator table", "other": "Other",
        "before": "Before", "after": "After", "absent": "absent", "confidence": "confidence",
        "slip": "slip", "months": "months", "later": "later", "earlier": "earlier",
        "stated": "What the editions say, and what the comparison observes",
        "agreements": "Agreements", "contradictions": "Contradictions", "unchecked": "Cannot be checked",
        "said": "Stated", "observed": "Observed", "not_compared": "What could not be compared",
        "matches": "Correspondences (missions, then actions)", "score": "score", "evidence": "evidence",
        "threshold": "match threshold", "where_old": "in the older edition", "where_new": "in the newer edition",
        "column": "column", "colon": ": ", "sep": "; ", "below": "below", "lq": "“", "rq": "”",
        "title_lq": "“", "title_rq": "”",
        "step": "step", "former": "old",
        "edition_errors": "Errors the audit found in the editions (they bear on the whole comparison)",
    },
}


@lru_cache(maxsize=None)
def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,
        finalize=markdown_inline,  # every value a document put in the report renders as text, never as markup
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


_PART_KINDS = ("mission_renamed", "mission_merged", "mission_split")


def with_intermediate_statements(old: Edition, new: Edition, between: list[Edition]) -> Edition:
    """`new` with the mission renames, merges and splits that the editions between `old` and `new` state, chained.

    A pair of editions that skips others (2019 -> mid-2021) cannot see a rename that only the skipped edition states:
    every intermediate edition's statements (and then the newer edition's own) are followed from the older edition's
    missions, X -> Y in one and Y -> Z in the next giving X -> Z, a merge or split anywhere on the way making the whole
    a merge or split. Each chain that goes through an intermediate edition is added to the newer edition's statements,
    its summary naming every edition and statement on the way and its evidence citing the last intermediate statement.
    """
    if not between:
        return new
    # old code -> list of (current code, [(edition id, statement)]), followed edition by edition
    chains: dict[str, list[tuple[str, list]]] = {m.code: [(m.code, [])] for m in old.missions}
    for edition in [*between, new]:
        steps: dict[str, list] = {}
        for s in edition.stated_changes:
            if s.kind in _PART_KINDS and s.target:
                steps.setdefault(s.subject, []).append(s)
        for code, ends in chains.items():
            followed = []
            for current, path in ends:
                moves = steps.get(current, [])
                if not moves:
                    followed.append((current, path))
                for s in moves:
                    followed.append((s.target, path + [(edition.id, s)]))
            seen, chains[code] = set(), []
            for current, path in followed:
                key = (current, tuple((e, s.kind, s.subject, s.target) for e, s in path))
                if key not in seen:
                    seen.add(key)
                    chains[code].append((current, path))
    stated = list(new.stated_changes)
    news = {m.code for m in new.missions}
    for code, ends in sorted(chains.items()):
        ends = [(c, p) for c, p in ends if p and c in news and any(e != new.id for e, _ in p)]
        if not ends:
            continue
        kinds = {s.kind for _, p in ends for _, s in p}
        targets = list(dict.fromkeys(c for c, _ in ends))
        if len(targets) > 1 or "mission_split" in kinds:
            kind = "mission_split"
        elif "mission_merged" in kinds:
            kind = "mission_merged"
        else:
            kind = "mission_renamed"
        if kind == "mission_renamed" and targets == [code]:
            continue  # renamed and renamed back: nothing to follow
        for target, path in ends:
            summary = " ; ".join(f"{e} : {s.summary}" for e, s in path)
            last = next(s for e, s in reversed(path) if e != new.id)
            quote = " → ".join(f"{e}: {s.evidence.quote}" for e, s in path)
            evidence = last.evidence.model_copy(update={"quote": quote})
            if all((c.kind, c.subject, c.target) != (kind, code, target) for c in stated):
                stated.append(StatedChange(kind=kind, subject=code, target=target, summary=summary, evidence=evidence))
    return new.model_copy(update={"stated_changes": stated})


def compare_skipping(old: Edition, new: Edition, between: list[Edition], *, settings: DiffSettings = DEFAULT_SETTINGS) -> Diff:
    """The diff of `old` -> `new` when the editions `between` (oldest first) come between them: their mission
    statements chained as evidence, and the newer edition's counts since its predecessor left unchecked."""
    from ..pipeline import compare

    return skipping_pair_checks(compare(old, with_intermediate_statements(old, new, between), settings=settings), between)


#: Checks of counts an edition gives since its predecessor ("38 projets dont 3 nouveaux"): about another pair when editions are skipped.
_COUNTED_SINCE_PREDECESSOR = ("claims_total_and_new", "claims_new", "claims_completed")


def skipping_pair_checks(diff: Diff, between: list[Edition]) -> Diff:
    """`diff` of a pair that skips `between`: the newer edition's counts since its predecessor are not checked against the older edition.

    "43 projets dont 5 nouveaux" counts from the edition just before; compared with an older one, it would read as a
    contradiction that is only the skipped editions' changes. Such checks become unchecked, saying which edition they count from.
    """
    if not between:
        return diff

    def about_predecessor(check: StatedCheck) -> bool:
        return check.statement_phrase.code in _COUNTED_SINCE_PREDECESSOR

    moved = [c.model_copy(update={"agrees": None, "observed_phrase": phrase("counted_since_skipped", new=diff.new, previous=between[-1].id, old=diff.old)})
             for c in diff.agreements + diff.contradictions if about_predecessor(c)]
    if not moved:
        return diff
    return diff.model_copy(update={
        "agreements": [c for c in diff.agreements if not about_predecessor(c)],
        "contradictions": [c for c in diff.contradictions if not about_predecessor(c)],
        "unchecked": diff.unchecked + moved,
    })


def _short(text: str | None, limit: int = 240) -> str | None:
    if text is None:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def mission_groups(diff: Diff, new: Edition, old: Edition) -> list[tuple[str | None, str, list[Change]]]:
    """(mission code, heading, changes) with the most important missions first, changes by importance."""
    names = {m.code: (m.name or m.description or "") for m in old.missions}
    names.update({m.code: (m.name or m.description or "") for m in new.missions})
    groups: dict[str | None, list[Change]] = {}
    for change in diff.changes:
        groups.setdefault(change.mission, []).append(change)
    ordered = sorted(groups.items(), key=lambda kv: (-max(c.importance for c in kv[1]), kv[0] is None, kv[0] or ""))
    result = []
    for code, changes in ordered:
        changes = sorted(changes, key=lambda c: (-c.importance, c.kind, subject_label(c, "fr")))
        result.append((code, names.get(code or "", ""), changes))
    return result


def subject_label(change: Change, lang: str, *, quote_printed: bool = True) -> str:
    """The change's subject for a reader of `lang`: a code, "AB1 étape 2" / "AB1 step 2", or the label the editions print.

    A label the editions print (an indicator, a column header) is quoted when the report is not in their language.
    """
    w = WORDS[lang]
    s = change.subject
    if s.type in ("indicator", "column"):
        label = s.label or ""
        return f"{w['title_lq']}{label}{w['title_rq']}" if quote_printed and lang != "fr" else label
    if s.type == "step":
        return f"{s.action_code} {w['step']} {s.step}" + (f" ({w['former']})" if s.step_of == "old" else "")
    return s.head


class _Sentences:
    """The diff's sentences in one language, worded from their phrases."""

    def __init__(self, lang: str):
        self.lang = lang

    def statement(self, check: StatedCheck) -> str:
        return phrase_to_text(check.statement_phrase, self.lang)

    def observed(self, check: StatedCheck) -> str:
        return phrase_to_text(check.observed_phrase, self.lang)

    def notes(self, diff: Diff) -> list[str]:
        return [phrase_to_text(p, self.lang) for p in diff.not_compared_phrases]


def _markdown(diff: Diff, old: Edition, new: Edition, lang: str) -> str:
    template = _environment().get_template("pair.md.j2")
    counts: dict[str, int] = {}
    for c in diff.changes:
        counts[c.kind] = counts.get(c.kind, 0) + 1
    summary = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    sentences = _Sentences(lang)
    checks = {id(s): (sentences.statement(s), sentences.observed(s)) for s in diff.agreements + diff.contradictions + diff.unchecked}
    notes = sentences.notes(diff)
    return template.render(
        diff=diff, old=old, new=new, w=WORDS[lang], kinds=KIND_LABELS[lang], lang=lang,
        groups=mission_groups(diff, new, old), summary=summary, short=_short,
        number=lambda x: (f"{x:.2f}".replace(".", ",") if lang == "fr" else f"{x:.2f}"),
        subject=lambda c: subject_label(c, lang), said=lambda s: checks[id(s)][0], seen=lambda s: checks[id(s)][1],
        worded=lambda e: finding_text(e.code, e.params, e.message, lang),
        notes=notes,
    )


CSV_COLUMNS = [
    "mission", "kind", "subject", "before", "after", "slip_months", "confidence", "importance",
    "old_where", "new_where", "old_quote", "new_quote",
]


def _csv(diff: Diff, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for c in diff.changes:
        writer.writerow([
            csv_cell(c.mission), c.kind, csv_cell(subject_label(c, lang, quote_printed=False)), csv_cell(c.before), csv_cell(c.after),
            "" if c.detail.get("slip_months") is None else c.detail["slip_months"],
            f"{c.confidence:.4f}", c.importance,
            csv_cell(c.old.where()) if c.old else "", csv_cell(c.new.where()) if c.new else "",
            csv_cell(_short(c.old.quote, 500)) if c.old else "", csv_cell(_short(c.new.quote, 500)) if c.new else "",
        ])
    return out.getvalue()


def render_report(diff: Diff, old: Edition, new: Edition, *, fmt: Literal["md", "json", "csv"], lang: Literal["fr", "en"] = "fr") -> str:
    """The diff in the requested format (JSON follows the `Diff` schema)."""
    if fmt == "json":
        from ..schemas.registry import dump_json

        return dump_json(diff)
    if fmt == "csv":
        return _csv(diff, lang)
    if fmt == "md":
        return _markdown(diff, old, new, lang)
    raise ValueError(f"unknown report format: {fmt!r}")
