"""Page layout of a PDF's text, one step a file, every threshold in `LayoutSettings`.

The PDF reader (`editiondiff.extract.pdf`) does layout here and leaves meaning
to the text conventions (`editiondiff.extract.text`): a page's text is turned
back into the lines a careful human would type from the printed page, then
read like any text. The steps, in the order the reader runs them:

    spans.py        MuPDF spans -> visual lines (doubled glyphs, icons, gutters, superscripts)
    icons.py        symbol-font codes -> the icon characters of the text conventions
    running.py      pages -> pages without running headers, footers, page numbers
    turned.py       a page turned by /Rotate or set sideways -> read as shown, text upright
    tables.py       a page's rules -> ruled table regions (pdfplumber's finder), stitched across pages
    borderless.py   lines whose cells line up -> borderless table regions (columns from whitespace)
    headers.py      table cells -> values, years, words: header rows told by content
    xycut.py        a page's (or a box's) lines -> regions cut at whitespace gaps, recursively
    order.py        a page's lines -> reading order, columns and bands (from the XY-cut's regions)
    edges.py        sparse columns -> edges taken from the document's fuller pages
    paragraphs.py   ordered lines -> paragraph runs
    hyphenation.py  wrapped pieces -> joined words
    logical.py      paragraph runs -> logical lines (bullets, icon slots, statuses beside steps)

    model.py        Span, Line, Group, LogicalLine: what the steps hand each other
    settings.py     LayoutSettings: named, validated thresholds
"""

from .settings import DEFAULT_LAYOUT, LayoutSettings

__all__ = ["DEFAULT_LAYOUT", "LayoutSettings"]
