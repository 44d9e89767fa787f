"""The Risk tab: ultimate owners and exposure, each row checked against the API's answer.

Beside the story (story.py), Harbor Pay's wallet pays Kestrel's deposit address 200 USDT on
4 March: Harbor Pay is a subsidiary of the FinCEN-311 Harbor Group, which operates a compound,
so of Kestrel's 500 USDT inflow 200 (40 %) comes directly from a sanctioned and
compound-linked sender, and the exposure row names it.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from graph.db import Graph
from tests.api.support import Server
from tests.browser import story
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row

KESTREL = f"tron:{story.KESTREL_DEPOSIT}"
HARBOR = f"tron:{story.HARBOR_WALLET}"
OWNERS = """{ owners(company: "org-harbor-pay") { ultimateOwners { effectiveShare chains
  entity { name } } } }"""
EXPOSURE = f"""{{ exposure(target: "{KESTREL}", maxHops: 3, method: HAIRCUT) {{
  categories {{ category directShare indirectShare directSources {{ id name }} }} }} }}"""


@pytest.fixture(scope="module")
def story_graph(session_graph: Graph) -> Graph:
    scenario = story.build()
    scenario.send("tx6", HARBOR, KESTREL, 200, "2024-03-04T08:00")
    session_graph.write_autocommit("db/clear")
    scenario.write(session_graph)
    return session_graph


def api(server: Server, query: str) -> Any:
    return httpx.post(f"{server.url}/graphql", json={"query": query}, timeout=60).json()["data"]


def rows(page: Any, table: str) -> list[list[str]]:
    """The cells of a result table once drawn; [] when the panel says "None."."""
    page.locator(table).wait_for()
    return [[c.inner_text() for c in r.locator("td").all()]
            for r in page.locator(f"{table} tbody tr").all()]


def share(x: float | None, ratio: bool) -> str:
    if x is None:
        return "—"
    return f"{round(x * 100, 2) if ratio else x:g}%"


def test_owners_and_exposure_match_the_api(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    page.locator("#tab-risk").click()
    page.locator("#owners-company").fill("org-harbor-pay")
    page.locator("#owners-run").click()
    first_row(page, "#owners-list")
    got = [[c.inner_text() for c in r.locator("td").all()]
           for r in page.locator("#owners-list tbody tr").all()]
    want = [[u["entity"]["name"], share(u["effectiveShare"], False), str(u["chains"])]
            for u in api(demo_server, OWNERS)["owners"]["ultimateOwners"]]
    assert got == want == [["Wen Li", "60%", "1"]]
    # The chain is drawn: Wen Li owns Harbor Group, Harbor Pay its subsidiary.
    assert {"person-wen-li", "org-harbor-group", "org-harbor-pay"} <= set(
        cy(page, "cy.nodes('.hl').map(n => n.id())"))
    page.locator("#exposure-target").fill(KESTREL)
    page.locator("#exposure-run").click()
    got = rows(page, "#exposure-list")
    answer = api(demo_server, EXPOSURE)["exposure"]["categories"]
    want = [[c["category"].lower(), share(c["directShare"], True), share(c["indirectShare"], True)]
            for c in answer]
    assert [r[:3] for r in got] == want
    direct = {c["category"]: ([e["id"] for e in c["directSources"]], c["directShare"])
              for c in answer}
    assert direct["SANCTIONED"] == ([HARBOR], pytest.approx(0.4))
    assert direct["COMPOUND"] == ([HARBOR], pytest.approx(0.4))
    assert direct["SCAM"] == ([], 0)
    assert page.locator("#exposure-inflow").inner_text() == "Inflow: 500 USDT"
    assert cy(page, f"cy.$id('{KESTREL}').hasClass('hl')") is True
    page.locator('#exposure-list tbody tr[data-id="SANCTIONED"]').click()
    page.wait_for_function(f"() => window.scamgraph.cy.$id('{HARBOR}').hasClass('hl')")
    # The senders column names each direct sender by its label on the canvas.
    label = cy(page, f"cy.$id('{HARBOR}').data('label')")
    assert {r[0]: r[3] for r in got} == {"sanctioned": label, "scam": "\u2014", "compound": label}
    shot(page, "14-risk")


def test_linked_compounds_match_the_api(page: Any, demo_server: Server) -> None:
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    page.locator("#tab-risk").click()
    page.locator("#compounds-of").fill("org-harbor-pay")
    page.locator("#compounds-run").click()
    got = rows(page, "#compounds-list")
    answer = api(demo_server, """{ compounds(linkedTo: "org-harbor-pay") {
      hops compound { name } operators { name } } }""")["compounds"]
    want = [[x["compound"]["name"], str(x["hops"]), ", ".join(o["name"] for o in x["operators"])]
            for x in answer]
    assert got == want
    assert want[0][0] == "Blue Lagoon Compound", answer
    assert cy(page, "cy.$id('compound-blue-lagoon').hasClass('hl')") is True
    # Harbor Group operates the compound: it and its subsidiary are compound-linked now.
    assert cy(page, "cy.$id('org-harbor-group').data('compoundLinked')") is True
