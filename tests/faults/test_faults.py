"""Faults with real processes on the fault server (``tests/faults/conftest.py``), never the shared one.

- Neo4j SIGKILLed in the middle of a multi-dossier load: the load exits non-zero with one line, every
  dossier is wholly in or wholly out, ``db check`` is clean after crash recovery, and the same command
  run again completes.
- Neo4j stopped while the API serves: ``/readyz`` 503, UNAVAILABLE (never a 5xx, never the address),
  and the API recovers by itself when Neo4j is back.
- The API SIGKILLed while mutations are in flight: each mutation is all there or not there at all.
- The instance's disk full (a write fails, Neo4j stops accepting transactions) or read-only (Neo4j
  cannot start): each is one clear line, and once the disk is fixed a restart recovers everything.
"""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import httpx
from neo4j import Driver

from actorgraph.ingest import load_paths
from actorgraph.local import server
from actorgraph.settings import Settings
from actorgraph.store.check import check
from actorgraph.store.core import Store
from bench.served import API_KEY, api_process
from bench.soak import write_overlapping
from tests.support.cli import run_cli
from tests.support.faults import FaultDisk, dossier_states, fault_env, kill_neo4j, start_cli
from tests.support.http import free_port
from tests.support.paths import DATA, SEED


def _sources(driver: Driver) -> int:
    return int(driver.execute_query("MATCH (s:Source) RETURN count(s) AS n").records[0]["n"])


def test_sigkill_during_a_multi_dossier_load(fault_settings: Settings, fault_store: Store, tmp_path: Path) -> None:
    paths = write_overlapping(tmp_path, 60)
    # One dossier per transaction (--batch 1), so the kill lands between commits of one load.
    load = start_cli(fault_settings, "load", "--batch", "1", str(tmp_path))
    deadline = time.monotonic() + 180
    while _sources(fault_store.driver) < 3:
        assert load.poll() is None, "the load ended before the kill: give it more dossiers"
        assert time.monotonic() < deadline, "the load wrote nothing in 3 minutes"
        time.sleep(0.1)
    kill_neo4j(fault_settings)
    _, err = load.communicate(timeout=180)
    assert load.returncode != 0
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "not reachable" in lines[0] and "Traceback" not in err, err

    server.start(fault_settings)  # crash recovery replays the transaction log
    states = dossier_states(fault_store.driver, list(paths))
    assert "partial" not in states.values(), states
    assert "in" in states.values() and "out" in states.values(), states  # the kill really was mid-load
    assert check(fault_store).report.ok, check(fault_store).report.violations

    again = start_cli(fault_settings, "load", str(tmp_path))
    _, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert set(dossier_states(fault_store.driver, list(paths)).values()) == {"in"}
    assert check(fault_store).report.ok


def _graphql(url: str, query: str, key: bool = False) -> httpx.Response:
    headers = {"X-API-Key": API_KEY} if key else {}
    return httpx.post(f"{url}/graphql", json={"query": query}, headers=headers, timeout=30)


def test_neo4j_stopped_while_the_api_serves(fault_settings: Settings, fault_store: Store, tmp_path: Path) -> None:
    load_paths(fault_store, [SEED])
    read = '{ actor(id: "kremlin") { name statements(limit: 3) { quote } } }'
    write = 'mutation { addAlias(actorId: "kremlin", alias: "Moscow Kremlin") { id } }'
    with api_process(free_port(), tmp_path / "api.log", fault_env(fault_settings)) as api:
        assert _graphql(api.url, read).json()["data"]["actor"]["name"] == "Kremlin"
        server.stop(fault_settings)
        assert httpx.get(f"{api.url}/readyz", timeout=30).status_code == 503
        for query, key in [(read, False), (write, True), ("{ analytics { centrality { entries { actor } } } }", False)]:
            response = _graphql(api.url, query, key)
            assert response.status_code == 200, response.text  # never a 5xx
            body = response.json()
            assert [e["extensions"]["code"] for e in body.get("errors") or []] == ["UNAVAILABLE"], (query, body)
            assert "bolt://" not in response.text and "7772" not in response.text
        server.start(fault_settings)
        deadline = time.monotonic() + 60
        while httpx.get(f"{api.url}/readyz", timeout=30).status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover by itself"
            time.sleep(0.5)
        assert _graphql(api.url, read).json()["data"]["actor"]["name"] == "Kremlin"
        assert "errors" not in _graphql(api.url, write, key=True).json()
    assert "Traceback" not in (tmp_path / "api.log").read_text(errors="replace")


#: The kill comes right after this request starts (of 80), with the earlier ones still being answered.
KILL_AT = 50
RECORD = """mutation($i: StatementInput!) { recordStatement(input: $i) { id } }"""


