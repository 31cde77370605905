"""A deterministic synthetic corpus of dossiers at a given scale.

Real corpora are skewed: a few actors (a ministry, a president) speak and are spoken about all the
time, most appear once or twice. Speakers, subjects and objects are therefore drawn from a Zipf-like
distribution. Propositions are drawn from a shared pool, so the same allegation is affirmed and denied
across sources (statuses and CONTRADICTS projections get real work). Every quote is a sentence of its
source's text, as the loader checks. The same ``(statements, seed)`` always gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from actorgraph.model import Actor, ActorKind, Allegation, Dossier, Event, EventKind, Source, SourceKind, Statement
from actorgraph.model.vocabulary import PREDICATES, ObjectType, Predicate, Stance

#: Statements per source: an article or report quoting a few dozen positions.
PER_SOURCE = 50
#: Statements per actor at scale (10k actors for 200k statements).
STATEMENTS_PER_ACTOR = 20
ZIPF_EXPONENT = 1.1
_EPOCH = dt.date(2030, 1, 1)
_WORDS = ("northern", "southern", "eastern", "western", "river", "mountain", "coastal", "federal", "popular",
          "national", "free", "united", "liberation", "defence", "security", "civic", "border")  # fmt: skip
_NOUNS = ("front", "army", "ministry", "council", "brigade", "movement", "agency", "party", "guard", "legion",
          "alliance", "union")  # fmt: skip
_MEDIA = ("Telegram", "press briefing", "television", "official website", "interview", "X")


@dataclass(frozen=True)
class Scale:
    """How big a corpus is; derived from the number of statements."""

    statements: int
    actors: int
    events: int
    propositions: int

    @classmethod
    def of(cls, statements: int) -> Scale:
        actors = max(20, statements // STATEMENTS_PER_ACTOR)
        return cls(statements, actors, max(5, statements // 200), max(10, statements // 4))


class _Zipf:
    """Draw indices 0..n-1 with weight 1/(i+1)^s: a few very frequent, a long tail of rare ones."""

    def __init__(self, n: int, exponent: float = ZIPF_EXPONENT) -> None:
        self.cum = list(itertools.accumulate(1.0 / (i + 1) ** exponent for i in range(n)))

    def draw(self, rng: random.Random) -> int:
        return min(bisect_left(self.cum, rng.random() * self.cum[-1]), len(self.cum) - 1)


@cache
def _actor(i: int) -> Actor:
    rng = random.Random(i)
    name = f"{rng.choice(_WORDS).title()} {rng.choice(_NOUNS).title()} {i}"
    return Actor(id=f"actor-{i}", name=name, kind=rng.choice(list(ActorKind)), aliases=[f"AG-{i}"])


def _event(i: int) -> Event:
    start = _EPOCH + dt.timedelta(days=i % 700)
    return Event(id=f"event-{i}", name=f"Incident {i}", kind=EventKind.ATTACK, start_date=start, location=f"Sector {i}")


def _propositions(scale: Scale, rng: random.Random) -> list[tuple[int, Predicate, int]]:
    """(subject, predicate, object) triples; object is an event index for event predicates."""
    actors = _Zipf(scale.actors)
    events = _Zipf(scale.events)
    predicates = list(Predicate)
    out: list[tuple[int, Predicate, int]] = []
    seen: set[tuple[int, Predicate, int]] = set()
    while len(out) < scale.propositions:
        pred = rng.choice(predicates)
        subject = actors.draw(rng)
        if PREDICATES[pred].object_type is ObjectType.EVENT:
            obj = events.draw(rng)
        else:
            obj = actors.draw(rng)
            if obj == subject:
                continue
        triple = (subject, pred, obj)
        if triple not in seen:
            seen.add(triple)
            out.append(triple)
    return out


def generate(statements: int, seed: int = 0, per_source: int = PER_SOURCE) -> list[Dossier]:
    """``statements`` statements in dossiers of ``per_source`` each, the same for the same arguments."""
    return list(iter_dossiers(statements, seed, per_source))


def iter_dossiers(statements: int, seed: int = 0, per_source: int = PER_SOURCE) -> Iterator[Dossier]:
    """The dossiers of :func:`generate` one at a time (a million statements do not fit in memory as models)."""
    rng = random.Random(seed)
    scale = Scale.of(statements)
    props = _propositions(scale, rng)
    prop_pick = _Zipf(len(props), 0.8)
    speakers = _Zipf(scale.actors)
    for k, begin in enumerate(range(0, statements, per_source)):
        n = min(per_source, statements - begin)
        yield _dossier(k, n, props, prop_pick, speakers, rng)


def write_jsonl_corpus(statements: int, folder: Path, per_file: int = 10_000, seed: int = 0) -> list[Path]:
    """The corpus of ``statements`` as JSON Lines files of ``per_file`` statements each, written as generated."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    batch: list[Dossier] = []
    size = 0

    def flush() -> None:
        paths.append(write_jsonl(batch, folder / f"{len(paths):05d}.jsonl"))

    for d in iter_dossiers(statements, seed):
        batch.append(d)
        size += len(d.statements)
        if size >= per_file:
            flush()
            batch, size = [], 0
    if batch:
        flush()
    return paths


