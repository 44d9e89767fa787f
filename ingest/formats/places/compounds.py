"""Scam compounds as a GeoJSON FeatureCollection of Point features.

Feature properties: name (required), country (ISO2 preferred), province, status, aliases
(list), operator (a name or a list of names), operator_id (optional: the id of an existing
organisation, e.g. "ofac-sdn-36216", to link to instead of a name-derived one), synthetic.
Each feature becomes a Compound; each operator an Organization that OPERATES it.

Ids: the feature's `id` (or properties.id) when the publisher gives one, else one derived
from country and name; operators without operator_id get "org-" plus the slug of their name,
so the same operator named in two files is one node. Option id_prefix (default "compound-").
The document is read whole (compound lists are small); a file that is not GeoJSON fails.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from ingest.formats.base import Item, SourceInput, json_document, rejected
from ingest.records import LinkRecord, NodeRecord
from scamgraph.errors import InputError

SINGLE_PASS = True  # the whole document parses before any record is yielded


def read(src: SourceInput) -> Iterator[Item]:
    document = json_document(src)
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise InputError(f"{src.name}: not a GeoJSON FeatureCollection")
    features = document.get("features")
    if not isinstance(features, list):
        raise InputError(f"{src.name}: FeatureCollection without a features array")
    prefix = src.option("id_prefix", "compound-")
    for number, feature in enumerate(features):
        position = f"feature {number}"
        try:
            yield from compound(feature, prefix, position)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            reason = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
            yield rejected(position, feature, reason)


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens; non-Latin text keeps its letters."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text
    return re.sub(r"[\W_]+", "-", folded.lower()).strip("-")


def _point(feature: dict[str, Any]) -> tuple[float, float]:
    geometry = feature.get("geometry") or {}
    if geometry.get("type") != "Point":
        raise ValueError(f"geometry is not a Point ({geometry.get('type')!r})")
    lon, lat = (float(v) for v in geometry["coordinates"][:2])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"coordinates out of range (lon {lon}, lat {lat})")
    return lon, lat


def compound(feature: Any, prefix: str, position: str) -> list[NodeRecord | LinkRecord]:
    """The Compound, its operators and OPERATES links of one feature."""
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ValueError("not a GeoJSON Feature")
    props = feature.get("properties") or {}
    name = str(props.get("name") or "").strip()
    if not name:
        raise ValueError("feature has no name")
    lon, lat = _point(feature)
    country = str(props.get("country") or "").strip()
    key = feature.get("id") or props.get("id") or f"{slug(country) or 'xx'}-{slug(name)}"
    node_id = f"{prefix}{key}"
    node = NodeRecord(label="Compound", id=node_id, position=position, props={
        "name": name, "country": country.upper() if len(country) == 2 else country or None,
        "province": props.get("province"), "status": props.get("status"),
        "aliases": [str(a) for a in props.get("aliases") or []], "lat": lat, "lon": lon,
        "synthetic": True if props.get("synthetic") else None,
    })
    return [node, *_operators(props, node_id, position)]


def _operators(props: dict[str, Any], compound_id: str, position: str
               ) -> list[NodeRecord | LinkRecord]:
    names = props.get("operator") or []
    names = [names] if isinstance(names, str) else list(names)
    records: list[NodeRecord | LinkRecord] = []
    if props.get("operator_id"):
        # An organisation another source defines: link only, never rename it.
        return [LinkRecord(type="OPERATES", start_id=str(props["operator_id"]),
                           end_id=compound_id, position=position)]
    for name in (str(n).strip() for n in names if str(n).strip()):
        org_id = f"org-{slug(name)}"
        records.append(NodeRecord(label="Organization", id=org_id, position=position,
                                  props={"name": name}))
        records.append(LinkRecord(type="OPERATES", start_id=org_id, end_id=compound_id,
                                  position=position))
    return records
