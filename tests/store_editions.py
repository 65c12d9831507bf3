"""Fictitious editions for the store tests: the real mid-2020 edition edited by hand, rendered as brochure text.

Every file is named and labelled "fictitious"; each scenario edition records what was done to it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from editiondiff.schemas import Edition


def base_edition() -> Edition:
    from evaluation.score import base_edition as real

    return real()


def fictitious(base: Edition, n: int) -> Edition:
    edition = base.model_copy(deep=True)
    edition.id = f"fict-{n}"
    edition.label = f"Édition fictive n° {n} (jamais publiée), dérivée de « {base.label} »"
    edition.fictitious = True
    edition.stated_changes, edition.findings, edition.claim_checks, edition.chart = [], [], [], []
    for a in edition.actions:
        a.new = False
    return edition


def write(edition: Edition, folder: Path) -> Path:
    from evaluation.render.edition_text import edition_to_text

    path = folder / f"{edition.id}_fictitious.txt"
    path.write_text(edition_to_text(edition), encoding="utf-8")
    return path


def _drop(edition: Edition, code: str) -> None:
    edition.actions = [a for a in edition.actions if a.code != code]


def scenario(folder: Path) -> list[tuple[Path, str, dt.date]]:
    """Three fictitious editions: (file, edition id, publication date).

    fict-1: the mid-2020 cards unchanged.
    fict-2: ID2 dropped and ID3 printed ID2 in its place; LA1's deadline from 3rd quarter 2020 to 3rd quarter 2021
            (+12 months); LA3 retitled; DA5 missing (it comes back in fict-3); TA1, completed, gone (an exit);
            LA4 completed; IN6 moved to TRANSFO as TR6.
    fict-3: DA5 back; LA1's deadline to 1st quarter 2022 (+18 months since fict-1).
    """
    base = base_edition()
    one = fictitious(base, 1)
    two = fictitious(base, 2)
    _drop(two, "ID2")
    _drop(two, "DA5")
    _drop(two, "TA1")
    for a in two.actions:
        if a.code == "ID3":
            a.code, a.code_printed = "ID2", "ID 2"
        elif a.code == "LA1":
            a.deadlines_printed, a.deadlines = ["3e trimestre 2021"], []
        elif a.code == "LA3":
            a.title = "Service national de labellisation des produits"
        elif a.code == "LA4":
            a.completed, a.status, a.status_printed = True, "completed", "Objectif atteint ✓"
        elif a.code == "IN6":
            a.code, a.code_printed, a.mission = "TR6", "TR 6", "TRANSFO"
    moved = [a for a in two.actions if a.code == "TR6"]
    two.actions = [a for a in two.actions if a.code != "TR6"] + moved
    three = two.model_copy(deep=True)
    three.id, three.label = "fict-3", two.label.replace("n° 2", "n° 3")
    da5 = next(a for a in base.actions if a.code == "DA5").model_copy(deep=True)
    index = next(i for i, a in enumerate(three.actions) if a.code == "DA6")
    three.actions.insert(index, da5)
    for a in three.actions:
        if a.code == "LA1":
            a.deadlines_printed, a.deadlines = ["1er trimestre 2022"], []
    dates = [dt.date(2021, 1, 15), dt.date(2021, 6, 15), dt.date(2021, 12, 15)]
    return [(write(e, folder), e.id, d) for e, d in zip((one, two, three), dates)]


def small_series(folder: Path, count: int, *, missions: int = 3) -> list[Path]:
    """`count` small fictitious editions (the cards of the first missions of mid-2020), each printing its own
    edition phrase ("édition actualisée mi-2031"), so that one multi-file ingest stores them as different editions.
    Edition n moves the first dated card's deadline by n quarters."""
    base = base_edition()
    kept = {m.code for m in base.missions[:missions]}
    paths = []
    for n in range(1, count + 1):
        edition = fictitious(base, n)
        edition.label = f"Stratégie et feuille de route 2019-2022, édition actualisée mi-{2030 + n} (édition fictive n° {n}, jamais publiée)"
        edition.missions = [m for m in edition.missions if m.code in kept]
        edition.actions = [a for a in edition.actions if a.mission in kept]
        edition.indicators = None
        first = next(a for a in edition.actions if a.deadlines_printed)
        quarter = (2 + n) % 4 + 1
        first.deadlines_printed, first.deadlines = [f"{quarter}e trimestre {2020 + (2 + n) // 4}"], []
        path = folder / f"series-{n:03d}_fictitious.txt"
        from evaluation.render.edition_text import edition_to_text

        path.write_text(edition_to_text(edition), encoding="utf-8")
        paths.append(path)
    return paths


def twin_series(folder: Path, pattern: tuple[bool, ...]) -> list[tuple[Path, str, dt.date]]:
    """Fictitious editions printing LA3 and, in the editions `pattern` marks, a near-copy of it, LA9: (file, edition id, date)."""
    base = base_edition()
    twin = next(a for a in base.actions if a.code == "LA3").model_copy(deep=True)
    twin.code, twin.code_printed, twin.title = "LA9", "LA 9", twin.title + " nationale"
    series = []
    for n, with_twin in enumerate(pattern, start=1):
        edition = fictitious(base, n)
        edition.id = f"fict-twins-{n}"
        if with_twin:
            edition.actions = edition.actions + [twin.model_copy(deep=True)]
        series.append((write(edition, folder), edition.id, dt.date(2022, n, 1)))
    return series
