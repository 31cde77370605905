"""One vocabulary: the derived relationship types are defined once (``model.vocabulary.RelationType``)
and every file that must spell them out literally — Cypher the planner needs literal types in, Neo4j
Browser's explore queries, Browser's style — agrees with that definition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actorgraph.model.vocabulary import (
    INDEX_RELATIONSHIPS,
    NETWORK_RELATIONS,
    PREDICATES,
    PROVENANCE_RELATIONSHIPS,
    RELATION_PREDICATES,
    RELATIONS,
    ObjectType,
    Polarity,
    RelationType,
)
from tests.support.paths import SRC

CYPHER_FILES = sorted(SRC.rglob("*.cypher"))
GRASS = SRC / "cypher" / "actorgraph.grass"
#: ``[r:A|B|C*1..2]`` -> "A|B|C"; comments are stripped before matching.
PATTERN = re.compile(r"\[\s*\w*\s*:\s*([A-Z_][A-Z_|]*)")
ALL = frozenset(t.value for t in RelationType)
NETWORK = frozenset(t.value for t in NETWORK_RELATIONS)


def type_lists(text: str) -> list[frozenset[str]]:
    """The relationship-type alternations of a Cypher text (comments ignored)."""
    code = "\n".join(line.split("//", 1)[0] for line in text.splitlines())
    return [frozenset(m.split("|")) for m in PATTERN.findall(code)]


def problems(text: str) -> list[str]:
    """What is wrong with the types a Cypher text spells out: unknown names, or a partial list.

    A list of more than half the derived types means "the derived relationships": it must be all of
    them, or all those that can link two actors (the network). Shorter lists are chosen on purpose
    (e.g. accusations and the answers to them) and only need known names.
    """
    found: list[str] = []
    for types in type_lists(text):
        unknown = types - ALL - PROVENANCE_RELATIONSHIPS - INDEX_RELATIONSHIPS
        if unknown:
            found.append(f"unknown relationship types {sorted(unknown)}")
        derived = types & ALL
        if len(derived) > len(ALL) // 2 and derived not in (ALL, NETWORK):
            found.append(f"a partial list of derived types, missing {sorted(NETWORK - derived or ALL - derived)}")
    return found


@pytest.mark.parametrize("path", CYPHER_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_cypher_file_spells_the_vocabulary_right(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == []


def test_the_check_catches_a_missing_or_unknown_type() -> None:
    listed = "|".join(sorted(ALL - {"LEADS"}))
    assert problems(f"MATCH (a)-[r:{listed}]->(b) RETURN r") != []
    assert problems("MATCH (a)-[:ACCUSSES]->(b) RETURN a") != []
    assert problems("// MATCH (a)-[:NOT_A_TYPE]->(b) in a comment\nRETURN 1") == []
    assert problems(f"MATCH (a)-[r:{'|'.join(sorted(ALL))}*1..2]-(b) RETURN r") == []


def test_files_that_list_the_types_are_found_by_the_check() -> None:
    # The check above would pass vacuously if no file listed the types: these do.
    listing = {
        p.name for p in CYPHER_FILES if any(len(t & ALL) > len(ALL) // 2 for t in type_lists(p.read_text("utf-8")))
    }
    assert {"network.cypher", "neighborhood.cypher", "path_between.cypher", "network_relations.cypher"} <= listing


def test_the_style_has_one_entry_per_relationship_type() -> None:
    styled = set(re.findall(r"^relationship\.([A-Z_]+)\s*\{", GRASS.read_text(encoding="utf-8"), re.MULTILINE))
    assert styled == ALL | PROVENANCE_RELATIONSHIPS


def test_relation_table_is_complete_and_consistent() -> None:
    assert set(RELATIONS) == set(RelationType)
    for predicate in RELATION_PREDICATES:  # an affirmed OPPOSES allegation is an OPPOSES relationship...
        relation = RelationType(predicate.value)
        assert RELATIONS[relation].polarity is PREDICATES[predicate].polarity  # ...with the predicate's polarity
    assert {t for t, info in RELATIONS.items() if info.sign < 0} == {
        RelationType.ACCUSES, RelationType.CONTRADICTS, RelationType.OPPOSES,
    }  # fmt: skip
    assert RelationType.CLAIMS_RESPONSIBILITY not in NETWORK_RELATIONS  # it points at events only
    assert RELATIONS[RelationType.CLAIMS_RESPONSIBILITY].targets == {ObjectType.EVENT}
    # Reporting is not accusing: a report is provenance, with no sign, from a reporter to the subject (an actor).
    reports = RELATIONS[RelationType.REPORTS]
    assert reports.sign == 0 and reports.polarity is Polarity.NEUTRAL and reports.targets == {ObjectType.ACTOR}
    assert RelationType.REPORTS in NETWORK_RELATIONS
