"""The enjeux: numbered items after a mention of "enjeux" (text sources), or the
sub-headings of a heading that mentions them (markdown) -> Enjeux."""

from __future__ import annotations

import re

from ..schemas.blocks import Block
from ..schemas.edition import Enjeu
from ..schemas.provenance import Provenance
from .phrases import is_heading_like

_ARTICLE = re.compile(r"^(?:la |le |les |l')", re.IGNORECASE)


def blocks_to_enjeux(blocks: list[Block]) -> list[Enjeu]:
    """The numbered enjeux (text sources) or the sub-headings of an 'enjeux' heading (markdown)."""
    enjeux: list[Enjeu] = []
    mentioned_at = -10
    expected = 1
    for i, block in enumerate(blocks):
        number = block.attrs.get("number")
        if not number:
            # a text whose lower case holds "enjeux" holds a "j" or a "J" (no other character has "j" for
            # lower case): most texts hold neither, and are not lowered (speed)
            text = block.text
            if ("j" in text or "J" in text) and "enjeux" in text.lower():
                mentioned_at = i
            continue
        text = block.text.strip()
        if int(number) == expected and i - mentioned_at <= 8 and expected <= 6:
            if is_heading_like(text):
                title = blocks[i + 1].text.strip() if i + 1 < len(blocks) and blocks[i + 1].kind == "paragraph" else None
                description = blocks[i + 2].text.strip() if title and i + 2 < len(blocks) and blocks[i + 2].kind == "paragraph" else None
                name = text.capitalize()
                provs = [b.provenance for b in blocks[i: i + (3 if description else 2 if title else 1)]]
            else:
                word = re.match(r"(\w+)", _ARTICLE.sub("", text))
                name = word.group(1).capitalize() if word else text
                title, description = None, text
                provs = [block.provenance]
            enjeux.append(Enjeu(number=expected, name=name, title=title, description=description, provenance=Provenance.span(provs)))
            expected += 1
            mentioned_at = i
    if enjeux:
        return enjeux
    # markdown: sub-headings of a heading that mentions the enjeux
    for i, block in enumerate(blocks):
        if block.kind != "heading" or "enjeux" not in block.text.lower():
            continue
        level = block.level or 1
        for j in range(i + 1, len(blocks)):
            sub = blocks[j]
            if sub.kind == "heading" and (sub.level or 1) <= level:
                break
            if sub.kind == "heading" and len(enjeux) < 6:
                description = next(
                    (b.text.strip() for b in blocks[j + 1: j + 4] if b.kind == "paragraph" and b.text.strip()), None
                )
                enjeux.append(Enjeu(number=len(enjeux) + 1, name=sub.text.strip(), description=description, provenance=sub.provenance))
        if enjeux:
            break
    return enjeux
