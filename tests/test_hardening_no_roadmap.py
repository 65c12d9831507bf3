"""Issue 10, row 17 (and issue 9): a document that is no roadmap is refused with exit 3, never an empty edition.

A small French municipal action plan written here (objectives and measures in
prose and a table, count sentences « quatre axes prioritaires », « 14 actions »,
no cards), as text, markdown and PDF; and every file of ../shared/pdfs-wild,
read from there (skipped when absent).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from editiondiff.cli import main

PLAN = """Plan d'action communal pour les mobilités douces 2024-2026

Document fictif rédigé pour les tests : il n'est pas une feuille de route TECH.GOUV.

Le plan compte 14 actions et 3 missions. La commune s'est fixé quatre axes prioritaires pour développer le vélo, la marche et les transports partagés d'ici 2026.

Axe 1 : sécuriser les trajets à pied autour des écoles
Objectif : réduire de moitié le nombre de traversées dangereuses signalées par les parents d'élèves.
Mesure : élargir les trottoirs de la rue des Tilleuls et installer deux plateaux ralentisseurs avant la rentrée 2025.

Axe 2 : relier les quartiers par des pistes cyclables continues
Objectif : 12 kilomètres de pistes séparées de la circulation automobile.
Mesure : créer une liaison entre la gare et la zone d'activités, financée à 40 % par le département.

Axe 3 : développer le covoiturage domicile-travail
Mesure : ouvrir trois aires de covoiturage aux entrées de la ville, fin 2025.

Axe 4 : évaluer et concerter
Le comité de suivi se réunira deux fois par an ; le bilan sera présenté au conseil municipal en 2026.

Indicateur\tValeur 2023\tCible 2026
Part modale du vélo\t3 %\t8 %
Kilomètres de pistes\t4\t16
Aires de covoiturage\t0\t3
"""


def _wild_folder() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "pdfs-wild"
        if candidate.is_dir():
            return candidate
    return None


WILD = _wild_folder()
WILD_FILES = sorted(p for p in WILD.iterdir() if p.is_file() and p.name not in ("README.md", "SHA256SUMS")) if WILD else []


def _extract(path: Path):
    result = CliRunner().invoke(main, ["extract", str(path), "-o", str(path.with_suffix(".out.json"))])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    assert not path.with_suffix(".out.json").exists()
    return result.exit_code, lines[0]


def _plan_pdf(path: Path) -> None:
    import pymupdf

    doc = pymupdf.open()
    lines = PLAN.replace("\t", "    ").splitlines()
    for start in range(0, len(lines), 40):
        page = doc.new_page()
        y = 60
        for line in lines[start:start + 40]:
            page.insert_text((50, y), line, fontsize=9)
            y += 14
    doc.set_metadata({"title": "Plan d'action fictif (tests)", "producer": "editiondiff tests"})
    doc.save(path)


@pytest.mark.parametrize("form", ["text", "markdown", "pdf"])
def test_french_action_plan_with_count_sentences_is_no_roadmap_exit_3(tmp_path, form):
    path = tmp_path / f"plan-mobilites-fictif.{ {'text': 'txt', 'markdown': 'md', 'pdf': 'pdf'}[form] }"
    if form == "text":
        path.write_text(PLAN, encoding="utf-8")
    elif form == "markdown":
        body = PLAN.replace("Axe ", "## Axe ").replace("Indicateur\t", "| Indicateur | ").replace("\t", " | ")
        path.write_text(f"---\ntitle: Plan d'action communal (fictif)\n---\n# {body}", encoding="utf-8")
    else:
        _plan_pdf(path)
    code, line = _extract(path)
    assert code == 3, line
    assert line.startswith(f"editiondiff: {path}: ") and line.endswith("no roadmap structure found")
    assert "count sentences alone" in line


@pytest.mark.skipif(WILD is None, reason="the shared wild PDF folder (../shared/pdfs-wild) is absent")
@pytest.mark.parametrize("path", WILD_FILES, ids=[p.name for p in WILD_FILES])
def test_wild_file_is_refused_exit_2_or_no_roadmap_exit_3(path, tmp_path):
    copy = tmp_path / path.name
    copy.write_bytes(path.read_bytes())
    code, line = _extract(copy)
    assert code in (2, 3), line
    if code == 3:
        assert line.endswith("no roadmap structure found")
    readable_pdf = copy.suffix == ".pdf" and copy.stat().st_size and path.name not in ("password-example.pdf", "malformed-from-issue-932.pdf")
    if readable_pdf:
        assert code == 3, line
