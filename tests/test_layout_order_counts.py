"""The gutter search's counts in plain Python (`layout.order`), against the same counts made with numpy
over every pair: which candidate gutters each line crosses, and which lines sit level with another
column's. The reader runs without numpy (one import of it costs more than a page's reading)."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from editiondiff.extract.layout.model import Line, Span
from editiondiff.extract.layout.order import _ByTop, _crossings, _steps


def _line(x0: float, y0: float, x1: float, y1: float) -> Line:
    bbox = (x0, y0, x1, y1)
    return Line(1, [Span("mot", "DejaVuSans", 10.0, bbox)], bbox, 10.0, text="mot")


# coordinates on a few grid values, so that edges fall exactly on the candidates and on each other
coordinate = st.one_of(st.sampled_from([0.0, 10.0, 99.0, 100.0, 101.0, 150.5, 200.0, 300.0]), st.floats(-50, 650, allow_nan=False))
odd = st.sampled_from([math.nan, math.inf, -math.inf])
lines = st.lists(st.tuples(st.one_of(coordinate, odd), coordinate, st.one_of(coordinate, odd), coordinate), max_size=40)


@given(st.floats(20, 3000), st.floats(0.05, 0.45), st.floats(0.55, 0.95), st.integers(1, 400), st.floats(0.1, 5))
def test_the_candidate_steps_are_numpys_arange_value_for_value(width, start, stop, steps, least):
    step = max(width / steps, least)
    assert _steps(width * start, width * stop + 1e-9, step) == np.arange(width * start, width * stop + 1e-9, step).tolist()


@given(lines, st.floats(0, 3))
def test_the_lines_crossing_each_candidate_are_counted_as_numpy_counts_them(boxes, clear):
    page = [_line(x0, y0, x1, y1) for x0, y0, x1, y1 in boxes]
    candidates = _steps(0.3 * 600, 0.7 * 600 + 1e-9, 4.0)
    x0 = np.array([l.x0 for l in page], dtype=float)
    x1 = np.array([l.x1 for l in page], dtype=float)
    at = np.array(candidates)
    expected = ((x0[:, None] < at - clear) & (x1[:, None] > at + clear)).sum(axis=0).tolist() if page else [0] * len(candidates)
    assert _crossings(page, candidates, clear) == expected


heights = st.lists(st.tuples(st.one_of(coordinate, odd), st.one_of(coordinate, odd)), max_size=30)


@given(heights, heights, st.sampled_from([0.0, 0.3, 0.5, 1.0, -0.2]))
def test_the_lines_level_with_another_column_are_those_numpy_finds(left_spans, right_spans, share):
    left = [_line(0, a, 100, b) for a, b in left_spans]
    right = [_line(200, a, 300, b) for a, b in right_spans]
    by_top = _ByTop(left, share)
    found = [by_top.level_with_any(r) for r in right]
    if not left:
        assert found == [False] * len(right)
        return
    with np.errstate(invalid="ignore"):
        ly0 = np.array([l.y0 for l in left])
        ly1 = np.array([l.y1 for l in left])
        ry0 = np.array([r.y0 for r in right])[:, None]
        ry1 = np.array([r.y1 for r in right])[:, None]
        overlap = np.minimum(ly1, ry1) - np.maximum(ly0, ry0)
        expected = (overlap > share * np.minimum(ly1 - ly0, ry1 - ry0)).any(axis=1).tolist() if right else []
    assert found == expected


wellformed = st.lists(st.tuples(coordinate, st.sampled_from([0.0, 1.0, 12.0, 13.0, 40.0])), max_size=30)


@given(wellformed, wellformed, st.sampled_from([0.0, 0.3, 1.0]))
def test_lines_of_ordinary_heights_are_looked_up_by_their_tops_with_the_same_answer(left_tops, right_tops, share):
    left = [_line(0, top, 100, top + h) for top, h in left_tops]
    right = [_line(200, top, 300, top + h) for top, h in right_tops]
    by_top = _ByTop(left, share)
    assert by_top.windowed
    assert [by_top.level_with_any(r) for r in right] == [
        any(min(l.y1, r.y1) - max(l.y0, r.y0) > share * min(l.y1 - l.y0, r.y1 - r.y0) for l in left) for r in right
    ]
