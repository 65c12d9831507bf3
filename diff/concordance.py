"""A concordance given by the user: old code -> new code, each with the source that says so.

    # concordance.toml
    [[codes]]
    old = "ABC"
    new = "XYZ"
    source = "Arrêté du 3 mars 2021, article 2"

A mission code pair becomes a stated mission rename of the newer edition, an
action code pair a stated transformation; several old mission codes given one
new code are a merge (each old one stated merged into it), one old mission
code given several new codes a split (one statement per part). The diff weighs
them like the editions' own statements and the report cites the file and the
source.
"""

from __future__ import annotations

from collections import defaultdict

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError
from ..schemas import Edition, StatedChange
from ..schemas.provenance import Provenance


class CodePair(BaseModel):
    model_config = ConfigDict(extra="forbid")

    old: str
    new: str
    source: str


class Concordance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    codes: list[CodePair] = []


def load_concordance(path: Path) -> tuple[str, Concordance]:
    """(file name, concordance) from a TOML file; a bad file raises InputError naming it."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return path.name, Concordance.model_validate(data)
    except FileNotFoundError:
        raise InputError(path, "concordance file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(path, f"concordance is not readable TOML ({exc})") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        raise InputError(path, f"not a valid concordance: {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


def with_concordance(old: Edition, new: Edition, name: str, concordance: Concordance) -> Edition:
    """`new` with every pair of the concordance added to its stated changes, cited as '<file>: <source>'."""
    missions_old, missions_new = {m.code for m in old.missions}, {m.code for m in new.missions}
    stated = list(new.stated_changes)
    def is_mission(pair) -> bool:
        return pair.old in missions_old or pair.new in missions_new

    mission_pairs = [p for p in concordance.codes if is_mission(p)]
    olds_of: dict[str, set[str]] = defaultdict(set)  # new mission code -> the old codes that become it
    news_of: dict[str, set[str]] = defaultdict(set)  # old mission code -> the new codes it becomes
    for p in mission_pairs:
        olds_of[p.new].add(p.old)
        news_of[p.old].add(p.new)
    for pair in concordance.codes:
        if is_mission(pair) and len(news_of[pair.old]) > 1:
            kind, summary = "mission_split", f"La mission {pair.old} est scindée ; l'une de ses parties est la mission {pair.new}"
        elif is_mission(pair) and len(olds_of[pair.new]) > 1:
            kind, summary = "mission_merged", f"La mission {pair.old} fusionne dans la mission {pair.new}"
        elif is_mission(pair):
            kind, summary = "mission_renamed", f"La mission {pair.old} devient la mission {pair.new}"
        else:
            kind, summary = "action_transformed", f"L'action {pair.old} devient l'action {pair.new}"
        if kind == "mission_merged" and pair.old == pair.new:
            continue  # the mission the others merge into, keeping its code
        quote = f"{pair.old} → {pair.new} ({pair.source})"
        evidence = Provenance(source=f"{name}: {pair.source}", quote=quote)  # the report cites where() = the file and its source
        change = StatedChange(kind=kind, subject=pair.old, target=pair.new, summary=summary, evidence=evidence)
        if all((c.kind, c.subject, c.target) != (kind, pair.old, pair.new) for c in stated):
            stated.append(change)
    # An alias says the new mission is the old one under another code: true of a rename, not of a merge or a split.
    renamed = [p for p in mission_pairs if len(olds_of[p.new]) == 1 and len(news_of[p.old]) == 1]
    missions = [m.model_copy(update={"aliases": m.aliases + [p.old for p in renamed if p.new == m.code and p.old not in m.aliases]})
                for m in new.missions]
    return new.model_copy(update={"stated_changes": stated, "missions": missions})
