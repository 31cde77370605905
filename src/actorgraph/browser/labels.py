"""Display labels for Neo4j Browser: a label per actor kind and a rank from stored pagerank.

Browser's style (grass) can select nodes only by label, never by property, so colouring actors by
``kind`` and sizing them by centrality needs labels. They are derived, idempotent and safe to
refresh at any time; nothing else in actorgraph reads them.
"""

from __future__ import annotations

from neo4j import Driver

from actorgraph.model.vocabulary import ActorKind
from actorgraph.settings import Settings
from actorgraph.store.cypher import query
from actorgraph.store.driver import translated

UNKNOWN_KIND_LABEL = "UnknownKind"
RANK_LABELS = ("RankHigh", "RankMid")


def kind_label(kind: ActorKind) -> str:
    """``ARMED_GROUP`` -> ``ArmedGroup``; ``UNKNOWN`` gets ``UnknownKind`` (a bare ``Unknown`` reads as an error)."""
    if kind is ActorKind.UNKNOWN:
        return UNKNOWN_KIND_LABEL
    return "".join(part.capitalize() for part in kind.value.split("_"))


KIND_LABELS: dict[str, str] = {kind.value: kind_label(kind) for kind in ActorKind}
DISPLAY_LABELS: tuple[str, ...] = (*sorted(set(KIND_LABELS.values())), *RANK_LABELS)


def display_parameters() -> dict[str, object]:
    """The parameters of ``display_labels.cypher``."""
    return {"kind_labels": KIND_LABELS, "display_labels": list(DISPLAY_LABELS)}


def apply_display_labels(driver: Driver, settings: Settings) -> int:
    """(Re)label every actor for Browser's style; returns how many actors were labelled."""
    with translated(settings):
        records, _, _ = driver.execute_query(
            query("display_labels", package="actorgraph.browser"),
            display_parameters(),
            database_=settings.neo4j_database,
        )
    return int(records[0]["labelled"]) if records else 0
