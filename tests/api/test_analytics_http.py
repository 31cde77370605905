"""The analytics reports through the real API over HTTP: answers, round trips counted, invalidation,
write-back read back through ``Actor``, and error codes."""

from __future__ import annotations

from actorgraph.ingest import LoadReport
from tests.support.cli import run_cli
from tests.support.http import EDITOR, GraphQL

QUERY = """{ analytics {
    centrality(limit: 1) { entries { actor name accusationsMade } }
    camps { entries { actor camp } frustration }
} }"""


def test_done_when_over_http_and_invalidation_by_a_mutation(gql: GraphQL, seed: LoadReport) -> None:
    body = gql(QUERY)
    assert "errors" not in body, body
    data = body["data"]["analytics"]
    assert data["centrality"]["entries"][0]["actor"] == "kremlin"
    camp = {e["actor"]: e["camp"] for e in data["camps"]["entries"]}
    assert camp["kremlin"] != camp["freedom-of-russia-legion"] == camp["siberian-battalion"]
    renamed = gql('mutation { updateActor(input: {id: "kremlin", name: "The Kremlin", kind: GOVERNMENT}) { name } }',
                  headers=EDITOR)  # fmt: skip
    assert "errors" not in renamed, renamed
    again = gql(QUERY)["data"]["analytics"]
    assert again["centrality"]["entries"][0]["name"] == "The Kremlin"  # the cached result was dropped


def test_round_trips_count_analytics_and_mutations(gql: GraphQL, seed: LoadReport) -> None:
    cold = gql(QUERY)
    # a version check per report (2) + the projection read (1): analytics' Cypher is counted like any read's.
    assert cold["_round_trips"] == cold["extensions"]["cypherQueries"] >= 3
    warm = gql(QUERY, headers=EDITOR)  # an editor's request bypasses the response cache, not the report cache
    assert warm["_round_trips"] == 2  # only the version checks: both reports come from the cache
    replay = gql(QUERY)  # an anonymous repeat is answered by the response cache: no Cypher of its own
    assert replay["_round_trips"] == replay["extensions"]["cypherQueries"] == 0
    assert replay["data"] == cold["data"]
    mutation = gql('mutation { addAlias(actorId: "kremlin", alias: "Moscow") { aliases } }', headers=EDITOR)
    assert "errors" not in mutation, mutation
    # The mutation's own transaction (existence check, name lookup, write) and the re-read of the actor.
    assert mutation["_round_trips"] == mutation["extensions"]["cypherQueries"] >= 4


def test_write_back_scores_read_back_through_actor(gql: GraphQL, seed: LoadReport) -> None:
    for report in ("centrality", "camps"):
        out = run_cli("analyze", report, "--write-back")
        assert out.returncode == 0, out.stderr
    body = gql('{ actor(id: "kremlin") { pagerank betweenness accusationsMade accused camp community } }')
    assert "errors" not in body, body
    kremlin = body["data"]["actor"]
    assert kremlin["camp"] in {"A", "B"} and isinstance(kremlin["community"], int)
    assert kremlin["pagerank"] > 0 and kremlin["betweenness"] >= 0
    assert kremlin["accusationsMade"] == 7 and kremlin["accused"] == 0


def test_errors_carry_codes(gql: GraphQL) -> None:
    body = gql('{ analytics { path(source: "nobody", target: "kremlin") { length } } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    body = gql("{ analytics { contested(limit: 0) { allegation } } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
