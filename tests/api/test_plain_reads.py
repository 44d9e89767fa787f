"""The statements the API's lookups read with `Graph.read_plain` (no Record.data() walk) return
only plain values: on a scenario with clusters, sanctions, times and transfers, every such read
equals what `Graph.read` returns for the same statement and parameters."""

from __future__ import annotations

from typing import Any

import pytest

from api.auth import Role
from graph.db import Graph
from graph.investigate import get_entities, neighbourhood, organization_wallets, search
from graph.investigate.wallet_transfers import TransferFilter, pages_of, wallet_records
from tests.api.support import Executor
from tests.graph.resolve_scenario import resolve_scenario

JUDGE = """mutation { judgeEntities(a: "ftm-huione", b: "gs-actor-huione", verdict: "same",
  reason: "test") { id } }"""


@pytest.fixture
def compared(gql: Executor, graph: Graph, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graph, its read_plain checked against read on every call; the names read."""
    resolve_scenario().write(graph)
    gql.data(JUDGE, Role.ANALYST)
    names: list[str] = []
    plain = graph.read_plain

    def checked(name: str, params: dict[str, Any] | None = None, **kw: Any) -> Any:
        rows = plain(name, params, **kw)
        assert rows == graph.read(name, params, **kw), name
        names.append(name)
        return rows

    monkeypatch.setattr(graph, "read_plain", checked)
    return names


def test_plain_reads_equal_read(graph: Graph, compared: list[str]) -> None:
    for start in ["ftm-group", "tron:h1", "gs-actor-huione"]:
        for light in (False, True):
            neighbourhood(graph, start, depth=3, light=light)
    page = TransferFilter(first=2)
    wallet_records(graph, ids=["ftm-huione", "tron:h1", "tron:sw", "nobody"], transfers=page)
    wallet_records(graph, ids=["gs-actor-huione"], organisation="gs-actor-huione",
                   first=1, transfers=page)
    pages_of(graph, ["tron:h1", "tron:h2", "tron:xw"], page)
    organization_wallets(graph, "ftm-huione", 1)
    for text in ["Huione", "OKX", "Binance"]:
        assert search(graph, text).hits
    assert len(get_entities(graph, ["ftm-huione", "gs-actor-huione", "tron:h1", "nobody"])) == 3
    assert set(compared) == {
        "investigations/entities",
        "investigations/neighbourhood", "investigations/wallet_records",
        "investigations/wallet_transfers", "investigations/organization_wallets",
        "investigations/search"}
