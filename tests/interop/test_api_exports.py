"""Over the real API: an imported bundle answers the analyst's queries as the original graph did, and
`exports { stix claimReview }` downloads pass their validators."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver

from tests.support.cli import run_cli
from tests.support.http import Server
from tests.support.interop import DATA
from tests.support.peers import claimreview_errors, stix_findings

ANALYST_QUERY = """
query ($subject: ID!) {
  allegations(subject: $subject) {
    totalCount
    edges { node { id summary predicate status verdict
      affirming { quote speaker { name } onBehalfOf { name } source { title } }
      denying { quote speaker { name } onBehalfOf { name } source { title } } } }
  }
  actors { totalCount edges { node { id name kind aliases } } }
}
"""


def gql(api: Server, query: str, **variables: Any) -> dict[str, Any]:
    response = httpx.post(f"{api.url}/graphql", json={"query": query, "variables": variables}, timeout=60)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_our_export_imported_answers_the_same_queries(seed: None, api: Server, driver: Driver, tmp_path: Path) -> None:
    before = [gql(api, ANALYST_QUERY, subject=s) for s in ("freedom-of-russia-legion", "ukrainian-military")]
    assert before[0]["data"]["allegations"]["totalCount"] == 7
    assert run_cli("export", "stix", "-o", str(tmp_path / "seed.json")).returncode == 0
    driver.execute_query("MATCH (n) DETACH DELETE n")
    assert gql(api, ANALYST_QUERY, subject="freedom-of-russia-legion")["data"]["allegations"]["totalCount"] == 0
    out = run_cli("import", "stix", str(tmp_path / "seed.json"))
    assert out.returncode == 0, out.stderr
    after = [gql(api, ANALYST_QUERY, subject=s) for s in ("freedom-of-russia-legion", "ukrainian-military")]
    assert [a["data"] for a in after] == [b["data"] for b in before]  # round trips counted may differ (caches)
    assert not any("errors" in a for a in after)


def test_opencti_bundle_answers_the_analysts_question(api: Server, driver: Driver) -> None:
    assert run_cli("import", "stix", str(DATA / "opencti-bundle.json")).returncode == 0
    body = gql(api, ANALYST_QUERY, subject="freedom-of-russia-legion")
    nodes = {e["node"]["predicate"]: e["node"] for e in body["data"]["allegations"]["edges"]}
    controlled = nodes["CONTROLLED_BY"]
    assert controlled["verdict"] == "REFUTED" and controlled["status"] == "UNVERIFIED"
    assert controlled["affirming"] == [
        {"quote": "These groups are mere extensions of Ukrainian military efforts.", "speaker": {"name": "Kremlin"},
         "onBehalfOf": None, "source": {"title": "Incursion into Belgorod: who says what"}}
    ]  # fmt: skip
    assert nodes["CARRIED_OUT"]["status"] == "SELF_CLAIMED"
    legion = next(e["node"] for e in body["data"]["actors"]["edges"] if e["node"]["id"] == "freedom-of-russia-legion")
    assert sorted(legion["aliases"]) == ["LSR", "Legion Svoboda Rossii"]


ACTOR_DOWNLOAD = "query ($actor: ID!) { exports { stix(actorId: $actor) } }"
ALLEGATION_DOWNLOAD = """
query ($allegation: ID!) {
  exports {
    stix(allegationId: $allegation)
    claimReview(allegationId: $allegation, reviewUrl: "https://checks.example.org/a/{id}")
  }
}
"""


def test_downloads_of_one_actor_and_one_allegation_pass_their_validators(seed: None, api: Server) -> None:
    import json

    body = gql(api, ACTOR_DOWNLOAD, actor="hur")
    bundle = body["data"]["exports"]["stix"]
    assert stix_findings(json.dumps(bundle))[0] == []
    names = {o.get("name") for o in bundle["objects"]}
    assert {"Main Directorate of Intelligence (HUR)", "Andriy Yusov", "Kremlin"} <= names
    assert "Central Intelligence Agency" not in names  # not behind any allegation touching HUR
    alleg = gql(api, "{ allegations(predicate: CONTROLLED_BY, subject: \"freedom-of-russia-legion\") "
                     "{ edges { node { id summary verdict } } } }")["data"]["allegations"]["edges"]  # fmt: skip
    cia = next(e["node"] for e in alleg if "Central Intelligence Agency" in e["node"]["summary"])
    body = gql(api, ALLEGATION_DOWNLOAD, allegation=cia["id"])
    review = body["data"]["exports"]["claimReview"]
    assert claimreview_errors([review]) == []
    assert review["url"] == f"https://checks.example.org/a/{cia['id']}"
    assert review["reviewRating"]["alternateName"] == "Refuted"
    assert [o["type"] for o in body["data"]["exports"]["stix"]["objects"]].count("note") == 1


def test_download_errors_carry_codes(seed: None, api: Server) -> None:
    body = gql(api, "{ exports { stix } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = gql(api, '{ exports { stix(actorId: "nobody") } }')
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    body = gql(api, '{ exports { claimReview(allegationId: "x", reviewUrl: "ftp://x") } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
