"""Known actors come from the graph through store.actor_names (the only database read of a draft)."""

from __future__ import annotations

from actorgraph.draft import KnownActor, draft_text, get_analyzer
from actorgraph.ingest import LoadReport
from actorgraph.model.vocabulary import ActorKind
from actorgraph.store.actor_names import known_actor_names
from actorgraph.store.core import Store
from tests.support.paths import ROOT


def test_actors_of_the_seed_are_matched_in_a_new_article(store: Store, seed: LoadReport) -> None:
    rows = known_actor_names(store)
    kremlin = next(r for r in rows if r.id == "kremlin")
    assert kremlin.kind == "GOVERNMENT" and "Moscow" in kremlin.aliases
    known = [KnownActor(r.id, r.name, ActorKind(r.kind), r.aliases) for r in rows]
    text = (ROOT / "tests" / "data" / "draft" / "kremlin-drones.txt").read_text(encoding="utf-8")
    draft = draft_text(text, analyzer=get_analyzer("rules"), source_id="t", known=known)
    by_id = {a.id: a for a in draft.actors}
    assert by_id["vladimir-putin"].known  # "President Vladimir Putin" is the seed's Vladimir Putin
    assert by_id["kremlin"].known and by_id["kremlin"].kind is ActorKind.GOVERNMENT
