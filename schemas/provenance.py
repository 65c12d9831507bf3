"""Where an extracted fact stands in its source.

Every element of an Edition carries a Provenance, so that any reported fact
can be traced back to a place in a document: a line range for text and
markdown sources, a page and a bounding box (PDF points, origin top-left) for
PDF sources, and always the quoted text.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: str = Field(description="Source id from the corpus manifest (e.g. '003') or the file name")
    line_start: int | None = Field(default=None, ge=1, description="First line, 1-based (text sources)")
    line_end: int | None = Field(default=None, ge=1, description="Last line, inclusive (text sources)")
    page: int | None = Field(default=None, ge=1, description="Page number, 1-based (PDF sources)")
    bbox: tuple[float, float, float, float] | None = Field(
        default=None, description="x0, y0, x1, y1 in PDF points, origin at the top-left of the page"
    )
    quote: str = Field(description="The text as it stands in the source (normalised whitespace)")

    def where(self) -> str:
        """A short human reference: 'source 003, l. 441-443' or 'p. 12'."""
        parts = [f"source {self.source}"]
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.line_start is not None:
            if self.line_end is not None and self.line_end != self.line_start:
                parts.append(f"l. {self.line_start}-{self.line_end}")
            else:
                parts.append(f"l. {self.line_start}")
        return ", ".join(parts)

    @staticmethod
    def span(items: list["Provenance"], quote: str | None = None) -> "Provenance":
        """One provenance covering several consecutive ones of the same source."""
        first, last = items[0], items[-1]
        lines = [p.line_start for p in items if p.line_start] + [p.line_end for p in items if p.line_end]
        bbox = None
        boxes = [p.bbox for p in items if p.bbox is not None and p.page == first.page]
        if boxes:
            bbox = (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        return Provenance(
            source=first.source,
            line_start=min(lines) if lines else None,
            line_end=max(lines) if lines else None,
            page=first.page,
            bbox=bbox,
            quote=quote if quote is not None else " ".join(p.quote for p in items),
        )
