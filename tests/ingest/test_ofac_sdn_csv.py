"""`ofac-sdn-csv` on a 49-row slice of the real legacy SDN.CSV, and on crafted bad files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ofac.sdn_csv import read
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one

SDN = fixture("ofac-sdn-csv/sdn.csv")
# grep -o 'Digital Currency Address - ' sdn.csv | wc -l -> 127 addresses in 20 rows; 3 end where
# Remarks is cut at 1,000 characters, and one "XMR" is 64 hex digits, no Monero address (its
# checksum fails). The 3 BCH CashAddr are read.
WALLETS = 127 - 3 - 1
# 59 = programs over the 49 rows (28 single, ...); wallets x their row's programs = 196.
SANCTIONED_BY = 59 + 196
GRAPH = {"node:Entity": 15 + 34 + 59 + WALLETS, "node:Person": 15, "node:Organization": 34,
         "node:Company": 30, "node:Sanction": 59, "node:Wallet": WALLETS,
         "relationship:CONTROLLED_BY": WALLETS, "relationship:SANCTIONED_BY": SANCTIONED_BY}


def _read(path: Path) -> list[Item]:
    return list(read(SourceInput(path, path.name)))


def _kinds(items: list[Item]) -> Counter[str]:
    return Counter(i.label if isinstance(i, NodeRecord) else
                   i.type if isinstance(i, LinkRecord) else "Rejected" for i in items)


def test_real_slice_counts() -> None:
    items = _read(SDN)
    assert _kinds(items) == {"Person": 15, "Organization": 34, "Sanction": 59, "Wallet": WALLETS,
                             "CONTROLLED_BY": WALLETS, "SANCTIONED_BY": SANCTIONED_BY,
                             "Rejected": 4}
    reasons = Counter(i.reason.split(" ")[0] for i in items if isinstance(i, Rejected))
    assert reasons == {"XMR": 1, "XBT": 3}
    cut = [i for i in items if isinstance(i, Rejected) and "1,000" in i.reason]
    assert [c.position for c in cut] == ["line 41", "line 46", "line 47"]


def test_party_wallets_and_programs() -> None:
    items = _read(SDN)
    person = next(i for i in items if isinstance(i, NodeRecord) and i.id == "ofac-sdn-29584")
    assert person.label == "Person"
    assert person.props["aliases"] == ["cronuswar", "SERGEY, Kireev Valerievich"]
    assert person.props["birth_date"] == "1995-09-14"
    owned = {i.start_id for i in items if isinstance(i, LinkRecord)
             and i.type == "CONTROLLED_BY" and i.end_id == "ofac-sdn-29584"}
    assert owned == {"bitcoin:1Q9UAQbcDezmyouFrzt94t4dSMxgsUfW1X",
                     "bitcoin:1Kys8fqDen8NGFUJ6AFcXfFW5qquuTH4eh",
                     "ethereum:0x7f367cc41522ce07553e823bf3be79a889debe1b"}
    southfront = {i.end_id for i in items if isinstance(i, LinkRecord)
                  and i.start_id == "ofac-sdn-31212"}
    assert southfront == {"OFAC:NPWMD:31212", "OFAC:CYBER2:31212", "OFAC:ELECTION-EO13848:31212"}
    vessel = next(i for i in items if isinstance(i, NodeRecord) and i.id == "ofac-sdn-4238")
    assert (vessel.label, vessel.kinds, vessel.props["sdn_type"]) == ("Organization", (), "vessel")


def test_bad_rows_are_rejected_and_the_rest_loads(tmp_path: Path) -> None:
    good = SDN.read_bytes().splitlines(keepends=True)[40]  # SECONDEYE row (ent_num 30518)
    bad = tmp_path / "sdn.csv"
    bad.write_bytes(
        good
        + b'1,"BAD, Checksum",individual,CYBER2,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
          b'Digital Currency Address - ETH 0x7F367cC41522cE07553e823bf3be79A889DEbe1b.\n'
        + b'2,"CAF\xc9, Latin1",individual,CUBA,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
        + b"3,TOO FEW COLUMNS,-0- \n"
        + b"30518,OTHER PARTY,-0- ,CUBA,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
        + b"\x1a")  # old OFAC downloads end with a DOS end-of-file byte: not a row
    items = _read(bad)
    rejected = [(i.position, i.reason) for i in items if isinstance(i, Rejected)]
    assert rejected[1:] == [
        ("line 2", "ETH address rejected: bad EIP-55 checksum in "
                   "'0x7F367cC41522cE07553e823bf3be79A889DEbe1b' (checksummed form is "
                   "0x7F367cC41522cE07553e823bf3be79A889DEbe1B)"),
        ("line 3", "not UTF-8"), ("line 4", "expected 12 columns, found 3"),
        ("line 5", "ent_num 30518 repeats line 1")]
    assert sum(isinstance(i, NodeRecord) and i.label == "Person" for i in items) == 1


@pytest.mark.parametrize("content", ["utf-16", "garbage"])
def test_unreadable_file_fails_whole(tmp_path: Path, content: str) -> None:
    path = tmp_path / "sdn.csv"
    if content == "utf-16":
        path.write_bytes(SDN.read_text(encoding="utf-8").encode("utf-16"))
    else:
        path.write_text("just,some\nother,csv\n", encoding="utf-8")
    with pytest.raises(InputError):
        _read(path)


def test_ingest_end_to_end_idempotent(graph: Graph, settings: Settings) -> None:
    first = ingest(graph, settings, "ofac-sdn-csv", SDN)
    assert (first.read, first.written, first.quarantined) == (613, 609, 4)
    assert counts(graph, data_only=True) == GRAPH
    second = ingest(graph, settings, "ofac-sdn-csv", SDN)
    assert (second.written, second.quarantined, second.created) == (609, 4, 0)
    assert counts(graph, data_only=True) == GRAPH
    prov = one(graph, "MATCH (w:Wallet)-[r:CONTROLLED_BY]->(p {id: 'ofac-sdn-33151'}) "
                      "RETURN count(w) AS n, collect(DISTINCT r.sources) AS s, "
                      "min(r.confidence) AS c, all(x IN collect(w) WHERE "
                      "x.first_seen <= x.last_seen) AS ordered")
    assert prov == {"n": 13, "s": [["ofac-sdn-csv:sdn.csv"]], "c": 1.0, "ordered": True}
    assert first.quarantine_path is not None and second.quarantine_path is not None
    lines = second.quarantine_path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["position"] for x in lines] == [
        "line 38", "line 41", "line 46", "line 47"]
