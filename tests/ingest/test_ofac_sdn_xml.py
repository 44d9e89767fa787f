"""`ofac-sdn-xml` on a synthetic file in SDN_ADVANCED.XML's structure, and on hostile XML."""

from __future__ import annotations

import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ofac.sdn_xml import read
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest, one

XML = fixture("ofac-sdn-xml/sdn_advanced_sample.xml")
OLD_NS = "http://www.un.org/sanctions/1.0"
NEW_NS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADVANCED_XML"
# 4 parties; 10 Digital Currency Address features (3 + 2 + 4, one party has none); programs:
# CUBA, CYBER2, CYBER2 + ELECTION-EO13848, CYBER2 -> 5 Sanction nodes; SANCTIONED_BY: 5 from
# parties + wallets x programs (3x1 + 2x2 + 4x1 = 11).
# One XMR feature is 64 hex digits, not a Monero address: its checksum fails, it is rejected.
EXPECTED = {"Organization": 2, "Person": 2, "Wallet": 8, "CONTROLLED_BY": 8, "Sanction": 5,
            "SANCTIONED_BY": 14, "Rejected": 1}


def _read(path: Path) -> list[Item]:
    return list(read(SourceInput(path, path.name)))


def _kinds(items: list[Item]) -> Counter[str]:
    return Counter(i.label if isinstance(i, NodeRecord) else
                   i.type if isinstance(i, LinkRecord) else "Rejected" for i in items)


