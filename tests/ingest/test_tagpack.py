"""`tagpack` and `actorpack` on real GraphSense packs, crafted bad packs, and end to end."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats import load_reader
from ingest.formats.base import Item, SourceInput
from ingest.formats.graphsense.common import CONFIDENCE_LEVELS
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one, rows

PACKS = fixture("graphsense/packs")
ACTORS = fixture("graphsense/actors/graphsense.actorpack.slice.yaml")


def _read(fmt: str, path: Path) -> list[Item]:
    return list(load_reader(fmt)(SourceInput(path, path.name)))


def _kinds(items: list[Item]) -> Counter[str]:
    return Counter(i.label if isinstance(i, NodeRecord) else
                   i.type if isinstance(i, LinkRecord) else "Rejected" for i in items)


def test_confidence_scale_matches_the_tool() -> None:
    with fixture("graphsense/tool-conf/confidence.csv").open(encoding="utf-8") as fh:
        scale = {row["id"]: int(row["level"]) for row in csv.DictReader(fh)}
    assert scale == CONFIDENCE_LEVELS


@pytest.mark.parametrize(("name", "tags", "wallets", "rejected", "actor"), [
    # grep -c '^- address' : huobi 58 tags, 6 with currency codes of chains not read (ATOM, DOT,
    # EOS, FIL); its BCH CashAddr is read.
    ("exchange-wallets-huobi.yaml", 58, 52, 6, 1),
    ("hydra.yaml", 117, 117, 0, 1),
    ("sinbad_io.yaml", 2, 2, 0, 1),
    ("demo.yaml", 5, 5, 0, 1),
])
def test_real_tagpacks(name: str, tags: int, wallets: int, rejected: int, actor: int) -> None:
    items = _read("tagpack", PACKS / name)
    kinds = _kinds(items)
    assert (kinds["Wallet"], kinds["Rejected"], kinds["Organization"]) == (wallets, rejected,
                                                                           actor)
    assert kinds["Wallet"] + kinds["Rejected"] == tags
    assert kinds["CONTROLLED_BY"] == wallets


def test_exchange_tag_attribution() -> None:
    items = _read("tagpack", PACKS / "exchange-wallets-huobi.yaml")
    actor = next(i for i in items if isinstance(i, NodeRecord) and i.label == "Organization")
    assert (actor.id, actor.kinds, actor.props) == (
        "gs-actor-huobi", ("Exchange",), {"gs_actor": "huobi", "categories": ["exchange"],
                                      "tag_name": "Huobi"})
    link = next(i for i in items if isinstance(i, LinkRecord))
    assert link.props["confidence"] == 0.5  # service_data = 50 on the 0..100 scale
    assert link.props["category"] == "exchange"
    assert link.props["tagpack"] == "Huobi reserve wallets"
    tron = {i.id for i in items if isinstance(i, NodeRecord) and i.id.startswith("tron:")}
    assert len(tron) == 13  # grep -o "address: 'T[^']*'" | sort -u | wc -l (16 tags)


def test_actorpack_slice() -> None:
    items = _read("actorpack", ACTORS)
    assert _kinds(items) == {"Organization": 23}
    kinds = Counter(k for i in items if isinstance(i, NodeRecord) for k in i.kinds)
    assert kinds == {"Exchange": 8, "Mixer": 2, "Marketplace": 1}
    binance = next(i for i in items if isinstance(i, NodeRecord) and i.id == "gs-actor-binance")
    assert binance.props["name"] == "Binance" and "Binance Holdings Limited" in binance.props[
        "aliases"]
    assert binance.props["country"][:3] == ["MT", "CA", "US"]


BAD_TAGS = """title: crafted
creator: tests
currency: ETH
actor: someone
confidence: very_sure
tags:
- address: '0x7F367cC41522cE07553e823bf3be79A889DEbe1B'
- address: '0x7F367cC41522cE07553e823bf3be79A889DEbe1B'
  confidence: forensic
- tx_hash: '0xabc'
  confidence: forensic
