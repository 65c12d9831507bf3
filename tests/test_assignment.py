"""The one assignment function every matcher uses: the optimum, pairs under the threshold dropped."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from scipy.optimize import linear_sum_assignment

from editiondiff.assignment import _plain_optimum, assign


def reference(scores, threshold, tie_break=None):
    gain = scores if tie_break is None else scores + tie_break
    rows, cols = linear_sum_assignment(-gain)
    return [(int(i), int(j), float(scores[i, j])) for i, j in zip(rows, cols) if scores[i, j] >= threshold]


shapes = st.tuples(st.integers(1, 7), st.integers(1, 7))
# Few distinct values, so ties and contested columns are common.
matrices = shapes.flatmap(lambda shape: arrays(np.float64, shape, elements=st.sampled_from([0.0, 0.25, 0.5, 0.6, 0.75, 0.9, 1.0])))


@given(matrices, st.sampled_from([0.0, 0.5, 0.8]))
def test_assign_is_scipys_optimum_whatever_the_shape_and_ties(scores, threshold):
    assert assign(scores, threshold) == reference(scores, threshold)


@given(shapes.flatmap(lambda shape: arrays(np.float32, shape, elements=st.floats(0, 1, width=32))))
def test_assign_with_a_tie_break_matches_scipy(scores):
    order = -np.abs(np.subtract.outer(np.arange(scores.shape[0]), np.arange(scores.shape[1]))) * 1e-4
    assert assign(scores, 0.75, tie_break=order) == reference(scores, 0.75, order)


def test_plain_answers_skip_the_solver_and_contested_ones_do_not():
    plain = np.array([[0.9, 0.1, 0.0], [0.2, 0.95, 0.3]])
    assert _plain_optimum(plain) is not None
    assert assign(plain, 0.5) == [(0, 0, 0.9), (1, 1, 0.95)]
    # Both rows want column 0: taking the best pair first (1.0) would leave row 0 with 0.0, total 1.0 against 1.7.
    contested = np.array([[0.9, 0.0], [1.0, 0.8]])
    assert _plain_optimum(contested) is None
    assert assign(contested, 0.5) == [(0, 0, 0.9), (1, 1, 0.8)]
    tied = np.array([[0.7, 0.7], [0.1, 0.2]])
    assert _plain_optimum(tied) is None
    assert assign(np.zeros((0, 3)), 0.5) == []


def test_more_rows_than_columns_are_returned_by_row():
    scores = np.array([[0.1], [0.9], [0.3]])
    assert assign(scores, 0.5) == [(1, 0, 0.9)]
    wide = np.array([[0.2, 0.9], [0.8, 0.1], [0.0, 0.3]])
    assert assign(wide, 0.0) == reference(wide, 0.0)


def test_a_contested_answer_is_scipys_without_importing_scipy_optimize():
    """The solver comes from scipy's compiled module alone: the whole of scipy.optimize (0.3 s or more
    to import) stays unloaded, and the answers are those of the public function."""
    import json
    import subprocess
    import sys

    program = (
        "import json, sys, numpy as np\n"
        "from editiondiff.assignment import assign\n"
        "rng = np.random.default_rng(7)\n"
        "cases = [rng.integers(0, 3, size=(int(rng.integers(1, 8)), int(rng.integers(1, 8)))).astype(float) / 2 for _ in range(300)]\n"
        "out = [assign(c, 0.0) for c in cases]\n"
        "print(json.dumps({'loaded': 'scipy.optimize' in sys.modules, 'out': out}))\n"
    )
    result = json.loads(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout)
    assert result["loaded"] is False
    rng = np.random.default_rng(7)
    cases = [rng.integers(0, 3, size=(int(rng.integers(1, 8)), int(rng.integers(1, 8)))).astype(float) / 2 for _ in range(300)]
    assert [[list(p) for p in reference(c, 0.0)] for c in cases] == result["out"]


def test_where_scipy_has_no_compiled_module_to_load_the_public_function_decides(monkeypatch):
    import importlib.util

    from editiondiff import assignment

    monkeypatch.setattr(assignment, "_SOLVER", [])
    monkeypatch.delitem(__import__("sys").modules, "scipy.optimize._lsap", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    contested = np.array([[1.0, 0.9], [1.0, 0.2]])
    assert assignment._solver() is linear_sum_assignment
    assert assign(contested, 0.0) == reference(contested, 0.0)


@given(matrices, st.sampled_from([0.0, 0.5, 0.8]))
def test_rows_of_floats_get_the_same_answer_as_their_matrix(scores, threshold):
    """The plain-Python reading of rows of floats (an overview chart's small matrices) is the matrix's."""
    assert assign(scores.tolist(), threshold) == assign(scores, threshold)
    assert assign([], threshold) == [] and assign([[]], threshold) == []


def test_rows_of_floats_with_a_plain_answer_need_no_numpy():
    import json
    import subprocess
    import sys

    program = (
        "import json, sys\n"
        "from editiondiff.assignment import assign\n"
        "out = assign([[90.0, 10.0, 0.0], [20.0, 95.0, 30.0]], 50.0)\n"
        "print(json.dumps({'numpy': 'numpy' in sys.modules, 'out': out}))\n"
    )
    result = json.loads(subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True).stdout)
    assert result == {"numpy": False, "out": [[0, 0, 90.0], [1, 1, 95.0]]}
