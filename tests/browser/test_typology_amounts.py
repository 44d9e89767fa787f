"""A typology hit's totals in the Typologies panel, exact to the base unit, in headless Chromium.

The off-ramp desk of typology_story.py (desk()) got 0.1 + 0.2 USDT and 6.000000000000000001 +
5.000000000000000002 ETH: the panel writes 0.3 USDT and 11.000000000000000003 ETH (a float
would say 0.30000000000000004 and 11), and each amount carries the API's amountRaw in data-raw.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import typology_story as ts
from tests.browser.conftest import shot
from tests.browser.test_typologies_and_flows import api, cells, enter, scan

HITS = """query($scope: TypologyScopeInput) { typologyHits(name: "offramp", scope: $scope) {
  hits { key amounts { asset amount amountRaw decimals } } } }"""


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    ts.write(session_graph)
    yield session_graph


def amounts(page: Any, key: str) -> list[list[str]]:
    """[asset, data-raw, data-decimals, text] of each amount in the hit's row."""
    rows: list[list[str]] = page.locator(
        f'#typology-hits tr[data-id="{key}"] .typology-amount').evaluate_all(
        "xs => xs.map(x => [x.dataset.asset, x.dataset.raw, x.dataset.decimals, x.textContent])")
    return rows


def test_hit_totals_are_the_apis_base_units(page: Any, demo_server: Server) -> None:
    enter(page, demo_server.url, "typologies")
    page.locator('#typology-name option[value="offramp"]').wait_for(state="attached")
    page.locator("#typology-name").select_option("offramp")
    page.locator("#typology-entity").fill(ts.DESK)
    scan(page)
    want = {h["key"]: h["amounts"] for h in api(demo_server, HITS, scope={
        "wallet": ts.DESK})["typologyHits"]["hits"]}
    usdt, eth = f"{ts.DESK}|USDT", f"{ts.DESK}|ETH"
    assert sorted(cells(page, "#typology-hits")) == sorted(want) == sorted([usdt, eth])
    assert want[eth] == [{"asset": "ETH", "amount": 11.0, "amountRaw": "11000000000000000003",
                          "decimals": 18}]
    assert want[usdt][0]["amountRaw"] == "300000" and want[usdt][0]["amount"] != 0.3
    assert amounts(page, eth) == [["ETH", "11000000000000000003", "18",
                                   "11.000000000000000003 ETH"]]
    assert amounts(page, usdt) == [["USDT", "300000", "6", "0.3 USDT"]]
    assert cells(page, "#typology-hits")[eth][2] == "11.000000000000000003 ETH"
    page.locator(f'#typology-hits tr[data-id="{eth}"]').click()  # draws the evidence
    page.wait_for_function("() => window.scamgraph.cy.edges('[type = \"TRANSFER\"].hl')"
                           ".length === 2")
    page.locator("#typology-hits").scroll_into_view_if_needed()
    shot(page, "21-typology-exact-amounts")
