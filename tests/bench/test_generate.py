"""The generator: deterministic, valid for the real reader, skewed like real corpora."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from actorgraph.ingest import read_dossiers
from bench.generate import generate, write_dossiers
from bench.ingest import prepare


def test_same_arguments_give_the_same_corpus_and_another_seed_another() -> None:
    first = [d.model_dump() for d in generate(300, seed=7)]
    assert first == [d.model_dump() for d in generate(300, seed=7)]
    assert first != [d.model_dump() for d in generate(300, seed=8)]
    assert sum(len(d["statements"]) for d in first) == 300


def test_every_quote_is_inside_its_source_text_at_its_offsets() -> None:
    for d in generate(500):
        text = d.source.text or ""
        for s in d.statements:
            assert s.start is not None and s.end is not None
            assert text[s.start : s.end] == s.quote
            assert text.count(s.quote) == 1


def test_few_vocal_actors_many_rare_ones() -> None:
    speakers = Counter(s.speaker for d in generate(4000) for s in d.statements)
    counts = sorted(speakers.values(), reverse=True)
    assert counts[0] >= 20 * counts[len(counts) // 2]
    assert sum(counts[:10]) > 0.2 * sum(counts)


def test_written_dossiers_pass_the_real_reader_and_match_the_in_memory_preparation(tmp_path: Path) -> None:
    dossiers = generate(200, per_source=40)
    read = read_dossiers(write_dossiers(dossiers, tmp_path))
    assert [p.statements for p in read] == [p.statements for p in prepare(dossiers)]
    assert [p.source_sha256 for p in read] == [p.source_sha256 for p in prepare(dossiers)]
