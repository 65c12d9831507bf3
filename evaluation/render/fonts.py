"""Where the typesetting fonts live, and which icons each engine draws with which font."""

from __future__ import annotations

from pathlib import Path

from editiondiff.errors import InputError

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR = "DejaVuSans.ttf"
BOLD = "DejaVuSans-Bold.ttf"
OBLIQUE = "DejaVuSans-Oblique.ttf"


def dejavu(name: str = REGULAR) -> Path:
    """The path of a DejaVu font file; a clear error when the fonts are not installed."""
    path = DEJAVU_DIR / name
    if not path.is_file():
        raise InputError(path, "DejaVu fonts are needed to typeset PDFs (Debian package fonts-dejavu-core)")
    return path
