"""`labels`: Etherscan-style CSV and eth-labels-style JSON label sets become tagged wallets."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.labels.read import read
from ingest.records import NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import fixture, ingest, one

CSV = fixture("labels/etherscan-style.csv")
JSON = fixture("labels/labels.json")
BINANCE = "ethereum:0x28c6c06298d514db089934071355e5743bf21d60"


def _read(path: Path, **options: str) -> list[Item]:
    return list(read(SourceInput(path, path.name, options)))


def _wallets(items: list[Item]) -> dict[str, dict[str, object]]:
    return {i.id: i.props for i in items if isinstance(i, NodeRecord)}


def _rejected(items: list[Item]) -> dict[str, str]:
    return {i.position: i.reason for i in items if isinstance(i, Rejected)}


def test_csv_with_header_tags_and_categories() -> None:
    items = _read(CSV)
    wallets = _wallets(items)
    assert wallets[BINANCE]["tags"] == ["Binance 14", "Exchange", "Binance"]
    assert wallets[BINANCE]["categories"] == ["exchange"]
    tron = wallets["tron:TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"]
    assert tron["categories"] == ["phishing", "scam"]  # "scam" is what exposure reads
    bad = _rejected(items)
    assert "mangled by a spreadsheet" in bad["line 5"]
    assert "cannot tell the chain" in bad["line 6"]  # 39 hex digits: no chain's form
    assert len(wallets) == 4


def test_columns_by_option_and_headerless(tmp_path: Path) -> None:
    path = tmp_path / "custom.csv"
    path.write_text("wallet_addr;who;kind\n0x28C6c06298d514Db089934071355E5743bf21d60;B14;cex\n",
                    encoding="utf-8")
    assert _wallets(_read(path, address_column="wallet_addr", name_column="who",
                          labels_column="kind"))[BINANCE]["tags"] == ["B14", "cex"]
    with pytest.raises(InputError, match="no column 'addr'"):
        _read(path, address_column="addr")
    bare = tmp_path / "bare.csv"
    bare.write_text("0x28c6c06298d514db089934071355e5743bf21d60,Binance 14,exchange,hot\n",
                    encoding="utf-8")
    assert _wallets(_read(bare))[BINANCE]["tags"] == ["Binance 14", "exchange", "hot"]


def test_json_object_and_explicit_chain() -> None:
    wallets = _wallets(_read(JSON))
    assert wallets["ethereum:0xd90e2f925da726b50c4ed8d0fb90ad053324f31b"]["tags"] == [
        "Tornado Cash: Router", "mixer"]
    assert "solana:B9sVeu4rJU12oUrUtzjc6BSNuEXdfvurZkdcaTVkP2LY" not in wallets  # not detected
    on_solana = _wallets(_read(JSON, chain="solana"))
    assert on_solana["solana:B9sVeu4rJU12oUrUtzjc6BSNuEXdfvurZkdcaTVkP2LY"]["categories"] == [
        "phishing", "scam"]


def test_end_to_end_with_provenance(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "labels", CSV)
    assert (summary.written, summary.quarantined) == (4, 2)
    row = one(graph, "MATCH (w:Wallet {id: $id}) RETURN w.tags AS t, w.sources AS s", id=BINANCE)
    assert row == {"t": ["Binance 14", "Exchange", "Binance"],
                   "s": ["labels:etherscan-style.csv"]}
