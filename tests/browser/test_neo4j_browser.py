"""A newcomer's first minute in Neo4j Browser, in a real headless Chromium.

Open Browser on the local server, connect with the connect form, see the actorgraph guide open by
itself (post-connect command), run the guide's network query (``cypher/explore/network.cypher``) and
check the drawn graph: every node the query returns, captioned by name and coloured by actor kind. The screenshot
is kept in ``build/screenshots/`` for people to look at.
"""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from actorgraph.browser.bundle import explore_query, style_text
from actorgraph.browser.grass import parse_grass
from actorgraph.local import server
from actorgraph.settings import Settings
from tests.support.paths import SCREENSHOTS


def connect(page: Any, settings: Settings, http_port: int) -> None:
    page.goto(f"http://127.0.0.1:{http_port}/browser/")
    page.get_by_test_id("boltaddress").wait_for()
    page.locator("select").first.select_option("bolt://")
    page.get_by_test_id("boltaddress").fill(f"127.0.0.1:{settings.bolt_port}")
    page.get_by_test_id("username").fill(settings.neo4j_user)
    page.get_by_test_id("password").fill(settings.neo4j_password.get_secret_value())
    page.get_by_test_id("connect").click()


def test_newcomer_sees_guide_and_styled_seed_network(
    page: Any, seeded: Driver, settings: Settings, neo4j_server: server.Status
) -> None:
    query = explore_query("network")
    records, _, _ = seeded.execute_query(query, database_=settings.neo4j_database)
    expected = {node.element_id: node for record in records for node in record["p"].nodes}
    assert expected, "the seed network is empty"

    connect(page, settings, neo4j_server.http_port)
    try:
        page.get_by_text("Welcome to the seed case").wait_for()  # the guide opened itself on connect
    except Exception as exc:  # Playwright's TimeoutError; say what is most likely wrong
        raise AssertionError(
            "the actorgraph guide did not open on connect: if this Neo4j was started before the guide existed, "
            "restart it (actorgraph neo4j stop)"
        ) from exc

    # As a newcomer does: click the network query on the guide's first slide, then run it.
    page.locator("pre.runnable", has_text="MATCH p = (:Actor)-[:ACCUSES|REPORTS|DENIES_INVOLVEMENT").first.click()
    assert "MATCH p = (:Actor)" in page.get_by_test_id("activeEditor").inner_text().replace("\xa0", " ")
    page.get_by_test_id("editor-Run").first.click()
    nodes = page.locator("svg g.node")
    page.wait_for_function(
        "n => document.querySelectorAll('svg g.node').length >= n", arg=len(expected), timeout=30_000
    )
    page.wait_for_timeout(1500)  # let the force layout settle for a readable screenshot
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "seed-network.png"))

    assert nodes.count() == len(expected)
    drawn = {"".join(t.strip() + " " for t in nodes.nth(i).locator("text").all_text_contents()).strip()
             for i in range(nodes.count())}  # fmt: skip
    for node in expected.values():
        name = str(node["name"])
        assert any(caption.startswith(name[:12]) for caption in drawn), f"{name!r} not captioned in {drawn}"

    style = parse_grass(style_text())
    kremlin = nodes.filter(has_text="Kremlin").locator("circle.b-outline")
    assert kremlin.get_attribute("fill") == style["node.Government"]["color"]
    legion = nodes.filter(has_text="Siberian").locator("circle.b-outline")
    assert legion.get_attribute("fill") == style["node.ArmedGroup"]["color"]
