"""Faults need a Neo4j of their own: these tests kill, stop and starve it, so never the shared test server.

``fault_settings`` points at an extra local instance (Bolt 7772, HTTP 7472 unless ACTORGRAPH_FAULT_BOLT_PORT
says otherwise) started once for the module and stopped at the end, whatever the tests did to it. Its
instance directory is a small tmpfs mounted for the run when the machine allows it (root, as in CI),
so a test can fill its disk or make it read-only without touching anyone else's; ``fault_disk`` says
whether it could.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.local import server
from actorgraph.settings import Settings
from actorgraph.store.core import Store, open_driver
from actorgraph.store.schema import init_schema
from tests.support.faults import FaultDisk

DISK_SIZE = "1g"


def _mount(path: Path) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    if os.path.ismount(path):
        subprocess.run(["umount", str(path)], capture_output=True, check=False)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(path)],
                          capture_output=True, check=False)  # fmt: skip
    return done.returncode == 0


@pytest.fixture(scope="module")
def fault_settings_and_disk(settings: Settings) -> Iterator[tuple[Settings, FaultDisk]]:
    bolt = int(os.environ.get("ACTORGRAPH_FAULT_BOLT_PORT", "7772"))
    own = settings.model_copy(
        update={"neo4j_uri": f"bolt://127.0.0.1:{bolt}", "http_port": bolt - 300, "start_timeout": 600.0}
    )  # crash recovery on a busy 2-core machine can take minutes
    layout = server.Layout.of(own)
    server.stop(own)
    disk = FaultDisk(layout.instance, _mount(layout.instance))
    server.start(own)
    try:
        yield own, disk
    finally:
        server.stop(own)
        if disk.mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(disk.path)], capture_output=True, check=False)
            for _ in range(20):  # the JVM may still hold files for a moment after it exits
                if subprocess.run(["umount", str(disk.path)], capture_output=True, check=False).returncode == 0:
                    break
                time.sleep(0.5)


@pytest.fixture(scope="module")
def fault_settings(fault_settings_and_disk: tuple[Settings, FaultDisk]) -> Settings:
    return fault_settings_and_disk[0]


@pytest.fixture
def fault_disk(fault_settings_and_disk: tuple[Settings, FaultDisk]) -> FaultDisk:
    disk = fault_settings_and_disk[1]
    if not disk.mounted:
        pytest.skip("no tmpfs could be mounted for the fault instance (needs root): disk faults not tested")
    return disk


@pytest.fixture
def fault_store(fault_settings: Settings) -> Iterator[Store]:
    """A store on the fault server, its graph emptied (schema kept); reopened per test (the server may restart)."""
    server.start(fault_settings)  # a previous test may have left it stopped or killed
    driver: Driver = open_driver(fault_settings)
    store = Store(driver, fault_settings)
    init_schema(store)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    yield store
    driver.close()
