"""Display labels for Neo4j Browser: a label per actor kind and a rank from stored pagerank.

Browser's style (grass) can select nodes only by label, never by property, so colouring actors by
``kind`` and sizing them by centrality needs labels. They are derived, idempotent and safe to
refresh at any time; nothing else in actorgraph reads them.
"""

from __future__ import annotations

from actorgraph.model.vocabulary import ActorKind
from actorgraph.store import display
from actorgraph.store.core import Store

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


def apply_display_labels(store: Store) -> int:
    """(Re)label every actor for Browser's style; returns how many actors were labelled."""
    return display.apply_display_labels(store, display_parameters())
