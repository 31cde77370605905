"""The guide and the style are served by the local Neo4j itself, next to Browser, ready for ``:play``."""

from __future__ import annotations

import html
import urllib.request
import zipfile
from pathlib import Path

import pytest
from neo4j import Driver

from actorgraph.browser import bundle
from actorgraph.local import server
from actorgraph.settings import Settings
from tests.support.paths import EXPLORE_FILES


def fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read().decode("utf-8"), resp.headers.get("Content-Type", "")


def test_guide_runs_every_explore_query_with_its_seed_params() -> None:
    page = html.unescape(bundle.render_guide(7474))
    for path in EXPLORE_FILES:
        assert path.read_text(encoding="utf-8").strip() in page, f"the guide does not show {path.name}"
        for line in bundle.seed_params(path.stem):
            assert line in page
    assert ":style http://127.0.0.1:7474/browser/actorgraph/actorgraph.grass" in page
    assert "{{" not in page
    assert page.count("<slide") >= 8


def test_install_builds_once_and_replaces_stale_jars(tmp_path: Path, settings: Settings) -> None:
    lib = server.Layout.of(settings).lib
    if bundle.find_browser_jar(lib) is None:
        pytest.fail(f"no neo4j-browser jar in {lib}: the local distribution is incomplete")
    (tmp_path / "actorgraph-browser-0000.jar").write_bytes(b"stale")
    jar = bundle.install(tmp_path, lib, 7999)
    assert jar is not None and [p.name for p in tmp_path.iterdir()] == [jar.name]
    mtime = jar.stat().st_mtime_ns
    assert bundle.install(tmp_path, lib, 7999) == jar and jar.stat().st_mtime_ns == mtime
    with zipfile.ZipFile(jar) as z:
        names = set(z.namelist())
        assert {"browser/", "browser/index.html", "browser/actorgraph/", "browser/actorgraph/guide.html"} <= names
        assert (
            "http://127.0.0.1:7999/browser/actorgraph/actorgraph.grass"
            in z.read("browser/actorgraph/guide.html").decode()
        )
    other = bundle.install(tmp_path, lib, 7998)
    assert other != jar and not jar.exists()


def test_running_server_serves_browser_guide_and_style(neo4j_server: server.Status, settings: Settings) -> None:
    port = neo4j_server.http_port
    index, _ = fetch(f"http://127.0.0.1:{port}/browser/")
    assert "Neo4j Browser" in index
    guide, kind = fetch(bundle.guide_url(port))
    assert kind.startswith("text/html") and "Welcome to the seed case" in guide
    style, _ = fetch(bundle.style_url(port))
    assert style == bundle.style_text()


def test_server_config_lets_browser_open_guide_and_style(driver: Driver, neo4j_server: server.Status) -> None:
    records, _, _ = driver.execute_query(
        "CALL dbms.clientConfig() YIELD name, value WHERE name STARTS WITH 'browser.' RETURN name, value"
    )
    config = {r["name"]: r["value"] for r in records}
    assert "127.0.0.1" in config["browser.remote_content_hostname_whitelist"].split(",")
    commands = [c.strip() for c in config["browser.post_connect_cmd"].split(";")]
    assert commands == [
        f"style {bundle.style_url(neo4j_server.http_port)}",
        f"play {bundle.guide_url(neo4j_server.http_port)}",
    ]
