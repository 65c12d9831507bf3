"""French deadline and status phrases turned into date intervals.

The roadmap prints, against each action or step, phrases such as
"3^e trimestre 2020", "2nd semestre 2020 puis maintenance",
"Expérimentation 2020. Déploiement 1^{er} semestre 2021" or
"Fait, amélioration continue". `phrase_to_deadline` reads them with a small
grammar written for these documents.

Conventions (every interval is inclusive, in ISO dates):

- "N^e trimestre YYYY", "TN YYYY": the calendar quarter (T1 = 01-01..03-31).
- "1^{er} / 2nd semestre YYYY", "SN YYYY": January-June / July-December.
- "début YYYY": the first quarter; "fin YYYY": the last quarter
  (2020-10-01..2020-12-31); both have granularity "quarter".
- "mi-YYYY": June and July (YYYY-06-01..YYYY-07-31), granularity "month".
- "YYYY", "en YYYY", "courant YYYY": the whole year.
- "YYYY-YYYY", "de X à Y", "X – Y": from the start of X to the end of Y,
  granularity "years" when both ends are years, else that of the end.
- seasons (astronomical, fixed days): printemps 03-20..06-20, été 06-21..09-22,
  automne 09-23..12-20, hiver YYYY = YYYY-12-21..(YYYY+1)-03-19.
- months: the whole month; "début / mi / fin <mois>": days 1-10 / 11-20 / 21-end.
- "jusqu'en X", "jusqu'à X": the work continues until the end of X (kind
  "ongoing", no start). "d'ici X", "avant X": due by the end of X (kind "due",
  no start). "à partir de X", "à compter de X", "dès X", "depuis X": from the
  start of X, no end (kind "open_ended").

A phrase is cut into parts at sentence ends, commas and "puis". Each part may
carry a date, a status (fait, effectué, en cours …), a phase word
(expérimentation, déploiement …) or be a modifier ("montée en puissance …",
"amélioration continue", "puis maintenance"). The Deadline then says:

- kind "milestone" when two or more non-modifier parts carry dates; its
  interval runs from the earliest start to the latest end, and its granularity
  is that of the part that ends last;
- otherwise the kind of its one dated part, overridden by an undated status
  part ("En cours. Déploiement progressif 2020-2022" is ongoing 2020-2022);
  modifiers never widen the interval, they are listed as qualifiers;
- "unparsed" when nothing in it could be read. The raw text is always kept.

Kinds describe the wording, not the calendar: "fin 2019" printed in a 2020
edition is still "due"; the audit compares dates with the edition's date.
A phrase without a year takes it from another part of the same phrase, else
from `context_year` (the edition's year), and then says so (`year_inferred`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..schemas.values import Deadline, Milestone
from . import status
from .text import fold_chars as _key
from .text import normalize_text

# --------------------------------------------------------------------------
# Preparing the text: one spelling for superscripts and icons. The grammar reads
# a folded key of the same length (`fold_chars`: lower case, no accents).

_SUPERSCRIPT_LETTERS = str.maketrans({"ᵉ": "e", "ʳ": "r", "ᵈ": "d", "ⁿ": "n", "ˢ": "s", "ᵗ": "t", "ᵐ": "m", "º": "o", "°": "o"})
_CARET = re.compile(r"\s*\^\s*\{\s*([^{}]{1,4}?)\s*\}|\s*\^\s*([A-Za-zèé]{1,4})")
_DETACHED_ORDINAL = re.compile(r"(?<!\d)(\d{1,2})\s+(ère|ere|er|re|ème|eme|nde|nd|e)\b")
_LEADING_MARKS = re.compile(r"^[^\w(«\"']+")
_SPACES = re.compile(r"\s+")


def _prepare(raw: str) -> str:
    """Normalised display text: one line, superscripts joined ('1^{er}' -> '1er'), icons dropped."""
    text = normalize_text(raw or "").translate(_SUPERSCRIPT_LETTERS)
    text = _CARET.sub(lambda m: m.group(1) or m.group(2), text)
    text = _DETACHED_ORDINAL.sub(r"\1\2", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_MARKS.sub("", text).strip()


# --------------------------------------------------------------------------
# The date grammar. Every alternative is written on the folded key.

_YEAR = r"(?:19|20)\d{2}"
_ORD = (
    r"(?:(?P<{n}>[1-4])(?:ere|er|re|eme|nde|nd|e)"
    r"|(?P<{w}>premier|premiere|second|seconde|deuxieme|troisieme|quatrieme))"
)
_ORD_WORDS = {"premier": 1, "premiere": 1, "second": 2, "seconde": 2, "deuxieme": 2, "troisieme": 3, "quatrieme": 4}
_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip


def _of_year(name: str) -> str:
    """An optional year after a quarter or semester ('3e trimestre 2020', '… de l'annee 2020')."""
    return r"(?:\s+(?:de\s+l'annee\s+|de\s+)?(?P<" + name + ">" + _YEAR + r"))?"


def _single_pattern(tag: str) -> str:
    """One date expression; group names are suffixed with `tag` so that two can sit in a range."""

    def g(name: str) -> str:
        return f"{name}{tag}"

    alternatives = [
        # "3e trimestre 2020", "troisieme trimestre"
        _ORD.format(n=g("qn"), w=g("qw")) + r"\s+trimestre" + _of_year(g("qy")),
        # "T3 2020", "Q3-2020"
        r"\b[tq](?P<" + g("tq") + r">[1-4])\s*[-/ ]?\s*(?P<" + g("tqy") + ">" + _YEAR + ")",
        # "2nd semestre 2020"
        _ORD.format(n=g("sn"), w=g("sw")) + r"\s+semestre" + _of_year(g("sy")),
        # "S2 2020", "H2 2020"
        r"\b[sh](?P<" + g("ts") + r">[12])\s*[-/ ]?\s*(?P<" + g("tsy") + ">" + _YEAR + ")",
        # "15 novembre 2020", "1er novembre", "debut novembre 2020", "novembre 2020"
        r"(?:(?P<" + g("md") + r">[1-3]?\d)(?:er)?\s+|(?P<" + g("mpos") + r">debut|mi|fin)[- ](?:de\s+|d')?)?"
        r"\b(?P<" + g("mo") + ">" + "|".join(_MONTHS) + r")\b(?:\s+(?P<" + g("moy") + ">" + _YEAR + "))?",
        # "15/11/2020"
        r"\b(?P<" + g("dd") + r">[0-3]?\d)/(?P<" + g("dm") + r">[01]?\d)/(?P<" + g("dy") + ">" + _YEAR + r")\b",
        # "automne 2020"; "ete" only with its year ("a ete lance" is no season)
        r"\b(?P<" + g("se") + r">printemps|automne|hiver)\b(?:\s+(?P<" + g("sey") + ">" + _YEAR + "))?",
        r"\b(?P<" + g("se2") + r">ete)\s+(?P<" + g("se2y") + ">" + _YEAR + ")",
        # "mi-2021", "mi-annee", "fin 2020", "fin d'annee 2020", "debut 2021"
        r"\b(?P<" + g("pos") + r">debut|mi|fin)[- ]?(?:(?:de\s+l'|d')?annee(?:\s+(?P<" + g("posay") + ">" + _YEAR + "))?"
        r"|(?P<" + g("posy") + ">" + _YEAR + "))",
        # "courant 2021", "dans le courant de l'annee 2021", "au cours de 2021"
        r"\b(?:courant|au cours)\s+(?:de\s+)?(?:l'annee\s+)?(?P<" + g("cy") + ">" + _YEAR + ")",
        # "2021"
        r"\b(?P<" + g("y") + ">" + _YEAR + r")\b",
    ]
    return "(?:" + "|".join(alternatives) + ")"


_DASH = r"\s*(?:-|–|—|/|\ba\b|\bau\b)\s*"
_RANGE = re.compile(
    _single_pattern("a") + r"(?:(?:" + _DASH + r"|\s+et\s+)" + _single_pattern("b") + r")?"
)

_UNTIL = re.compile(r"(?:\bjusqu'(?:en|a|au|aux)(?:\s+l')?|\bd'ici(?:\s+(?:a|la fin de|le|la|l'))?|\bavant(?:\s+(?:le|la|l'))?|\bau plus tard(?:\s+(?:en|le|la|au))?)\s*$")
_FROM = re.compile(r"(?:\ba\s+partir\s+(?:de|du|d')|\ba\s+compter\s+(?:de|du|d')|\bdes|\bdepuis)(?:\s+(?:le|la|l'))?\s*$")

_DONE = status.DONE
_PLACED = re.compile(status.PLACED)
_ONGOING = status.ONGOING

#: Folded phase word -> display form. Listed longest first where one contains another.
_PHASES = [
    (r"experimentation", "expérimentation"),
    (r"deploiement", "déploiement"),
    (r"generalisation", "généralisation"),
    (r"industrialisation", "industrialisation"),
    (r"lancement", "lancement"),
    (r"finalisation", "finalisation"),
    (r"prefiguration", "préfiguration"),
    (r"extension", "extension"),
    (r"ouverture", "ouverture"),
    (r"mise en (?:œuvre|oeuvre)", "mise en œuvre"),
    (r"mise en place", "mise en place"),
    (r"mise en production", "mise en production"),
    (r"(?:1(?:ere|re)|premiere) version", "première version"),
    (r"etude", "étude"),
    (r"projet", "projet"),
    (r"construction", "construction"),
    (r"cadrage", "cadrage"),
    (r"conception", "conception"),
]
_PHASE = re.compile(r"\b(?:" + "|".join(f"(?P<p{i}>{pattern})" for i, (pattern, _) in enumerate(_PHASES)) + r")\b")
_RAMP_UP = re.compile(r"\bmontee en (?:puissance|charge)\b")
_CONTINUOUS = re.compile(r"\bamelioration continue\b")
_MAINTENANCE = re.compile(r"^(?:puis\s+)?(?:maintenance|maintien en condition|extension progressive|passage a l'echelle)\b")

_SPLIT = re.compile(r"(?:\.\s+|;\s*|,\s*(?=puis\b)|,\s+|\s+(?=puis\b))")


# --------------------------------------------------------------------------
# Intervals


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter(year: int, n: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 3 * n - 2, 1), last_day(year, 3 * n)


def semester(year: int, n: int) -> tuple[dt.date, dt.date]:
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if n == 1 else (dt.date(year, 7, 1), dt.date(year, 12, 31))


def season(year: int, name: str) -> tuple[dt.date, dt.date]:
    return {
        "printemps": (dt.date(year, 3, 20), dt.date(year, 6, 20)),
        "ete": (dt.date(year, 6, 21), dt.date(year, 9, 22)),
        "automne": (dt.date(year, 9, 23), dt.date(year, 12, 20)),
        "hiver": (dt.date(year, 12, 21), dt.date(year + 1, 3, 19)),
    }[name]


@dataclass
class _Date:
    """One date expression found in the key, before its year is settled."""

    span: tuple[int, int]
    granularity: str
    year: int | None
    make: object  # year -> (start, end)
    end_year: int | None = None  # ranges: the year printed on the right-hand side
    make_end: object = None
    end_granularity: str | None = None


def _ordinal(m: re.Match, num: str, word: str) -> int:
    return int(m.group(num)) if m.group(num) else _ORD_WORDS[m.group(word)]


def _one_date(m: re.Match, tag: str):
    """(granularity, printed year or None, year -> interval) of one alternative of `_single_pattern(tag)`."""

    def g(name: str) -> str | None:
        return m.group(f"{name}{tag}")

    def year_of(*names: str) -> int | None:
        for name in names:
            if g(name):
                return int(g(name))
        return None

    if g("qn") or g("qw"):
        n = _ordinal(m, f"qn{tag}", f"qw{tag}")
        return "quarter", year_of("qy"), lambda y: quarter(y, n)
    if g("tq"):
        n = int(g("tq"))
        return "quarter", year_of("tqy"), lambda y: quarter(y, n)
    if g("sn") or g("sw"):
        n = _ordinal(m, f"sn{tag}", f"sw{tag}")
        if n > 2:
            return None
        return "semester", year_of("sy"), lambda y: semester(y, n)
    if g("ts"):
        n = int(g("ts"))
        return "semester", year_of("tsy"), lambda y: semester(y, n)
    if g("mo"):
        month = _MONTHS[g("mo")]
        if g("md"):
            day = int(g("md"))
            if not 1 <= day <= 31:
                return None

            def day_interval(y: int) -> tuple[dt.date, dt.date]:
                d = dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
                return d, d

            return "day", year_of("moy"), day_interval
        part = g("mpos")
        if part:
            first, last = {"debut": (1, 10), "mi": (11, 20), "fin": (21, 31)}[part]
            return "month", year_of("moy"), lambda y: (
                dt.date(y, month, first),
                last_day(y, month) if last == 31 else dt.date(y, month, last),
            )
        return "month", year_of("moy"), lambda y: (dt.date(y, month, 1), last_day(y, month))
    if g("dd"):
        day, month, year = int(g("dd")), int(g("dm")), int(g("dy"))
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        return "day", year, lambda y: (d, d)
    if g("se") or g("se2"):
        name = g("se") or g("se2")
        return "season", year_of("sey", "se2y"), lambda y: season(y, name)
    if g("pos"):
        part = g("pos")
        year = year_of("posy", "posay")
        if part == "debut":
            return "quarter", year, lambda y: quarter(y, 1)
        if part == "fin":
            return "quarter", year, lambda y: quarter(y, 4)
        return "month", year, lambda y: (dt.date(y, 6, 1), dt.date(y, 7, 31))
    if g("cy"):
        return "year", int(g("cy")), lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31))
    if g("y"):
        return "year", int(g("y")), lambda y: (dt.date(y, 1, 1), dt.date(y, 12, 31))
    return None


