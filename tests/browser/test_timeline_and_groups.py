"""The timeline brush and the organisation groups in headless Chromium, entered keyless.

After a trace from the planted victim PV (group_story.py): dragging across the timeline keeps a
window of days, and exactly the transfers the API dates inside it stay drawn (the parallel
bundle shrinks with them); "Show all" brings every one back. With groups on, Golden Reef's two
wallets are children of its group node; collapsed, they are hidden and PM -> the group is one
summed edge (2 transfers, 8 USDT).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import flow_story as fs
from tests.browser import group_story as gs
from tests.browser import story
from tests.browser.conftest import shot
from tests.browser.steps import cy, select
from tests.browser.test_flow_view import enter_and_trace

PV, PM, PS, PS2 = (f"tron:{a}" for a in (fs.PV, fs.PM, fs.PS, gs.PS2))
KESTREL = f"tron:{story.KESTREL_DEPOSIT}"
GROUP = f"group:{fs.SCAM_ORG}"
HOPS = """query($s: [ID!]!) { trace(seeds: $s, maxHops: 3, rollup: true) {
  organisations { evidence { hops { id ts } } } unattributed { evidence { hops { id ts } } } } }"""
# Top-level nodes (other groups, ungrouped nodes) whose box, labels included, meets the group's.
OVERLAPS = """(() => { const cy = window.scamgraph.cy; const g = cy.$id('%s');
  const a = g.boundingBox();
  return cy.nodes(':visible').orphans().filter(n => n.id() !== g.id()).filter(n => {
    const b = n.boundingBox(); return !(b.x2 < a.x1 || b.x1 > a.x2 || b.y2 < a.y1 || b.y1 > a.y2);
  }).map(n => n.id()); })()"""
DRAWN = "cy.edges('[type = \"TRANSFER\"]').not('.timehidden').map(e => e.id()).sort()"


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    gs.write(session_graph)
    yield session_graph


def api_times(url: str) -> dict[str, str]:
    """Transfer id -> day (UTC) of every transfer the trace's evidence carries."""
    t = httpx.post(f"{url}/graphql", json={"query": HOPS, "variables": {"s": [PV]}}).json()
    t = t["data"]["trace"]
    ev = [e for part in ("organisations", "unattributed") for x in t[part] for e in x["evidence"]]
    return {h["id"]: h["ts"][:10] for e in ev for h in e["hops"]}


def drag(page: Any, first: int, last: int) -> None:
    """Drag across the timeline from the middle of bar `first` to the middle of bar `last`."""
    bars = page.locator("#timeline rect:not(.brush)").count()
    box = page.locator("#timeline").bounding_box()
    x = [box["x"] + (i + 0.5) / bars * box["width"] for i in (first, last)]
    y = box["y"] + box["height"] / 2
    page.mouse.move(x[0], y)
    page.mouse.down()
    page.mouse.move((x[0] + x[1]) / 2, y, steps=4)
    page.mouse.move(x[1], y, steps=4)
    page.mouse.up()


def test_timeline_brush_hides_transfers_outside_the_window(page: Any, demo_server: Server) -> None:
    enter_and_trace(page, demo_server.url)
    days = api_times(demo_server.url)
    assert len(days) == 6 and cy(page, DRAWN) == sorted(days)
    # One bar a day from the first transfer's day to the last one's: 4 to 12 March.
    assert page.locator("#timeline rect:not(.brush)").count() == 9
    assert page.locator("#timeline-first").inner_text() == "2024-03-04"
    assert page.locator("#timeline-last").inner_text() == "2024-03-12"
    drag(page, 1, 5)
    lo, hi = page.locator("#time-from").input_value(), page.locator("#time-to").input_value()
    assert (lo, hi) == ("2024-03-05", "2024-03-09")
    want = sorted(i for i, d in days.items() if lo <= d <= hi)
    assert 0 < len(want) < len(days)
    assert cy(page, DRAWN) == want
    hidden = len(days) - len(want)
    assert page.locator("#time-out").inner_text() == f"{hidden} of {len(days)} transfers hidden"
    # Only the transfers inside the window are bundled: two of the three parallel ones.
    bundle = cy(page, f"cy.$id('bundle:{PV}>{PM}').data()")
    assert bundle["count"] == 2 and bundle["label"] == "2\u00d7 107.5 USDT"
    assert page.locator("#timeline rect.in").count() == 5
    shot(page, "16-timeline-brush")
    page.locator("#time-reset").click()
    assert cy(page, DRAWN) == sorted(days)
    assert page.locator("#time-out").inner_text() == f"0 of {len(days)} transfers hidden"


def test_wallets_grouped_under_their_organisation(page: Any, demo_server: Server) -> None:
    enter_and_trace(page, demo_server.url)
    page.locator("#layout-mode").select_option("flow")
    page.locator("#group-orgs").check()
    page.wait_for_function(f"() => window.scamgraph.cy.$id('{GROUP}').nonempty()")
    children = f"cy.$id('{GROUP}').children().map(n => n.id()).sort()"
    assert cy(page, children) == sorted([fs.SCAM_ORG, PS, PS2])
    assert cy(page, "cy.$id('group:org-kestrel').children().map(n => n.id()).sort()") == sorted(
        ["org-kestrel", KESTREL])
    assert cy(page, f"cy.$id('{PM}').isChild()") is False  # nobody's wallet stays outside
    shot(page, "17-groups")
    select(page, GROUP)
    assert page.locator("#details-title").inner_text() == "Golden Reef Operation"
    page.locator("#group-toggle").click()
    assert cy(page, f"[cy.$id('{PS}').visible(), cy.$id('{PS2}').visible()]") == [False, False]
    assert cy(page, f"cy.$id('{GROUP}').visible()") is True
    summed = cy(page, f"cy.$id('bundle:{PM}>{GROUP}').data()")
    assert (summed["source"], summed["target"], summed["count"]) == (PM, GROUP, 2)
    assert summed["label"] == f"2\u00d7 {gs.GROUP_SUM} USDT"
    assert cy(page, f"cy.$id('{GROUP}').data('label')") == "Golden Reef Operation (2 wallets)"
    # The re-layout puts the collapsed group (label included) clear of every other node and group.
    page.wait_for_function(f"() => {OVERLAPS % GROUP}.length === 0", timeout=5000)
    shot(page, "18-group-collapsed")
    page.locator("#group-toggle").click()
    assert cy(page, f"cy.$id('{PS}').visible()") is True
    assert cy(page, f"cy.$id('bundle:{PM}>{GROUP}').length") == 0
    page.locator("#group-orgs").uncheck()
    page.wait_for_function(f"() => window.scamgraph.cy.$id('{GROUP}').empty()")
    assert cy(page, f"cy.$id('{PS}').isChild()") is False