def _statement(i: int) -> dict[str, Any]:
    quote = f"the raid number {i} was ordered"
    return {"speaker": "kremlin", "subject": "freedom-of-russia-legion", "predicate": "ATTACKED", "object": "cia",
            "summary": f"raid {i}", "stance": "AFFIRMS", "quote": quote,
            "source": {"id": f"kill-src-{i}", "kind": "ARTICLE", "title": f"Kill {i}",
                       "text": f"TASS: {quote}."}}  # fmt: skip


def test_api_killed_during_mutations_leaves_nothing_half_written(
    fault_settings: Settings, fault_store: Store, tmp_path: Path
) -> None:
    load_paths(fault_store, [SEED])
    outcomes: dict[int, str] = {}

    def send(i: int, url: str) -> None:
        try:
            response = httpx.post(f"{url}/graphql", json={"query": RECORD, "variables": {"i": _statement(i)}},
                                  headers={"X-API-Key": API_KEY}, timeout=60)  # fmt: skip
            outcomes[i] = "acknowledged" if "errors" not in response.json() else "refused"
        except httpx.HTTPError:
            outcomes[i] = "cut"

    with api_process(free_port(), tmp_path / "api.log", fault_env(fault_settings)) as api:
        threads = [threading.Thread(target=send, args=(i, api.url)) for i in range(80)]
        for i, thread in enumerate(threads):
            thread.start()
            if i == KILL_AT:
                api.kill()  # SIGKILL, workers included: no shutdown, connections to Neo4j simply drop
        for thread in threads:
            thread.join()
    # The kill landed while requests were in flight: some sent before it were cut (those sent after always are).
    assert any(outcomes[i] == "cut" for i in range(KILL_AT + 1)), outcomes
    stored = {r["id"]: r["n"] for r in fault_store.driver.execute_query(
        "MATCH (src:Source) WHERE src.id STARTS WITH 'kill-src-' "
        "OPTIONAL MATCH (src)<-[:REPORTED_IN]-(s:Statement) RETURN src.id AS id, count(s) AS n").records}  # fmt: skip
    for i, outcome in outcomes.items():
        n = stored.get(f"kill-src-{i}")
        assert n in (None, 1), (i, n)  # a source is never there without its statement
        if outcome == "acknowledged":
            assert n == 1, i  # nothing acknowledged is lost
    assert check(fault_store).report.ok, check(fault_store).report.violations


def _fill(path: Path) -> Path:
    """Write zeros until the filesystem is full; returns the filler file."""
    filler = path / "filler"
    chunk = b"\0" * (1 << 20)
    with filler.open("wb") as out:
        try:
            while True:
                out.write(chunk)
                out.flush()
        except OSError:
            pass
    return filler


def _remount(path: Path, mode: str) -> None:
    """Remount the fault disk ``ro`` or ``rw``; a JVM that just exited may hold its files for a moment."""
    for _ in range(60):
        if subprocess.run(["mount", "-o", f"remount,{mode}", str(path)], capture_output=True).returncode == 0:
            return
        time.sleep(1)
    raise AssertionError(f"could not remount {path} {mode}")


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert result.returncode != 0 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_a_full_or_read_only_disk_is_one_clear_line(
    fault_settings: Settings, fault_store: Store, fault_disk: FaultDisk
) -> None:
    """A write on a full disk fails in one line; after space is freed, a restart either recovers (db check
    clean) or — when the full disk damaged the transaction log, which Neo4j cannot recover — says so in
    one line; a read-only disk stops ``neo4j start`` with one line naming the directory."""
    env = fault_env(fault_settings)
    load_paths(fault_store, [SEED])
    filler = _fill(fault_disk.path)
    try:
        full = _one_line(run_cli("load", str(DATA / "river-dam.yaml"), env=env))
        assert "cannot write to its disk (full or read-only)" in full and "restart Neo4j" in full, full
    finally:
        filler.unlink()
    assert run_cli("neo4j", "stop", env=env).returncode == 0
    restart = run_cli("neo4j", "start", env=env)
    if restart.returncode == 0:
        assert check(fault_store).report.ok  # recovered: nothing of the failed load, nothing broken
    else:
        line = _one_line(restart)
        assert "could not start" in line and "restore your last `actorgraph dump`" in line, line
        server.stop(fault_settings)
    server.stop(fault_settings)  # a filesystem cannot become read-only under a server writing to it
    _remount(fault_disk.path, "ro")
    try:
        start = _one_line(run_cli("neo4j", "start", env=env))
        assert "Read-only file system" in start and str(fault_disk.path) in start, start
        load = _one_line(run_cli("load", str(DATA / "river-dam.yaml"), env=env))
        assert "not reachable" in load, load
    finally:
        _remount(fault_disk.path, "rw")