- address: '0x7F367cC41522cE07553e823bf3be79A889DEbe1b'
  confidence: forensic
"""


def test_bad_tags_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(BAD_TAGS, encoding="utf-8")
    items = _read("tagpack", path)
    rejected = [(i.position, i.reason) for i in items if isinstance(i, Rejected)]
    assert [r[0] for r in rejected] == ["line 7", "line 10", "line 12"]
    assert rejected[0][1].startswith("unknown confidence level 'very_sure'")
    assert rejected[1][1].startswith("a transaction tag (tx_hash)")
    assert rejected[2][1].startswith("ETH address rejected: bad EIP-55 checksum")
    assert _kinds(items)["Wallet"] == 1


@pytest.mark.parametrize("damage", ["syntax", "latin-1", "no-header", "not-a-mapping"])
def test_unreadable_packs_fail_whole(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "pack.yaml"
    text = (PACKS / "sinbad_io.yaml").read_bytes()
    path.write_bytes({"syntax": text + b"\n  - address: [unclosed\n",
                      "latin-1": text.replace(b"sinbad.io", b"sinbad\xe9io"),
                      "no-header": b"tags:\n- address: 1JHdQHkBZiim1cb4hyUh2PbzEbbg6z2TrF\n",
                      "not-a-mapping": b"- 1\n- 2\n"}[damage])
    with pytest.raises(InputError):
        _read("tagpack", path)


def test_end_to_end_actor_named_by_actorpack(graph: Graph, settings: Settings) -> None:
    huobi = PACKS / "exchange-wallets-huobi.yaml"
    summary = ingest(graph, settings, "tagpack", huobi)
    assert (summary.read, summary.written, summary.quarantined) == (111, 105, 6)
    # 52 tags on 40 distinct addresses (one address, several currencies: one wallet).
    want = {"node:Entity": 41, "node:Wallet": 40, "node:Organization": 1, "node:Exchange": 1,
            "relationship:CONTROLLED_BY": 40}
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "tagpack", huobi)
    assert counts(graph, data_only=True) == want
    actors = ingest(graph, settings, "actorpack", ACTORS)
    assert (actors.written, actors.quarantined) == (23, 0)
    ingest(graph, settings, "tagpack", huobi)  # after the ActorPack: the name must survive
    org = one(graph, "MATCH (o:Organization {id: 'gs-actor-huobi'}) RETURN o.name AS n, "
                     "o.kinds AS k, o.sources AS s, o.categories AS c")
    assert org == {"n": "Huobi", "k": ["Exchange"],
                   "c": ["exchange", "organization", "mining_service"],
                   "s": ["tagpack:exchange-wallets-huobi.yaml",
                         "actorpack:graphsense.actorpack.slice.yaml"]}
    usdt = rows(graph, "MATCH (w:Wallet {id: 'tron:TNaRAoLUyYEV2uF7GUrzSjRQTU8v5ZJ5VR'}) "
                       "RETURN w.assets AS a, w.tags AS t")
    # Three tags (lines 118, 157, 172), all `currency: TRX`, labelled TRX, USDC and USDT.
    assert usdt == [{"a": ["TRX"], "t": ["huobi reserve wallets TRX",
                                         "huobi reserve wallets USDC",
                                         "huobi reserve wallets USDT"]}]


def test_a_pack_with_a_synthetic_header_flags_its_records(tmp_path: Path) -> None:
    pack = tmp_path / "synthetic.yaml"
    pack.write_text(
        "title: made up\ncreator: tests\nsynthetic: true\ncurrency: ETH\ncategory: exchange\n"
        "tags:\n  - address: '0xdac17f958d2ee523a2206206994597c13d831ec7'\n"
        "    label: a\n    actor: someexchange\n    source: x\n    confidence: web_crawl\n"
    )
    items = _read("tagpack", pack)
    assert [type(i).__name__ for i in items] == ["NodeRecord", "NodeRecord", "LinkRecord"]
    assert all(i.props.get("synthetic") is True for i in items)  # type: ignore[union-attr]
