"""FtM topics become risk (scam category, a topic Sanction) and authorities one code each."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.formats.authorities import authority_code
from ingest.formats.base import SourceInput
from ingest.formats.ftm.entities import read
from ingest.records import LinkRecord, NodeRecord, Rejected, Retraction


def _entities(tmp_path: Path, *entities: dict[str, object]) -> list[NodeRecord | LinkRecord]:
    path = tmp_path / "entities.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in entities), encoding="utf-8")
    return [i for i in read(SourceInput(path, path.name)) if isinstance(i, NodeRecord | LinkRecord)]


def _person(ident: str, *topics: str) -> dict[str, object]:
    return {"id": ident, "schema": "Person",
            "properties": {"name": [ident], "topics": list(topics)}}


def test_topics_to_risk(tmp_path: Path) -> None:
    items = _entities(
        tmp_path, _person("fraudster", "crime.fraud"),
        _person("trafficker", "crime.traffick.human"),
        _person("pep", "role.pep"), _person("listed", "sanction"), _person("named", "sanction"),
        {"id": "s1", "schema": "Sanction",
         "properties": {"entity": ["named"], "authority": ["Office of Foreign Assets Control"],
                        "program": ["SDGT"], "authorityId": ["X-1"]}})
    nodes = {i.id: i for i in items if isinstance(i, NodeRecord)}
    assert nodes["fraudster"].props["categories"] == ["scam"]
    assert nodes["trafficker"].props["categories"] == ["scam"]
    assert "categories" not in nodes["pep"].props
    links = {(i.start_id, i.end_id) for i in items if isinstance(i, LinkRecord)}
    # "listed" has the topic and no Sanction: one is made; "named" has a real one only.
    assert ("listed", "unknown:topic-sanction:listed") in links
    assert ("named", "OFAC:SDGT:X-1") in links
    assert not any(i.id.endswith("topic-sanction:named") for i in nodes.values())
    real = nodes["OFAC:SDGT:X-1"].props
    assert (real["authority"], real["authority_name"]) == (
        "OFAC", "Office of Foreign Assets Control")


def test_authority_codes() -> None:
    assert {authority_code(n) for n in ("OFAC", "Office of Foreign Assets Control",
                                        "U.S. OFAC")} == {"OFAC"}
    assert authority_code("European Union") == "EU"
    assert authority_code("HM Treasury") == "UK-OFSI"
    assert authority_code("United Nations Security Council") == "UN"
    assert authority_code("FinCEN") == "FinCEN-311"
    assert authority_code("Ministry of Narnia") == "Ministry of Narnia"


def test_delta_lines(tmp_path: Path) -> None:
    path = tmp_path / "delta.jsonl"
    lines = [{"op": "ADD", "entity": _person("a", "crime.cyber")},
             {"op": "MOD", "entity": {**_person("a"), "properties": {"name": ["A2"]}}},
             {"op": "DEL", "entity": {"id": "a", "schema": "Person"}},
             {"op": "ZAP", "entity": {"id": "b"}}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    items = list(read(SourceInput(path, path.name)))
    people = [i.props["name"] for i in items if isinstance(i, NodeRecord)]
    assert people == ["a", "A2"]  # ADD and MOD upsert the same id
    assert all(i.delta for i in items if isinstance(i, NodeRecord))
    # DEL withdraws the source's assertion (applied: tests/ingest/test_ftm_delta.py).
    assert [i for i in items if isinstance(i, Retraction)] == [
        Retraction("a", ("a", "unknown:topic-sanction:a"), position="line 3")]
    bad = [(i.position, i.reason[:22]) for i in items if isinstance(i, Rejected)]
    assert bad == [("line 4", "unknown FtM delta op '")]
