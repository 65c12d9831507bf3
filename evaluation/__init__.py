"""The test harness of editiondiff: how well the product works, measured on editions made for it.

Not part of the shipped product (the `editiondiff` wheel does not contain it);
tests, `make score`, `make corpus-pdfs` and developers use it from a source checkout:

    perturb.py, perturb_hard.py,  seeded, recorded edits of a real edition (the ground truth):
    perturb_vocabulary.py         mild, hard, and never-seen missions, codes, owners and status words
    score.py                      the diff scored against that ground truth, kind by kind
    render/                       editions re-typeset as brochure text and PDF (two engines)
    corpus_build.py               the re-typeset PDFs of the bundled corpus, and their sha256 pins

Run it as `python -m evaluation score …` or `python -m evaluation corpus-build`
from the repository root (see `__main__.py`).
"""
