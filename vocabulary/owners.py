"""The public bodies that own roadmap actions, as the owner vocabulary every stage reads.

The bodies themselves are data: the profile's ``[[owners]]`` tables
(`editiondiff.profiles`), each with its canonical id, the display name used in
reports, a kind, the ways it is printed (full names, acronyms, plural forms),
its former names (DINSIC for DINUM) and the source that establishes them.
Matching ignores case and accents.

Ministries are keyed by their portfolio, not by the government's exact title of
the day: "Ministère de l'Économie et des Finances", "ministères économiques et
financiers" and "Bercy" all name the same owner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..profiles import Profile


@dataclass(frozen=True)
class Body:
    id: str
    name: str
    kind: str  # directorate / ministry / agency / service
    variants: tuple[str, ...]
    former: tuple[str, ...] = field(default=())
    source: str = ""


def bodies_of(profile: Profile) -> tuple[Body, ...]:
    """The owner bodies a profile declares; every printed form, former names last."""
    return tuple(
        Body(id=o.id, name=o.name, kind=o.kind, variants=o.variants + o.former, former=o.former, source=o.source) for o in profile.owners
    )


def _is_acronym(variant: str) -> bool:
    letters = variant.replace(".", "")
    return letters.isalpha() and len(letters) >= 3 and sum(c.isupper() for c in letters) >= len(letters) - 1


def acronyms_of(bodies: tuple[Body, ...]) -> tuple[str, ...]:
    """The acronyms of every body, current and former ("DINUM", "DINSIC", "DGFiP"): an owner line may open with one."""
    return tuple(dict.fromkeys(v for body in bodies for v in body.variants if _is_acronym(v)))


#: Words that label an owner line when no icon does ("Porteur : …", "Pilotes : …"), folded.
OWNER_LABELS: tuple[str, ...] = ("porteur", "porteurs", "pilote", "pilotes", "pilotage", "responsable", "responsables", "chef de file", "chefs de file")
#: Words a public organisation's name opens with ("Direction générale …", "Agence nationale …"), folded.
ORGANISATION_WORDS: tuple[str, ...] = (
    "direction", "directions", "agence", "agences", "ministere", "ministeres", "secretariat", "delegation",
    "prefecture", "prefectures", "inspection", "autorite", "institut", "caisse", "haut-commissariat", "commissariat",
    "operateur", "operateurs", "etablissement", "etablissements", "collectivites", "administrations",
)
#: The longest owner line read by its words alone (longer is prose).
OWNER_MAX_WORDS = 14
