"""`actorpack`: GraphSense ActorPacks (YAML: header + an `actors` list).

Each actor becomes an Organization `gs-actor-<id>` (the id TagPack attributions point at):
label -> name, aliases and the context's legal name -> aliases, jurisdictions -> country,
categories kept as GraphSense categories and mapped to kind labels (exchange -> Exchange,
mixing_service -> Mixer, ...), uri -> website and context uris -> websites. Actors are
streamed one at a time (ingest.formats.yaml_stream).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ingest.formats.base import Item, SourceInput, rejected
from ingest.formats.entity_common import compact
from ingest.formats.graphsense.common import actor_id, kinds_for
from ingest.formats.yaml_stream import read_header, stream_list
from ingest.records import NodeRecord
from scamgraph.errors import InputError


def read(src: SourceInput) -> Iterator[Item]:
    header = read_header(src.path, "actors", src.name)
    if "title" not in header or "creator" not in header:
        raise InputError(f"{src.name}: not an ActorPack (the header needs title and creator)")
    for line, actor in stream_list(src.path, "actors", src.name):
        position = f"line {line}"
        if not isinstance(actor, dict) or not actor.get("id") or not actor.get("label"):
            yield rejected(position, actor, "an actor needs an id and a label")
            continue
        yield _actor(actor, position)


def _actor(actor: dict[str, Any], position: str) -> NodeRecord:
    context = _context(actor.get("context"))
    categories = [str(c) for c in _list(actor.get("categories"))]
    legal = str(context.get("legal_name") or "").strip()
    aliases = [str(a) for a in [*_list(actor.get("aliases")), *_list(context.get("aliases")),
                                legal] if a]
    props = {
        "name": str(actor["label"]), "aliases": list(dict.fromkeys(aliases)),
        "gs_actor": str(actor["id"]), "categories": categories, "legal_name": legal,
        "country": [str(j).upper() for j in _list(actor.get("jurisdictions"))],
        "website": str(actor.get("uri") or ""),
        "websites": [str(u) for u in _list(context.get("uris"))],
    }
    return NodeRecord("Organization", actor_id(str(actor["id"])), compact(props),
                      kinds=kinds_for(categories), position=position)


def _context(value: Any) -> dict[str, Any]:
    """The actor context: a mapping, or JSON text in older packs; anything else is ignored."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
