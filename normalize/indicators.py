"""Indicator table cells turned into typed values.

    "40 millions*"     -> number 40 000 000, footnote
    "10 M€*"           -> number 10 000 000, unit EUR, footnote
    "100 000*", "1 000"-> number (spaces, no-break or thin, group thousands)
    "80%", "0%"        -> percent 80.0 / 0.0, unit '%'
    "< 5%"             -> bound, high 5.0, unit '%'  ("> 5", "≥", "moins de", "plus de" alike)
    "50 à 80"          -> range, low 50, high 80 ("50-80", "de 50 à 80", "entre 50 et 80")
    "16 ^e", "16e", "1er" -> rank 16 / 1, unit 'rank'
    "NM"               -> null, not measured;  "Non significatif" / "NS" -> null, not significant
    "ND", "n.d.", "non disponible" -> null, not available;  "", "-" -> null, empty

Percentages are stored in percent, never as fractions: "5%" is 5.0 with unit
'%'. Decimal commas are read ("1,5 million" is 1 500 000). Anything else is
kind "unparsed" with its raw text; the function never raises.
"""

from __future__ import annotations

import math
import re

from ..schemas.values import IndicatorValue
from ..vocabulary.text import fold, normalize_text

_SCALES = {
    "k": 1e3, "millier": 1e3, "milliers": 1e3,
    "m": 1e6, "million": 1e6, "millions": 1e6, "mio": 1e6,
    "md": 1e9, "mds": 1e9, "milliard": 1e9, "milliards": 1e9, "g": 1e9,
}  # fmt: skip
_CURRENCY = {"€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "d'euros": "EUR", "de euros": "EUR"}

_NUMBER = r"\d{1,3}(?:[  \u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    r"^(?P<n>" + _NUMBER + r")\s*"
    r"(?P<scale>milliers|millier|millions|million|milliards|milliard|mio|mds|md|k|m|g)?\s*"
    r"(?:(?P<cur>€|eur|euros|euro|d'euros|de euros)|(?P<pct>%|pour ?cent|pts?))?$",
    re.IGNORECASE,
)
_RANK = re.compile(r"^(?P<n>\d{1,3})\s*\^?\s*\{?\s*(?:e|eme|ème|er|re|ère|ᵉ|ᵉʳ)\s*\}?$", re.IGNORECASE)
_LOWER = re.compile(r"^(?:<=?|≤|moins de|inferieur a|inferieure a|au plus)\s*(?P<rest>.+)$", re.IGNORECASE)
_UPPER = re.compile(r"^(?:>=?|≥|plus de|superieur a|superieure a|au moins)\s*(?P<rest>.+)$", re.IGNORECASE)
_RANGE = re.compile(r"^(?:de\s+|entre\s+)?(?P<a>.+?)\s*(?:\s(?:a|à|et)\s|-|–|—)\s*(?P<b>.+)$", re.IGNORECASE)
_NULLS = {
    "nm": "not_measured", "non mesure": "not_measured", "non mesuree": "not_measured",
    "ns": "not_significant", "non significatif": "not_significant", "non significative": "not_significant",
    "nd": "not_available", "n d": "not_available", "non disponible": "not_available", "na": "not_available",
}  # fmt: skip


def _amount(text: str) -> tuple[float, str | None, float] | None:
    """(value, unit, scale) of '40 millions', '10 M€', '80%', '100 000'; None if it is not one."""
    m = _AMOUNT.match(text.strip())
    if not m:
        return None
    number = float(re.sub(r"[  \u202f]", "", m.group("n")).replace(",", "."))
    scale = _SCALES[m.group("scale").lower()] if m.group("scale") else 1.0
    number *= scale
    if m.group("pct"):
        return number, "%", scale
    if m.group("cur"):
        return number, "EUR", scale
    return number, None, scale


def cell_to_value(raw: str) -> IndicatorValue:
    """The typed value of one indicator cell. Never raises: unreadable cells are kind 'unparsed'."""
    try:
        value = _cell_to_value(raw)
    except Exception:  # a bug on an unforeseen cell: keep the text
        return IndicatorValue(raw=raw if isinstance(raw, str) else str(raw), kind="unparsed")
    if any(x is not None and not math.isfinite(x) for x in (value.value, value.low, value.high)):
        return IndicatorValue(raw=value.raw, kind="unparsed")  # beyond float range ("9" × 400): no JSON number holds it
    return value


def _cell_to_value(raw: str) -> IndicatorValue:
    text = re.sub(r"\s+", " ", normalize_text(raw or "")).strip()
    footnote = False
    while text.endswith("*") or text.startswith("*"):
        footnote = True
        text = text.strip("*").strip()
    if text in ("", "-", "–", "—"):
        return IndicatorValue(raw=raw, kind="null", null_reason="empty", footnote=footnote)
    key = fold(text)
    if key in _NULLS:
        return IndicatorValue(raw=raw, kind="null", null_reason=_NULLS[key], footnote=footnote)

    rank = _RANK.match(text)
    if rank:
        return IndicatorValue(raw=raw, kind="rank", value=float(rank.group("n")), unit="rank", footnote=footnote)

    amount = _amount(text)
    if amount:
        value, unit, _ = amount
        return IndicatorValue(raw=raw, kind="percent" if unit == "%" else "number", value=value, unit=unit, footnote=footnote)

    folded = text.replace("à", "a").replace("é", "e")
    for pattern, side in ((_LOWER, "high"), (_UPPER, "low")):
        m = pattern.match(folded)
        if m:
            bound = _amount(m.group("rest"))
            if bound:
                value, unit, _ = bound
                return IndicatorValue(raw=raw, kind="bound", unit=unit, footnote=footnote, **{side: value})

    m = _RANGE.match(text)
    if m:
        low, high = _amount(m.group("a")), _amount(m.group("b"))
        if low and high:
            low_value = low[0]
            if low[1] is None and low[2] == 1.0:  # "10 à 20 millions": the scale printed once is for both ends
                low_value *= high[2]
            return IndicatorValue(raw=raw, kind="range", low=low_value, high=high[0], unit=high[1] or low[1], footnote=footnote)
    return IndicatorValue(raw=raw, kind="unparsed", footnote=footnote)