def _dossier(
    k: int,
    n: int,
    props: list[tuple[int, Predicate, int]],
    prop_pick: _Zipf,
    speakers: _Zipf,
    rng: random.Random,
) -> Dossier:
    actor_ids: set[int] = set()
    event_ids: set[int] = set()
    local: dict[tuple[int, Predicate, int], str] = {}
    allegations: list[Allegation] = []
    statements: list[Statement] = []
    sentences: list[str] = [f"Report {k}: what the parties said this week."]
    length = len(sentences[0])
    published = _EPOCH + dt.timedelta(days=k % 900)
    for j in range(n):
        triple = props[prop_pick.draw(rng)]
        subject, pred, obj = triple
        # A third of the time the subject speaks (claims or denies); otherwise anyone, vocal ones more.
        speaker = subject if rng.random() < 0.3 else speakers.draw(rng)
        stance = Stance.DENIES if rng.random() < (0.6 if speaker == subject else 0.25) else Stance.AFFIRMS
        is_event = PREDICATES[pred].object_type is ObjectType.EVENT
        actor_ids.update({subject, speaker} if is_event else {subject, speaker, obj})
        if is_event:
            event_ids.add(obj)
        if triple not in local:
            local[triple] = f"a{len(local)}"
            target = f"event-{obj}" if is_event else f"actor-{obj}"
            allegations.append(
                Allegation(
                    id=local[triple],
                    subject=f"actor-{subject}",
                    predicate=pred,
                    object=target,
                    summary=f"actor-{subject} {pred.value.lower().replace('_', ' ')} {target}",
                )
            )
        verb = "denied" if stance is Stance.DENIES else "said"
        quote = f"Claim {k}.{j}: actor-{subject} {pred.value.lower()} the other side, and that is a fact."
        if stance is Stance.DENIES:
            quote = f"Claim {k}.{j}: it is false that actor-{subject} {pred.value.lower()} anyone."
        before = f' Speaker {speaker} {verb}: "'
        start = length + len(before)
        sentence = f'{before}{quote}" Observers could not verify this.'
        sentences.append(sentence)
        length += len(sentence)
        statements.append(
            Statement(
                speaker=f"actor-{speaker}",
                allegation=local[triple],
                stance=stance,
                quote=quote,
                start=start,
                end=start + len(quote),
                stated_on=published - dt.timedelta(days=rng.randrange(3)),
                medium=rng.choice(_MEDIA),
            )
        )
    source = Source(
        id=f"source-{k}",
        kind=rng.choice([SourceKind.ARTICLE, SourceKind.REPORT, SourceKind.SOCIAL_POST]),
        title=f"Synthetic report {k}",
        publisher="Bench Wire",
        published_on=published,
        text="".join(sentences),
    )
    return Dossier(
        source=source,
        actors=[_actor(i) for i in sorted(actor_ids)],
        events=[_event(i) for i in sorted(event_ids)],
        allegations=allegations,
        statements=statements,
    )


def write_dossiers(dossiers: list[Dossier], folder: Path) -> list[Path]:
    """One YAML file per dossier, as an analyst would write them; returns the paths in load order."""
    folder.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    paths = []
    for i, d in enumerate(dossiers):
        path = folder / f"{i:06d}.yaml"
        data = d.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
        path.write_text(yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def jsonl_records(dossiers: Iterable[Dossier]) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines corpus holding these dossiers: each actor and event once, allegation
    ids made unique per file (``source:local``), statements naming their source."""
    seen: set[tuple[str, str]] = set()
    for d in dossiers:
        source = d.source.model_dump(mode="json", exclude_none=True)
        if d.verification is not None:
            source["verification"] = d.verification
        yield {"type": "source", **source}
        for kind, items in (("actor", d.actors), ("event", d.events)):
            for item in items:
                if (kind, item.id) not in seen:
                    seen.add((kind, item.id))
                    yield {"type": kind, **item.model_dump(mode="json", exclude_none=True, exclude_defaults=True)}
        for a in d.allegations:
            yield {"type": "allegation", **a.model_dump(mode="json", exclude_none=True), "id": f"{d.source.id}:{a.id}"}
        for s in d.statements:
            row = s.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
            yield {"type": "statement", **row, "allegation": f"{d.source.id}:{s.allegation}", "source": d.source.id}


def write_jsonl(dossiers: Iterable[Dossier], path: Path) -> Path:
    """A JSON Lines corpus of these dossiers (one record per line), written as it is generated."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in jsonl_records(dossiers):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
