"""A step's deadline printed beside it belongs to the step whose row it stands in, whatever the
order of the content stream: each pitfall on a small PDF built here with PyMuPDF, read by `read_pdf`."""

from __future__ import annotations

from pathlib import Path

import pytest

pymupdf = pytest.importorskip("pymupdf")

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
OBLIQUE = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf"
SIZE = 9.5
RIGHT = 540.0  # where right-aligned text ends


class Page:
    """Text put on one A4 page in the order given (the content stream's order)."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=595, height=842)
        self.font = pymupdf.Font(fontfile=SANS)
        self.oblique = pymupdf.Font(fontfile=OBLIQUE)

    def put(self, x: float, y: float, text: str, *, italic: bool = False) -> float:
        """`text` from x on the baseline y; returns where it ends."""
        self.page.insert_text((x, y), text, fontsize=SIZE, fontfile=OBLIQUE if italic else SANS, fontname="dvo" if italic else "dv")
        return x + (self.oblique if italic else self.font).text_length(text, SIZE)

    def right(self, y: float, text: str, *, end: float = RIGHT, italic: bool = False) -> None:
        """`text` ending at `end` (set at a right tab stop or right-aligned)."""
        self.put(end - (self.oblique if italic else self.font).text_length(text, SIZE), y, text, italic=italic)

    def card(self, y: float = 80) -> None:
        self.put(56, y, "ACTION AB1 → Un titre d'action")
        self.put(56, y + 20, "Un objectif de l'action, en une phrase assez longue pour aller d'un bord à l'autre de la carte et qui")
        self.put(56, y + 32, "continue sur une seconde ligne.")

    def save(self, tmp_path: Path, name: str = "page.pdf") -> Path:
        path = tmp_path / name
        self.doc.save(path)
        return path


def _steps(path: Path) -> list[tuple[str, str | None]]:
    """(step, deadline printed beside it) in reading order, from the blocks of the PDF reader."""
    from editiondiff.extract.pdf import read_pdf

    steps: list[tuple[str, str | None]] = []
    for block in read_pdf(path, "test").blocks:
        if block.kind == "list_item":
            steps.append((block.text, None))
        elif block.attrs.get("inline") and steps:
            text, deadline = steps[-1]
            steps[-1] = (text, block.text if deadline is None else deadline + " " + block.text)
    return steps


@pytest.mark.parametrize("deadlines_first", [False, True], ids=["stream-in-reading-order", "deadlines-first-reversed"])
def test_a_deadline_goes_to_the_step_of_its_row_whatever_the_stream_order(tmp_path, deadlines_first):
    """The second step's first line runs on past where the first step's deadline starts, and the
    deadlines come first in the content stream, the second step's before the first's."""
    page = Page()
    page.card()

    def deadlines():  # rows as close as lines of one paragraph
        page.right(143, "1er trimestre")
        page.right(155, "2021")
        page.right(130, "En cours, jusqu'à fin 2022")

    if deadlines_first:
        deadlines()
    page.put(56, 130, "➔ Déployer FranceConnect à large échelle")
    end = page.put(56, 143, "➔ Ouvrir les services publics français aux identités numériques européennes via")
    page.put(56, 155, "FranceConnect")
    if not deadlines_first:
        deadlines()
    assert end > RIGHT - page.font.text_length("En cours, jusqu'à fin 2022", SIZE)  # the pitfall is there
    assert _steps(page.save(tmp_path)) == [
        ("Déployer FranceConnect à large échelle", "En cours, jusqu'à fin 2022"),
        ("Ouvrir les services publics français aux identités numériques européennes via FranceConnect", "1er trimestre 2021"),
    ]


def test_two_steps_whose_deadlines_wrap_over_three_and_two_lines(tmp_path):
    page = Page()
    page.card()
    page.put(56, 130, "➔ Faire émerger et animer le réseau d'acteurs")
    page.right(130, "Expérimentation")
    page.right(142, "4e trimestre 2020 puis")
    page.right(154, "extension progressive")
    page.put(56, 170, "➔ Offrir une délégation d'identité numérique pour les")
    page.put(56, 182, "aidants et représentants")
    page.right(170, "Expérimentation faite")
    page.right(182, "1er semestre 2020")
    page.put(56, 198, "➔ Industrialiser l'assistance aux utilisateurs")
    assert _steps(page.save(tmp_path)) == [
        ("Faire émerger et animer le réseau d'acteurs", "Expérimentation 4e trimestre 2020 puis extension progressive"),
        ("Offrir une délégation d'identité numérique pour les aidants et représentants", "Expérimentation faite 1er semestre 2020"),
        ("Industrialiser l'assistance aux utilisateurs", None),
    ]


def test_a_right_tab_deadline_hyphenated_across_two_lines_is_one_range(tmp_path):
    page = Page()
    page.card()
    page.put(56, 130, "➔ Élaborer et publier le baromètre de la qualité des services")
    page.right(130, "Fait")
    page.put(56, 146, "➔ Déployer une stratégie d'assistance et d'outillage")
    page.put(56, 158, "en multicanal (téléphone, numérique)")
    page.right(146, "2020-")
    page.right(158, "2021")
    assert _steps(page.save(tmp_path))[1] == ("Déployer une stratégie d'assistance et d'outillage en multicanal (téléphone, numérique)", "2020-2021")


def test_a_lone_deadline_on_its_page_is_still_its_steps(tmp_path):
    """No other row on the page confirms where deadlines end: the phrase itself and the right edge do."""
    page = Page()
    page.card()
    page.put(56, 130, "➔ Évaluer la qualité des services numériques perçue par les usagers")
    page.put(56, 146, "➔ Appuyer les administrations pour atteindre les objectifs")
    page.put(56, 158, "quantitatifs et qualitatifs")
    page.right(146, "1er semestre")
    page.right(158, "2021")
    page.put(56, 174, "➔ Élaborer et piloter des plans d'amélioration continue des services publics")
    steps = _steps(page.save(tmp_path))
    assert steps[1] == ("Appuyer les administrations pour atteindre les objectifs quantitatifs et qualitatifs", "1er semestre 2021")
    assert steps[0][1] is None and steps[2][1] is None


def test_a_heading_of_the_next_column_is_no_deadline(tmp_path):
    """Two columns: a short heading of the right column stands level with a line of the left one's list."""
    page = Page()
    page.put(56, 100, "Un paragraphe de la colonne de gauche")
    page.put(56, 112, "➔ Les collectivités territoriales qui")
    page.put(56, 124, "le souhaitent inscrivent leur action")
    page.put(56, 136, "➔ Les entreprises et les associations")
    page.put(56, 148, "peuvent contribuer à l'intérêt général.")
    page.put(310, 88, "souveraineté nationale.")
    page.put(310, 124, "Optimiser les dépenses publiques")
    for i, text in enumerate(("Le numérique peut et doit être source", "d'économies. À ce titre, c'est un outil", "d'optimisation des dépenses publiques")):
        page.put(310, 140 + 12 * i, text)
    path = page.save(tmp_path)
    from editiondiff.extract.pdf import read_pdf

    blocks = read_pdf(path, "test").blocks
    assert not any(b.attrs.get("inline") for b in blocks)
    assert [b.text for b in blocks if b.kind == "list_item"] == [
        "Les collectivités territoriales qui le souhaitent inscrivent leur action",
        "Les entreprises et les associations peuvent contribuer à l'intérêt général.",
    ]


