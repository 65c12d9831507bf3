"""A page's drawn boxes -> regions, and the page's lines read region by region.

    page_boxes(drawings, width, height, settings) -> [Box]
    order_regions(lines, boxes, width, settings) -> [Line]
    read_page(lines, boxes, width, settings)     -> [Line]  (asides attached, ordered, justified rows joined)

Cards printed as bordered boxes, side panels printed on a filled background:
a box drawn as a rectangle (stroked or filled) holding text is a region. A line
belongs to the smallest box holding its centre. A page is read as before
(`order.order_page`: the XY-cut's rows and columns, bands) without the lines of its boxes; each box
is then read the same way inside, after the last line that starts above its
bottom: after the lines it stands beside (a side panel after its card's main
cell), or at its place in the flow. Boxes whose tops align are a row (two
cards side by side), read left to right. Lines of a box are
tagged with a column of their own, so that no paragraph runs from inside a box
to outside it.
"""

from __future__ import annotations

from .asides import attach_asides
from .justified import join_justified
from .model import Box, Line
from .order import order_page
from .settings import LayoutSettings


def read_page(lines: list[Line], boxes: list[Box], width: float, settings: LayoutSettings) -> list[Line]:
    """One page's lines in reading order, as the PDF reader and the layout view both take them: the
    phrases beside list items attached (`asides`), the regions ordered, justified rows cut at their
    spaces joined again (`justified`)."""
    return join_justified(order_regions(attach_asides(lines, settings), boxes, width, settings), settings)


def page_boxes(drawings: list[dict], width: float, height: float, settings: LayoutSettings) -> list[Box]:
    """Rectangles drawn on the page that may frame text (not rules, not the page's background)."""
    s = settings
    boxes: set[Box] = set()
    for path in drawings:
        for item in path.get("items", ()):
            if item[0] == "re":
                x0, y0, x1, y1 = item[1]
            elif item[0] == "qu":
                xs = [p[0] for p in item[1]]
                ys = [p[1] for p in item[1]]
                x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
            else:
                continue
            w, h = x1 - x0, y1 - y0
            if w < s.region_min_width_share * width or h < s.rule_thickness_pt * s.region_min_height_rules:
                continue
            if w * h > s.region_max_page_share * width * height:
                continue
            boxes.add((round(x0, 2), round(y0, 2), round(x1, 2), round(y1, 2)))
    return sorted(boxes, key=lambda b: (b[1], b[0]))


def _holds(box: Box, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def order_regions(lines: list[Line], boxes: list[Box], width: float, settings: LayoutSettings) -> list[Line]:
    """The page's lines in reading order, box by box; without boxes holding text, `order_page` alone."""
    if not boxes:
        return order_page(lines, width, settings)
    home: dict[Line, Box] = {}
    for line in lines:
        cx, cy = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
        holding = [b for b in boxes if b[0] <= cx <= b[2] and b[1] <= cy <= b[3]]  # `_holds`, inline: lines × boxes
        if holding:
            home[line] = holding[0] if len(holding) == 1 else min(holding, key=_area)
    if not home:
        return order_page(lines, width, settings)
    used = set(home.values())
    # each box's parent: the smallest box with text that holds it
    parent: dict[Box, Box | None] = {}
    for box in used:
        around = [o for o in used if o != box and _area(o) > _area(box) and _holds(o, box[0], box[1]) and _holds(o, box[2], box[3])]
        parent[box] = min(around, key=_area) if around else None
    tree = _Tree(home, parent, settings, width)
    return tree.read(None, lines)


class _Tree:
    def __init__(self, home, parent, settings, width):
        self.home, self.parent, self.settings, self.width = home, parent, settings, width
        self.next_column = 0

    def _child_of(self, line: Line, node: Box | None) -> Box | None:
        """The box directly under `node` that holds the line (None: the line lies in `node` itself)."""
        box = self.home.get(line)
        while box is not None and self.parent[box] != node:
            box = self.parent[box]
        return box

    def read(self, node: Box | None, lines: list[Line]) -> list[Line]:
        s = self.settings
        direct: list[Line] = []
        under: dict[Box, list[Line]] = {}
        for line in lines:
            child = self._child_of(line, node) if self.home.get(line) != node else None
            if child is None:
                direct.append(line)
            else:
                under.setdefault(child, []).append(line)
        width = self.width if node is None else node[2] - node[0]
        ordered = order_page(direct, width, s) if direct else []
        if node is not None:
            # a column of its own: no paragraph runs into or out of a box
            self.next_column += s.region_column_step
            for line in ordered:
                line.column += self.next_column
        # each box after the last line that starts above its bottom: after the lines it stands
        # beside (a side panel after its card's main cell), or where it stands in the flow
        after: dict[int, list[Box]] = {}
        for box in sorted(under, key=lambda b: (round(b[1] / (2 * s.edge_slack_pt)), b[0])):
            at = next((i for i in range(len(ordered) - 1, -1, -1) if ordered[i].y0 < box[3]), -1)
            after.setdefault(at, []).append(box)
        out: list[Line] = []
        for i in range(-1, len(ordered)):
            if i >= 0:
                out.append(ordered[i])
            for box in after.get(i, ()):
                out.extend(self.read(box, under[box]))
        return out
