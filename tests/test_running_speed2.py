"""Page furniture away from the bands: lines masked only where they may be furniture (`running._keyed`)."""

from __future__ import annotations

from editiondiff.extract.layout.running import drop_running_lines
from editiondiff.extract.layout.settings import DEFAULT_LAYOUT
from editiondiff.extract.layout.spans import page_lines


def _span(text, x0, y0, *, size=10.0):
    return {"text": text, "font": "DejaVuSans", "size": size, "flags": 0, "bbox": (x0, y0, x0 + 0.5 * size * len(text), y0 + 1.2 * size)}


def _page(number, *rows):
    return page_lines({"blocks": [{"type": 0, "lines": [{"spans": [_span(*row[:3], size=row[3])]}]} for row in rows]}, number, DEFAULT_LAYOUT)


def test_a_caption_naming_the_page_code_set_in_the_body_title_is_furniture():
    """The code stands only in the page's title, a line of body size that is not masked itself."""
    codes = ["ALPHA", "BETA", "GAMMA"]
    pages = [
        _page(n + 1, (f"Mission {code} en bref", 50, 200, 10.5), ("Le texte de la page, une phrase", 50, 300, 9.0), (f"- {code} -", 50, 500, 8.0))
        for n, code in enumerate(codes)
    ]
    unsure = []
    kept = drop_running_lines(pages, [842.0] * 3, DEFAULT_LAYOUT, unsure)
    assert [[l.text for l in p] for p in kept] == [[f"Mission {code} en bref", "Le texte de la page, une phrase"] for code in codes]
    assert [l.text for l in unsure] == [f"- {code} -" for code in codes]


def test_the_furniture_text_goes_in_body_size_too_and_other_lines_stay():
    pages = [_page(n, ("Le texte de la page", 50, 300, 9.0), (f"Feuille de route 20{n}-2022", 50, 500, 8.0)) for n in range(1, 4)]
    pages.append(_page(4, ("Feuille de route 2019-2022", 50, 300, 9.0), ("Feuille de route du ministère", 50, 400, 9.0), ("La route 2019-2022", 50, 500, 9.0)))
    kept = drop_running_lines(pages, [842.0] * 4, DEFAULT_LAYOUT)
    assert [[l.text for l in p] for p in kept] == [["Le texte de la page"]] * 3 + [["Feuille de route du ministère", "La route 2019-2022"]]
