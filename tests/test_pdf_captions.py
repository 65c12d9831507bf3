"""Page furniture set under the text, not in a margin (issue 13): captions "- CODE -" and a programme
line in a smaller size sit right under each mission's narrative, at a height that changes with the
narrative's length. They are no part of the description, and they are not lost: the reader lists
them unplaced with their page, and the edition reports those it does not know as furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

#: Invented missions (none of the profile's), with narratives of different lengths.
MISSIONS = [
    ("SOCLE", "SO", 2),
    ("ORBITE", "OR", 4),
    ("VIGIE", "VI", 3),
    ("HALTE", "HA", 5),
]
#: A programme line in no profile: the edition cannot tell it is furniture, so it is reported.
PROGRAMME = "Plan d'action 2031-2034"


def _narrative(code: str, lines: int) -> list[str]:
    words = [f"La mission {code.lower()} rassemble les services qui partagent une même ambition",
             "pour les usagers et les agents publics, avec des outils communs et suivis",
             "dans la durée par les équipes des ministères concernés et leurs partenaires",
             "qui en rendent compte chaque année devant le comité de pilotage du programme",
             "afin que chaque étape franchie soit connue de tous ceux qui y contribuent"]
    chosen = words[:lines]
    chosen[-1] = chosen[-1] + "."
    return chosen


def _brochure(path: Path, *, size_body: float = 9.5, size_caption: float = 7.5) -> Path:
    import pymupdf

    doc = pymupdf.open()
    for code, prefix, length in MISSIONS:
        page = doc.new_page(width=595, height=842)

        def text(y, s, size, x=50.0):
            page.insert_text((x, y), s, fontsize=size, fontfile=FONT, fontname="dv")

        text(70, code, 20)
        text(95, f"Faire avancer la mission {code.lower()} au service de tous", 11)
        text(115, f"OBJECTIF : rendre la mission {code.lower()} utile à chacun", size_body)
        y = 135.0
        for line in _narrative(code, length):
            text(y, line, size_body)
            y += 12.0
        y += 4.0  # the captions follow the narrative's last line closely, at a height of its own
        text(y, f"- {code} -", size_caption)
        text(y + 9.0, PROGRAMME, size_caption)
        y += 30.0
        text(y, f"ACTION {prefix}1 → Première action de {code.lower()}", 10.5)
        text(y + 16, f"Mettre en place le service de la mission {code.lower()}", size_body)
        text(y + 32, f"➔ Lancer la première étape de {code.lower()}", size_body)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def brochure(tmp_path_factory):
    return _brochure(tmp_path_factory.mktemp("captions") / "captions.pdf")


def test_captions_under_the_narrative_are_not_read_into_it(brochure):
    from editiondiff.extract.pipeline import extract_edition

    edition = extract_edition([brochure], edition_id="captions", manifest=None)
    by_code = {m.code: m for m in edition.missions}
    assert set(by_code) >= {code for code, _, _ in MISSIONS}
    for code, _, length in MISSIONS:
        description = by_code[code].description or ""
        assert description == " ".join(_narrative(code, length))
        assert PROGRAMME not in description and f"{code} -" not in description
    assert sorted(a.code for a in edition.actions) == sorted(f"{p}1" for _, p, _ in MISSIONS)


def test_captions_are_listed_unplaced_with_their_page(brochure):
    from editiondiff.extract.pdf import read_pdf
    from editiondiff.extract.pipeline import extract_edition

    document = read_pdf(brochure)
    assert all(PROGRAMME not in b.text and " -" not in b.text for b in document.blocks)
    unplaced = sorted((p.page, p.quote) for p in document.unplaced)
    for page, (code, _, _) in enumerate(MISSIONS, start=1):
        assert (page, f"- {code} -") in unplaced
        assert (page, PROGRAMME) in unplaced
    # the edition reports the programme line, which it does not know for furniture, on each page
    edition = extract_edition([brochure], edition_id="captions", manifest=None)
    reported = sorted(p.page for p in edition.unassigned if p.quote == PROGRAMME)
    assert reported == [1, 2, 3, 4]
    # each at its own height: under its page's narrative
    tops = [p.bbox[1] for p in sorted((p for p in edition.unassigned if p.quote == PROGRAMME), key=lambda p: p.page)]
    assert len(set(round(t) for t in tops)) == len(MISSIONS)


def test_a_line_repeated_at_the_body_size_on_every_page_stays(tmp_path):
    """Furniture is smaller than the body: a heading or a step repeated in the body's size on every
    page is text, and a caption as large as the body is read (the size tells furniture)."""
    from editiondiff.extract.pdf import read_pdf

    path = _brochure(tmp_path / "same-size.pdf", size_caption=9.5)
    document = read_pdf(path)
    texts = " ".join(b.text for b in document.blocks)
    assert texts.count(PROGRAMME) == len(MISSIONS)
    assert not any(p.quote == PROGRAMME for p in document.unplaced)


def test_a_size_change_with_a_gap_ends_a_paragraph_but_a_raised_ordinal_does_not():
    from editiondiff.extract.layout.model import Line, Span
    from editiondiff.extract.layout.paragraphs import lines_to_groups
    from editiondiff.extract.layout.settings import LayoutSettings

    settings = LayoutSettings().for_body(9.5)

    def line(text, y, size, height=None):
        bbox = (50.0, y, 50.0 + 4 * len(text), y + (height or size * 1.15))
        return Line(1, [Span(text, "f", size, bbox)], bbox, size, text=text, base_left=50.0, col_right=300.0)

    body = line("la fin du paragraphe de la mission", 100.0, 9.5)
    # a line a point smaller (below `paragraph_size_change_pt`), set a few points under it: a caption
    caption = line("Note de la page", body.y1 + 4.0, 8.5)
    assert len(lines_to_groups([body, caption], settings)) == 2
    # the same sizes with no gap (a raised "1er" makes a line taller, not apart): one paragraph
    close = line("suite du paragraphe au 1er trimestre", body.y1 + 0.5, 8.5)
    assert len(lines_to_groups([body, close], settings)) == 1
