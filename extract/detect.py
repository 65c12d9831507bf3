"""Which reader a source needs, decided from its content (the extension is only a hint).

PDF: the ``%PDF-`` magic. Markdown: YAML front matter (``---`` first line), or
markdown/kramdown constructs (headings ``#``, kramdown attribute lines
``{: .x}``, ``* **X :**`` list items, inline HTML figures). Plain text: valid
UTF-8 prose. Everything else is refused with an InputError naming the problem:
empty files, zip archives (and office documents, which are zips), other
binary data, text that is not UTF-8.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from ..errors import InputError

SourceKind = Literal["markdown", "text", "pdf"]

_BINARY_MAGIC = {
    b"PK\x03\x04": "a zip archive",
    b"PK\x05\x06": "an empty zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"7z\xbc\xaf": "a 7z archive",
    b"Rar!": "a RAR archive",
    b"\x7fELF": "an executable",
}
#: The control characters that tell binary data from text (tab, line feed, form feed and carriage return are text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_MARKDOWN_HINTS = re.compile(r"^(?:#{1,6}\s+\S|\{:\s*[.#][^}]*\}\s*$|\s*[*+-]\s+\*\*[^*]+\*\*|<figure\b|> )", re.MULTILINE)


def decode_text(path: Path, data: bytes) -> str:
    """The UTF-8 text of a source, or InputError."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})") from None
    return text.removeprefix("\ufeff")


def _is_json(text: str) -> bool:
    import json

    try:
        json.loads(text)
    except (ValueError, RecursionError):  # nested too deep to parse is still not a source document
        return False
    return True


def detect_format(path: Path, data: bytes) -> SourceKind:
    """'pdf', 'markdown' or 'text' for the bytes of `path`; InputError for anything else."""
    if not data.strip():
        raise InputError(path, "empty file")
    head = data.lstrip()[:8]
    if head.startswith(b"%PDF-"):
        return "pdf"
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(path, f"unsupported format: {what}, expected a PDF, markdown or text source")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "not UTF-8 text (UTF-16 byte order mark); convert the file to UTF-8")
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(path, "unsupported format: binary data, expected a PDF, markdown or text source")
    text = decode_text(path, data)
    head_text = text[:8192]
    if len(_CONTROL.findall(head_text)) > max(2, len(head_text) // 100):
        raise InputError(path, "unsupported format: binary data, expected a PDF, markdown or text source")
    opening = text.lstrip()[:200].lower()
    if opening.startswith("{\\rtf"):
        raise InputError(path, "unknown format: an RTF document, expected a PDF, markdown or text source")
    if opening.startswith(("<?xml", "<!doctype", "<html")):
        raise InputError(path, "unknown format: an XML/HTML document, expected a PDF, markdown or text source")
    if opening.startswith(("{", "[")) and _is_json(text):
        raise InputError(path, "unknown format: JSON data, not a source document (extracted editions go to `validate` or `diff`)")
    if len("".join(filter(str.isalpha, head_text))) < 20:
        raise InputError(path, "unknown format: no readable text")
    if text.startswith("---\n") or text.startswith("---\r\n"):
        return "markdown"
    if len(_MARKDOWN_HINTS.findall(text[:20000])) >= 3:
        return "markdown"
    return "text"