def _find_dates(key: str) -> list[_Date]:
    """Every date expression (single or range) in the key, left to right."""
    found = []
    for m in _RANGE.finditer(key):
        if m.start() == m.end():
            continue
        left = _one_date(m, "a")
        if left is None:
            continue
        granularity, year, make = left
        date = _Date(span=(m.start(), m.end()), granularity=granularity, year=year, make=make)
        if any(m.group(name) for name in m.groupdict() if name.endswith("b")):
            right = _one_date(m, "b")
            if right is not None:
                date.end_granularity, date.end_year, date.make_end = right
        found.append(date)
    return found


# --------------------------------------------------------------------------
# Parts of a phrase


@dataclass
class _Part:
    text: str  # display text of the part
    key: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = "unknown"
    dated: bool = False
    year_inferred: bool = False
    status: str | None = None  # done / ongoing
    relation: str | None = None  # until / by / from
    relation_text: str | None = None  # "jusqu'en 2021" as printed
    phase: str | None = None
    modifier: str | None = None  # the qualifier text when the part is a modifier
    after_puis: bool = False
    phases: list[str] = field(default_factory=list)
    found: _Date | None = None  # the date expression, settled once the phrase's years are known

    @property
    def informative(self) -> bool:
        return self.dated or self.status is not None or self.phase is not None or self.modifier is not None

    @property
    def kind(self) -> str:
        if self.status == "done":
            return "done"
        if self.relation == "from":
            return "open_ended"
        if self.relation == "until" or self.status == "ongoing" or self.modifier:
            return "ongoing"
        return "due"


