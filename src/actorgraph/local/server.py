"""A local Neo4j Community server, provisioned from Maven Central jars and run in the background.

Layout under ``ACTORGRAPH_HOME`` (default ``~/.cache/actorgraph``)::

    neo4j-5.26.30/          the distribution: shared by every instance, fetched once with Maven
        pom.xml lib/ plugins/
    instance-7687/          one server per Bolt port, so tests (7688) never touch the user's data
        conf/neo4j.conf data/ logs/ run/ import/ run/neo4j.pid run/console.log

We start ``org.neo4j.server.CommunityEntryPoint`` directly with our own JVM flags rather than
Neo4j's launcher, because the launcher forks a second JVM: one process means the pid we record is
the server, and ``stop`` ends exactly that.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from actorgraph.browser import bundle as browser_bundle
from actorgraph.errors import ConfigError, Neo4jAuthError, Neo4jUnavailable, ProvisionError
from actorgraph.settings import Settings
from actorgraph.store.core import check_connection

NEO4J_VERSION = "5.26.30"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_COMMAND = "org.neo4j.server.startup.Neo4jAdminCommand"
SUPPORTED_JAVA = (17, 21)
JVM_ROOT = Path("/usr/lib/jvm")
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-Dfile.encoding=UTF-8",
)

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    """Default progress callback: say nothing."""


@dataclass(frozen=True)
class Layout:
    """Where a local server's files live; derived from settings, no I/O."""

    dist: Path
    instance: Path
    bolt_port: int
    http_port: int

    @classmethod
    def of(cls, settings: Settings) -> Layout:
        home = settings.home_dir
        return cls(
            dist=home / f"neo4j-{NEO4J_VERSION}",
            instance=home / f"instance-{settings.bolt_port}",
            bolt_port=settings.bolt_port,
            http_port=settings.http_port,
        )

    @property
    def lib(self) -> Path:
        return self.dist / "lib"

    @property
    def conf_dir(self) -> Path:
        return self.instance / "conf"

    @property
    def pid_file(self) -> Path:
        return self.instance / "run" / "neo4j.pid"

    @property
    def console_log(self) -> Path:
        return self.instance / "run" / "console.log"

    @property
    def data_dir(self) -> Path:
        return self.instance / "data"

    @property
    def classpath(self) -> str:
        return f"{self.dist / 'plugins'}/*:{self.conf_dir}/*:{self.lib}/*"

    @property
    def provisioned(self) -> bool:
        return (self.lib / ".complete").exists()


@dataclass(frozen=True)
class Status:
    """What ``actorgraph neo4j status`` reports."""

    running: bool
    pid: int | None
    version: str
    bolt_port: int
    http_port: int
    data_dir: Path
    provisioned: bool


# --- the machine ---------------------------------------------------------------------------------


def find_java(settings: Settings) -> str:
    """The java executable to run Neo4j with (17 or 21), or a ConfigError that says how to get one."""
    candidates: list[str] = []
    if settings.java:
        candidates.append(settings.java)
    if os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    on_path = shutil.which("java")
    if on_path:
        candidates.append(on_path)
    candidates += sorted(str(p) for p in JVM_ROOT.glob("*/bin/java"))
    seen: list[str] = []
    for java in candidates:
        major = _java_major(java)
        if major is None:
            continue
        if major in SUPPORTED_JAVA:
            return java
        seen.append(f"{java} is Java {major}")
    found = f" (found: {'; '.join(seen)})" if seen else ""
    raise ConfigError(
        f"Neo4j {NEO4J_VERSION} needs Java 17 or 21{found}: install it (apt-get install openjdk-17-jre-headless)"
        " or set ACTORGRAPH_JAVA to its java executable."
    )


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    """True when something accepts connections on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


# --- provisioning --------------------------------------------------------------------------------


def provision(settings: Settings, progress: Progress = _quiet) -> Layout:
    """Fetch Neo4j's jars with Maven into ``ACTORGRAPH_HOME`` once; later calls are offline no-ops."""
    layout = Layout.of(settings)
    if layout.provisioned:
        return layout
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ConfigError(
            "Maven (mvn) is needed once to fetch Neo4j's jars: install it (apt-get install maven) and retry."
        )
    layout.dist.mkdir(parents=True, exist_ok=True)
    pom = layout.dist / "pom.xml"
    pom.write_text(resources.files("actorgraph.local").joinpath("pom.xml").read_text(encoding="utf-8"))
    staging = layout.dist / "lib.partial"
    shutil.rmtree(staging, ignore_errors=True)
    progress(f"Fetching Neo4j {NEO4J_VERSION} jars with Maven (first time only)")
    cmd = [
        mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
        "-DincludeScope=runtime", f"-DoutputDirectory={staging}",
    ]  # fmt: skip
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        tail = " ".join((result.stdout + result.stderr).strip().splitlines()[-3:])
        raise ProvisionError(
            f"Maven could not fetch Neo4j {NEO4J_VERSION} ({tail[:300]}): check that Maven Central is "
            "reachable (mvn -v; proxy settings in ~/.m2/settings.xml) and retry."
        )
    shutil.rmtree(layout.lib, ignore_errors=True)
    staging.rename(layout.lib)
    (layout.dist / "plugins").mkdir(exist_ok=True)
    (layout.lib / ".complete").write_text(NEO4J_VERSION + "\n")
    return layout


