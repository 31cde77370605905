"""The local Neo4j: provisioned, started, queried, stopped, and the errors a user meets."""

from __future__ import annotations

import socket
import stat
import urllib.request
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.errors import ConfigError, Neo4jUnavailable
from actorgraph.local import server
from actorgraph.settings import Settings
from actorgraph.store.core import check_connection
from tests.support.cli import run_cli
from tests.support.http import free_port


def test_server_answers_bolt_queries(driver: Driver, settings: Settings) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN *")
    assert records[0]["edition"] == "community"
    assert records[0]["versions"] == [server.NEO4J_VERSION]


def test_browser_page_loads(neo4j_server: server.Status) -> None:
    with urllib.request.urlopen(f"http://127.0.0.1:{neo4j_server.http_port}/browser/", timeout=10) as resp:
        body = resp.read().decode()
    assert resp.status == 200
    assert "Neo4j Browser" in body


def test_status_reports_running(neo4j_server: server.Status, settings: Settings) -> None:
    st = server.status(settings)
    assert st.running and st.pid is not None
    assert server.ENTRY_POINT in Path(f"/proc/{st.pid}/cmdline").read_text(errors="replace")
    assert st.version == "5.26.30"
    assert st.data_dir == settings.home_dir / f"instance-{settings.bolt_port}" / "data"
    out = run_cli("neo4j", "status")
    assert out.returncode == 0
    assert "running" in out.stdout and str(settings.bolt_port) in out.stdout


def test_start_when_running_is_a_noop(neo4j_server: server.Status, settings: Settings) -> None:
    running = server.status(settings)  # other tests may have restarted it since the session began
    st, started = server.start(settings)
    assert not started
    assert st.pid == running.pid
    out = run_cli("neo4j", "start")
    assert out.returncode == 0 and "already running" in out.stdout


def test_wrong_password_is_one_clear_line(neo4j_server: server.Status) -> None:
    out = run_cli("db", "stats", env={"NEO4J_PASSWORD": "not-the-password"})
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "refused the password" in lines[0] and "NEO4J_PASSWORD" in lines[0]


def test_stopped_server_is_one_clear_line() -> None:
    out = run_cli("db", "stats", env={"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}"})
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert out.stderr.strip().count("\n") == 0
    assert "not reachable" in out.stderr and "actorgraph neo4j start" in out.stderr


def test_port_taken_by_another_program(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        cfg = Settings(NEO4J_URI=f"bolt://127.0.0.1:{port}", home=tmp_path, http_port=free_port())
        with pytest.raises(ConfigError, match=f"Port {port} .* already used by another program"):
            server.start(cfg)


def test_remote_uri_starts_nothing(tmp_path: Path) -> None:
    cfg = Settings(NEO4J_URI="neo4j+s://example.databases.neo4j.io", home=tmp_path)
    assert not cfg.is_local
    with pytest.raises(ConfigError, match="nothing local to start"):
        server.start(cfg)
    assert not any(tmp_path.iterdir())


def test_missing_maven_says_how_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(ConfigError, match=r"Maven \(mvn\) is needed.*apt-get install maven"):
        server.provision(Settings(home=tmp_path / "home"))


def test_unsupported_java_says_how_to_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "bin" / "java"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'openjdk version \"25.0.1\" 2025-10-21' >&2\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(fake.parent))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setattr(server, "JVM_ROOT", tmp_path / "no-jvms")
    with pytest.raises(ConfigError, match=r"needs Java 17 or 21 \(found: .*Java 25\).*ACTORGRAPH_JAVA"):
        server.find_java(Settings(home=tmp_path))


@pytest.mark.corrupts_graph  # one bare actor written with raw Cypher
def test_stop_then_start_keeps_the_data(driver: Driver, settings: Settings) -> None:
    driver.execute_query("CREATE (:Actor {id: 'kept-across-restart', name: 'Kept'})")
    pid = server.stop(settings)
    assert pid is not None
    assert server.status(settings).running is False
    with pytest.raises(Neo4jUnavailable):
        check_connection(settings)
    st, started = server.start(settings)
    assert started and st.pid != pid
    records, _, _ = driver.execute_query("MATCH (a:Actor {id: 'kept-across-restart'}) RETURN a.name AS name")
    assert [r["name"] for r in records] == ["Kept"]
