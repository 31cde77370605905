"""The issue's own question, in one request, on the seed."""

from __future__ import annotations

from tests.support.http import GraphQL

CONTESTED_ABOUT_LEGION = """
query Contested($actor: ID!) {
  allegations(subject: $actor, contestedOnly: true, first: 10) {
    totalCount
    edges { node {
      summary status predicate
      affirming { quote speaker { name } onBehalfOf { name } source { title } }
      denying { quote speaker { name } onBehalfOf { name } source { title } }
    } }
  }
}
"""


def test_contested_allegations_about_the_legion_in_one_request(gql: GraphQL, seed: None) -> None:
    body = gql(CONTESTED_ABOUT_LEGION, {"actor": "freedom-of-russia-legion"})
    assert "errors" not in body, body
    assert body["_round_trips"] == 1  # the page, its allegations, both stances with speakers and sources: one read
    conn = body["data"]["allegations"]
    assert conn["totalCount"] == 1
    node = conn["edges"][0]["node"]
    assert node["status"] == "CONTESTED" and node["predicate"] == "CONTROLLED_BY"
    assert [s["speaker"]["name"] for s in node["affirming"]] == ["Kremlin"]
    assert node["affirming"][0]["quote"].startswith("Moscow has previously dismissed these groups")
    denial = node["denying"][0]
    assert denial["speaker"]["name"] == "Andriy Yusov"
    assert denial["onBehalfOf"]["name"] == "Main Directorate of Intelligence (HUR)"
    assert "autonomously" in denial["quote"]
    assert denial["source"]["title"].startswith("Russian dissident armed groups")
