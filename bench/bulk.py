"""Bulk import: a generated JSON Lines corpus through ``actorgraph load --bulk`` into an empty database.

The import runs in its own Python process (``python -m bench.bulk FOLDER``), which reports its own
peak resident memory: the figure the target bounds (the Neo4j server and the importer are Java
processes of their own, with their own memory settings). The time is the wall time of the whole
command as a user runs it: reading and checking every file, deriving, stopping the server, the
import, starting the server, the schema. Generating the corpus is not timed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from actorgraph.settings import get_settings
from actorgraph.store.core import Store, open_driver
from actorgraph.store.schema import counts
from bench.generate import write_jsonl_corpus
from bench.ingest import load_average, reset

#: Statements per JSON Lines file of the corpus (the importer reads one file at a time).
PER_FILE = 2_500


def run(store: Store, statements: int) -> dict[str, Any]:
    """Generate, import with ``load --bulk`` in a child process, count what landed."""
    with tempfile.TemporaryDirectory(prefix="actorgraph-bulk-") as tmp:
        began = time.perf_counter()
        files = write_jsonl_corpus(statements, Path(tmp) / "corpus", per_file=PER_FILE)
        generated = time.perf_counter() - began
        reset(store)
        load_avg = load_average()
        began = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-m", "bench.bulk", str(Path(tmp) / "corpus")],
            capture_output=True, text=True, check=False, env=os.environ.copy(),
        )  # fmt: skip
        seconds = time.perf_counter() - began
    if out.returncode != 0:
        raise RuntimeError(f"the bulk import failed: {out.stderr.strip()[-600:]}")
    report = json.loads(out.stdout.strip().splitlines()[-1])
    # The import replaced the database (and restarted the server): bookmarks of the old driver name
    # transactions the new database never had, so the store gets a new driver.
    store.driver.close()
    store.driver = open_driver(store.settings)
    landed = counts(store)
    return {
        "status": "ok",
        "statements": statements,
        "files": len(files),
        "generate_seconds": generated,
        "load_average": load_avg,
        "seconds": seconds,
        "phases": report["seconds"],
        "peak_rss_mib": report["peak_rss_mib"],
        "derived_relationships": report["relations"],
        "nodes": landed.nodes,
        "relationships": landed.relationships,
    }


def main(folder: str) -> None:
    """The child: ``load --bulk`` on ``folder``; one JSON line with its report."""
    from actorgraph.cli.load_cmd import bulk_import

    report = bulk_import(get_settings(), [Path(folder)])
    print(json.dumps({"seconds": report.seconds, "peak_rss_mib": report.peak_rss_mib,
                      "relations": report.relations, "statements": report.statements}))  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1])