def test_a_deadline_at_a_tab_stop_keeps_what_wraps_after_it(tmp_path):
    """A word processor's paragraph "step<TAB>deadline": what wraps after the tab is the deadline's."""
    page = Page()
    page.card()
    page.put(56, 130, "•")
    page.put(74, 130, "Industrialiser l'assistance aux utilisateurs")
    page.right(130, "Fait")
    page.put(56, 142, "•")
    page.put(74, 142, "Animer l'écosystème des fournisseurs de services et leurs éditeurs")
    page.right(142, "Fait,")
    page.put(74, 154, "amélioration continue")
    page.put(56, 166, "•")
    page.put(74, 166, "Déployer FranceConnect à large échelle")
    page.right(166, "En cours, jusqu'à fin 2022")
    assert _steps(page.save(tmp_path)) == [
        ("Industrialiser l'assistance aux utilisateurs", "Fait"),
        ("Animer l'écosystème des fournisseurs de services et leurs éditeurs", "Fait, amélioration continue"),
        ("Déployer FranceConnect à large échelle", "En cours, jusqu'à fin 2022"),
    ]


def test_a_deadline_in_italics_a_space_from_its_step_is_the_steps(tmp_path):
    """The tab stop left no room: only the change to italics at the right edge sets the deadline apart."""
    page = Page()
    page.card()
    page.put(56, 130, "•")
    page.put(74, 130, "Labelliser les formations numériques de l'État")
    page.right(130, "Fait", italic=True)
    page.put(56, 142, "•")
    end = page.put(74, 142, "Expérimenter une opération de « job shadowing » avec des étudiants")
    page.right(142, " Programmée en novembre", italic=True)
    page.put(74, 154, "2020", italic=True)
    page.put(56, 166, "•")
    page.put(74, 166, "Mettre en place une stratégie d'image employeur")
    assert RIGHT - page.oblique.text_length(" Programmée en novembre", SIZE) - end < SIZE  # the pitfall: a space apart
    steps = _steps(page.save(tmp_path))
    assert steps[1] == ("Expérimenter une opération de « job shadowing » avec des étudiants", "Programmée en novembre 2020")
    assert steps[2] == ("Mettre en place une stratégie d'image employeur", None)


