"""``make fuzz``: schemathesis (``st run``) against a served API, queries and mutations with a valid key.

``python -m bench.fuzz [--examples N] [--seed S]``: starts the fuzz Neo4j and API (``bench/served.py``),
loads the seed, runs ``st run`` seeded (reproducible) with our response contract as its check
(``tests/fuzz/hooks.py``: no 5xx, no INTERNAL_SERVER_ERROR, a documented code on every error), then
``db check`` on whatever the fuzzer wrote. Results go to ``bench/results/fuzz.json``; the exit code is
non-zero if any operation broke the contract, fewer than ``--min-operations`` ran, or the graph fails
its check.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

from actorgraph.store.check import check
from bench.served import ROOT, served_api

RESULTS = ROOT / "bench" / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=110, help="examples per operation (one per root field)")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed: same seed, same operations")
    parser.add_argument("--min-operations", type=int, default=2000, help="fail if fewer operations ran")
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTORGRAPH_API_PORT", "8070")))
    args = parser.parse_args(argv)
    log = RESULTS / "fuzz-api.log"
    began = time.monotonic()
    with served_api(args.port, log) as api:
        print(f"fuzzing {api.url}/graphql: {args.examples} examples per operation, seed {args.seed}", flush=True)
        cmd = [
            str(Path(sys.executable).with_name("st")), "run", f"{api.url}/graphql",
            "--max-examples", str(args.examples), "--seed", str(args.seed), "--workers", "1",
            "--checks", "actorgraph_contract", "-H", f"X-API-Key: {api.key}", "--request-timeout", "30",
        ]  # fmt: skip
        env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.fuzz.hooks", "PYTHONPATH": str(ROOT)}
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=3600, check=False)
        output = run.stdout + run.stderr
        (RESULTS / "fuzz-st.log").write_text(output, encoding="utf-8")
        generated = re.search(r"(\d+) generated", output)
        operations = int(generated.group(1)) if generated else 0
        failures = re.search(r"(\d+) unique failures", output)
        graph = check(api.store).report
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seed": args.seed,
        "examples_per_operation": args.examples,
        "operations": operations,
        "contract_failures": int(failures.group(1)) if failures else (0 if run.returncode == 0 else None),
        "st_exit_code": run.returncode,
        "db_check_violations": [str(v) for v in graph.violations],
        "db_check_checked": graph.checked,
        "seconds": round(time.monotonic() - began, 1),
        "load_average": os.getloadavg(),
    }
    (RESULTS / "fuzz.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(output[-1500:])
    print(json.dumps({k: v for k, v in result.items() if k != "db_check_checked"}, indent=1))
    ok = run.returncode == 0 and operations >= args.min_operations and graph.ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
