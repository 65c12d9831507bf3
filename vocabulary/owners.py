"""A gazetteer of the French public bodies that own roadmap actions.

Each body has a canonical id, the display name used in reports, a kind, and the
ways it is printed (full names, acronyms, plural and former names). Matching
ignores case and accents; variants are written here as they appear in print.
Former names (DINSIC for DINUM) are listed in `former` so the owner can say
which name was printed; `codes.DIRECTORATE_ALIASES` holds the dated rename.

Ministries are keyed by their portfolio, not by the government's exact title of
the day: "Ministère de l'Économie et des Finances", "ministère de l'Économie,
des Finances et de la Relance", "ministères économiques et financiers" and
"Bercy" all name the same owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .codes import directorate_lineage

#: Earlier names of the DINUM (the acronyms come from the alias history in codes.py).
_FORMER_DINUM = tuple(sorted(directorate_lineage("DINUM") - {"DINUM"})) + (
    "direction interministérielle du numérique et du système d'information et de communication de l'État",
)


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str  # directorate / ministry / agency / service
    variants: tuple[str, ...]
    former: tuple[str, ...] = field(default=())


def _ministry(id: str, name: str, *portfolios: str, extra: tuple[str, ...] = ()) -> Body:
    """A ministry printed as 'Ministère de …', 'ministère des …' or with its portfolio alone after 'ministère'."""
    variants = [name]
    for portfolio in portfolios:
        variants.append(f"ministère {portfolio}")
        variants.append(f"ministères {portfolio}")
    return Body(id=id, name=name, kind="ministry", variants=tuple(variants) + extra)


BODIES: tuple[Body, ...] = (
    Body(
        "dinum",
        "DINUM",
        "directorate",
        ("DINUM", "direction interministérielle du numérique", *_FORMER_DINUM),
        former=_FORMER_DINUM,
    ),
    Body("ditp", "DITP", "directorate", ("DITP", "direction interministérielle de la transformation publique")),
    Body("dgafp", "DGAFP", "directorate", ("DGAFP", "direction générale de l'administration et de la fonction publique")),
    Body("dae", "DAE", "directorate", ("DAE", "direction des achats de l'État")),
    Body("db", "Direction du budget", "directorate", ("direction du budget",)),
    Body("dgfip", "DGFiP", "directorate", ("DGFiP", "direction générale des finances publiques")),
    Body("anct", "ANCT", "agency", ("ANCT", "agence nationale de la cohésion des territoires")),
    Body("anssi", "ANSSI", "agency", ("ANSSI", "agence nationale de la sécurité des systèmes d'information")),
    Body("ants", "ANTS", "agency", ("ANTS", "agence nationale des titres sécurisés")),
    Body("sgg", "SGG", "service", ("SGG", "secrétariat général du Gouvernement", "secrétaire générale du Gouvernement", "secrétaire général du Gouvernement")),
    Body("sig", "SIG", "service", ("SIG", "service d'information du Gouvernement")),
    Body("cnil", "CNIL", "agency", ("CNIL", "Commission nationale de l'informatique et des libertés")),
    Body("etalab", "Etalab", "service", ("Etalab", "Étalab")),
    Body("premier-ministre", "Services du Premier ministre", "service", ("services du Premier ministre", "Premier ministre", "Matignon")),
    _ministry(
        "min-economie",
        "Ministère de l'Économie et des Finances",
        "de l'Économie et des Finances",
        "de l'Économie, des Finances et de la Relance",
        "de l'Économie, des Finances et de la Souveraineté industrielle et numérique",
        "de l'Économie",
        "économiques et financiers",
        "économique et financier",
        extra=("Bercy", "MEF", "MINEFI", "ministère de l'Action et des Comptes publics"),
    ),
    _ministry("min-interieur", "Ministère de l'Intérieur", "de l'Intérieur", extra=("place Beauvau",)),
    _ministry("min-armees", "Ministère des Armées", "des Armées", extra=("ministère de la Défense",)),
    _ministry(
        "min-transition-ecologique",
        "Ministère de la Transition écologique",
        "de la Transition écologique",
        "de la Transition écologique et solidaire",
        "de la Transition écologique et de la Cohésion des territoires",
        "de l'Environnement",
    ),
    _ministry("min-culture", "Ministère de la Culture", "de la Culture"),
    _ministry(
        "min-agriculture",
        "Ministère de l'Agriculture",
        "de l'Agriculture",
        "de l'Agriculture et de l'Alimentation",
        "de l'Agriculture et de la Souveraineté alimentaire",
    ),
    _ministry("min-justice", "Ministère de la Justice", "de la Justice"),
    _ministry(
        "min-affaires-etrangeres",
        "Ministère de l'Europe et des Affaires étrangères",
        "de l'Europe et des Affaires étrangères",
        "des Affaires étrangères",
    ),
    _ministry(
        "min-education",
        "Ministère de l'Éducation nationale",
        "de l'Éducation nationale",
        "de l'Éducation nationale et de la Jeunesse",
        "de l'Éducation nationale, de la Jeunesse et des Sports",
    ),
    _ministry(
        "min-enseignement-superieur",
        "Ministère de l'Enseignement supérieur et de la Recherche",
        "de l'Enseignement supérieur et de la Recherche",
        "de l'Enseignement supérieur, de la Recherche et de l'Innovation",
        "de l'Enseignement supérieur",
    ),
    _ministry("min-sante", "Ministère des Solidarités et de la Santé", "des Solidarités et de la Santé", "de la Santé", "sociaux"),
    _ministry("min-travail", "Ministère du Travail", "du Travail", "du Travail, de l'Emploi et de l'Insertion"),
    _ministry(
        "min-cohesion-territoires",
        "Ministère de la Cohésion des territoires",
        "de la Cohésion des territoires",
        "de la Cohésion des territoires et des Relations avec les collectivités territoriales",
    ),
    _ministry(
        "min-transformation-fonction-publiques",
        "Ministère de la Transformation et de la Fonction publiques",
        "de la Transformation et de la Fonction publiques",
    ),
    _ministry("min-outre-mer", "Ministère des Outre-mer", "des Outre-mer"),
    _ministry("min-sports", "Ministère des Sports", "des Sports"),
    _ministry("min-mer", "Ministère de la Mer", "de la Mer"),
)


def _is_acronym(variant: str) -> bool:
    letters = variant.replace(".", "")
    return letters.isalpha() and len(letters) >= 3 and sum(c.isupper() for c in letters) >= len(letters) - 1


#: The acronyms of every body, current and former ("DINUM", "DINSIC", "DGFiP"): an owner line may open with one.
ACRONYMS: tuple[str, ...] = tuple(dict.fromkeys(v for body in BODIES for v in body.variants if _is_acronym(v)))
