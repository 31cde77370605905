"""Drafting quality and speed: drafts of the test articles against their hand-written dossiers.

``python -m bench.draft_quality`` drafts the seed article and the second test article in rule-only mode and,
when the spaCy extra is installed, in spaCy mode; scores each draft with ``actorgraph.draft.evaluate`` and
times drafting the 3,331-character seed article after the pipeline's first load (median of 5). Results go to
``bench/results/draft.json`` and ``bench/results/draft.md``. Needs no Neo4j.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from actorgraph.draft import draft_text, get_analyzer, spacy_available
from actorgraph.draft.evaluate import RATES, evaluate
from actorgraph.ingest.read import read_dossier

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"

#: (name, gold dossier, gold actor id(s) standing for the article's own voice)
CASES: tuple[tuple[str, Path, tuple[str, ...]], ...] = (
    ("seed", ROOT / "seed" / "incursion.yaml", ("seed-article-author",)),
    ("kremlin-drones", ROOT / "tests" / "data" / "draft" / "kremlin-drones.yaml", ("kremlin-drones-article-author",)),
)
TARGETS = {"quote_recall": 0.8, "speaker_accuracy": 0.8, "stance_accuracy": 0.9}


def run(modes: list[str]) -> dict[str, Any]:
    results: dict[str, Any] = {"modes": {}, "targets": TARGETS}
    for mode in modes:
        began = time.perf_counter()
        analyzer = get_analyzer(mode)
        analyzer.analyze("Warm up.")
        first_load = time.perf_counter() - began
        per_case: dict[str, Any] = {}
        for name, gold_path, voice in CASES:
            gold = read_dossier(gold_path)
            draft = draft_text(gold.source_text, analyzer=analyzer, source_id=f"draft-{name}")
            per_case[name] = evaluate(draft, gold, gold_voice=voice).as_dict()
        seed_text = read_dossier(CASES[0][1]).source_text
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            draft_text(seed_text, analyzer=analyzer, source_id="timing")
            times.append(time.perf_counter() - t0)
        results["modes"][mode] = {
            "pipeline_first_load_s": round(first_load, 3),
            "seed_chars": len(seed_text),
            "draft_seconds_median": round(statistics.median(times), 4),
            "draft_seconds_max": round(max(times), 4),
            "cases": per_case,
        }
    return results


def markdown(results: dict[str, Any]) -> str:
    cols = list(RATES)
    lines = [
        "# Drafting assistant: quality and speed",
        "",
        "Measured by `python -m bench.draft_quality` (definitions in `src/actorgraph/draft/evaluate.py`: a gold",
        "statement is found when a drafted quote overlaps it by >= 80% of the longer quote).",
        "",
        "| mode | article | gold stmts | found | " + " | ".join(c.replace("_", " ") for c in cols) + " | drafted |",
        "|---|---|---|---|" + "---|" * len(cols) + "---|",
    ]
    for mode, r in results["modes"].items():
        for case, s in r["cases"].items():
            row = [mode, case, str(s["gold_statements"]), str(s["found"])]
            row += [f"{s[c]:.0%}" for c in cols]
            row.append(str(s["draft_statements"]))
            lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        "| mode | pipeline first load | drafting the seed article (3,331 chars), median of 5 | max |",
        "|---|---|---|---|",
    ]
    for mode, r in results["modes"].items():
        lines.append(
            f"| {mode} | {r['pipeline_first_load_s']:.2f} s | {r['draft_seconds_median']:.3f} s "
            f"| {r['draft_seconds_max']:.3f} s |"
        )
    lines += [
        "",
        "Targets on the seed article: quote recall >= 80%, speaker accuracy >= 80% of found quotes,",
        "stance accuracy >= 90%; drafting a 3,000-character article in under 2 s after the first load.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--mode", action="append", choices=["rules", "spacy"], help="default: both (spacy if installed)"
    )
    args = parser.parse_args(argv)
    modes = args.mode or (["rules", "spacy"] if spacy_available() else ["rules"])
    if "spacy" in modes and not spacy_available():
        print("spaCy mode needs the nlp extra: make draft-deps", file=sys.stderr)
        return 2
    results = run(modes)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "draft.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "draft.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