def write_config(settings: Settings, layout: Layout) -> Path:
    """(Re)write the instance's ``neo4j.conf`` from settings: loopback only, auth on."""
    for sub in ("conf", "data", "logs", "run", "import"):
        (layout.instance / sub).mkdir(parents=True, exist_ok=True)
    template = resources.files("actorgraph.local").joinpath("neo4j.conf.template").read_text(encoding="utf-8")
    conf = template.format(
        bolt_port=layout.bolt_port,
        http_port=layout.http_port,
        heap=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache,
        instance=layout.instance,
        dist=layout.dist,
    )
    path = layout.conf_dir / "neo4j.conf"
    path.write_text(conf, encoding="utf-8")
    return path


def _set_initial_password(settings: Settings, layout: Layout, java: str) -> None:
    """Before the very first start, set the password from settings (Neo4j refuses 'neo4j' and < 8 chars)."""
    password = settings.neo4j_password.get_secret_value()
    if len(password) < 8 or password == "neo4j":
        raise ConfigError("NEO4J_PASSWORD must have at least 8 characters and not be 'neo4j': change it in .env.")
    env = _neo4j_env(layout)
    cmd = [java, "-cp", f"{layout.lib}/*", ADMIN_COMMAND, "dbms", "set-initial-password", password]
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise ProvisionError(f"Setting the initial Neo4j password failed: {result.stderr.strip()[:300]}")


def _neo4j_env(layout: Layout) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"JAVA_OPTS", "NEO4J_HOME", "NEO4J_CONF"}}
    env["NEO4J_HOME"] = str(layout.dist)
    env["NEO4J_CONF"] = str(layout.conf_dir)
    return env


# --- running -------------------------------------------------------------------------------------