def _cut(text: str) -> list[tuple[str, bool]]:
    """Cut the prepared phrase into parts: (part text, introduced by 'puis')."""
    key = _key(text)
    pieces, last = [], 0
    for m in _SPLIT.finditer(key):
        pieces.append(text[last : m.start()])
        last = m.end()
    pieces.append(text[last:])
    parts = []
    for piece in pieces:
        piece = piece.strip(" .;,:–-")
        if not piece:
            continue
        puis = _key(piece).startswith("puis ")
        parts.append((piece[5:].strip() if puis else piece, puis))
    return parts


def _read_part(text: str, after_puis: bool) -> list[_Part]:
    """One part of the phrase; a part naming two separate dates gives two parts."""
    if not text:
        return []
    key = _key(text)
    dates = _find_dates(key)
    if len(dates) > 1:  # "Projet 2020 ouverture T1 2021": split before each later date's leading words
        cuts, previous_end = [0], dates[0].span[1]
        for date in dates[1:]:
            between = key[previous_end : date.span[0]]
            phase = _PHASE.search(between)
            cut = previous_end + (phase.start() if phase else len(between) - len(between.lstrip()))
            relation = _UNTIL.search(key[:date.span[0]]) or _FROM.search(key[:date.span[0]])
            if relation and relation.start() >= previous_end:
                cut = min(cut, relation.start())
            cuts.append(cut)
            previous_end = date.span[1]
        cuts.append(len(text))
        parts = []
        for i, (a, b) in enumerate(zip(cuts, cuts[1:])):
            parts.extend(_read_part(text[a:b].strip(" ,;:–-"), after_puis and i == 0))
        return parts

    part = _Part(text=text, key=key, after_puis=after_puis)
    date = dates[0] if dates else None
    if date is not None:
        part.dated = True
        part.granularity = date.granularity
        before = key[: date.span[0]]
        until, since = _UNTIL.search(before), _FROM.search(before)
        if until:
            part.relation = "by" if key[until.start() :].startswith(("d'ici", "avant", "au plus tard")) else "until"
            part.relation_text = text[until.start() : date.span[1]].strip()
        elif since and not (key[since.start() :].startswith("des") and text[since.start() + 1] != "è"):
            part.relation = "from"
            part.relation_text = text[since.start() : date.span[1]].strip()
        part.found = date
    scrub = key if date is None else key[: date.span[0]] + " " * (date.span[1] - date.span[0]) + key[date.span[1] :]
    placed = _PLACED.search(scrub)
    if _DONE.search(scrub) or (placed and placed.start() > 0):
        part.status = "done"
    elif _ONGOING.search(scrub):
        part.status = "ongoing"
    for m in _PHASE.finditer(scrub):
        phase = _PHASES[int(m.lastgroup[1:])][1]
        if not (phase == "mise en place" and m.start() > 0 and part.status == "done"):  # "démarche mise en place"
            part.phases.append(phase)
    part.phase = part.phases[0] if part.phases else None
    ramp, continuous, maintenance = _RAMP_UP.search(scrub), _CONTINUOUS.search(scrub), _MAINTENANCE.search(scrub)
    if ramp:
        printed_date = part.relation_text or (text[date.span[0] : date.span[1]].strip() if date else "")
        part.modifier = f"montée en puissance {printed_date}".strip()
    elif continuous:
        part.modifier = "amélioration continue"
    elif maintenance or (after_puis and not part.dated and part.status is None):
        part.modifier = "puis " + text[0].lower() + text[1:] if after_puis else text[0].lower() + text[1:]
    return [part]


