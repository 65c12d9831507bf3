"""What a run records about the code and settings that made it.

    extractor_version()   the package version and a hash of the code and data that turn sources into an Edition
    settings_hash(build)  a hash of the settings objects of extraction (default: the built-in ones) and diff
    PROFILE               the knowledge profile the run used

The extractor version changes whenever a file of the extraction stages
(``extract/``, ``normalize/``, ``vocabulary/``, ``audit/``, ``schemas/``, ``pipeline.py``) changes, so
`editiondiff reindex` knows which editions to derive again without anyone
having to remember to bump a number.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path

from .. import __version__

_ROOT = Path(__file__).resolve().parents[1]
#: Folders and files whose content makes an edition out of sources.
EXTRACTION_CODE = ("extract", "normalize", "vocabulary", "audit", "schemas", "pipeline.py", "settings.py", "limits.py")
#: The knowledge the extraction uses: the built-in TECH.GOUV vocabulary (codes, gazetteer) shipped with the code.
PROFILE = "tech.gouv (built-in)"


@functools.cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    for name in EXTRACTION_CODE:
        root = _ROOT / name
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.is_file() and path.suffix in (".py", ".json", ".toml", ".yaml", ".txt") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return f"{__version__}+{digest.hexdigest()[:12]}"


def settings_hash(build=None) -> str:
    """The hash of the build settings a run was made with (a BuildSettings; None: the defaults) and of the diff's settings.

    Reader limits are part of it: an edition built under other limits is another run."""
    from ..diff.settings import DEFAULT_SETTINGS as DIFF
    from ..settings import DEFAULT_SETTINGS as BUILD

    settings = {"build": dataclasses.asdict(build or BUILD), "diff": dataclasses.asdict(DIFF)}
    return _digest(json.dumps(settings, sort_keys=True, default=str))


@functools.cache
def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]
