"""One-to-one assignment of two lists from a score matrix: the step every matcher ends with.

    assign(scores, threshold)  ->  [(row, column, score), ...]

pairs rows with columns so that the total score is highest, then drops the
pairs scoring under `threshold`. Missions, actions, steps and indicator rows
of two editions are matched this way (`diff`), and so are the entries of an
overview chart and the cards (`extract`): the module sits at the top of the
package because both stages use it.

The optimum is `scipy.optimize.linear_sum_assignment` (the Hungarian method).
When the answer is plain it is read off directly: if every row of the smaller
side has one strictly best column and no two rows share it, pairing each row
with it reaches the sum of the row maxima, which no assignment exceeds, and
no other assignment reaches it — that pairing is the only optimum, the one
scipy would return. Otherwise (two rows want one column, or a row has a tie)
scipy decides.

Importing `scipy.optimize` costs 0.3 to 0.4 s (it loads the whole of scipy's
optimisation, linear algebra and sparse packages), more than a whole extraction
of a brochure, for one function that lives in a compiled module of its own,
`scipy.optimize._lsap`, which needs numpy alone. `_solver` loads that module
from its file, without running the package's `__init__`; where scipy is laid
out otherwise (another release, another platform), it imports the public
function instead. Either way the function is scipy's own, and so is the answer.

`tie_break` is a small matrix added to the scores for the assignment only
(steps prefer their own position when texts are equal); the scores returned
and compared with the threshold are the plain ones.

The scores are a numpy matrix, or rows of floats (a list of lists): small
matrices, such as an overview chart's entries against one mission's cards,
are read off in plain Python, and numpy (some 0.1 s to import, more than the
rest of the chart's matching) is imported only when scipy has to decide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


def _plain_optimum(gain: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(rows, columns) when each row of the smaller side has a distinct, strictly best partner; else None."""
    import numpy as np

    if not np.isfinite(gain).all():
        return None
    flipped = gain.shape[0] > gain.shape[1]
    side = gain.T if flipped else gain
    best = side.argmax(axis=1)
    if len(set(best.tolist())) != len(best):
        return None
    if side.shape[1] > 1:
        top_two = -np.partition(-side, 1, axis=1)[:, :2]
        if not (top_two[:, 0] > top_two[:, 1]).all():
            return None
    rows = np.arange(side.shape[0])
    if not flipped:
        return rows, best
    order = np.argsort(best)
    return best[order], rows[order]


def _plain_optimum_of_rows(gain: Sequence[Sequence[float]]) -> list[tuple[int, int]] | None:
    """`_plain_optimum` of rows of floats: the (row, column) pairs by row, or None."""
    if not all(math.isfinite(value) for row in gain for value in row):
        return None
    flipped = len(gain) > len(gain[0])
    side = [list(column) for column in zip(*gain)] if flipped else gain
    best = []
    for row in side:
        top = max(row)
        at = row.index(top)  # the first best, as numpy's argmax
        if top in row[at + 1 :]:
            return None  # a tie: no strictly best partner
        best.append(at)
    if len(set(best)) != len(best):
        return None
    if not flipped:
        return list(enumerate(best))
    return sorted((b, i) for i, b in enumerate(best))


_SOLVER: list = []  # scipy's linear_sum_assignment, once loaded


def _solver():
    """scipy's `linear_sum_assignment`, loaded from its compiled module alone where it can be."""
    if not _SOLVER:
        _SOLVER.append(_compiled_solver() or _public_solver())
    return _SOLVER[0]


def _public_solver():
    from scipy.optimize import linear_sum_assignment

    return linear_sum_assignment


def _compiled_solver():
    """`scipy.optimize._lsap.linear_sum_assignment`, loaded from its file; None where scipy has no such file."""
    import importlib.machinery
    import importlib.util
    import sys
    from pathlib import Path

    name = "scipy.optimize._lsap"
    loaded = sys.modules.get(name)
    if loaded is None:
        spec = importlib.util.find_spec("scipy")  # finds the package without importing it
        if spec is None or spec.origin is None:
            return None
        folder = Path(spec.origin).parent / "optimize"
        files = [folder / f"_lsap{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES]
        found = next((f for f in files if f.is_file()), None)
        if found is None:
            return None
        try:
            loader = importlib.machinery.ExtensionFileLoader(name, str(found))
            module_spec = importlib.util.spec_from_file_location(name, found, loader=loader)
            if module_spec is None:
                return None
            loaded = importlib.util.module_from_spec(module_spec)
            loader.exec_module(loaded)
        except Exception:  # a module that will not load alone: the public import decides
            return None
    function = getattr(loaded, "linear_sum_assignment", None)
    return function if callable(function) else None


def assign(scores: np.ndarray | Sequence[Sequence[float]], threshold: float, *, tie_break: np.ndarray | None = None) -> list[tuple[int, int, float]]:
    """(row, column, score) of the best one-to-one pairing, pairs under `threshold` left out, by row
    (`scores`: a numpy matrix, or rows of floats)."""
    if not hasattr(scores, "shape"):  # rows of floats: read off in plain Python when the answer is plain
        rows_of = [list(map(float, row)) for row in scores]
        if not rows_of or not rows_of[0]:
            return []
        pairs = _plain_optimum_of_rows(rows_of) if tie_break is None else None
        if pairs is not None:
            return [(i, j, rows_of[i][j]) for i, j in pairs if rows_of[i][j] >= threshold]
        import numpy as np

        scores = np.array(rows_of, dtype=np.float64)
    if scores.size == 0:
        return []
    gain = scores if tie_break is None else scores + tie_break
    plain = _plain_optimum(gain)
    if plain is None:
        plain = _solver()(-gain)
    rows, cols = plain
    return [(int(i), int(j), float(scores[i, j])) for i, j in zip(rows, cols) if scores[i, j] >= threshold]


#: A rival within this score of the match is a tie: a human should look.
TIE_MARGIN = 0.01


def best_rival(scores: np.ndarray, row: int, col: int) -> tuple[int, float] | None:
    """(column, score) of the best other candidate of `row` than `col`, or None when there is no other column."""
    import numpy as np

    if scores.shape[1] < 2:
        return None
    others = np.delete(scores[row], col)
    k = int(np.argmax(others))
    return (k if k < col else k + 1), float(others[k])


def rival_fields(score: float, rival: tuple[str, float] | None) -> dict:
    """The rival, its score, the margin and whether it is a tie, as the fields of a recorded match."""
    if rival is None:
        return {}
    margin = round(score - rival[1], 4)
    return {"rival": rival[0], "rival_score": round(rival[1], 4), "margin": margin, "tie": margin < TIE_MARGIN}