def _printed_year(part: _Part) -> int | None:
    date = part.found
    return None if date is None else (date.end_year or date.year)


def _settle_years(parts: list[_Part], context_year: int | None) -> None:
    """Give every dated part its interval.

    A year missing in print is taken from the nearest earlier part of the same
    phrase that prints one, else the nearest later one, else `context_year`
    (and the part says it was inferred).
    """
    for index, part in enumerate(parts):
        date = part.found
        if date is None:
            continue
        left, right = date.year, date.end_year
        if date.make_end is not None:
            left, right = left or right, right or left
        inferred = False
        if left is None:
            earlier = [y for y in map(_printed_year, parts[:index]) if y]
            later = [y for y in map(_printed_year, parts[index + 1 :]) if y]
            if earlier or later:
                left = earlier[-1] if earlier else later[0]
            elif context_year is not None:
                left, inferred = context_year, True
            else:  # a date without any year to give it: not a date after all
                part.dated = False
                continue
            right = right or left
        start, end = date.make(left)
        if date.make_end is not None:
            _, end = date.make_end(right)
            if start > end and date.year is None:  # "2nd semestre – 1er semestre 2021"
                start, _ = date.make(left - 1)
            elif start > end and date.end_year is None:  # "fin 2019 – janvier": the end is in the next year
                _, end = date.make_end(right + 1)
            start, end = min(start, end), max(start, end)
            both_years = date.granularity == "year" and date.end_granularity == "year"
            part.granularity = "years" if both_years else date.end_granularity
        part.year_inferred = inferred
        if part.relation in ("until", "by"):
            part.start, part.end = None, end
        elif part.relation == "from":
            part.start, part.end = start, None
        else:
            part.start, part.end = start, end