def test_a_side_panels_own_list_is_no_deadline_of_the_steps(tmp_path):
    """A panel on the right: its owner item and the deadline under it stand level with the steps."""
    page = Page()
    page.card()
    page.put(56, 130, "➔ Proposer aux agents un espace personnel numérique")
    page.put(56, 142, "pour y gérer leur parcours professionnel")
    page.put(56, 158, "➔ Offrir la possibilité aux agents d'ajouter des informations")
    page.put(411, 112, "⬆️ Ministère de")
    page.put(411, 124, "l'Économie et des")
    page.put(411, 136, "Finances")
    page.put(411, 154, "  1er trimestre 2021")
    assert all(deadline is None for _, deadline in _steps(page.save(tmp_path)))


def test_two_cards_side_by_side_each_keep_their_deadlines(tmp_path):
    """A deadline of the right card stands level with steps of both cards: it is the nearer one's."""
    page = Page()
    for box in ((48, 66, 290, 160), (305, 66, 547, 160)):  # each card in its bordered box
        page.page.draw_rect(pymupdf.Rect(box), color=(0.2, 0.3, 0.8))
    page.put(56, 80, "ACTION AB1 → Premier")
    page.put(313, 80, "ACTION AB2 → Second")
    page.put(56, 110, "➔ Finaliser le prototype et le passer")
    page.put(56, 124, "➔ Faire émerger des fournisseurs")
    page.right(124, "Automne", end=283)
    page.right(136, "2020", end=283)
    page.put(313, 110, "➔ Mener une étude interministérielle")
    page.right(110, "2nd")
    page.right(122, "semestre")
    page.right(134, "2019")
    page.put(313, 150, "➔ Développer ProConnect")
    page.right(150, "Fait")
    steps = dict(_steps(page.save(tmp_path)))
    assert steps["Finaliser le prototype et le passer"] is None
    assert steps["Faire émerger des fournisseurs"] == "Automne 2020"
    assert steps["Mener une étude interministérielle"] == "2nd semestre 2019"
    assert steps["Développer ProConnect"] == "Fait"


