"""A page's raw spans -> how much of its text has no Unicode meaning (fonts without a Unicode mapping).

    unreadable_chars(page_dict, text) -> (unreadable, total)

A font embedded without a ToUnicode map, in a producer's private encoding,
extracts as private-use code points, U+FFFD, control codes or pdfminer-style
"(cid:12)" tokens: the page has a text layer, but reading it would give a
garbled edition. The reader refuses such a file like a scan
("text layer unreadable"), never returning an empty or garbled edition.
"""

from __future__ import annotations

import re

_CID = re.compile(r"\(cid:\d+\)")


#: Private-use code points (the BMP's and planes 15-16), control codes, the replacement character.
_UNREADABLE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unreadable_chars(page_dict: dict, text: str | None = None) -> tuple[int, int]:
    """(characters without a meaning, characters that are not spaces) over the page's text spans
    (`text`: their texts joined, as `tally_sizes` gives them; else read from `page_dict`)."""
    if text is None:
        text = "".join([
            span.get("text", "")
            for block in page_dict.get("blocks", ())
            if block.get("type", 0) == 0
            for line in block.get("lines", ())
            for span in line.get("spans", ())
        ])
    cids = 0
    if "(cid:" in text:
        cids = len(_CID.findall(text))
        text = _CID.sub("", text)
    if text.isprintable():
        # most pages: a printable text holds no control or private-use code, only U+FFFD of what
        # is unreadable, and no space but U+0020 (what str.isprintable leaves out), so counting those is enough
        return text.count("\ufffd") + cids, len(text) - text.count(" ") + cids
    bad = len(_UNREADABLE.findall(text))
    # what is not a space: str.split cuts at the very characters that \s matches (a NUL is unreadable,
    # though no space either)
    return bad + cids, sum(map(len, text.split())) + cids


def body_size(sizes: dict[float, int]) -> float:
    """The size most characters are set in (the body text), from a tally of characters by size."""
    return max(sizes.items(), key=lambda item: (item[1], -item[0]))[0] if sizes else 0.0


def tally_sizes(page_dict: dict, sizes: dict[float, int]) -> str:
    """Add the page's characters to the tally by font size (rounded to a tenth of a point); the
    page's text, its spans' texts joined, read in the same walk for `unreadable_chars`.

    A page sets its text in a few sizes: they are counted as MuPDF gives them, then rounded once each.
    Only text blocks (type 0) have lines: an image block has none, so the spans walked are those
    `unreadable_chars` reads. MuPDF sets "spans" on every line and "text" and "size" on every
    span: they are indexed, not looked up with a default (speed, over every span).
    """
    given: dict[float, int] = {}
    texts: list[str] = []
    for block in page_dict.get("blocks", ()):
        for line in block.get("lines", ()):
            for span in line["spans"]:
                text = span["text"]
                texts.append(text)
                size = span["size"]
                given[size] = given.get(size, 0) + len(text.strip())
    for size, count in given.items():
        size = round(float(size), 1)
        sizes[size] = sizes.get(size, 0) + count
    return "".join(texts)
