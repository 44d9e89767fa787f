"""GraphQL objects of bare records (api/types/light.py) are what each type's own `from_record`
makes of the same record, field by field; and records that carry anything more go through
`from_record` itself."""

from __future__ import annotations

from dataclasses import replace

import pytest

from api.types.light import bare_edge, bare_entity
from api.types.paths import relationship_from_record
from api.types.records import BY_LABEL, entity_from_record
from api.types.transfer import Relationship
from graph.investigate.neighbourhood import NO_PROVENANCE, light_record
from graph.investigate.types import EdgeRecord, Provenance, SanctionSummary

LABELS = [["Entity", "Wallet"], ["Wallet", "Entity", "Exchange"], ["Entity", "Organization"],
          ["Organization", "Entity", "Company"], ["Entity", "Person"], ["Entity", "Compound"],
          ["Entity", "Sanction"], ["Entity"], ["Entity", "Unknown"]]


@pytest.mark.parametrize("labels", LABELS)
def test_bare_entities_equal_their_from_record(labels: list[str]) -> None:
    for i, name in enumerate(["Kestrel", None, "李美芳", ""]):
        rec = light_record(f"id-{i}", labels, name)
        assert bare_entity(rec)
        made = entity_from_record(rec)
        expected = BY_LABEL.get(rec.label, BY_LABEL["Organization"]).from_record(rec)
        assert type(made) is type(expected) and _listed(made) == vars(expected)
        # shared values cannot change: lists are tuples, dicts the object's own
        again = entity_from_record(rec)
        for key, value in vars(made).items():
            assert not isinstance(value, list | set)
            assert not isinstance(value, dict) or value is not vars(again)[key]


def _listed(obj: object) -> dict[str, object]:
    """The object's fields with tuples as the lists `from_record` makes."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in vars(obj).items()}


def test_records_with_more_are_not_bare() -> None:
    rec = light_record("tron:T1", ["Entity", "Wallet"], "w")
    fuller = [replace(rec, properties={**rec.properties, "chain": "tron"}),
              replace(rec, provenance=Provenance(("src",), None, None, 0.9)),
              replace(rec, sanctions=(SanctionSummary("s", "OFAC", None, None, None),)),
              replace(rec, name="other")]  # the name property no longer the record's name
    for other in fuller:
        assert not bare_entity(other)
        assert vars(entity_from_record(other)) == vars(
            BY_LABEL["Wallet"].from_record(other))


@pytest.mark.parametrize("kind", ["CONTROLLED_BY", "SUBSIDIARY_OF", "TRANSFER"])
def test_bare_edges_equal_their_from_record(kind: str) -> None:
    for key, start, end in [("k1", "a", "b"), ("4:xyz:9", "tron:T1", "org-1")]:
        rec = EdgeRecord(key, kind, start, end, {}, NO_PROVENANCE)
        assert bare_edge(rec)
        assert _listed(relationship_from_record(rec)) == vars(Relationship.from_record(rec))
    full = EdgeRecord("k", kind, "a", "b", {"amount": 5}, NO_PROVENANCE)
    assert not bare_edge(full)
    assert vars(relationship_from_record(full)) == vars(Relationship.from_record(full))