def test_steps_whose_marker_is_drawn_keep_their_wrapped_lines(tmp_path):
    """The marker is a drawn shape, not a character: the step's text starts right of it, its wrapped lines under it."""
    page = Page()
    page.card()
    rows = [
        (130, "Offrir une délégation d'identité numérique pour les aidants et", "représentants (AidantConnect)", "Fait"),
        (158, "Animer l'écosystème des fournisseurs d'identité, de services et", "leurs éditeurs", "Fait, amélioration"),
        (186, "Industrialiser l'assistance aux utilisateurs", None, None),
    ]
    for y, first, second, deadline in rows:
        page.page.draw_rect(pymupdf.Rect(56, y - 7, 62, y - 1), color=(0, 0, 0.6), fill=(0, 0, 0.6))
        page.put(64.5, y, first)
        if second:
            page.put(56, y + 12, second)
        if deadline:
            page.right(y, deadline)
    page.right(170, "continue")
    assert _steps(page.save(tmp_path)) == [
        ("Offrir une délégation d'identité numérique pour les aidants et représentants (AidantConnect)", "Fait"),
        ("Animer l'écosystème des fournisseurs d'identité, de services et leurs éditeurs", "Fait, amélioration continue"),
        ("Industrialiser l'assistance aux utilisateurs", None),
    ]


def test_a_note_under_a_step_set_as_close_as_its_lines_is_not_the_steps(tmp_path):
    """After a step's line that ends a sentence and did not wrap, a sentence is a paragraph of its own;
    a step whose wrapped line ends in a parenthesis at the edge goes on."""
    page = Page()
    page.card()
    page.put(56, 130, "➔ Investiguer l'usage de nouvelles technologies (robotisation des processus,")
    page.put(56, 142, "edge computing, IoT, etc.)")
    page.put(56, 154, "Expérimenté avec succès sur IA, RPA et chatbots.")
    wrapped = "➔ Contribuer au décloisonnement des applications ministérielles et à leur ouverture (DINUM)"
    assert 56 + page.font.text_length(wrapped + " AgentConnect", SIZE) > RIGHT  # the next word did not fit
    page.put(56, 170, wrapped)
    page.put(56, 182, "AgentConnect et ses fournisseurs d'identité")
    path = page.save(tmp_path)
    from editiondiff.extract.pdf import read_pdf

    texts = [(b.kind, b.text) for b in read_pdf(path, "test").blocks]
    assert ("list_item", "Investiguer l'usage de nouvelles technologies (robotisation des processus, edge computing, IoT, etc.)") in texts
    assert ("paragraph", "Expérimenté avec succès sur IA, RPA et chatbots.") in texts
    assert ("list_item", "Contribuer au décloisonnement des applications ministérielles et à leur ouverture (DINUM) AgentConnect et ses fournisseurs d'identité") in texts


def test_a_note_after_a_full_steps_line_that_ends_a_sentence_is_not_the_steps(tmp_path):
    """A step's last line that reaches the edge and ends with a stop (inside a parenthesis too): the
    sentence set under it, as close as the steps and where a wrapped line would start, is a note."""
    page = Page()
    page.card()
    full = "➔ Investiguer l'usage de nouvelles technologies (robotisation des processus, edge computing, IoT, etc.)"
    assert 56 + page.font.text_length(full + " Expérimenté", SIZE) > RIGHT  # it looks wrapped
    page.put(56, 130, "➔ Mettre en place un laboratoire d'intelligence artificielle")
    page.put(56, 142, full)
    page.put(56, 154, "Expérimenté avec succès sur IA, RPA et chatbots.")
    from editiondiff.extract.pdf import read_pdf

    texts = [(b.kind, b.text) for b in read_pdf(page.save(tmp_path), "test").blocks]
    assert ("list_item", full.removeprefix("➔ ")) in texts
    assert ("paragraph", "Expérimenté avec succès sur IA, RPA et chatbots.") in texts


