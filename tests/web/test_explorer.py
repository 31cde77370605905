"""The explorer in Debian's Chromium against the real API and Neo4j with the seed loaded.

Every view renders the seed's facts; a statement recorded on one page appears live on another; an
editor action without a key is refused; keyboard use works. Screenshots of each view go to
``build/screenshots/explorer-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from actorgraph.ingest import LoadReport
from actorgraph.model.ids import allegation_id
from tests.support.http import API_KEY, Server
from tests.support.paths import ROOT, SCREENSHOTS
from tests.support.web import graphql, new_page

SOURCE = "article-000-4a78cf95e0652a9d"
SOURCE_TEXT = (ROOT / "seed" / "000_4a78cf95e0652a9d.txt").read_text(encoding="utf-8")
INVOLVEMENT = allegation_id("ukrainian-military", "INVOLVED_IN", "incursion-into-russia")
SIBERIAN_CIA = allegation_id("siberian-battalion", "CONTROLLED_BY", "cia")


@pytest.fixture
def page(chromium: Any, api: Server, seed: LoadReport) -> Iterator[Page]:
    p = new_page(chromium)
    yield p
    p.context.close()


def shot(page: Page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"explorer-{name}.png"), full_page=full_page)


def test_start_page_and_search_highlight_the_match(page: Page, api: Server) -> None:
    page.goto(api.url + "/")
    expect(page.locator("h1")).to_have_text("Who claims, accuses or denies what about whom")
    expect(page.locator(".lead")).to_contain_text("12 actors")
    shot(page, "start")
    page.get_by_label("Search actors, events and quotes").fill("Ukrainian involvement")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=Ukrainian\+involvement$"))
    quote = page.locator(".result.statement blockquote").first
    expect(quote).to_contain_text("without direct Ukrainian involvement")
    expect(quote.locator("mark.match")).to_have_text(["Ukrainian", "involvement"])
    expect(page.locator(".result.statement").first).to_contain_text(
        "Andriy Yusov for Main Directorate of Intelligence (HUR)"
    )
    shot(page, "search")


def test_allegation_shows_the_denial_opposite_the_claim_with_quotes_in_the_article(page: Page, api: Server) -> None:
    page.goto(f"{api.url}/allegation/{INVOLVEMENT}")
    expect(page.locator("h1")).to_have_text("Ukraine's military was behind the incursion into Russia.")
    affirming, denying = page.locator("section.side.affirms"), page.locator("section.side.denies")
    expect(affirming.locator(".statement-card header")).to_contain_text("Kremlin")
    expect(denying.locator(".statement-card header")).to_contain_text(
        "Andriy Yusov for Main Directorate of Intelligence (HUR)"
    )
    expect(page.locator(".badge.status-contested")).to_have_text("contested")
    left, right = affirming.bounding_box(), denying.bounding_box()
    assert (
        left and right and left["x"] + left["width"] <= right["x"] and abs(left["y"] - right["y"]) < 5
    )  # side by side
    # The denial's quote is marked inside the article's text, at its offsets (1363-1399).
    mark = denying.locator("mark.quote.denies")
    expect(mark).to_have_text(SOURCE_TEXT[1363:1399])
    assert SOURCE_TEXT[1363:1399] == "without direct Ukrainian involvement"
    before = mark.evaluate("m => m.previousSibling.textContent")
    after = mark.evaluate("m => m.nextSibling.textContent")
    assert SOURCE_TEXT[:1363].endswith(before) and len(before) > 40
    assert SOURCE_TEXT[1399:].startswith(after)  # the excerpt ends with the quote's paragraph
    expect(denying).to_contain_text("characters 1363\u20131399")
    shot(page, "allegation")
    narrow = new_page(page.context.browser, width=420, height=900)
    narrow.goto(f"{api.url}/allegation/{INVOLVEMENT}")
    expect(narrow.locator("section.side.denies mark.quote")).to_have_text("without direct Ukrainian involvement")
    a, d = narrow.locator("section.side.affirms").bounding_box(), narrow.locator("section.side.denies").bounding_box()
    assert a and d and d["y"] > a["y"] + a["height"] - 1  # stacked on a narrow window
    assert narrow.evaluate("document.documentElement.scrollWidth") <= 420  # nothing wider than the window
    shot(narrow, "allegation-narrow")
    narrow.context.close()


def test_actor_view_says_whom_it_accuses_and_its_camp(page: Page, api: Server) -> None:
    page.goto(api.url + "/actor/kremlin")
    expect(page.locator("h1")).to_have_text("Kremlin")
    accuses = page.locator(".relation-group.accuses")
    expect(accuses.locator("dt")).to_have_text("Accuses")
    expect(accuses).to_contain_text("Freedom of Russia Legion")
    expect(page.locator(".relations")).to_contain_text("Contradicted by")
    expect(page.get_by_text("Camp A", exact=False).first).to_be_visible()
    expect(page.locator(".graph canvas").first).to_be_attached()
    shot(page, "actor")
    page.goto(api.url + "/actor/freedom-of-russia-legion")
    expect(page.locator(".relation-group.accused-by")).to_contain_text("Kremlin")
    expect(page.locator("dl.facts").first).to_contain_text("Camp B")
    expect(page.locator("dl.facts").first).to_contain_text("kept in")  # the evidence behind the camp
    page.goto(api.url + "/actor/andriy-yusov")  # one SPEAKS_FOR link: too little to show a camp
    expect(page.locator("dl.facts").first).to_contain_text("undetermined: too little evidence for a camp (1 link")


def test_contested_ranks_the_seed_and_filters(page: Page, api: Server) -> None:
    page.goto(api.url + "/contested")
    rows = page.locator(".contested-table tbody tr")
    expect(rows).to_have_count(3)
    row = rows.filter(has_text="Ukraine's military was behind the incursion")
    expect(row.locator("td").nth(2)).to_have_text("Kremlin")
    expect(row.locator("td").nth(3)).to_have_text("Main Directorate of Intelligence (HUR)")
    shot(page, "contested")
    page.get_by_label("Predicate").select_option("INVOLVED_IN")
    expect(page).to_have_url(re.compile(r"/contested\?predicate=INVOLVED_IN$"))
    expect(rows).to_have_count(1)


def test_network_colours_by_camp_and_lists_the_relationships(page: Page, api: Server) -> None:
    page.goto(api.url + "/network")
    expect(page.locator(".graph canvas").first).to_be_attached()
    camp_a = page.locator(".camp-group").filter(has_text="Camp A")
    camp_b = page.locator(".camp-group").filter(has_text="Camp B")
    expect(camp_a).to_contain_text("Kremlin")
    expect(camp_b).to_contain_text("Freedom of Russia Legion")
    expect(camp_b).to_contain_text("Main Directorate of Intelligence (HUR)")
    page.get_by_text("The relationships as a list").click()
    accuses = page.locator("details.as-list tr").filter(
        has_text=re.compile(r"^Kremlin\s*accuses\s*Freedom of Russia Legion")
    )
    expect(accuses).to_have_count(1)
    accuses.get_by_role("button").click()
    expect(page.locator(".edge-panel")).to_contain_text("statements behind this relationship")
    expect(page.locator(".edge-panel .statement-list li").first).to_be_visible()
    shot(page, "network")
    # A shared link restores the filters.
    page.goto(api.url + "/network?types=CONTRADICTS&color=kind")
    expect(page.get_by_label("contradicts")).to_be_checked()
    expect(page.get_by_label("kind")).to_be_checked()
    expect(page.locator("details.as-list summary")).to_have_text("The relationships as a list (1)")


def test_event_says_who_claims_the_incursion(page: Page, api: Server) -> None:
    page.goto(api.url + "/event/incursion-into-russia")
    row = page.locator(".claims-table tbody tr").filter(
        has_text="The Freedom of Russia Legion carried out the incursion"
    )
    expect(row.locator("td").nth(2)).to_contain_text("Freedom of Russia Legion")
    expect(row.locator("td").nth(3)).to_have_text("nobody")
    shot(page, "event")


def test_source_marks_every_quote(page: Page, api: Server) -> None:
    body = graphql(
        api, f'{{ node(id: "{SOURCE}") {{ ... on Source {{ statements(limit: 100) {{ id start end }} }} }} }}'
    )
    statements = body["data"]["node"]["statements"]
    page.goto(f"{api.url}/source/{SOURCE}")
    expect(page.locator("h2#statements-title")).to_contain_text(f"({len(statements)})")
    text = page.locator(".source-layout .source-text")
    assert text.text_content() == SOURCE_TEXT  # marks wrap the text, never change it
    spans = text.evaluate(MARKED_SPANS)
    assert spans == {s["id"]: [s["start"], s["end"]] for s in statements}  # each quote marked exactly at its offsets
    shot(page, "source")


# For every statement id, the first and last character its marks cover in the source text.
MARKED_SPANS = """el => {
  const spans = {};
  for (const m of el.querySelectorAll('mark')) {
    const before = document.createRange();
    before.setStart(el, 0);
    before.setEndBefore(m);
    const at = before.toString().length;
    for (const id of m.dataset.statements.split(' ')) {
      const span = spans[id] ?? (spans[id] = [at, at]);
      span[0] = Math.min(span[0], at);
      span[1] = Math.max(span[1], at + m.textContent.length);
    }
  }
  return spans;
}"""


def test_a_recorded_statement_appears_live_on_a_second_page(chromium: Any, api: Server, seed: LoadReport) -> None:
    watcher = new_page(chromium)
    editor = new_page(chromium, key=API_KEY)
    try:
        watcher.goto(f"{api.url}/allegation/{SIBERIAN_CIA}")
        expect(watcher.locator("section.side.denies h2")).to_have_text("Denying (0)")
        expect(watcher.locator(".live-badge")).to_have_text(re.compile("Live"))
        editor.goto(f"{api.url}/source/{SOURCE}")
        expect(editor.locator(".credential")).to_have_text("Editing with an API key")
        quote = "these operations were conducted autonomously by the groups on Russian soil"
        start = SOURCE_TEXT.index(quote)
        # Select the quote in the text as a person would by dragging, then release the mouse.
        editor.locator(".source-layout .source-text").evaluate(
            """(el, [start, end]) => {
                 const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); let at = 0, s = null, e = null;
                 for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                   const len = n.textContent.length;
                   if (!s && start < at + len) s = [n, start - at];
                   if (!e && end <= at + len) { e = [n, end - at]; break; }
                   at += len;
                 }
                 const range = document.createRange(); range.setStart(...s); range.setEnd(...e);
                 const sel = document.getSelection(); sel.removeAllRanges(); sel.addRange(range);
                 document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
               }""",
            [start, start + len(quote)],
        )
        expect(editor.get_by_label("Quote", exact=True)).to_have_value(quote)
        expect(editor.get_by_label("Start offset")).to_have_value(str(start))
        expect(editor.get_by_label("End offset")).to_have_value(str(start + len(quote)))
        editor.get_by_label("Speaker (actor id)").fill("andriy-yusov")
        editor.get_by_label("On behalf of (optional)").fill("hur")
        editor.get_by_label("denies").check()
        editor.get_by_label("Subject (actor id)").fill("siberian-battalion")
        editor.get_by_label("Predicate").select_option("CONTROLLED_BY")
        editor.get_by_label("Object (actor or event id)").fill("cia")
        editor.get_by_label("Allegation summary").fill("The Siberian Battalion is an extension of the CIA.")
        editor.get_by_label("Medium (optional)").fill("press briefing")
        shot(editor, "record-statement", full_page=False)  # the form sits beside the text, in the window
        editor.get_by_role("button", name="Record statement").click()
        expect(editor.locator(".saved")).to_have_text("Statement recorded.")
        # The other page, left alone, now shows the denial and the new status.
        denying = watcher.locator("section.side.denies")
        expect(denying.locator("h2")).to_have_text("Denying (1)")
        expect(denying.locator(".statement-card header")).to_contain_text(
            "Andriy Yusov for Main Directorate of Intelligence (HUR)"
        )
        expect(denying.locator("mark.quote")).to_have_text(quote)
        expect(watcher.locator(".badge.status-contested")).to_be_visible()
        expect(watcher.locator(".updated")).to_contain_text("Updated live")
        expect(watcher.locator(".feed-item")).to_contain_text("Andriy Yusov denies")
        shot(watcher, "allegation-live")
    finally:
        watcher.context.close()
        editor.context.close()


def test_an_editor_action_without_a_key_is_refused(page: Page, api: Server) -> None:
    page.goto(f"{api.url}/allegation/{INVOLVEMENT}")
    page.get_by_text("Edit: set a verdict").click()
    page.get_by_role("button", name="Set verdict").click()
    expect(page.locator("#verdict-rationale-error")).to_have_text("Say why: a verdict needs a rationale.")
    expect(page.get_by_label("Rationale")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("Rationale").fill("The article shows no evidence either way.")
    page.get_by_role("button", name="Set verdict").click()
    refusal = page.locator(".form-errors")
    expect(refusal).to_contain_text("mutations need an API key")
    expect(refusal).to_contain_text("Enter an editor API key or token")
    shot(page, "refused")
    body = graphql(api, f'{{ allegation(id: "{INVOLVEMENT}") {{ verdict }} }}')
    assert body["data"]["allegation"]["verdict"] is None


def test_errors_land_next_to_their_field(chromium: Any, api: Server, seed: LoadReport) -> None:
    editor = new_page(chromium, key=API_KEY)
    try:
        editor.goto(api.url + "/actor/kremlin")
        editor.get_by_text("Edit: add an alias, merge actors").click()
        editor.get_by_label("Actor to merge (id)").fill("nobody-at-all")
        editor.get_by_label("Why (kept in the history)").fill("test: the same office")
        editor.get_by_label("The other actor is the same as Kremlin").check()
        editor.get_by_role("button", name="Merge").click()
        expect(editor.locator("#merge-id-error")).to_contain_text("nobody-at-all")
        editor.get_by_label("Alias", exact=True).fill("The Kremlin walls")
        editor.get_by_role("button", name="Add alias").click()
        expect(editor.locator("dl.facts").first).to_contain_text("The Kremlin walls")
        # Recording: an unknown speaker, then a quote the source does not contain, each told at its field.
        editor.goto(f"{api.url}/source/{SOURCE}")
        editor.get_by_role("button", name="Record a statement").click()
        editor.get_by_role("button", name="Record statement").click()
        expect(editor.locator("#record-quote-error")).to_contain_text("Select the quote")
        expect(editor.locator("#record-speaker-error")).to_have_text("Who said it (an actor id).")
        editor.get_by_label("Quote", exact=True).fill("words nobody wrote")
        editor.get_by_label("Speaker (actor id)").fill("nobody-at-all")
        editor.get_by_label("Subject (actor id)").fill("kremlin")
        editor.get_by_label("Object (actor or event id)").fill("hur")
        editor.get_by_label("Predicate").select_option("CRITICIZED")
        editor.get_by_label("Allegation summary").fill("The Kremlin criticized HUR.")
        editor.get_by_role("button", name="Record statement").click()
        expect(editor.locator("#record-speaker-error")).to_contain_text("no Actor with id 'nobody-at-all'")
        expect(editor.locator("#record-quote-error")).to_have_count(0)
        editor.get_by_label("Speaker (actor id)").fill("kremlin")
        editor.get_by_role("button", name="Record statement").click()
        expect(editor.locator("#record-quote-error")).to_be_visible()
        expect(editor.locator("#record-speaker-error")).to_have_count(0)
        expect(editor.get_by_label("Quote", exact=True)).to_have_attribute("aria-invalid", "true")
    finally:
        editor.context.close()


def test_keyboard_skip_link_search_and_focus(page: Page, api: Server) -> None:
    page.goto(api.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus is visible
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.locator("#search-input").focus()
    page.keyboard.type("Yusov")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_be_focused()  # after navigating, focus starts at the new view's heading
    expect(page.locator(".result.actor a").first).to_have_text("Andriy Yusov")
    page.goto(api.url + "/actor/no-such-actor")
    expect(page.locator("h1")).to_have_text("No actor “no-such-actor”")
    assert page.title() == "Actor · actorgraph explorer"