# --------------------------------------------------------------------------
# The phrase


def phrase_to_deadline(raw: str, *, context_year: int | None = None) -> Deadline:
    """Read one deadline or status phrase. Never raises: what cannot be read is kind 'unparsed'."""
    try:
        return _phrase_to_deadline(raw, context_year)
    except Exception:  # the grammar has a bug on this input: keep the text, say it was not read
        return Deadline(raw=raw if isinstance(raw, str) else str(raw), kind="unparsed")


def _phrase_to_deadline(raw: str, context_year: int | None) -> Deadline:
    text = _prepare(raw)
    parts: list[_Part] = []
    for piece, puis in _cut(text):
        parts.extend(_read_part(piece, puis))
    _settle_years(parts, context_year)
    informative = [p for p in parts if p.informative]
    if not informative:
        return Deadline(raw=raw, kind="unparsed")

    main = [p for p in informative if p.dated and p.modifier is None]
    # An undated status without a phase of its own ("En cours.", "Fait,") speaks for the whole phrase.
    headline = next((p.status for p in informative if not p.dated and p.modifier is None and p.phase is None and p.status), None)
    start = end = None
    granularity = "unknown"
    merged = None  # the headline part when it was folded into the one dated part
    if len(main) >= 2:
        kind = "milestone"
        starts = [p.start for p in main if p.start is not None]
        ends = [p.end for p in main if p.end is not None]
        start = min(starts) if starts else None
        end = max(ends) if ends else None
        granularity = max(main, key=lambda p: p.end or p.start).granularity
    elif len(main) == 1:
        only = main[0]
        start, end, granularity = only.start, only.end, only.granularity
        kind = only.kind
        overrides = only.status is None and only.relation != "from" and (headline == "ongoing" or only.phase is None)
        if headline and overrides:
            kind = headline
            merged = next(p for p in informative if p.status == headline and not p.dated and p.phase is None and p.modifier is None)
    else:
        dated_modifiers = [p for p in informative if p.dated]
        statuses = [p.status for p in informative if p.status]
        if headline or statuses:
            kind = headline or statuses[0]
        elif dated_modifiers:
            first = dated_modifiers[0]
            kind, start, end, granularity = first.kind, first.start, first.end, first.granularity
        elif any(p.modifier for p in informative):
            kind = "ongoing"
        else:
            kind = "due"

    if start is not None and end is not None and start > end:
        # parts whose dates contradict each other ("d'ici janvier à compter de l'automne" with one
        # inferred year): no interval can be given, so the phrase is kept as printed, not read
        return Deadline(raw=raw, kind="unparsed")

    qualifiers: list[str] = []
    for part in informative:
        for phase in part.phases:
            if phase not in qualifiers and part.modifier is None:
                qualifiers.append(phase)
        if part.modifier and part.modifier not in qualifiers:
            qualifiers.append(part.modifier)
        if part.relation == "from" and part.dated:
            label = _from_label(part.relation_text)
            if label and label not in qualifiers:
                qualifiers.append(label)

    listed = [p for p in informative if p is not merged]
    milestones = []
    if len(listed) >= 2:
        milestones = [
            Milestone(
                raw=p.text,
                start=p.start,
                end=p.end,
                granularity=p.granularity if p.dated else "unknown",
                kind=p.kind,
                phase=p.phase or _modifier_phase(p.modifier),
            )
            for p in listed
        ]
    return Deadline(
        raw=raw,
        start=start,
        end=end,
        granularity=granularity,
        kind=kind,
        qualifiers=qualifiers,
        milestones=milestones,
        year_inferred=any(p.year_inferred for p in informative),
    )


