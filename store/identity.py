"""What a source prints about its edition beyond what extraction keeps: its publication date and the document URL.

    printed_published(data)    bytes of a text or markdown source -> the date it says it was published, or None
    printed_url(data)          -> the first link to a PDF document it prints, or None

Read from the words of the page ("Publié le 19 09 2022", "publié le 16 avril
2019") or its front matter (``date: 2019-04-16 …``); a PDF's own metadata date
is that of its file, not of the publication, so PDFs give None here.
"""

from __future__ import annotations

import datetime as dt
import re

_FRONT_DATE = re.compile(r"\A---\s*\n(?:.*\n)*?date:\s*['\"]?(\d{4})-(\d{2})-(\d{2})", re.MULTILINE)
_PUBLISHED = re.compile(r"\bpubli[ée]e?\s+le\s+(?P<rest>[^\n|]{4,40})", re.IGNORECASE)
_NUMERIC = re.compile(r"^(\d{1,2})[ ./-](\d{1,2})[ ./-](\d{4})\b")
_PDF_LINK = re.compile(r"(?:https?://[^\s)\"'<>]+|/[^\s)\"'<>(]+)\.pdf\b", re.IGNORECASE)


def _text(data: bytes) -> str | None:
    if data.lstrip()[:5] == b"%PDF-":
        return None
    try:
        return data[:200_000].decode("utf-8", errors="strict")
    except UnicodeDecodeError:
        return None


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def printed_published(data: bytes) -> dt.date | None:
    text = _text(data)
    if text is None:
        return None
    if m := _FRONT_DATE.match(text):
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    for m in _PUBLISHED.finditer(text):
        rest = m.group("rest").strip()
        if n := _NUMERIC.match(rest):
            return _valid(int(n.group(3)), int(n.group(2)), int(n.group(1)))
        from ..vocabulary.deadlines import phrase_to_deadline

        deadline = phrase_to_deadline(rest.split(",")[0])
        if deadline.granularity == "day" and deadline.start is not None:
            return deadline.start
    return None


def printed_url(data: bytes) -> str | None:
    text = _text(data)
    if text is None:
        return None
    m = _PDF_LINK.search(text)
    return m.group(0) if m else None
