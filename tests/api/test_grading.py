"""Grading over real HTTP: reliability (A-F) and credibility (1-6) from dossiers, shown and used as filters."""

from __future__ import annotations

from typing import Any

from tests.support.graph import Loader
from tests.support.http import GraphQL
from tests.support.paths import DATA

CASE = DATA / "provenance"
COPIES = [CASE / "telegram-post.yaml", CASE / "daily-a.yaml", CASE / "herald-b.yaml"]


def _allegation_id(gql: GraphQL) -> str:
    body = gql('{ allegations(subject: "eastern-battalion") { edges { node { id } } } }')
    assert "errors" not in body, body
    (edge,) = body["data"]["allegations"]["edges"]
    return str(edge["node"]["id"])


def _speakers(statements: list[dict[str, Any]]) -> list[str]:
    return sorted(s["speaker"]["id"] for s in statements)


def test_grades_are_stored_and_shown(gql: GraphQL, load: Loader) -> None:
    load(*COPIES)
    aid = _allegation_id(gql)
    body = gql(
        """query($id: ID!) { allegation(id: $id) { affirming { credibility speaker { id reliability }
             source { id reliability } } } }""",
        {"id": aid},
    )
    assert "errors" not in body, body
    seen = {
        s["speaker"]["id"]: (s["credibility"], s["source"]["reliability"], s["speaker"]["reliability"])
        for s in body["data"]["allegation"]["affirming"]
    }
    assert seen == {"volya-channel": (None, None, "E"), "daily-a": (3, "B", None), "herald-b": (4, "C", None)}


def test_min_reliability_filters_statements(gql: GraphQL, load: Loader) -> None:
    """The look-ahead read (root allegation) and the loader (one level deeper) filter alike."""
    load(*COPIES)
    aid = _allegation_id(gql)
    top = """query($id: ID!, $g: Reliability) { allegation(id: $id) {
               affirming(minReliability: $g) { speaker { id } } statements(minReliability: $g) { speaker { id } } } }"""
    deep = """query($id: ID!, $g: Reliability) { allegation(id: $id) { affirming(limit: 1) { allegation {
               affirming(minReliability: $g) { speaker { id } } } } } }"""
    expected = {"A": [], "B": ["daily-a"], "C": ["daily-a", "herald-b"], "E": ["daily-a", "herald-b", "volya-channel"],
                None: ["daily-a", "herald-b", "volya-channel"]}  # fmt: skip
    for grade, speakers in expected.items():
        body = gql(top, {"id": aid, "g": grade})
        assert "errors" not in body, body
        assert _speakers(body["data"]["allegation"]["affirming"]) == speakers, grade
        assert _speakers(body["data"]["allegation"]["statements"]) == speakers, grade
        body = gql(deep, {"id": aid, "g": grade})
        assert "errors" not in body, body
        assert _speakers(body["data"]["allegation"]["affirming"][0]["allegation"]["affirming"]) == speakers, grade


def test_a_grade_out_of_scale_is_a_user_mistake(gql: GraphQL, load: Loader) -> None:
    load(*COPIES)
    body = gql("{ allegations { edges { node { affirming(minReliability: G) { id } } } } }")
    assert body["errors"][0]["extensions"]["code"] in {"GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"}, body


def test_analytics_filter_in_graphql(gql: GraphQL, load: Loader) -> None:
    load(*COPIES)
    # The three outlets report the battalion's strike (REPORTS: they accuse nobody); the filter keeps the reports
    # graded well enough.
    q = """query($g: Reliability) { analytics { ego(actor: "eastern-battalion", network: {minReliability: $g}) {
             neighbour direction type } } }"""
    body = gql(q, {"g": "B"})
    assert "errors" not in body, body
    around = {(e["neighbour"], e["direction"], e["type"]) for e in body["data"]["analytics"]["ego"]}
    assert around == {("daily-a", "in", "REPORTS")}, around
    body = gql(q, {"g": None})
    around = {(e["neighbour"], e["direction"], e["type"]) for e in body["data"]["analytics"]["ego"]}
    assert around == {(o, "in", "REPORTS") for o in ("daily-a", "herald-b", "volya-channel")}, around
