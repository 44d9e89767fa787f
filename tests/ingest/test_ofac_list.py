"""`ofac-list` on real per-asset lists (0xB10C), crafted bad lists, and end to end."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ofac.address_list import read
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one

LISTS = fixture("ofac-addresses")


def _read(path: Path, **options: str) -> list[Item]:
    return list(read(SourceInput(path, path.name, options)))


def _wallets(items: list[Item]) -> list[NodeRecord]:
    return [i for i in items if isinstance(i, NodeRecord) and i.label == "Wallet"]


@pytest.mark.parametrize(("name", "wallets", "rejected"), [
    # wc -l: XBT 435 lines, one of them a Tron address (line 355) that OFAC filed under XBT.
    ("sanctioned_addresses_XBT.txt", 434, 1),
    ("sanctioned_addresses_TRX.txt", 6, 0),
    # BCH: 7 lines, 6 in CashAddr form (stored as their legacy base58check twins).
    ("sanctioned_addresses_BCH.txt", 7, 0),
    # XMR: line 2 is 64 hex digits (OFAC filed it so), not a Monero address.
    ("sanctioned_addresses_XMR.txt", 2, 1),
    ("sanctioned_addresses_ETH.json", 152, 0),
    ("sanctioned_addresses_USDT.json", 26, 0),
])
def test_real_lists(name: str, wallets: int, rejected: int) -> None:
    items = _read(LISTS / name)
    asset = name.split("_")[-1].split(".")[0]
    listing = items[0]
    assert isinstance(listing, NodeRecord)
    assert listing.id == f"OFAC:SDN:list-{asset}"
    assert len(_wallets(items)) == wallets
    links = [i for i in items if isinstance(i, LinkRecord)]
    assert len(links) == wallets and {x.end_id for x in links} == {listing.id}
    assert sum(isinstance(i, Rejected) for i in items) == rejected


def test_usdt_addresses_sort_onto_their_chains() -> None:
    chains = Counter(w.props["chain"] for w in _wallets(_read(LISTS /
                                                              "sanctioned_addresses_USDT.json")))
    # 11 T... Tron, 8 0x... Ethereum, 7 Omni-layer USDT on Bitcoin (1.../3...).
    assert chains == {"tron": 11, "ethereum": 8, "bitcoin": 7}


def test_txt_and_json_agree_and_asset_option(tmp_path: Path) -> None:
    lines = (LISTS / "sanctioned_addresses_TRX.txt").read_text(encoding="utf-8").split()
    as_json = tmp_path / "sanctioned_addresses_TRX.json"
    as_json.write_text(json.dumps(lines), encoding="utf-8")
    plain = tmp_path / "tron-list.txt"
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ids = [w.id for w in _wallets(_read(LISTS / "sanctioned_addresses_TRX.txt"))]
    assert [w.id for w in _wallets(_read(as_json))] == ids
    assert [w.id for w in _wallets(_read(plain, asset="trx"))] == ids
    with pytest.raises(InputError, match="which asset"):
        _read(plain)


def test_duplicates_bad_checksum_and_encoding_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sanctioned_addresses_ETH.txt"
    path.write_bytes(b"0x7F367cC41522cE07553e823bf3be79A889DEbe1B\n"
                     b"0x7f367cc41522ce07553e823bf3be79a889debe1b\n"
                     b"0x7F367cC41522cE07553e823bf3be79A889DEbe1b\n"
                     b"0x\xff\xfe\n")
    items = _read(path)
    assert len(_wallets(items)) == 1
    reasons = [(i.position, i.reason[:30]) for i in items if isinstance(i, Rejected)]
    assert reasons == [("line 2", "duplicate of line 1"),
                       ("line 3", "ETH address rejected: bad EIP-"),
                       ("line 4", "not UTF-8: invalid start byte")]


def test_broken_json_fails_whole_and_bad_items_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sanctioned_addresses_XBT.json"
    path.write_text('["1Archive1n2C579dMsAu3iC6tWzuQJz8dN", ', encoding="utf-8")
    with pytest.raises(InputError, match="truncated"):
        _read(path)
    path.write_text('["1Archive1n2C579dMsAu3iC6tWzuQJz8dN", 7]', encoding="utf-8")
    items = _read(path)
    assert len(_wallets(items)) == 1
    assert [(i.position, i.reason) for i in items if isinstance(i, Rejected)] == [
        ("item 1", "not an address string")]


def test_end_to_end_and_merge_with_sdn_csv(graph: Graph, settings: Settings) -> None:
    xbt = LISTS / "sanctioned_addresses_XBT.txt"
    summary = ingest(graph, settings, "ofac-list", xbt)
    assert (summary.read, summary.written, summary.quarantined) == (870, 869, 1)
    want = {"node:Entity": 435, "node:Wallet": 434, "node:Sanction": 1,
            "relationship:SANCTIONED_BY": 434}
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ofac-list", xbt)
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ofac-sdn-csv", fixture("ofac-sdn-csv/sdn.csv"))
    # The SDN.CSV slice names 99 complete XBT addresses, all on the list: 123 + 434 - 99.
    assert counts(graph)["node:Wallet"] == 458
    suex = one(graph, "MATCH (w:Wallet {id: 'bitcoin:12HQDsicffSBaYdJ6BhnE22sfjTESmmzKx'})"
                      "-[:SANCTIONED_BY]->(s) WITH w, s ORDER BY s.id "
                      "RETURN w.sources AS src, collect(s.id) AS by")
    assert suex == {"src": ["ofac-list:sanctioned_addresses_XBT.txt", "ofac-sdn-csv:sdn.csv"],
                    "by": ["OFAC:CYBER2:33151", "OFAC:SDN:list-XBT"]}
