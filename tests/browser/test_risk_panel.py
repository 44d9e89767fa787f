"""The Risk tab: ultimate owners and exposure, each row checked against the API's answer."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.support import Server
from tests.browser import story
from tests.browser.conftest import shot
from tests.browser.steps import cy, first_row

KESTREL = f"tron:{story.KESTREL_DEPOSIT}"
OWNERS = """{ owners(company: "org-harbor-pay") { ultimateOwners { effectiveShare chains
  entity { name } } } }"""
EXPOSURE = f"""{{ exposure(target: "{KESTREL}", maxHops: 3, method: HAIRCUT) {{
  categories {{ category directShare indirectShare }} }} }}"""


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
    want = [[c["category"].lower(), share(c["directShare"], True), share(c["indirectShare"], True)]
            for c in api(demo_server, EXPOSURE)["exposure"]["categories"]]
    assert got == want  # the story's deposit address has no risky inflow: both say so
    assert page.locator("#exposure-inflow").inner_text() == "Inflow: 300 USDT"
    assert cy(page, f"cy.$id('{KESTREL}').hasClass('hl')") is True
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
