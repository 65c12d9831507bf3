"""The normalize stage: typed values added beside the raw text of an extracted Edition.

`normalize_edition` fills, from what extraction printed,
    Action.deadlines      from Action.deadlines_printed   (phrase_to_deadline)
    Step.deadline         from Step.deadline_printed      (phrase_to_deadline)
    Action.owners         from Action.owners_printed      (line_to_owners)
    IndicatorCell.value   from IndicatorCell.raw          (cell_to_value)
and leaves every printed string as it was. Phrases without a year take the
edition's year (`context_year`). Same Edition in, byte-identical JSON out.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ..schemas import Edition
from ..vocabulary.deadlines import phrase_to_deadline
from .indicators import cell_to_value

if TYPE_CHECKING:
    from ..profiles import Profile
    from ..settings import NormalizeSettings


def context_year(edition: Edition) -> int | None:
    """The year a yearless phrase belongs to: the publication year, else the year
    in the edition id ('mi-2020'), else the first year of the period ('2019-2022')."""
    if edition.published is not None:
        return edition.published.year
    for text in (edition.id, edition.period or ""):
        m = re.search(r"(?:19|20)\d{2}", text)
        if m:
            return int(m.group(0))
    return None


def normalize_edition(edition: Edition, *, settings: NormalizeSettings | None = None, profile: Profile | None = None) -> Edition:
    """A copy of `edition` with its deadlines, owners and indicator values filled in (owners against the profile's bodies)."""
    year = settings.context_year if settings is not None and settings.context_year is not None else context_year(edition)
    result = edition.model_copy(deep=True)
    owner_lines = [line for action in result.actions for line in action.owners_printed]
    if owner_lines:
        from ..vocabulary.owners import bodies_of
        from .owners import line_to_owners

        bodies = bodies_of(profile) if profile is not None else None

        for action in result.actions:
            owners, seen = [], set()
            for line in action.owners_printed:
                for owner in line_to_owners(line, bodies):
                    if (owner.id, owner.qualifier) not in seen:
                        seen.add((owner.id, owner.qualifier))
                        owners.append(owner)
            action.owners = owners
    for action in result.actions:
        action.deadlines = [phrase_to_deadline(phrase, context_year=year) for phrase in action.deadlines_printed]
        for step in action.steps:
            if step.deadline_printed is not None and step.deadline_printed.strip():
                step.deadline = phrase_to_deadline(step.deadline_printed, context_year=year)
    if result.indicators is not None:
        for row in result.indicators.rows:
            for cell in row.cells:
                cell.value = cell_to_value(cell.raw)
    return result