def test_a_sentence_opened_by_an_article_under_a_full_step_is_not_the_steps(tmp_path):
    """"… ministérielles" / "La mission TRANSFO rejoint…": a capitalised article before a word in lower
    case opens a sentence, though the step's line has no stop and looks wrapped; "La Poste" goes on."""
    page = Page()
    page.card()
    first = "➔ Constituer un pôle mutualisé au sein de la DINUM pour soutenir les demandes des directions"
    second = "➔ Ouvrir un guichet numérique pour les démarches des entreprises en partenariat avec"
    for text in (first, second):
        assert 56 + page.font.text_length(text + " ministérielles", SIZE) > RIGHT  # each looks wrapped
    page.put(56, 130, first)
    page.put(56, 142, "ministérielles")
    page.put(56, 154, "La mission TRANSFO rejoint la mission PILOT à compter de cette édition.")
    page.put(56, 174, second)
    page.put(56, 186, "La Poste et ses bureaux")
    from editiondiff.extract.pdf import read_pdf

    texts = [(b.kind, b.text) for b in read_pdf(page.save(tmp_path), "test").blocks]
    assert ("list_item", first.removeprefix("➔ ") + " ministérielles") in texts
    assert ("paragraph", "La mission TRANSFO rejoint la mission PILOT à compter de cette édition.") in texts
    assert ("list_item", second.removeprefix("➔ ") + " La Poste et ses bureaux") in texts


def test_a_drawn_markers_step_reads_on_in_lower_case_and_stops_at_a_new_sentence(tmp_path):
    """Under a drawn marker, a line that goes on in lower case is the step's even where its first word
    would seem to fit on the line above; a sentence set there after a step that ends with a stop is not."""
    page = Page()
    page.card()
    for y in (130, 154, 166):
        page.page.draw_rect(pymupdf.Rect(56, y - 7, 62, y - 1), color=(0, 0, 0.6), fill=(0, 0, 0.6))
    page.put(64.5, 130, "Identifier des briques existantes au sein des administrations")
    page.put(56, 142, "et les mutualiser")
    page.put(64.5, 154, "Industrialiser l'assistance aux utilisateurs.")
    page.put(64.5, 166, "Animer l'écosystème des fournisseurs.")
    page.put(56, 178, "Expérimenté avec succès sur deux ministères.")
    from editiondiff.extract.pdf import read_pdf

    texts = [(b.kind, b.text) for b in read_pdf(page.save(tmp_path), "test").blocks]
    assert ("list_item", "Identifier des briques existantes au sein des administrations et les mutualiser") in texts
    assert ("list_item", "Animer l'écosystème des fournisseurs.") in texts
    assert ("paragraph", "Expérimenté avec succès sur deux ministères.") in texts


@pytest.mark.parametrize("one_block", [True, False])
def test_a_lone_deadline_at_the_tab_stop_of_an_items_wrapped_line_is_its_aside(tmp_path, one_block):
    """Alone on its page (a card cut by a page break), an item whose first line is full and whose wrapped
    line ends in a deadline at a right tab stop, as a word processor sets it (the bullet at its own
    position, the text at a hanging indent): the item's own first line just above the deadline does
    not make the deadline a paragraph's line."""
    page = Page()
    first = "Mettre en œuvre la politique d'accessibilité des services publics numériques pour les personnes"
    page.put(56, 80, "•")
    if one_block:
        page.page.insert_text((74, 80), first + "\nen situation de handicap", fontsize=SIZE, fontfile=SANS, fontname="dv")
    else:
        page.put(74, 80, first)
        page.put(74, 92, "en situation de handicap")
    # set a little larger than the item (a raised "nd" does the same): its top stands above the wrapped line's
    deadline = "2nd semestre 2020"
    page.page.insert_text((RIGHT - page.oblique.text_length(deadline, 10.5), 92), deadline, fontsize=10.5, fontfile=OBLIQUE, fontname="dvo")
    assert 74 + page.font.text_length(first, SIZE) > RIGHT - 60  # the first line reaches over the deadline
    assert _steps(page.save(tmp_path)) == [
        ("Mettre en œuvre la politique d'accessibilité des services publics numériques pour les personnes en situation de handicap", "2nd semestre 2020")
    ]
