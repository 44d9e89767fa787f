"""A resolved cluster and value traces in headless Chromium, walked as a newcomer would.

Entered keyless (the demo's /session entry): search "Lotus" finds the cluster once, with its
member count; its details list both member records (each with its own source) and every
source; a member clicked is drawn as its own node joined by SAME_AS (the judgement's reason on
the edge), and one undo removes both. Then a HAIRCUT trace from the seed reads, to the base unit,
1.2 USDT at the cluster, 0.75 at the endpoint, 1.05 still held at the mixer, and the line
"sent 3 = attributed 1.95 + still held 1.05 + ...". A BACKWARD HAIRCUT from the endpoint
reads "received 2.5 = attributed ..." (or, from a server that refuses it, the API's own
message in the panel). Numbers are worked in value_story.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import partial
from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import value_story as vs
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row, search_and_pick, wait_nodes

SEED, MIX, END = (f"tron:{a}" for a in (vs.SEED, vs.MIX, vs.END))
# The fields the browser asks of a BACKWARD value trace (web/src/tracevalue.ts valueFields).
BACKWARD = """query($s: [ID!]!) { trace(seeds: $s, direction: BACKWARD, maxHops: 3,
  rollup: true, method: HAIRCUT) { method conservation { asset attributedRaw
  returnedToSeedsRaw receivedRaw unexplainedRaw } } }"""


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    vs.write(session_graph)
    yield session_graph


def enter(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("#app").wait_for(state="visible")
    assert page.locator("#login").is_hidden()  # no key typed: the keyless /session entry


def test_search_opens_the_cluster_with_its_members(page: Any, demo_server: Server) -> None:
    enter(page, demo_server.url)
    hit = search_and_pick(page, "Lotus", vs.COMPANY)
    ids = page.locator("#search-results li[data-id]").evaluate_all(
        "els => els.map(e => e.dataset.id)")
    assert vs.ACTOR not in ids and ids.count(vs.COMPANY) == 1  # the cluster once
    assert hit.locator(".badge.cluster").inner_text() == "2 records"
    hit.click()
    wait_nodes(page, 1)
    assert page.locator("#details-title").inner_text() == "LOTUS EXCHANGE CO., LTD."
    assert page.locator("#details-cluster-title").text_content() == "Resolved: 2 records"
    members = page.locator("#details-cluster li")
    assert members.evaluate_all("els => els.map(e => e.dataset.id)") == [vs.COMPANY, vs.ACTOR]
    page.wait_for_function("() => document.querySelectorAll("
                           "'#details-cluster .member-sources:empty').length === 0")
    assert members.nth(0).locator(".member-sources").inner_text().endswith(vs.COMPANY_SOURCE)
    assert members.nth(1).locator(".member-sources").inner_text().endswith(vs.ACTOR_SOURCE)
    every = page.locator("#details-cluster-sources dd").inner_text()
    assert every == f"{vs.ACTOR_SOURCE}, {vs.COMPANY_SOURCE}"
    shot(page, "14-cluster")
    page.locator(f'#details-cluster button[data-id="{vs.ACTOR}"]').click()
    wait_nodes(page, 2)
    page.wait_for_function("() => document.querySelector('#details-title')"
                           ".textContent === 'Lotus Exchange'")
    assert page.locator("#details-cluster-title").text_content() == "Resolved: 2 records"
    # The member is its own node, joined to the cluster's by SAME_AS (member -> canonical, as
    # the store's edge runs) with the judgement's reason (value_story.py; it has no score).
    edge = f"SAME_AS:{vs.ACTOR}>{vs.COMPANY}"
    assert cy(page, "cy.edges().map(e => e.id())") == [edge]
    assert cy(page, f"cy.$id('{edge}').data('label')") == "SAME_AS same registry entry"
    assert cy(page, f"cy.$id('{edge}').data('rel').props.reason") == "same registry entry"
    shot(page, "14b-cluster-member")
    page.locator("#btn-undo").click()  # one undo takes back the member and its edge
    wait_nodes(page, 1)
    assert cy(page, "[cy.nodes().map(n => n.id()), cy.edges().length]") == [[vs.COMPANY], 0]


def run_trace(page: Any, url: str, method: str, direction: str = "FORWARD",
              seed: str = vs.SEED) -> None:
    enter(page, url)
    search_and_pick(page, seed, f"tron:{seed}").click()
    wait_nodes(page, 1)
    page.locator("#tab-trace").click()
    page.get_by_role("button", name="Use selected").first.click()
    assert page.locator("#trace-method").input_value() == "HAIRCUT"  # the tab's default
    page.locator("#trace-method").select_option(method)
    page.locator("#trace-direction").select_option(direction)
    page.locator("#trace-run").click()


def cells(page: Any, table: str) -> dict[str, list[str]]:
    rows = page.locator(f"{table} tbody tr").all()
    return {r.get_attribute("data-id"): [c.inner_text() for c in r.locator("td").all()]
            for r in rows}


def test_a_haircut_trace_reads_amounts_still_held_and_conservation(
        page: Any, demo_server: Server) -> None:
    run_trace(page, demo_server.url, "HAIRCUT")
    first_row(page, "#trace-orgs")
    orgs = cells(page, "#trace-orgs")
    assert {k: v[:2] for k, v in orgs.items()} == {
        vs.COMPANY: ["LOTUS EXCHANGE CO., LTD.", "1.2 USDT"]}
    assert {k: v[1] for k, v in cells(page, "#trace-ends").items()} == {END: "0.75 USDT"}
    held = cells(page, "#trace-wallets")
    assert held[MIX][3:] == ["3 USDT", "1.05 USDT"]  # received, held now
    assert held[END][3:] == ["0.75 USDT", "0.75 USDT"]
    line = page.locator('#trace-conservation li[data-asset="USDT"]').inner_text()
    assert line.splitlines()[0] == "Still held: 1.05 USDT"
    assert ("sent 3 = attributed 1.95 + still held 1.05 + returned to seeds 0 + dropped 0"
            in line)
    assert line.endswith("adds up")
    assert "(HAIRCUT)" in page.locator("#trace-summary").inner_text()
    shot(page, "15-haircut-trace")


def units(raw: str, decimals: int) -> str:
    """Base units as the panel writes them: 2500000, 6 -> "2.5" (no float on the way)."""
    text = f"{Decimal(raw).scaleb(-decimals):,f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def test_a_backward_value_trace_shows_its_line_or_the_apis_refusal(
        page: Any, demo_server: Server) -> None:
    api = httpx.post(f"{demo_server.url}/graphql", timeout=60,
                     json={"query": BACKWARD, "variables": {"s": [END]}}).json()
    run_trace(page, demo_server.url, "HAIRCUT", "BACKWARD", seed=vs.END)
    if api.get("errors"):  # refused (a server without BACKWARD value traces): its words
        error = page.locator("#trace-error")
        error.wait_for()
        assert error.inner_text() == f"Trace refused: {api['errors'][0]['message']}"
        return
    c = api["data"]["trace"]["conservation"][0]
    assert (c["asset"], c["receivedRaw"]) == ("USDT", "2500000")  # END received 2.5 in all
    line = page.locator('#trace-conservation li[data-asset="USDT"]').inner_text()
    f = partial(units, decimals=6)
    assert (f"received 2.5 = attributed {f(c['attributedRaw'])} + unexplained "
            f"{f(c['unexplainedRaw'])} + returned to seeds {f(c['returnedToSeedsRaw'])}") in line
    assert line.endswith("adds up")
    assert page.locator("#trace-error").count() == 0
