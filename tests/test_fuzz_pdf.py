"""Fuzzing the PDF reader with byte mutations of the corpus PDFs.

Each example takes one re-typeset corpus PDF and applies a few mutations
(truncation, byte flips, a range overwritten, deleted or duplicated, an
object keyword spliced in): the reader returns a document or raises the
one-line error of a broken / unreadable PDF, never anything else, within
its time bound. Crashes found become `@example`s. (Truncation at 21,272
bytes was issue 10's row 1: "code=7: Invalid number of pages".)
"""

from __future__ import annotations

from pathlib import Path

from conftest import CORPUS
from fuzzing import examples
from hypothesis import example, given
from hypothesis import strategies as st

from editiondiff.errors import EditionDiffError
from editiondiff.extract.pipeline import _bytes_to_document
from editiondiff.limits import ReadLimits
from editiondiff.settings import ReaderSettings

PDFS = {p.name: p.read_bytes() for p in sorted((CORPUS / "pdf").glob("*.pdf"))}
SPLICES = [b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"/Pages", b"/Count 999999", b"<<", b">>", b"%%EOF", b"\x00" * 8]


@st.composite
def mutated_pdfs(draw) -> bytes:
    data = bytearray(PDFS[draw(st.sampled_from(sorted(PDFS)))])
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["truncate", "flip", "overwrite", "delete", "duplicate", "splice"]))
        span = draw(st.integers(1, 4096))
        if kind == "truncate":
            del data[max(at, 16):]
        elif kind == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "overwrite":
            data[at:at + span] = draw(st.binary(min_size=1, max_size=64)) * (span // 64 + 1)
        elif kind == "delete":
            del data[at:at + span]
        elif kind == "duplicate":
            data[at:at] = data[at:at + span]
        else:
            data[at:at] = draw(st.sampled_from(SPLICES))
        if len(data) < 16:
            break
    return bytes(data)


@examples(12)
@given(mutated_pdfs())
@example(PDFS["mi-2020_retypeset_pymupdf.pdf"][:21272])
def test_mutated_corpus_pdfs_give_a_document_or_a_one_line_error(data):
    try:
        document = _bytes_to_document(Path("fuzz.pdf"), data, "fuzz", ReaderSettings(limits=ReadLimits(max_seconds=30)))
    except EditionDiffError as exc:
        assert "\n" not in exc.line() and exc.exit_code == 2, exc.line()
        return
    assert document.format in ("pdf", "text", "markdown")
