"""Normalisation: typed values beside the raw text (deadlines, owners, indicator values, codes, text).

Light on import: spaCy is loaded by `owners` on first use, never here.
"""

from .edition import normalize_edition

__all__ = ["normalize_edition"]
