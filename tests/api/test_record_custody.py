"""``recordStatement`` with grades and chains of custody (issue 14, item 2), over real HTTP.

The case of ``tests/data/provenance``: a Telegram post is the first origin; statements recorded through
the API that repeat it (quoted from it, or in a source derived from it) do not corroborate it, a
first-hand one does. Grades set here are shown where the statement is. The db check after each test
re-derives every status from scratch and compares.
"""

from __future__ import annotations

from typing import Any

from tests.support.graph import Loader
from tests.support.http import EDITOR, GraphQL
from tests.support.paths import DATA

POST = DATA / "provenance" / "telegram-post.yaml"
RECORD = """mutation($input: StatementInput!) { recordStatement(input: $input) {
    id credibility reliability firstHand quotedFrom { id } origin { id }
    source { id reliability derivedFrom { id } }
    allegation { status statusReason { summary counted { voice } discounted { voice why } } } } }"""
ACTOR = """mutation($input: ActorInput!) { createActor(input: $input) { id } }"""


def _input(speaker: str, source: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "speaker": speaker, "subject": "eastern-battalion", "predicate": "CARRIED_OUT",
        "object": "kirov-bridge-strike", "summary": "The Eastern Battalion struck the Kirov bridge.",
        "stance": "AFFIRMS", "quote": "the Eastern Battalion struck the Kirov bridge", "source": source, **extra,
    }  # fmt: skip


def _new_source(source_id: str, **extra: Any) -> dict[str, Any]:
    text = f"{source_id}: the Eastern Battalion struck the Kirov bridge, according to reports."
    return {"id": source_id, "kind": "ARTICLE", "title": source_id, "text": text, **extra}


def _record(gql: GraphQL, data: dict[str, Any]) -> dict[str, Any]:
    body = gql(RECORD, {"input": data}, EDITOR)
    assert "errors" not in body, body
    result: dict[str, Any] = body["data"]["recordStatement"]
    return result


def _error(gql: GraphQL, data: dict[str, Any]) -> dict[str, Any]:
    body = gql(RECORD, {"input": data}, EDITOR)
    assert "data" not in body or body["data"] is None, body
    (error,) = body["errors"]
    found: dict[str, Any] = error
    return found


def _outlets(gql: GraphQL, *ids: str) -> None:
    for actor_id in ids:
        body = gql(ACTOR, {"input": {"id": actor_id, "name": actor_id.title(), "kind": "MEDIA"}}, EDITOR)
        assert "errors" not in body, body


def test_grades_and_custody_recorded_and_shown_and_copies_do_not_corroborate(load: Loader, gql: GraphQL) -> None:
    load(POST)
    _outlets(gql, "herald-x", "daily-x", "monitor-x")
    quoted = _record(gql, _input("herald-x", _new_source("herald-x-story", reliability="C"),
                                 credibility=4, quotedFrom="tg-volya-post-311"))  # fmt: skip
    assert (quoted["credibility"], quoted["reliability"], quoted["firstHand"]) == (4, "C", False)
    assert quoted["quotedFrom"] == {"id": "tg-volya-post-311"} and quoted["origin"] == {"id": "tg-volya-post-311"}
    assert quoted["source"] == {"id": "herald-x-story", "reliability": "C", "derivedFrom": None}
    assert quoted["allegation"]["status"] == "UNVERIFIED"
    why = {v["voice"]: v["why"] for v in quoted["allegation"]["statusReason"]["discounted"]}
    assert why == {"herald-x": "its origin (tg-volya-post-311) is already counted for volya-channel"}

    derived = _record(gql, _input("daily-x", _new_source("daily-x-story", reliability="B",
                                                         derivedFrom="tg-volya-post-311"), credibility=3))  # fmt: skip
    assert derived["source"] == {"id": "daily-x-story", "reliability": "B", "derivedFrom": {"id": "tg-volya-post-311"}}
    assert derived["origin"] == {"id": "tg-volya-post-311"} and derived["quotedFrom"] is None
    assert derived["allegation"]["status"] == "UNVERIFIED"
    assert {v["voice"] for v in derived["allegation"]["statusReason"]["discounted"]} == {"herald-x", "daily-x"}

    # A first-hand account from a source of its own is a second origin: the rule does count, so the two
    # copies above were discounted for their chain, not by accident.
    first_hand = _record(gql, _input("monitor-x", _new_source("monitor-x-report"), credibility=2))
    assert first_hand["firstHand"] and first_hand["allegation"]["status"] == "CORROBORATED"
    counted = [v["voice"] for v in first_hand["allegation"]["statusReason"]["counted"]]
    assert counted == ["monitor-x", "volya-channel"]


def test_unknown_or_circular_origins_and_bad_grades_are_refused(load: Loader, gql: GraphQL) -> None:
    load(POST)
    _outlets(gql, "herald-x")
    cases = [
        (_input("herald-x", _new_source("s1"), quotedFrom="nowhere"),
         "quotedFrom: unknown source 'nowhere': record the source it was quoted from first"),
        (_input("herald-x", _new_source("s1", derivedFrom="nowhere")),
         "source.derivedFrom: unknown source 'nowhere': record the source it repeats first"),
        (_input("herald-x", _new_source("s1", derivedFrom="s1")), "derived_from` names the source itself"),
        (_input("herald-x", _new_source("s1"), quotedFrom="s1"), "quotedFrom: names the statement's own source"),
        (_input("volya-channel", {"id": "tg-volya-post-311"}, quotedFrom="tg-volya-post-311"),
         "quotedFrom: names the statement's own source"),
        (_input("herald-x", {"id": "tg-volya-post-311", "reliability": "A"}),
         "source.reliability: applies to a new source"),
        (_input("herald-x", {"id": "tg-volya-post-311", "derivedFrom": "s0"}),
         "source.derivedFrom: applies to a new source"),
        (_input("herald-x", _new_source("s1"), credibility=7), "input.credibility: Input should be less than"),
        (_input("herald-x", _new_source("s1"), credibility=0), "input.credibility: Input should be greater than"),
    ]  # fmt: skip
    for data, message in cases:
        error = _error(gql, data)
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
        assert message in error["message"], (message, error["message"])
    bad_grade = gql(RECORD, {"input": _input("herald-x", _new_source("s1", reliability="G"))}, EDITOR)
    assert bad_grade["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    # Nothing half-written: no source s1, no statement by herald-x.
    body = gql("""{ node(id: "s1") { id } actor(id: "herald-x") { statements { id } } }""")
    assert body["data"] == {"node": None, "actor": {"statements": []}}, body
