"""The compounds map in the Risk tab, in headless Chromium, against the API's compounds answer.

The story graph gets a second compound, Jade River (Myawaddy, 16.69 N 98.51 E), operated by
Harbor Pay; Blue Lagoon (11.55 N 104.92 E) is Harbor Group's. Linked to Harbor Pay, the map
shows exactly the API's compounds at the API's coordinates, with nothing loaded from outside;
a marker's popup names the compound, its operators and their wallets (the API's group answer),
and clicking it lights the compound and its operator on the canvas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import story
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row, offsite
from tests.graph.scenario import Scenario

JADE = "compound-jade-river"
COMPOUNDS = """{ compounds(linkedTo: "org-harbor-pay") { operatorIds
  compound { id name ... on Compound { lat lon } } operators { name } } }"""


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    story.write(session_graph)
    s = Scenario()
    s.compound(JADE, "Jade River Compound", 16.69, 98.51, country="MM", **story.PROV)
    s.link("OPERATES", "org-harbor-pay", JADE, **story.PROV)
    s.write(session_graph)
    yield session_graph

POPUP_CLEAR = """() => {
  const r = (q) => document.querySelector(q).getBoundingClientRect();
  const p = r('#compound-map .leaflet-popup-content-wrapper'), m = r('#compound-map'),
    z = r('#compound-map .leaflet-control-zoom');
  const inside = p.left >= m.left && p.right <= m.right && p.top >= m.top && p.bottom <= m.bottom;
  const clear = p.right < z.left || p.left > z.right || p.bottom < z.top || p.top > z.bottom;
  return inside && clear;
}"""


def gql(server: Server, query: str) -> Any:
    # The first group() on a cold server took 29 s on the shared 2-core machine.
    return httpx.post(f"{server.url}/graphql", json={"query": query}, timeout=120).json()["data"]


def test_compound_markers_match_the_api(page: Any, demo_server: Server) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    page.locator("#tab-risk").click()
    page.locator("#compounds-of").fill("org-harbor-pay")
    page.locator("#compounds-run").click()
    first_row(page, "#compounds-list")
    page.wait_for_function("() => { const m = document.querySelector('#compound-map');"
                           " return m && (m.dataset.ready || m.dataset.error); }")
    assert page.locator("#compound-map").get_attribute("data-error") is None
    assert errors == []
    answer = gql(demo_server, COMPOUNDS)["compounds"]
    want = sorted((x["compound"]["id"], x["compound"]["lat"], x["compound"]["lon"]) for x in answer)
    markers = page.locator("#compound-map path.compound-marker")
    got = sorted((m.get_attribute("data-id"), float(m.get_attribute("data-lat")),
                  float(m.get_attribute("data-lon"))) for m in markers.all())
    assert got == want
    assert {x[0] for x in got} == {JADE, "compound-blue-lagoon"}
    # Markers sit where their coordinates say: Jade River (west) left of Blue Lagoon (east).
    box = {m.get_attribute("data-id"): m.bounding_box() for m in markers.all()}
    assert box[JADE]["x"] < box["compound-blue-lagoon"]["x"]
    assert box[JADE]["y"] < box["compound-blue-lagoon"]["y"]  # and north of it
    assert page.locator("#compound-map path.leaflet-interactive").count() == len(want)
    assert page.locator("#compound-map img").count() == 0  # no tiles
    assert offsite(page.requests, demo_server.url) == []
    page.locator(f'#compound-map path[data-id="{JADE}"]').dispatch_event("click")
    pop = page.locator(f'.compound-popup[data-id="{JADE}"]')
    pop.locator(".compound-wallets[data-ready]").wait_for()
    wallets = gql(demo_server, '{ group(id: "org-harbor-pay") { wallets } }')["group"]["wallets"]
    jade = next(x for x in answer if x["compound"]["id"] == JADE)
    text = pop.inner_text()
    assert "Jade River Compound" in text
    assert f"Operators: {', '.join(o['name'] for o in jade['operators'])}" in text
    assert f"Wallets ({len(wallets)}):" in text and len(wallets) == 1
    assert story.HARBOR_WALLET[-6:] in text
    page.wait_for_function(f"() => window.scamgraph.cy.$id('{JADE}').hasClass('hl')")
    assert cy(page, "cy.$id('org-harbor-pay').hasClass('hl')") is True
    assert cy(page, "cy.$id('compound-blue-lagoon').hasClass('hl')") is False
    page.locator("#compound-map[data-outline]").wait_for(state="attached")
    page.locator("#compound-map").scroll_into_view_if_needed()
    # The whole popup shows: inside the map and clear of the zoom buttons (the map pans to it).
    page.wait_for_function(POPUP_CLEAR, timeout=5000)
    shot(page, "19-compounds-map")
