"""`lsap.linear_sum_assignment` returns scipy's pairing, ties broken alike, without importing scipy."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment as scipy_lsap

from editiondiff.lsap import MAX_CELLS, linear_sum_assignment


def _matrices(seed: int, count: int):
    """Small random matrices of every shape up to 11x11: few distinct values (many ties), floats, forbidden cells."""
    rng = np.random.default_rng(seed)
    for trial in range(count):
        rows, cols = (int(n) for n in rng.integers(1, 12, size=2))
        kind = trial % 4
        if kind == 0:
            yield rng.integers(0, 3, size=(rows, cols)).astype(float)
        elif kind == 1:
            yield rng.random((rows, cols))
        elif kind == 2:
            yield np.round(rng.random((rows, cols)) * 100, 1) - 50
        else:
            matrix = rng.integers(0, 5, size=(rows, cols)).astype(float)
            matrix[rng.random((rows, cols)) < 0.2] = np.inf
            yield matrix


def _answer(solver, matrix):
    try:
        rows, cols = solver(matrix)
    except ValueError:
        return "infeasible"
    return rows.tolist(), cols.tolist(), rows.dtype == np.int64


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_same_pairing_as_scipy_on_random_matrices_with_ties(seed):
    for matrix in _matrices(seed, 1500):
        assert _answer(linear_sum_assignment, matrix) == _answer(scipy_lsap, matrix), matrix


def test_edges_as_scipy():
    for matrix in (np.zeros((0, 3)), np.zeros((3, 0)), np.ones((4, 4)), np.ones((2, 5)), np.ones((5, 2)),
                   np.array([[np.inf, 1.0], [np.inf, 2.0]]), np.array([[1.0, np.nan]]), np.array([[-np.inf, 0.0]])):
        assert _answer(linear_sum_assignment, matrix) == _answer(scipy_lsap, matrix), matrix
    with pytest.raises(ValueError):
        linear_sum_assignment(np.zeros(3))


def test_a_large_matrix_goes_to_scipy():
    side = int(MAX_CELLS**0.5) + 1
    matrix = np.random.default_rng(0).random((side, side))
    assert _answer(linear_sum_assignment, matrix) == _answer(scipy_lsap, matrix)


def test_scipy_is_not_imported_for_a_small_matrix():
    code = ("import sys, numpy as np; from editiondiff.lsap import linear_sum_assignment; "
            "linear_sum_assignment(np.ones((6, 6))); print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
