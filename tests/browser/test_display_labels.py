"""Display labels: one per actor kind, a rank from stored pagerank, refreshed without leftovers."""

from __future__ import annotations

from neo4j import Driver

from actorgraph.browser.labels import KIND_LABELS, apply_display_labels, kind_label
from actorgraph.model.vocabulary import ActorKind
from actorgraph.settings import Settings
from actorgraph.store.core import Store


def labels_of(driver: Driver, actor_id: str) -> set[str]:
    records = driver.execute_query("MATCH (a:Actor {id: $id}) RETURN labels(a) AS l", id=actor_id).records
    return set(records[0]["l"])


def test_label_names() -> None:
    assert kind_label(ActorKind.ARMED_GROUP) == "ArmedGroup"
    assert kind_label(ActorKind.INTELLIGENCE_AGENCY) == "IntelligenceAgency"
    assert kind_label(ActorKind.UNKNOWN) == "UnknownKind"
    assert len(set(KIND_LABELS.values())) == len(ActorKind)


def test_seed_actors_get_their_kind_label(seeded: Driver) -> None:
    assert labels_of(seeded, "freedom-of-russia-legion") == {"Actor", "ArmedGroup"}
    assert labels_of(seeded, "kremlin") == {"Actor", "Government"}
    assert labels_of(seeded, "hur") == {"Actor", "IntelligenceAgency"}
    unlabelled = seeded.execute_query("MATCH (a:Actor) WHERE size(labels(a)) <> 2 RETURN count(a) AS n").records[0]["n"]
    assert unlabelled == 0


def test_pagerank_ranks_and_refresh_removes_stale_labels(seeded: Driver, settings: Settings) -> None:
    seeded.execute_query(
        "UNWIND $rows AS row MATCH (a:Actor {id: row[0]}) SET a.pagerank = row[1]",
        rows=[["kremlin", 0.30], ["hur", 0.15], ["cia", 0.02]],
    )
    apply_display_labels(Store(seeded, settings))
    assert labels_of(seeded, "kremlin") == {"Actor", "Government", "RankHigh"}
    assert labels_of(seeded, "hur") == {"Actor", "IntelligenceAgency", "RankMid"}
    assert labels_of(seeded, "cia") == {"Actor", "IntelligenceAgency"}

    seeded.execute_query("MATCH (a:Actor {id: 'kremlin'}) SET a.kind = 'STATE', a.pagerank = 0.01")
    count = apply_display_labels(Store(seeded, settings))
    assert labels_of(seeded, "kremlin") == {"Actor", "State"}
    assert labels_of(seeded, "hur") == {"Actor", "IntelligenceAgency", "RankHigh"}
    assert count == seeded.execute_query("MATCH (a:Actor) RETURN count(a) AS n").records[0]["n"]


def test_empty_graph_labels_nothing(driver: Driver, settings: Settings) -> None:
    assert apply_display_labels(Store(driver, settings)) == 0