def running_pid(layout: Layout) -> int | None:
    """The pid in the pid file if that process is alive and is *our* Neo4j, else None."""
    try:
        pid = int(layout.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return None
    if ENTRY_POINT in cmdline and str(layout.instance) in cmdline:
        return pid
    return None


def status(settings: Settings) -> Status:
    layout = Layout.of(settings)
    pid = running_pid(layout)
    return Status(
        running=pid is not None,
        pid=pid,
        version=NEO4J_VERSION,
        bolt_port=layout.bolt_port,
        http_port=layout.http_port,
        data_dir=layout.data_dir,
        provisioned=layout.provisioned,
    )


def start(settings: Settings, progress: Progress = _quiet) -> tuple[Status, bool]:
    """Provision if needed and start the server in the background; returns (status, started_now).

    Starting a server that already runs is a no-op. Waits until Bolt accepts our credentials.
    """
    if not settings.is_local:
        raise ConfigError(
            f"NEO4J_URI is {settings.neo4j_uri}, not this machine: nothing local to start "
            "(unset NEO4J_URI to use the local server)."
        )
    layout = Layout.of(settings)
    if running_pid(layout) is not None:
        return status(settings), False
    for port, what in ((layout.bolt_port, "Bolt"), (layout.http_port, "HTTP")):
        if port_in_use(port):
            raise ConfigError(
                f"Port {port} ({what}) is already used by another program: stop it, or pick free ports "
                "with NEO4J_URI=bolt://127.0.0.1:PORT and ACTORGRAPH_HTTP_PORT=PORT."
            )
    java = find_java(settings)
    provision(settings, progress)
    first_start = not (layout.data_dir / "dbms").exists()
    write_config(settings, layout)
    browser_bundle.install(layout.conf_dir, layout.lib, layout.http_port)
    if first_start:
        progress("Setting the initial password")
        _set_initial_password(settings, layout, java)
    progress(f"Starting Neo4j {NEO4J_VERSION} on bolt://127.0.0.1:{layout.bolt_port}")
    heap = settings.neo4j_heap
    cmd = [
        java, f"-Dactorgraph.instance={layout.instance}", *JVM_FLAGS, f"-Xms{heap}", f"-Xmx{heap}",
        "-cp", layout.classpath, ENTRY_POINT,
        f"--home-dir={layout.dist}", f"--config-dir={layout.conf_dir}", "--console-mode",
    ]  # fmt: skip
    with layout.console_log.open("ab") as log:
        proc = subprocess.Popen(
            cmd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=_neo4j_env(layout),
            cwd=layout.instance,
            start_new_session=True,
        )
    layout.pid_file.write_text(f"{proc.pid}\n")
    progress("Waiting for Bolt to answer")
    _wait_until_ready(settings, layout, proc)
    return status(settings), True


def _wait_until_ready(settings: Settings, layout: Layout, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + settings.start_timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            layout.pid_file.unlink(missing_ok=True)
            raise ProvisionError(
                f"Neo4j exited during start-up (code {proc.returncode}): {_last_log_line(layout)} "
                f"(full log: {layout.console_log})"
            )
        if port_in_use(layout.bolt_port):
            try:
                check_connection(settings)
                return
            except Neo4jAuthError:
                raise
            except Neo4jUnavailable as exc:
                last = exc
        time.sleep(0.5)
    raise ProvisionError(
        f"Neo4j did not answer within {settings.start_timeout:.0f}s ({last}); see {layout.console_log}, "
        "or raise ACTORGRAPH_START_TIMEOUT."
    )


def _last_log_line(layout: Layout) -> str:
    try:
        lines = [ln for ln in layout.console_log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "no log"
    errors = [ln for ln in lines if "ERROR" in ln or "Exception" in ln]
    return (errors or lines or ["no log"])[-1].strip()[:300]


def import_database(settings: Settings, arguments: list[str], *, array_delimiter: str, report: Path) -> str:
    """Replace the local database with the CSV files named in ``arguments`` (``neo4j-admin database import full``).

    The server must be stopped (the caller stops and restarts it). Runs Neo4j's own importer from
    the jars we provisioned, on the instance's configuration, so the imported store lands where the
    server reads it. Returns the importer's last lines (its summary); ProvisionError with its error.
    """
    layout = Layout.of(settings)
    if running_pid(layout) is not None:
        raise ConfigError(f"Neo4j on port {layout.bolt_port} is running: stop it before importing.")
    java = find_java(settings)
    write_config(settings, layout)
    cmd = [
        java, "-cp", f"{layout.lib}/*", ADMIN_COMMAND, "database", "import", "full", settings.neo4j_database,
        "--overwrite-destination=true", "--multiline-fields=true", f"--array-delimiter={array_delimiter}",
        "--skip-bad-relationships=false", "--bad-tolerance=0", f"--report-file={report}",
        "--threads=2", *arguments,
    ]  # fmt: skip
    env = _neo4j_env(layout)
    env.setdefault("HEAP_SIZE", settings.neo4j_heap)
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    output = (result.stdout + result.stderr).strip().splitlines()
    if result.returncode != 0:
        errors = [ln for ln in output if "rror" in ln or "xception" in ln] or output[-3:] or ["no output"]
        raise ProvisionError(f"neo4j-admin import failed: {errors[-1].strip()[:400]} (report: {report})")
    return "\n".join(output[-12:])


def stop(settings: Settings, timeout: float = 60.0) -> int | None:
    """Stop exactly the recorded server process; returns its pid, or None if none was running."""
    layout = Layout.of(settings)
    pid = running_pid(layout)
    if pid is None:
        layout.pid_file.unlink(missing_ok=True)
        return None
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and running_pid(layout) == pid:
        time.sleep(0.2)
    if running_pid(layout) == pid:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    layout.pid_file.unlink(missing_ok=True)
    return pid
