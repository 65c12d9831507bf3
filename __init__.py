"""editiondiff: read the successive editions of the TECH.GOUV roadmap, turn each
into validated JSON, and report what changed between editions.

Stages, each a function from typed input to typed output:

    extract    sources (markdown, text, PDF)  -> blocks -> Edition
    normalize  Edition (raw phrases)          -> Edition (dates, owners, values)
    diff       Edition, Edition               -> Diff

The pydantic models in ``editiondiff.schemas`` are the contract between stages.
"""

__version__ = "0.1.0"