_FROM_WORDS = re.compile(r"^(?:à|a)\s+(?:partir|compter)\s+(?:de\s+|du\s+|d')|^(?:dès|des|depuis)\s+", re.IGNORECASE)


def _from_label(relation_text: str | None) -> str | None:
    """'à compter de 2020' -> 'à partir de 2020' (one spelling for the qualifier)."""
    if not relation_text:
        return None
    rest = _FROM_WORDS.sub("", relation_text).strip()
    return f"à partir de {rest}" if rest else None


def _modifier_phase(modifier: str | None) -> str | None:
    if not modifier:
        return None
    for name in ("montée en puissance", "amélioration continue"):
        if modifier.startswith(name):
            return name
    return modifier.removeprefix("puis ")


# --------------------------------------------------------------------------
# Telling a deadline phrase from other text, with the same grammar

#: Words a deadline phrase may open with before its date or state, adding nothing to them
#: ("Processus lancé en 2020", "Version 2 prévue fin 2021", "Au 1er trimestre 2021").
_ANNOUNCING = re.compile(r"(?:processus|dispositif|programmee?s?|prevue?s?|version|(?:l')?annee|au|en)\b")
_RELATION_START = re.compile(r"(?:jusqu'|d'ici\b|a partir\b|a compter\b|des\b|depuis\b|avant\b|au plus tard\b)")
_ORDINAL_START = re.compile(r"(?:premier|premiere|deuxieme|second|seconde|troisieme|quatrieme|1re|1ere|2nde)\b|[ts]\s?[1-4]\b")
_NAMED_PERIOD = re.compile(r"\b(?:trimestre|semestre)\b")
_OPENINGS = (_ANNOUNCING, _RELATION_START, _ORDINAL_START, status.BARE_STATE, _PHASE, _RAMP_UP, _CONTINUOUS, _PLACED)
#: Longest deadline phrase, and longest phrase that is a bare state ("Fait", "En cours").
MAX_PHRASE_CHARS = 200
MAX_STATE_CHARS = 80


def _opens_like_a_deadline(key: str) -> bool:
    """The folded phrase starts with a date, a state, a phase, a relation ("jusqu'en") or an announcing word."""
    if key[:1].isdigit():
        return True
    first = next((d for d in _find_dates(key)), None)
    if first is not None and first.span[0] == 0:
        return True
    return any(pattern.match(key) for pattern in _OPENINGS)


@lru_cache(maxsize=8192)
def is_deadline_phrase(text: str) -> bool:
    """A deadline or status phrase: the grammar reads it from its first word and finds a date in it,
    or it is a bare state the grammar reads ('Fait', 'En cours', 'Dispositif lancé')."""
    text = text.strip()
    if not text or len(text) > MAX_PHRASE_CHARS:
        return False
    key = _key(_prepare(text))
    if not key or not _opens_like_a_deadline(key):
        return False
    if _find_dates(key) or _NAMED_PERIOD.search(key):
        return True
    return len(text) <= MAX_STATE_CHARS and status.BARE_STATE.match(key) is not None
