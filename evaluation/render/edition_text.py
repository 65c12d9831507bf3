"""An Edition back into brochure text, in the conventions of seed 003.

What the text extractor reads: a mission page opens with its code on a line,
its headline, and "OBJECTIF : …"; a running header "- CODE -" and "Feuille de
route 2019-2022"; one card per action, "ACTION XX → Title", its goal, the
owner line introduced by ⬆️, steps as "- ➔ text" with their deadline printed
after a wide gap, card deadlines introduced by 📅, "Objectif atteint ✓" on
completed cards; the overview chart of all actions by mission with "(nouveau)"
and "✓"; the claimed counts in the edition's own sentence; the stated changes
in the edition's phrasing; the indicator table as tab-separated rows under a
header row.

Used to re-render perturbed editions (`evaluation.perturb`) so that
they go through the real extraction pipeline before being diffed. A
fictitious edition says so on its first lines.
"""

from __future__ import annotations

from editiondiff.schemas import Action, Edition, Mission

_NUMBERS = {1: "Une", 2: "Deux", 3: "Trois", 4: "Quatre", 5: "Cinq", 6: "Six", 7: "Sept", 8: "Huit", 9: "Neuf", 10: "Dix"}


def _printed(phrase: str) -> str:
    """Superscripts as the PDF text prints them ('1er' -> '1^{er}')."""
    import re

    return re.sub(r"\b(\d)(er|re|e|nd)\b", lambda m: f"{m.group(1)}^{{{m.group(2)}}}", phrase)


def _card(action: Action) -> list[str]:
    lines = [f"ACTION {action.code_printed} → {action.title}", ""]
    if action.status_printed or action.completed:
        lines += [action.status_printed or "Objectif atteint ✓", ""]
    if action.objective:
        lines += [action.objective, ""]
    if action.description:
        lines += [action.description, ""]
    for owner in action.owners_printed:
        lines += [f"⬆️ {owner}", ""]
    for step in action.steps:
        text = f"- ➔ {step.text}"
        if step.deadline_printed:
            text += f"  {_printed(step.deadline_printed)}"
        lines.append(text)
    if action.steps:
        lines.append("")
    for phrase in action.deadlines_printed:
        lines += [f"📅 {_printed(phrase)}", ""]
    for note in action.notes:
        lines += [f" {note}", ""]
    return lines


def _mission_page(mission: Mission, actions: list[Action], period: str) -> list[str]:
    lines = ["", mission.code_printed, ""]
    if mission.name:
        lines += [mission.name, ""]
    if mission.objective:
        lines += [f"OBJECTIF : {mission.objective}", ""]
    if mission.description:
        lines += [mission.description, ""]
    lines += [f"- {mission.code_printed} -", "", f"Feuille de route {period}", ""]
    for action in actions:
        lines += _card(action)
    return lines


def _stated(edition: Edition) -> list[str]:
    lines: list[str] = []
    renames = [s for s in edition.stated_changes if s.kind == "mission_renamed"]
    if renames:
        lines += ["Les repositionnements suivants ont été réalisés :", ""]
        for s in renames:
            lines += [f"La mission {s.subject} devient la **mission {s.target}** pour marquer l'évolution de ses projets.", ""]
    completed = [s for s in edition.stated_changes if s.kind == "action_completed"]
    if completed:
        lines += ["Achevés ou en fonctionnement désormais régulier,", "les projets suivants quittent le programme TECH.GOUV", "dans le courant de l'année :", ""]
        for s in completed:
            action = edition.action(s.subject)
            title = action.title if action else s.subject
            lines += [f"Le projet **{title}** ([action {action.code_printed if action else s.subject}](#)) est désormais achevé.", ""]
    added = [s for s in edition.stated_changes if s.kind == "action_added"]
    if added:
        count = _NUMBERS.get(len(added), str(len(added)))
        lines += [f"{count} nouvelle{'s' if len(added) > 1 else ''} action{'s' if len(added) > 1 else ''} intègre{'nt' if len(added) > 1 else ''} le programme TECH.GOUV :", ""]
        for s in added:
            action = edition.action(s.subject)
            if action is None:
                continue
            lines += [f"{action.title} au sein de la mission {action.mission} ([action {action.code_printed}](#))", ""]
    return lines


def _claims(edition: Edition) -> list[str]:
    claims = {c.kind: c.value for c in edition.claims}
    if "actions" not in claims:
        return []
    sentence = f"La feuille de route {edition.period or ''} comprend {claims['actions']} projets.".replace("  ", " ")
    parts = []
    if "completed" in claims:
        parts.append(f"{claims['completed']} sont désormais achevés")
    if "new" in claims:
        parts.append(f"{claims['new']} nouveaux font leur entrée en {edition.published.year if edition.published else ''}".rstrip())
    if parts:
        sentence += " Parmi eux, " + " et ".join(parts) + "."
    return [sentence, ""]


def _chart(edition: Edition) -> list[str]:
    lines = ["", "PRODUITS et SERVICES", ""]
    for mission in edition.missions:
        actions = [a for a in edition.actions if a.mission == mission.code]
        if not actions:
            continue
        lines += [mission.code_printed, ""]
        if mission.name:
            lines += [mission.name, ""]
        for a in actions:
            title = a.chart_title or a.title
            lines += [("(nouveau) " if a.new else "") + title + (" ✓" if a.completed else ""), ""]
    lines += ["✓ Objectif atteint pour ces actions, qui sortent du programme TECH.GOUV", ""]
    return lines


def _indicators(edition: Edition) -> list[str]:
    table = edition.indicators
    if table is None or not table.rows:
        return []
    lines = ["Indicateurs de pilotage", "", "TECH.GOUV", "", "\t\t" + "\t".join(table.columns)]
    previous = None
    for row in table.rows:
        cells = {c.column: c.raw for c in row.cells}
        head = row.mission if row.mission != previous else ""
        previous = row.mission
        lines.append("\t".join([head, row.label] + [_printed(cells.get(col, "")) for col in table.columns]))
    lines.append("")
    return lines


def edition_to_text(edition: Edition) -> str:
    """The edition as brochure text that the text extractor reads back."""
    period = edition.period or "2019-2022"
    lines = ["TECH.GOUV", "", "STRATÉGIE ET FEUILLE DE ROUTE", "", period, "", edition.label, ""]
    if edition.fictitious:
        lines += [
            "ÉDITION FICTIVE",
            "",
            "Ce document est une édition fictive générée automatiquement pour mesurer la comparaison d'éditions ; il n'a jamais été publié.",
            "",
        ]
    lines += ["Bilan du programme", ""]
    lines += _stated(edition)
    lines += ["MISSIONS ET ACTIONS DE TECH.GOUV", ""]
    lines += [f"Cadre d'action composé de {len(edition.missions)} missions, TECH.GOUV vise à faire progresser continuellement l'État numérique.", ""]
    lines += _claims(edition)
    for mission in edition.missions:
        lines += _mission_page(mission, [a for a in edition.actions if a.mission == mission.code], period)
    lines += _chart(edition)
    lines += _indicators(edition)
    lines += ["**DIRECTION INTERMINISTÉRIELLE", "DU NUMÉRIQUE**", ""]
    if edition.fictitious:
        lines += ["Édition fictive, jamais publiée.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
