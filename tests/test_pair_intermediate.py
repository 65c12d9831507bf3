"""A pair of editions that skips others takes the skipped editions' mission statements as evidence, chained.

Fictitious editions known only at mission level (so that nothing but statements links a mission to its new code),
with invented missions.
"""

from __future__ import annotations

from editiondiff.report.build import editions_to_report
from editiondiff.report.pair import with_intermediate_statements
from editiondiff.schemas import Edition, Mission, StatedChange
from editiondiff.schemas.provenance import Provenance


def edition(id_: str, missions: list[tuple[str, str]], stated=()) -> Edition:
    return Edition(id=id_, label=f"édition {id_}", level="missions", sources=[], stated_changes=list(stated),
                   missions=[Mission(code=c, code_printed=c, name=n, provenance=Provenance(source=id_, line_start=10 + i, quote=c))
                             for i, (c, n) in enumerate(missions)])


def stated(kind: str, subject: str, target: str, source: str, line: int) -> StatedChange:
    quote = f"{kind}: {subject} -> {target}"
    return StatedChange(kind=kind, subject=subject, target=target, summary=f"La mission {subject} devient la mission {target}",
                        evidence=Provenance(source=source, line_start=line, quote=quote))


FIRST = edition("a-fictitious", [("VIGIE", "Veiller sur les réseaux"), ("GUICHET", "Accueillir les usagers"), ("REGISTRE", "Tenir les registres")])
#: VIGIE becomes SENTINELLE in b, SENTINELLE becomes PHARE in c; REGISTRE merges into GUICHET in b.
SECOND = edition("b-fictitious", [("SENTINELLE", "Surveiller les infrastructures"), ("GUICHET", "Accueillir les usagers")],
                 [stated("mission_renamed", "VIGIE", "SENTINELLE", "src-b", 5), stated("mission_merged", "REGISTRE", "GUICHET", "src-b", 6)])
THIRD = edition("c-fictitious", [("PHARE", "Éclairer les décisions publiques"), ("GUICHET", "Accueillir tous les usagers")],
                [stated("mission_renamed", "SENTINELLE", "PHARE", "src-c", 7)])


def test_statements_of_the_skipped_edition_are_chained_to_the_newer_codes():
    new = with_intermediate_statements(FIRST, THIRD, [SECOND])
    added = [(s.kind, s.subject, s.target) for s in new.stated_changes if s not in THIRD.stated_changes]
    assert added == [("mission_merged", "REGISTRE", "GUICHET"), ("mission_renamed", "VIGIE", "PHARE")]
    chained = next(s for s in new.stated_changes if s.subject == "VIGIE")
    # cited with the intermediate edition and its place, and every step on the way
    assert chained.evidence.source == "src-b" and chained.evidence.line_start == 5
    assert chained.summary.startswith("b-fictitious : ") and "c-fictitious : " in chained.summary
    assert with_intermediate_statements(FIRST, SECOND, []) is SECOND


def test_the_skipping_pair_reports_the_rename_and_the_merge_not_removals_and_additions():
    report = editions_to_report([FIRST, SECOND, THIRD], pairs=[("a-fictitious", "c-fictitious")])
    skipping = next(p for p in report.pairs if (p.old, p.new) == ("a-fictitious", "c-fictitious"))
    changes = sorted((c.kind, c.subject.head) for c in skipping.diff.changes if c.kind.startswith("mission_") and c.kind != "mission_reworded")
    assert changes == [("mission_merged", "REGISTRE"), ("mission_renamed", "VIGIE")]
    agreed = {c.statement_phrase.params["subject"]: c.evidence.where() for c in skipping.diff.agreements}
    assert agreed == {"VIGIE": "source src-b, l. 5", "REGISTRE": "source src-b, l. 6"}


def test_without_the_intermediate_edition_nothing_links_the_missions():
    report = editions_to_report([FIRST, THIRD])
    [pair] = report.pairs
    changes = sorted((c.kind, c.subject.head) for c in pair.diff.changes if c.kind.startswith("mission_") and c.kind != "mission_reworded")
    assert changes == [("mission_added", "PHARE"), ("mission_removed", "REGISTRE"), ("mission_removed", "VIGIE")]


def test_counts_the_newer_edition_gives_since_its_predecessor_are_not_checked_against_a_skipped_one():
    from editiondiff.schemas import Claim

    def claims(edition: Edition, **values) -> Edition:
        where = Provenance(source=edition.id, line_start=1, quote=f"{values}")
        return edition.model_copy(update={"claims": [Claim(kind=k, value=v, provenance=where) for k, v in values.items()]})

    # 20 projects in a, 20 + 4 = 24 in b, 24 + 3 = 27 in c: c's "27 dont 3 nouveaux" counts from b
    a, b, c = claims(FIRST, actions=20), claims(SECOND, actions=24, new=4), claims(THIRD, actions=27, new=3)
    report = editions_to_report([a, b, c], pairs=[("a-fictitious", "c-fictitious")])
    consecutive = next(p for p in report.pairs if (p.old, p.new) == ("b-fictitious", "c-fictitious"))
    skipping = next(p for p in report.pairs if (p.old, p.new) == ("a-fictitious", "c-fictitious"))
    total = "claims_total_and_new"
    assert [x.agrees for x in consecutive.diff.agreements if x.statement_phrase.code == total] == [True]
    assert not [x for x in skipping.diff.contradictions + skipping.diff.agreements if x.statement_phrase.code == total]
    [unchecked] = [x for x in skipping.diff.unchecked if x.statement_phrase.code == total]
    assert unchecked.observed_phrase.code == "counted_since_skipped" and unchecked.observed_phrase.params["previous"] == "b-fictitious"
