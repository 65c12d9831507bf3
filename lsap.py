"""The linear sum assignment of a small matrix in plain Python, as scipy computes it.

    linear_sum_assignment(cost) -> (rows, columns)   (NumPy arrays, like scipy's)

`assignment.assign` needs the optimum only when two rows want one column or a
row has a tie, and then it needs scipy's answer, ties broken as scipy breaks
them. Importing `scipy.optimize` costs 0.4-0.5 s of CPU (it parses the
docstrings of the whole package), more than extracting a 50-page brochure, for
matrices of a few dozen cells. This is the same algorithm as scipy's
`_lsap` module (the shortest augmenting path of Crouse, "On implementing 2D
rectangular assignment algorithms", IEEE TAES 2016), step for step and in
the same order of floating-point operations, so that it returns the pairing
scipy returns; `tests/test_lsap.py` compares the two on random matrices full
of ties. Matrices larger than `MAX_CELLS` go to scipy itself.
"""

from __future__ import annotations

import math

import numpy as np

#: Beyond this many cells (O(n^3) steps in Python), scipy's compiled solver is imported and used.
MAX_CELLS = 4096


def linear_sum_assignment(cost) -> tuple[np.ndarray, np.ndarray]:
    """Rows and columns of a minimum-cost one-to-one pairing of `cost` (2-D), as `scipy.optimize.linear_sum_assignment`."""
    matrix = np.asarray(cost, dtype=float)
    if matrix.ndim != 2:
        raise ValueError(f"expected a matrix (2-D array), got a {matrix.ndim}-D array")
    if matrix.size > MAX_CELLS:
        from scipy.optimize import linear_sum_assignment as compiled

        return compiled(matrix)
    nr, nc = matrix.shape
    if nr == 0 or nc == 0:
        return np.array([], dtype=np.int64), np.array([], dtype=np.int64)
    transpose = nc < nr
    if transpose:
        matrix = matrix.T
        nr, nc = nc, nr
    rows = matrix.tolist()
    if any(c != c or c == -math.inf for row in rows for c in row):
        raise ValueError("matrix contains invalid numeric entries")
    col4row = _solve(rows, nr, nc)
    if transpose:
        order = sorted(range(nr), key=lambda i: col4row[i])
        return np.array([col4row[i] for i in order], dtype=np.int64), np.array(order, dtype=np.int64)
    return np.arange(nr, dtype=np.int64), np.array(col4row, dtype=np.int64)


def _solve(cost: list[list[float]], nr: int, nc: int) -> list[int]:
    """The column of each row (nr <= nc), built one row at a time by shortest augmenting paths."""
    inf = math.inf
    u = [0.0] * nr
    v = [0.0] * nc
    col4row = [-1] * nr
    row4col = [-1] * nc
    path = [-1] * nc
    for cur_row in range(nr):
        # the shortest augmenting path from cur_row (Dijkstra over the reduced costs)
        min_val = 0.0
        remaining = list(range(nc - 1, -1, -1))  # reversed, as scipy: a constant matrix gives the identity
        num_remaining = nc
        sr = [False] * nr
        sc = [False] * nc
        shortest = [inf] * nc
        i = cur_row
        sink = -1
        while sink == -1:
            index = -1
            lowest = inf
            sr[i] = True
            row = cost[i]
            ui = u[i]
            for it in range(num_remaining):
                j = remaining[it]
                r = min_val + row[j] - ui - v[j]
                if r < shortest[j]:
                    path[j] = i
                    shortest[j] = r
                # among equal lowest costs, one that gives a new sink
                if shortest[j] < lowest or (shortest[j] == lowest and row4col[j] == -1):
                    lowest = shortest[j]
                    index = it
            min_val = lowest
            if min_val == inf:
                raise ValueError("cost matrix is infeasible")
            j = remaining[index]
            if row4col[j] == -1:
                sink = j
            else:
                i = row4col[j]
            sc[j] = True
            num_remaining -= 1
            remaining[index] = remaining[num_remaining]
        # update the dual variables
        u[cur_row] += min_val
        for i in range(nr):
            if sr[i] and i != cur_row:
                u[i] += min_val - shortest[col4row[i]]
        for j in range(nc):
            if sc[j]:
                v[j] -= min_val - shortest[j]
        # augment the previous solution along the path
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur_row:
                break
    return col4row
