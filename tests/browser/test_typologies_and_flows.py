"""The Typologies and Flows tabs, exposure's time treatment and hop budget, and "controlled
by", in headless Chromium, walked as a newcomer would: keyless entry, the panels' defaults.
Every figure on screen is checked against the API's own answer to the same question, and
against the hand-worked numbers in typology_story.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import story
from tests.browser import typology_story as ts
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row, select

PIG = "pig-butchering-intake"
HITS = """query($scope: TypologyScopeInput) { typologyHits(name: "pig-butchering-intake",
  scope: $scope) { total hits { key score walletIds amounts { asset amount }
  organisations { name groupName } transfers { id } } } }"""
KESTREL = f"tron:{story.KESTREL_DEPOSIT}"


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Iterator[Graph]:
    ts.write(session_graph)
    yield session_graph


def api(server: Server, query: str, **variables: Any) -> Any:
    body = httpx.post(f"{server.url}/graphql", json={"query": query, "variables": variables},
                      timeout=60).json()
    assert "errors" not in body, body
    return body["data"]


def enter(page: Any, url: str, tab: str) -> None:
    page.goto(url)
    page.locator("#app").wait_for(state="visible")
    assert page.locator("#login").is_hidden()  # no key typed
    page.locator(f"#tab-{tab}").click()


def scan(page: Any) -> None:
    """Run the typology and wait for this run's answer (not the table already shown)."""
    with page.expect_response(lambda r: "/graphql" in r.url
                              and "typologyHits" in (r.request.post_data or "")):
        page.locator("#typology-run").click()
    first_row(page, "#typology-hits")


def cells(page: Any, table: str) -> dict[str, list[str]]:
    rows = page.locator(f"{table} tbody tr").all()
    return {r.get_attribute("data-id"): [c.inner_text() for c in r.locator("td").all()]
            for r in rows}


def test_a_typology_lists_its_hits_and_draws_the_evidence(page: Any, demo_server: Server,
                                                          ) -> None:
    enter(page, demo_server.url, "typologies")
    page.locator(f'#typology-name option[value="{PIG}"]').wait_for(state="attached")
    page.locator("#typology-name").select_option(PIG)
    # The catalogue's defaults and limits are the inputs' values and bounds.
    growth = page.locator("#typology-param-min_growth")
    assert (growth.input_value(), growth.get_attribute("min"), growth.get_attribute("max")) == (
        "1.2", "1", "100")
    assert page.locator("#typology-param-min_payments").input_value() == "3"
    # Nothing on the canvas, no scope, no window: the browser says a whole-graph scan needs one.
    page.locator("#typology-run").click()
    assert "needs a time window" in page.locator("#typology-error").inner_text()
    page.locator("#typology-since").fill("2024-03-01")
    page.locator("#typology-until").fill("2024-03-31")
    scan(page)
    want = api(demo_server, HITS, scope={"since": "2024-03-01T00:00:00Z",
                                         "until": "2024-03-31T23:59:59Z"})["typologyHits"]
    got = cells(page, "#typology-hits")
    assert list(got) == [h["key"] for h in want["hits"]] == ["tron:D<tron:V|USDT"]
    hit = want["hits"][0]
    # 200 + 500 + 1200 + 3000 paid in; score 4 payments x 3000 / 200.
    assert hit["amounts"] == [{"asset": "USDT", "amount": 4900.0}] and hit["score"] == 60.0
    assert [(o["name"], o["groupName"]) for o in hit["organisations"]] == [
        ("Pig Collector Ltd", "Pig Group")]
    assert got[hit["key"]] == ["tron:D<tron:V|USDT", "60", "4,900 USDT",
                               "Pig Collector Ltd (Pig Group)", "new"]
    assert page.locator(".typology-amount").evaluate_all("xs => xs.map(x => x.dataset.raw)") == [
        "4900000000"]  # the API's base units, as the Flows panel shows its sums
    assert page.locator("#typology-summary").inner_text() == f"1 of {want['total']} hits of {PIG}."
    assert page.locator("#typology-partial").count() == 0
    page.locator(f'#typology-hits tr[data-id="{hit["key"]}"]').click()
    page.wait_for_function("(n) => window.scamgraph.cy.edges('[type = \"TRANSFER\"].hl')"
                           ".length === n", arg=len(hit["transfers"]))
    assert sorted(cy(page, "cy.edges('[type = \"TRANSFER\"].hl').map(e => e.id())")) == sorted(
        t["id"] for t in hit["transfers"])
    # The four payments V -> D and the four sweeps D -> C, each drawn as one lit bundle.
    assert sorted(cy(page, "cy.edges('[?bundle].hl').map(e => e.data('label'))")) == [
        "4\u00d7 4,900 USDT", "4\u00d7 4,900 USDT"]
    lit = set(cy(page, "cy.nodes('.hl').map(n => n.id())"))
    assert {*hit["walletIds"], ts.COLLECTOR} <= lit  # the collector's controller drawn too
    shot(page, "16-typology-hit")
    # Now the canvas tells where the data ends: an empty window defaults to its last 30 days.
    page.locator("#typology-since").fill("")
    page.locator("#typology-until").fill("")
    scan(page)
    assert page.locator("#typology-until").input_value() == "2024-03-07"  # the last sweep
    assert page.locator("#typology-since").input_value() == "2024-02-06"
    assert "defaulted to the 30 days" in page.locator("#typology-window").inner_text()
    assert list(cells(page, "#typology-hits")) == [hit["key"]]
    # Scoped to the collection wallet picked on the canvas: no window needed.
    page.locator("#typology-since").fill("")
    page.locator("#typology-until").fill("")
    select(page, "tron:D")
    page.locator("#typology-form").get_by_role("button", name="Use selected").click()
    assert page.locator("#typology-entity").input_value() == "tron:D"
    scan(page)
    scoped = api(demo_server, HITS, scope={"wallet": "tron:D"})["typologyHits"]
    assert list(cells(page, "#typology-hits")) == [h["key"] for h in scoped["hits"]] == [
        hit["key"]]
    assert page.locator("#typology-window").inner_text() == ""


