"""Profiles: what the project knows about one family of roadmaps, as data, used as hints.

    profile = load_profile()                  # the bundled TECH.GOUV profile
    profile = load_profile(Path("my.toml"))   # another producer's
    build_edition(paths, profile=profile)

A profile never lists what may exist: missions, code prefixes and owners are
discovered from each edition, and the profile only helps where an edition is
silent. `Profile.without_missions()` is the same profile with no mission known.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError

BUNDLED = Path(__file__).resolve().parent / "techgouv.toml"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Programme(_Data):
    names: tuple[str, ...] = ()
    running_headers: tuple[str, ...] = Field(default=(), description="Regular expressions matched on a whole line")


class Cards(_Data):
    keywords: tuple[str, ...] = ("ACTION",)
    completed_marks: tuple[str, ...] = ()
    new_marks: tuple[str, ...] = ()


class UsualMission(_Data):
    code: str
    prefix: str | None = None


class Missions(_Data):
    objective_keywords: tuple[str, ...] = ("OBJECTIF",)
    progress_headings: tuple[str, ...] = ()
    words: tuple[str, ...] = ("mission", "missions")
    usual: tuple[UsualMission, ...] = ()


class OwnerBody(_Data):
    id: str
    name: str
    kind: str
    variants: tuple[str, ...]
    former: tuple[str, ...] = ()
    source: str = Field(description="Where the body, its names and its former names are established")


class Profile(_Data):
    profile_version: int = 1
    programme: Programme = Programme()
    cards: Cards = Cards()
    missions: Missions = Missions()
    owners: tuple[OwnerBody, ...] = ()

    def without_missions(self) -> Profile:
        """The same profile with no usual mission or prefix: discovery alone."""
        return self.model_copy(update={"missions": self.missions.model_copy(update={"usual": ()})})

    @property
    def prefix_hints(self) -> dict[str, str]:
        """Action code prefix -> usual mission code."""
        return {m.prefix: m.code for m in self.missions.usual if m.prefix}

    @property
    def mission_hints(self) -> frozenset[str]:
        return frozenset(m.code for m in self.missions.usual)


def load_profile(path: Path | None = None) -> Profile:
    """A profile from a TOML file (the bundled TECH.GOUV one when `path` is None). Bad files raise InputError."""
    return _load(Path(path) if path is not None else BUNDLED)


@lru_cache(maxsize=8)
def _load(path: Path) -> Profile:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "profile not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"profile cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"profile is not valid TOML ({exc})") from None
    try:
        return Profile.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(path, f"not a valid profile: {where}: {first['msg']}") from None
