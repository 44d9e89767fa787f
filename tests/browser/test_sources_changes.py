"""The Sources tab lists what each source's last run changed, as the change log has it: a
source ingested, changed (an entity added, a name changed, a holder removed, a sanction
delisted) and ingested again shows exactly those four under that source, for a reader too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Server
from tests.browser.conftest import shot
from tests.changes.test_capture import TRON, V1, V2, _write
from tests.ingest.helpers import ingest

LAST_RUN = """{ sourceFreshness { source { id } lastRunAt } }"""


def _api(server: Server, query: str, **variables: Any) -> Any:
    body = {"query": query, "variables": variables}
    return httpx.post(f"{server.url}/graphql", json=body, timeout=60).json()["data"]


def test_the_last_runs_changes_per_source(page: Any, demo_server: Server, story_graph: Graph,
                                          settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "list.jsonl"
    for version in (V1, V2):
        assert ingest(story_graph, settings, "ftm", _write(path, version),
                      source="watchlist").status == "succeeded"
    page.goto(demo_server.url)
    page.locator("#app").wait_for(state="visible")
    page.locator("#tab-sources").click()
    block = page.locator('#sources-changes details[data-source="watchlist"]')
    block.wait_for()
    assert block.locator("summary").inner_text().endswith(": 4 change(s)")
    items = sorted(li.inner_text() for li in block.locator("li.change").all())
    assert items == sorted([
        "added c-co-c (Organization)",
        "updated c-co-a (Organization) name: Alpha Co \u2192 Alpha Holdings",
        f"unasserted {TRON} CONTROLLED_BY \u2192 c-co-a",
        "unasserted OFAC:CYBER2:c-sanction-b (Sanction)",
    ])
    # The panel asked for changes since the start of the source's last run: the API's own
    # answer to that question has the same four.
    (fresh,) = [f for f in _api(demo_server, LAST_RUN)["sourceFreshness"]
                if f["source"]["id"] == "watchlist"]
    listed = _api(demo_server, """query($s: String!, $t: DateTime!) {
      changes(sourceId: $s, since: $t) { edges { node { kind } } } }""",
                  s="watchlist", t=fresh["lastRunAt"])
    assert len(listed["changes"]["edges"]) == len(items)
    shot(page, "16-sources-changes")