FLOWS = """query($f: ID!, $t: ID!) { flows(from: $f, to: $t) { maxHops reason
  direct { period asset amount } within { period asset amount transfers amountRaw decimals } } }"""


def test_flows_by_month_chart_and_table_match_the_api(page: Any, demo_server: Server) -> None:
    enter(page, demo_server.url, "flows")
    page.locator("#flows-from").fill(ts.SRC)
    page.locator("#flows-to").fill(ts.DST)
    page.locator("#flows-run").click()
    page.locator("#flows-table").wait_for()
    want = api(demo_server, FLOWS, f=ts.SRC, t=ts.DST)["flows"]
    bars = page.locator('figure[data-asset="USDT"] g.bar').evaluate_all(
        "gs => gs.map(g => [g.dataset.label, Number(g.dataset.value), Number(g.dataset.inner)])")
    within = {p["period"]: p["amount"] for p in want["within"]}
    direct = {p["period"]: p["amount"] for p in want["direct"]}
    # February has no flow and still has its (empty) bar: the x axis is time.
    assert bars == [[m, within.get(m, 0), direct.get(m, 0)] for m in ("2024-01", "2024-02",
                                                                      "2024-03")]
    assert within == {"2024-01": 1234.567891, "2024-03": 510.250001}  # typology_story.py
    rows = page.locator("#flows-table tbody tr").evaluate_all(
        "rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert rows == [["2024-01", "USDT", "1,234.567891", "1,234.567891", "1"],
                    ["2024-03", "USDT", "10.000001", "510.250001", "2"]]
    # The "Within" cells are the API's exact base units (not the float), to the base unit.
    raw = page.locator("#flows-table tbody td[data-raw]").evaluate_all(
        "ts => ts.map(t => t.dataset.raw)")
    assert raw == [p["amountRaw"] for p in want["within"]] == ["1234567891", "510250001"]
    assert {p["decimals"] for p in want["within"]} == {6}
    assert page.locator("#flows-summary").inner_text() == (
        f"Flow Source Group \u2192 Flow Sink Ltd, within {want['maxHops']} hops: 1,744.817892 USDT")
    assert set(cy(page, "cy.nodes('.hl').map(n => n.id())")) == {ts.SRC, ts.DST}
    assert cy(page, f"cy.$id('FLOW:{ts.SRC}>{ts.DST}').data('label')") == (
        "FLOW 1,744.817892 USDT")
    shot(page, "17-flows")
    # An organisation without a wallet: the API's reason, said in the panel.
    page.locator("#flows-from").fill(ts.EMPTY)
    page.locator("#flows-run").click()
    reason = page.locator("#flows-reason")
    reason.wait_for()
    empty = api(demo_server, FLOWS, f=ts.EMPTY, t=ts.DST)["flows"]
    assert empty["reason"] and reason.inner_text() == f"No flow to show: {empty['reason']}"
    assert page.locator("figure.flow-chart").count() == 0


