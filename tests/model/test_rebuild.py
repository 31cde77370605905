"""The array form of the rules (bulk import) gives exactly what the rules give, on a skewed corpus."""

from __future__ import annotations

import pytest

from actorgraph.model.delta import structural_pairs
from actorgraph.model.derivation import Account, derive_relations, derive_statuses
from actorgraph.model.ids import allegation_id
from actorgraph.model.rebuild import PREDICATE_CODE, Corpus, Rebuild, as_rows
from actorgraph.model.timeline import current, superseded
from actorgraph.model.vocabulary import ObjectType
from bench.generate import generate


def _accounts_and_corpus(statements: int, seed: int, chains: bool = False) -> tuple[list[Account], Corpus, list[str]]:
    accounts: list[Account] = []
    corpus = Corpus()
    actors: dict[str, int] = {}
    events: dict[str, int] = {}
    allegations: dict[str, int] = {}
    dossiers = generate(statements, seed=seed, per_source=25)
    for d in dossiers:
        for a in d.actors:
            actors.setdefault(a.id, len(actors))
        for e in d.events:
            events.setdefault(e.id, len(events))
    corpus.actors = list(actors)
    corpus.events = list(events)
    # every fifth actor a reporting voice (kind MEDIA): its affirmed accusations are REPORTS
    corpus.reporters = [i for i in actors.values() if i % 5 == 0]
    reporters = {corpus.actors[i] for i in corpus.reporters}
    for k, d in enumerate(dossiers):
        local = {a.id: a for a in d.allegations}
        for j, s in enumerate(d.statements):
            a = local[s.allegation]
            is_event = a.predicate.info.object_type is ObjectType.EVENT
            aid = allegation_id(a.subject, a.predicate.value, a.object)
            if aid not in allegations:
                allegations[aid] = len(allegations)
                corpus.subject.append(actors[a.subject])
                corpus.object.append(len(actors) + events[a.object] if is_event else actors[a.object])
                corpus.predicate.append(PREDICATE_CODE[a.predicate])
            # a spokesperson now and then, so voice and speaker differ
            on_behalf_of = a.subject if (k + j) % 7 == 0 else None
            sid = f"s{k}.{j}"
            reporter = (on_behalf_of or s.speaker) in reporters
            # with chains: a few shared origins, every third statement a copy, so voices repeat each other
            origin = f"source-{(k * 7 + j) % 4}" if chains else None
            copied = chains and (k + j) % 3 == 0
            accounts.append(Account(aid, a.predicate, a.subject, a.object, is_event, sid, s.stance, s.stated_on,
                                    s.speaker, on_behalf_of, origin=origin, copied=copied,
                                    reporter=reporter))  # fmt: skip
            voice = actors[on_behalf_of or s.speaker]
            corpus.add_statement(sid, allegations[aid], voice, actors[s.speaker], s.stance, s.stated_on)
            if origin is not None:
                corpus.sources = [f"source-{i}" for i in range(4)]
                corpus.origin.append(int(origin.rsplit("-", 1)[1]))
                corpus.copied.append(1 if copied else 0)
    return accounts, corpus, list(allegations)


@pytest.mark.parametrize(("statements", "seed", "chains"), [(400, 1, False), (3000, 2, False), (3000, 3, True)])
def test_the_array_rules_equal_the_rules(statements: int, seed: int, chains: bool) -> None:
    accounts, corpus, allegation_ids = _accounts_and_corpus(statements, seed, chains)
    assert superseded(accounts), "the corpus should hold retractions, so the array form of the rule is exercised"
    links = structural_pairs(current(accounts))
    statuses, rows = as_rows(Rebuild(corpus))
    assert {allegation_ids[i]: s for i, s in statuses.items()} == derive_statuses(accounts, links)
    expected = {
        (t.value, src, tgt): (sorted(rel.statements), rel.first_stated, rel.last_stated)
        for t, pairs in derive_relations(accounts, links).items()
        for (src, tgt), rel in pairs.items()
    }
    got = {(r["type"], r["source"], r["target"]): (r["statements"], r["first_stated"], r["last_stated"]) for r in rows}
    assert len(got) == len(rows)  # each relationship once
    assert got == expected
    assert any(t == "CONTRADICTS" for t, _, _ in got) and any(t == "ACCUSES" for t, _, _ in got)
    assert any(t == "REPORTS" for t, _, _ in got)
