"""Compounds operated by organisations linked to a wallet, cluster, organisation or person."""

from __future__ import annotations

from collections.abc import Mapping

from graph.db import Graph
from graph.investigate import limits
from graph.investigate.entities import get_entities
from graph.investigate.types import CompoundRecord, EntityId, EntityRecord
from scamgraph.errors import NotFoundError

# Compounds returned by one call.
MAX_COMPOUNDS = 1_000


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _text(value: object) -> str | None:
    """A string property, or the first of a list (country is a list of ISO codes)."""
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def compound_record(entity: EntityRecord, operators: list[str], hops: int) -> CompoundRecord:
    """A CompoundRecord from the compound's entity (lat/lon, else the location point)."""
    props: Mapping[str, object] = entity.properties
    lat, lon = _float(props.get("lat")), _float(props.get("lon"))
    location = props.get("location")
    if (lat is None or lon is None) and isinstance(location, dict):
        lon, lat = (float(x) for x in location["coordinates"][:2])
    return CompoundRecord(
        entity=entity, country=_text(props.get("country")), province=_text(props.get("province")),
        status=_text(props.get("status")), lat=lat, lon=lon, operators=tuple(sorted(operators)),
        hops=hops,
    )


def compounds_linked(graph: Graph, entity_id: EntityId, max_hops: int = 4) -> list[CompoundRecord]:
    """Compounds operated by the organisations linked to the entity, nearest first."""
    limits.check_range("max_hops", max_hops, 1, limits.MAX_HOPS)
    found = get_entities(graph, [entity_id])
    if entity_id not in found:
        raise NotFoundError(f"no entity with id {entity_id!r}", hint="pass an id from search")
    rows = graph.read("investigations/compounds_linked",
                      {"id": entity_id, "max_hops": max_hops, "limit": MAX_COMPOUNDS})
    records = get_entities(graph, [r["compound"] for r in rows])
    return [compound_record(records[r["compound"]], r["operators"], r["hops"]) for r in rows
            if r["compound"] in records]