def _variant(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "sdn_advanced.xml"
    text = XML.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_sample_counts_names_and_programs() -> None:
    items = _read(XML)
    assert _kinds(items) == EXPECTED
    nodes = {i.id: i for i in items if isinstance(i, NodeRecord)}
    assert nodes["ofac-sdn-29584"].props["name"] == "POTEKHIN, Danil"
    assert nodes["ofac-sdn-29584"].props["aliases"] == ["cronuswar", "SERGEY, Kireev Valerievich"]
    assert nodes["ofac-sdn-33151"].kinds == ("Company",)
    assert nodes["ofac-sdn-4238"].props["sdn_type"] == "vessel"
    assert nodes["OFAC:ELECTION-EO13848:29585"].props["listed_on"] == "2020-09-10"
    bad = next(i for i in items if isinstance(i, Rejected))
    assert bad.position == "DistinctParty 29585" and "bad monero" in bad.reason
    assert nodes["tron:TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre"].props["assets"] == ["TRX"]


def test_older_namespace_reads_the_same(tmp_path: Path) -> None:
    # A Rejected keeps the XML as read, namespace included; all else is the same.
    def kept(items: list[Item]) -> list[Item | tuple[str, str]]:
        return [(i.position, i.reason) if isinstance(i, Rejected) else i for i in items]
    assert kept(_read(_variant(tmp_path, NEW_NS, OLD_NS))) == kept(_read(XML))


def test_bad_checksum_feature_is_rejected(tmp_path: Path) -> None:
    path = _variant(tmp_path, "0x7F367cC41522cE07553e823bf3be79A889DEbe1B",
                    "0x7F367cC41522cE07553e823bf3be79A889DEbe1b")
    items = _read(path)
    bad = [i for i in items if isinstance(i, Rejected)]
    assert [(b.position, b.reason.split(":")[0]) for b in bad] == [
        ("DistinctParty 29584", "ETH address rejected"),
        ("DistinctParty 29585", "XMR address rejected")]
    assert _kinds(items)["Wallet"] == 7


BOMB = """<?xml version="1.0"?>
<!DOCTYPE Sanctions [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<Sanctions xmlns="{ns}"><DistinctParties><DistinctParty FixedRef="1">&d;</DistinctParty>
</DistinctParties></Sanctions>"""


def test_entity_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(BOMB.replace("{ns}", NEW_NS), encoding="utf-8")
    with pytest.raises(InputError, match="refused unsafe XML"):
        _read(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xxe.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE S [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                    "<Sanctions>&x;</Sanctions>", encoding="utf-8")
    with pytest.raises(InputError, match="refused unsafe XML"):
        _read(path)


@pytest.mark.parametrize("damage", ["truncated", "latin-1", "not-sdn"])
def test_unparseable_files_fail_whole(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "sdn_advanced.xml"
    data = XML.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "latin-1":
        path.write_bytes(data.replace(b"MAR AZUL", b"MAR AZ\xdaL"))
    else:
        path.write_text("<?xml version='1.0'?><rss><channel/></rss>", encoding="utf-8")
    with pytest.raises(InputError):
        _read(path)


def test_truncated_file_leaves_graph_unchanged(graph: Graph, settings: Settings,
                                               tmp_path: Path) -> None:
    path = tmp_path / "sdn_advanced.xml"
    path.write_bytes(XML.read_bytes()[:9000])
    with pytest.raises(InputError):
        ingest(graph, settings, "ofac-sdn-xml", path)
    assert "node:Wallet" not in counts(graph) and "node:Person" not in counts(graph)
    run = one(graph, "MATCH (r:IngestRun) RETURN r.status AS s, r.error AS e")
    assert run["s"] == "failed" and "not well-formed" in run["e"]


def test_ingest_end_to_end_merges_with_csv(graph: Graph, settings: Settings) -> None:
    summary = ingest(graph, settings, "ofac-sdn-xml", XML)
    assert (summary.read, summary.written, summary.quarantined) == (40, 39, 1)
    want = {"node:Entity": 17, "node:Organization": 2, "node:Company": 1, "node:Person": 2,
            "node:Wallet": 8, "node:Sanction": 5,
            "relationship:CONTROLLED_BY": 8, "relationship:SANCTIONED_BY": 14}
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ofac-sdn-xml", XML)
    assert counts(graph, data_only=True) == want
    ingest(graph, settings, "ofac-sdn-csv", fixture("ofac-sdn-csv/sdn.csv"))
    both = one(graph, "MATCH (p:Person {id: 'ofac-sdn-29584'})<-[r:CONTROLLED_BY]-(w) "
                      "WITH p, r ORDER BY r.sources RETURN p.sources AS ps, count(r) AS n, "
                      "collect(r.sources)[0] AS rs")
    assert both == {"ps": ["ofac-sdn-xml:sdn_advanced_sample.xml", "ofac-sdn-csv:sdn.csv"],
                    "n": 3, "rs": ["ofac-sdn-xml:sdn_advanced_sample.xml",
                                   "ofac-sdn-csv:sdn.csv"]}


def _many_parties(path: Path, n: int) -> Path:
    """The sample with its vessel party (no wallets) and its entry repeated n times."""
    text = XML.read_text(encoding="utf-8")
    party = text[text.index('<DistinctParty FixedRef="4238">'):]
    party = party[: party.index("</DistinctParty>") + len("</DistinctParty>")]
    entry = text[text.index('<SanctionsEntry ID="4238"'):]
    entry = entry[: entry.index("</SanctionsEntry>") + len("</SanctionsEntry>")]
    parties = "".join(party.replace('"4238"', f'"{9000000 + i}"') for i in range(n))
    entries = "".join(entry.replace('"4238"', f'"{9000000 + i}"') for i in range(n))
    path.write_text(text.replace("<DistinctParties>", "<DistinctParties>" + parties)
                        .replace("<SanctionsEntries>", "<SanctionsEntries>" + entries),
                    encoding="utf-8")
    return path


def _peak(path: Path) -> int:
    tracemalloc.start()
    for _ in read(SourceInput(path, path.name)):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def test_memory_does_not_grow_with_parties(tmp_path: Path) -> None:
    small = _peak(_many_parties(tmp_path / "small.xml", 200))
    large = _peak(_many_parties(tmp_path / "large.xml", 4000))
    assert _kinds(_read(tmp_path / "large.xml"))["Sanction"] == 4000 + 5
    assert large < small * 2, (small, large)