EXPOSURE = """query($t: ID!, $h: Int) { exposure(target: $t, maxHops: $h) { method maxHops
  timeTreatment hopCut moreHops } }"""


def test_exposure_states_its_method_time_treatment_and_hop_budget(
        page: Any, demo_server: Server) -> None:
    enter(page, demo_server.url, "risk")
    assert page.locator("#exposure-hops").input_value() == ""  # the API's default, not a 3
    page.locator("#exposure-target").fill(KESTREL)
    page.locator("#exposure-run").click()
    page.locator("#exposure-time").wait_for()
    x = api(demo_server, EXPOSURE, t=KESTREL)["exposure"]
    assert (x["method"], x["timeTreatment"], x["hopCut"]) == ("HAIRCUT_TIMED", "TIME_ORDERED",
                                                              False)
    assert page.locator("#exposure-method-used").inner_text() == (
        f"Method HAIRCUT_TIMED, {x['maxHops']} hops.")
    assert page.locator("#exposure-time").inner_text() == (
        "Time treatment: time-ordered \u2014 a payment carries only value its sender received "
        "before it.")
    assert page.locator("#exposure-hopcut").count() == 0
    # One hop stops at M1, which received the victim's money itself: the budget cut the region.
    page.locator("#exposure-hops").fill("1")
    page.locator("#exposure-method").select_option("HAIRCUT")
    page.locator("#exposure-run").click()
    cut = page.locator("#exposure-hopcut")
    cut.wait_for()
    one = api(demo_server, EXPOSURE, t=KESTREL, h=1)["exposure"]
    assert (one["hopCut"], one["moreHops"]) == (True, 2)
    assert cut.inner_text().startswith("Answer depends on the hop budget: 1 more hop reaches "
                                       "further.")
    assert page.locator("#exposure-method-used").inner_text() == "Method HAIRCUT, 1 hops."
    assert page.locator("#exposure-time").inner_text().startswith("Time treatment: unordered")
    page.locator("#exposure-more-hops").click()
    page.wait_for_function("() => document.querySelector('#exposure-method-used')"
                           ".textContent === 'Method HAIRCUT, 2 hops.'")
    assert page.locator("#exposure-hops").input_value() == "2"
    assert page.locator("#exposure-hopcut").count() == 0  # the victim received nothing


CONTROL = """query($p: ID!) { controlledBy(person: $p) { companies { entity { name } via depth }
  wallets { wallet { id } controller { name } } } }"""


def test_controlled_by_lists_and_draws_the_wallets(page: Any, demo_server: Server) -> None:
    enter(page, demo_server.url, "risk")
    page.locator("#control-person").fill("person-wen-li")
    page.locator("#control-run").click()
    first_row(page, "#control-wallets")
    want = api(demo_server, CONTROL, p="person-wen-li")["controlledBy"]
    assert {k: v[1] for k, v in cells(page, "#control-wallets").items()} == {
        w["wallet"]["id"]: w["controller"]["name"] for w in want["wallets"]} == {
        f"tron:{story.HARBOR_WALLET}": "Harbor Pay"}
    assert [v[:3] for v in cells(page, "#control-companies").values()] == [
        [c["entity"]["name"], c["via"], str(c["depth"])] for c in want["companies"]]
    lit = set(cy(page, "cy.nodes('.hl').map(n => n.id())"))
    assert {"person-wen-li", "org-harbor-pay", f"tron:{story.HARBOR_WALLET}"} <= lit
    assert cy(page, f"cy.$id('CONTROLLED_BY:tron:{story.HARBOR_WALLET}>org-harbor-pay')"
                    ".nonempty()") is True
