"""The graph checker's judging part, on hand-made facts (no server)."""

from __future__ import annotations

import datetime as dt

from actorgraph.model.invariants import (
    AllegationFacts,
    GraphFacts,
    RelationFacts,
    StatementFacts,
    check_graph,
)

DAY = dt.date(2030, 1, 2)


def _facts(**changes: object) -> GraphFacts:
    """The Kremlin says the legion did the raid, the legion denies: CONTESTED, three derived relationships."""
    text = "The Kremlin said the legion did it. The legion said no."
    s1 = StatementFacts("s1", "AFFIRMS", DAY, "the legion did it", 17, 34, ("kremlin",), ("al",), ("src",), ())
    s2 = StatementFacts("s2", "DENIES", DAY, "The legion said no", 36, 54, ("legion",), ("al",), ("src",), ())
    facts = GraphFacts(
        nodes=[
            (("Actor",), "kremlin"),
            (("Actor",), "legion"),
            (("Event",), "raid"),
            (("Source",), "src"),
            (("Allegation",), "al"),
            (("Statement",), "s1"),
            (("Statement",), "s2"),
        ],
        statements=[s1, s2],
        allegations=[AllegationFacts("al", "CARRIED_OUT", "CONTESTED", ("legion",), (("raid", True),))],
        source_texts={"src": text},
        relations=[
            RelationFacts("ACCUSES", "kremlin", "legion", ("s1",), 1, DAY, DAY),
            RelationFacts("CONTRADICTS", "legion", "kremlin", ("s1", "s2"), 2, DAY, DAY),
            RelationFacts("DENIES_INVOLVEMENT", "legion", "raid", ("s2",), 1, DAY, DAY),
        ],
    )
    for name, value in changes.items():
        setattr(facts, name, value)
    return facts


def test_consistent_facts_pass() -> None:
    report = check_graph(_facts())
    assert report.ok, report.violations
    assert report.checked["derived"] == 3 and report.checked["quotes"] == 2


def test_status_drift_is_named() -> None:
    facts = _facts()
    facts.allegations = [AllegationFacts("al", "CARRIED_OUT", "DENIED", ("legion",), (("raid", True),))]
    assert [str(v) for v in check_graph(facts).violations] == [
        "statuses: al: status is 'DENIED', the rule gives 'CONTESTED'"
    ]


def test_missing_extra_and_wrong_relations_are_named() -> None:
    facts = _facts()
    facts.relations = [
        RelationFacts("ACCUSES", "kremlin", "legion", ("s1",), 2, DAY, DAY),
        RelationFacts("CONTRADICTS", "legion", "kremlin", ("s1", "s2"), 2, DAY, DAY),
        RelationFacts("CONTRADICTS", "legion", "kremlin", ("s1", "s2"), 2, DAY, DAY),
        RelationFacts("SUPPORTS", "kremlin", "legion", ("s1",), 1, DAY, DAY),
    ]
    found = sorted(str(v) for v in check_graph(facts).violations)
    assert found == [
        "derived: (kremlin)-[:ACCUSES]->(legion): count is 2, the rules give 1",
        "derived: (kremlin)-[:SUPPORTS]->(legion): stored but not derived from any statement (extra)",
        "derived: (legion)-[:CONTRADICTS]->(kremlin): stored twice: one relationship per type and pair",
        "derived: (legion)-[:DENIES_INVOLVEMENT]->(raid): derived by the rules but not stored (missing)",
    ]


def test_links_quotes_and_orphans() -> None:
    facts = _facts()
    s2 = facts.statements[1]
    facts.statements = [
        StatementFacts("s1", "AFFIRMS", DAY, "the legion did it", 16, 33, (), ("al",), ("src",), ()),
        StatementFacts("s2", "DENIES", DAY, s2.quote, s2.start, s2.end, ("legion",), ("al", "al2"), ("src",), ()),
    ]
    facts.allegations.append(AllegationFacts("al3", "ATTACKED", None, ("legion",), (("kremlin", False),)))
    found = [str(v) for v in check_graph(facts).violations]
    assert "statement-links: s1: 0 speakers (MADE) (none): needs exactly one" in found
    assert "statement-links: s2: 2 allegations (ON) (al, al2): needs exactly one" in found
    assert any(v.startswith("quotes: s1: text[16:33] is ") for v in found)
    assert "orphans: al3: an allegation without any statement" in found


def test_structural_links_make_an_own_side_denial() -> None:
    """A spokesman's denial for his agency counts as the agency's own side (DENIES_INVOLVEMENT)."""
    text = "K: H controls A. Y: we do not. Y speaks for H."
    facts = GraphFacts(
        nodes=[],
        statements=[
            StatementFacts("s1", "AFFIRMS", None, "H controls A", 3, 15, ("k",), ("al1",), ("src",), ()),
            StatementFacts("s2", "DENIES", None, "we do not", 20, 29, ("y",), ("al1",), ("src",), ()),
            StatementFacts("s3", "AFFIRMS", None, "Y speaks for H", 31, 45, ("k",), ("al2",), ("src",), ()),
        ],
        allegations=[
            AllegationFacts("al1", "CONTROLLED_BY", "CONTESTED", ("a",), (("h", False),)),
            AllegationFacts("al2", "SPEAKS_FOR", "UNVERIFIED", ("y",), (("h", False),)),
        ],
        source_texts={"src": text},
    )
    missing = {v.where for v in check_graph(facts).violations if v.check == "derived"}
    assert "(y)-[:CONTRADICTS]->(k)" in missing and "(y)-[:SPEAKS_FOR]->(h)" in missing
    assert "(y)-[:DENIES_INVOLVEMENT]->(h)" not in missing  # y is not a's own side: no denial of involvement
