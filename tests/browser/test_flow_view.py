"""The money-flow view in headless Chromium, entered keyless as in the demo.

Trace from a planted victim whose three parallel transfers to a mule must draw as one edge
(count 3, sum 119.845678 USDT), left to right in the flow layout; the organisations table
matches the API's trace; undo and redo restore the canvas; the path finder lists the three
parallel transfers as one route; "?" lists the shortcuts. Numbers follow from flow_story.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import flow_story as fs
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row, search_and_pick, select, wait_nodes

PV, PM, PS = (f"tron:{a}" for a in (fs.PV, fs.PM, fs.PS))
KESTREL = f"tron:{fs.story.KESTREL_DEPOSIT}"
TRACE = """query($s: [ID!]!) { trace(seeds: $s, maxHops: 3, rollup: true) {
  organisations { name amounts { asset amount } } } }"""


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    fs.write(session_graph)
    yield session_graph


def enter_and_trace(page: Any, url: str) -> None:
    page.goto(url)
    page.locator("#app").wait_for(state="visible")
    search_and_pick(page, fs.PV, PV).click()
    wait_nodes(page, 1)
    page.locator("#tab-trace").click()
    page.get_by_role("button", name="Use selected").first.click()
    page.locator("#trace-method").select_option("PATHS")  # the bundles are whole transfers
    page.locator("#trace-run").click()
    first_row(page, "#trace-orgs")


def test_trace_in_the_flow_layout_with_bundled_transfers(page: Any, demo_server: Server) -> None:
    enter_and_trace(page, demo_server.url)
    page.locator("#layout-mode").select_option("flow")
    page.wait_for_timeout(300)
    x = {i: cy(page, f"cy.$id('{i}').position('x')") for i in (PV, PM, KESTREL, PS)}
    assert x[PV] < x[PM] < x[KESTREL] and x[PM] < x[PS]  # money runs left to right
    bundles = cy(page, "cy.edges('[?bundle]').map(e => e.data())")
    assert len(bundles) == 1
    b = bundles[0]
    assert (b["source"], b["target"], b["count"]) == (PV, PM, 3)
    assert b["sums"] == [{"asset": "USDT", "amount": pytest.approx(119.845678)}]
    assert b["label"] == f"3\u00d7 {fs.PARALLEL_SUM} USDT"
    assert (b["first"][:10], b["last"][:10]) == ("2024-03-04", "2024-03-09")
    assert cy(page, "cy.edges('.bundled').length") == 3
    assert cy(page, "cy.edges('.bundled:visible').length") == 0
    # Organisations table against the API's own answer (amounts keep their decimals).
    api = httpx.post(f"{demo_server.url}/graphql", json={"query": TRACE, "variables": {"s": [PV]}})
    want = {o["name"]: "; ".join(f"{a['amount']:g} {a['asset']}" for a in o["amounts"])
            for o in api.json()["data"]["trace"]["organisations"]}
    rows = page.locator("#trace-orgs tbody tr").all()
    got = {r.locator("td").nth(0).inner_text(): r.locator("td").nth(1).inner_text() for r in rows}
    assert got == want == {"Kestrel Exchange": "110 USDT", "Golden Reef Operation": "5 USDT"}
    assert cy(page, f"cy.$id('{PS}').data('scam')") is True  # wallet of a ScamOperation
    assert cy(page, f"cy.$id('{PM}').data('scam')") is False
    shot(page, "11-flow-layout")
    page.locator("#trace-orgs tbody tr", has_text="Golden Reef").click()
    page.evaluate(f"() => window.scamgraph.app.focus('{fs.SCAM_ORG}')")
    page.locator("#details-aliases").wait_for()
    assert page.locator("#details-aliases li").all_inner_texts() == fs.ALIASES
    shot(page, "13-scripts")
    # The bundle expands to its three transfers from the Details panel.
    page.evaluate(f"() => window.scamgraph.cy.$id('bundle:{PV}>{PM}').emit('tap')")
    assert page.locator("#details-title").inner_text() == "3 transfers"
    assert "119.845678" in page.locator("#details-bundle").inner_text()
    page.locator("#bundle-expand").click()
    assert cy(page, "cy.edges('[?bundle]').length") == 0
    assert cy(page, f"cy.edges('[source = \"{PV}\"]:visible').length") == 3


def test_undo_restores_the_canvas_and_redo_replays(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    search_and_pick(page, fs.PV, PV).click()
    wait_nodes(page, 1)
    before = sorted(cy(page, "cy.nodes().map(n => n.id())"))
    page.locator("#tab-trace").click()
    page.get_by_role("button", name="Use selected").first.click()
    page.locator("#trace-method").select_option("PATHS")  # every parallel transfer drawn
    page.locator("#trace-run").click()
    first_row(page, "#trace-orgs")
    after = sorted(cy(page, "cy.nodes().map(n => n.id())"))
    assert len(after) > len(before)
    page.locator("#cy").focus()
    page.keyboard.press("Control+z")  # one undo takes back the whole trace
    assert sorted(cy(page, "cy.nodes().map(n => n.id())")) == before
    page.locator("#btn-redo").click()
    assert sorted(cy(page, "cy.nodes().map(n => n.id())")) == after
    assert cy(page, "cy.edges('[?bundle]').length") == 1  # bundles come back with the edges
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    assert page.locator("#help-keys tr").count() >= 10
    assert "undo" in page.locator("#help-keys").inner_text()
    shot(page, "12-help")
    page.keyboard.press("Escape")
    assert page.locator("#help").is_hidden()


def test_parallel_transfers_are_one_route(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    search_and_pick(page, fs.PV, PV).click()
    wait_nodes(page, 1)
    search_and_pick(page, fs.PM, PM).click()
    wait_nodes(page, 2)
    select(page, PV, PM)
    page.locator("#tab-paths").click()
    page.locator("#path-form").get_by_role("button", name="Use selected").click()
    page.locator("#path-max").fill("1")
    page.locator("#path-run").click()
    first = first_row(page, "#path-list")
    assert page.locator("#path-list tbody tr").count() == 1
    cells = [c.inner_text() for c in first.locator("td").all()]
    assert cells[1:] == ["1", "3"]  # one hop, three transfers
    assert page.locator("#path-summary").inner_text().startswith("1 distinct route")
