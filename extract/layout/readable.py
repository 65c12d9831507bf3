"""A page's raw spans -> how much of its text has no Unicode meaning (fonts without a Unicode mapping).

    unreadable_chars(page_dict) -> (unreadable, total)

A font embedded without a ToUnicode map, in a producer's private encoding,
extracts as private-use code points, U+FFFD, control codes or pdfminer-style
"(cid:12)" tokens: the page has a text layer, but reading it would give a
garbled edition. The reader refuses such a file like a scan
("text layer unreadable"), never returning an empty or garbled edition.
"""

from __future__ import annotations

import re
import unicodedata

_CID = re.compile(r"\(cid:\d+\)")


def _unreadable(c: str) -> bool:
    """A private-use code point, a control code or the replacement character."""
    return c == "\ufffd" or (unicodedata.category(c) in ("Co", "Cc") and c not in "\t\n\r")


def unreadable_chars(page_dict: dict) -> tuple[int, int]:
    """(characters without a meaning, characters that are not spaces) over the page's text spans."""
    bad = total = 0
    for block in page_dict.get("blocks", ()):
        if block.get("type", 0) != 0:
            continue
        for line in block.get("lines", ()):
            for span in line.get("spans", ()):
                text = span.get("text", "")
                if "(cid:" in text:
                    cids = _CID.findall(text)
                    bad += len(cids)
                    total += len(cids)
                    text = _CID.sub("", text)
                for c in text:
                    if not c.isspace() or c in "\x00":
                        total += 1
                        bad += _unreadable(c)
    return bad, total
