"""`ftm`: FollowTheMoney entities as JSON lines, through the followthemoney library.

Both export forms are read. Flat: one `{id, schema, properties}` object a line, references as
ids. Nested (e.g. OpenSanctions `*.nested.json`): a property value may be a whole entity
object; it is lifted out as its own entity, and when it sits under a reverse property
(Person.sanctions -> Sanction.entity) the back-reference to its parent is filled in.

Wallet ids are `chain:address`, not FtM ids, so before streaming the file is scanned once for
CryptoWallet entities (only lines that mention the schema are parsed): a link may name a
wallet that appears later in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from followthemoney import model

from ingest.formats.authorities import is_sanctioned_topic
from ingest.formats.base import Item, SourceInput, json_lines, loads, rejected
from ingest.formats.entity_common import sanction_id, sanction_node, sanctioned_by
from ingest.formats.ftm.convert import Wallets, convert, convert_data
from ingest.formats.ftm.links import EDGE_LINKS
from ingest.records import LinkRecord, NodeRecord, Rejected, Retraction

# The Sanction made for an entity whose topics say "sanction" but that no Sanction names.
TOPIC_AUTHORITY, TOPIC_PROGRAM = "unknown", "topic-sanction"


def read(src: SourceInput) -> Iterator[Item]:
    wallets, sanctioned = _scan(src)
    for item in json_lines(src):
        if isinstance(item, Rejected):
            yield item
            continue
        position, data = item
        unwrapped = _delta(data, position)
        if isinstance(unwrapped, Rejected | Retraction):
            yield unwrapped
            continue
        for entity in flatten(unwrapped):
            for record in convert_data(entity, position, wallets):
                for out in (_with_ftm_ids(record), *_topic_sanction(record, sanctioned)):
                    yield _marked(out) if "op" in data else out


def _delta(data: dict[str, Any], position: str) -> dict[str, Any] | Rejected | Retraction:
    """The entity of a delta line (OpenSanctions' `{"op": ADD|MOD|DEL, "entity": ...}`): ADD
    and MOD are upserts, as a plain line is; DEL withdraws this source's assertion of the id
    (docs/INGEST-ENTITIES.md "Deltas"). The DEL entity may carry only id and schema."""
    if "op" not in data:
        return data
    op, entity = str(data["op"]).upper(), data.get("entity")
    if not isinstance(entity, dict):
        return rejected(position, data, f"FtM delta {op[:20]!r} has no entity object")
    if op in ("ADD", "MOD"):
        return dict(entity)
    if op != "DEL":
        return rejected(position, data, f"unknown FtM delta op {op[:20]!r}")
    ident = entity.get("id")
    if not isinstance(ident, str) or not ident.strip():
        return rejected(position, data, "FtM delta DEL has no entity id")
    name = entity.get("schema")
    schema = model.get(str(name)) if name else None
    if name and schema is None:
        return rejected(position, data, f"FtM delta DEL of unknown schema {str(name)[:40]!r}")
    return retraction(ident.strip(), schema.name if schema else None, position)


def retraction(ident: str, schema: str | None, position: str) -> Retraction:
    """Where the graph keeps what an FtM entity of `schema` (None: any) asserted: the node
    keyed by its id (and the Sanction its topic made), a wallet or Sanction by `ftm_id`, an
    edge entity's relationships by key."""
    topic = sanction_id(TOPIC_AUTHORITY, TOPIC_PROGRAM, ident)
    if schema is None:
        types = tuple(sorted({t for t, _ in EDGE_LINKS.values()}))
        return Retraction(ident, (ident, topic), ("Wallet", "Sanction"), types, position)
    fs = model.get(schema)
    if fs is not None and fs.is_a("CryptoWallet"):
        return Retraction(ident, labels=("Wallet",), position=position)
    if fs is not None and fs.is_a("Sanction"):
        return Retraction(ident, labels=("Sanction",), position=position)
    if schema in EDGE_LINKS:
        return Retraction(ident, link_types=(EDGE_LINKS[schema][0],), position=position)
    return Retraction(ident, node_ids=(ident, topic), position=position)


def _with_ftm_ids(item: Item) -> Item:
    """A wallet or Sanction also keeps every source's FtM id in `ftm_ids` (a list, unioned):
    `ftm_id` is the last writer's, and a DEL names the id its own source gave."""
    if isinstance(item, NodeRecord) and item.label in ("Wallet", "Sanction") and item.props.get(
            "ftm_id"):
        return replace(item, props={**item.props, "ftm_ids": [item.props["ftm_id"]]})
    return item


def _marked(item: Item) -> Item:
    """A record of a delta line: the run is a change file, not a whole list."""
    return replace(item, delta=True) if isinstance(item, NodeRecord | LinkRecord) else item


def _topic_sanction(record: Item, sanctioned: set[str]) -> Iterator[Item]:
    """A Sanction from the topic "sanction" when the source has no Sanction entity for it."""
    if (isinstance(record, NodeRecord) and record.label in ("Person", "Organization")
            and record.id not in sanctioned
            and is_sanctioned_topic(list(record.props.get("topics") or []))):
        node = sanction_node(TOPIC_AUTHORITY, TOPIC_PROGRAM, record.id, record.position,
                             reason="FtM topic 'sanction' (the source names no Sanction)")
        yield node
        yield sanctioned_by(record.id, node.id, record.position)


def flatten(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The entity and every entity nested in it, each once, with nested objects made ids."""
    seen: set[str] = set()
    pending = [data]
    while pending:
        entity = pending.pop(0)
        ident = str(entity.get("id", ""))
        if ident and ident in seen:
            continue
        seen.add(ident)
        flat, nested = _lift(entity)
        yield flat
        pending.extend(nested)


def _lift(entity: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    schema = model.get(str(entity.get("schema", "")))
    props = entity.get("properties")
    if schema is None or not isinstance(props, dict):
        return entity, []
    flat: dict[str, list[Any]] = {}
    nested: list[dict[str, Any]] = []
    for name, values in props.items():
        prop = schema.get(name)
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, dict):
                flat.setdefault(name, []).append(value)
            elif prop is not None and prop.stub and prop.reverse is not None:
                nested.append(_point_back(value, prop.reverse.name, entity.get("id")))
            else:
                nested.append(value)
                flat.setdefault(name, []).append(value.get("id"))
    return {**entity, "properties": flat}, nested


def _point_back(child: dict[str, Any], reverse: str, parent_id: Any) -> dict[str, Any]:
    """A nested entity under a reverse property, with its forward reference to the parent."""
    props = dict(child.get("properties") or {})
    back = props.get(reverse) or []
    back = [v.get("id") if isinstance(v, dict) else v for v in (back if isinstance(back, list)
                                                                 else [back])]
    if parent_id and parent_id not in back:
        back.append(parent_id)
    return {**child, "properties": {**props, reverse: back}}


def _scan(src: SourceInput) -> tuple[Wallets, set[str]]:
    """FtM id -> Wallet id for every valid CryptoWallet, and the ids Sanction entities name."""
    wallets: Wallets = {}
    sanctioned: set[str] = set()
    with src.path.open("rb") as fh:
        for number, blob in enumerate(fh, start=1):
            if b"CryptoWallet" not in blob and b"Sanction" not in blob:
                continue
            try:
                data = loads(blob)
            except ValueError:
                continue  # the streaming pass reports it
            if isinstance(data, dict) and isinstance(data.get("entity"), dict) and "op" in data:
                data = data["entity"]  # a delta line: a DEL's stub names nothing new
            for entity in flatten(data) if isinstance(data, dict) else ():
                if entity.get("schema") == "CryptoWallet":
                    _remember(entity, f"line {number}", wallets)
                elif entity.get("schema") == "Sanction":
                    sanctioned.update(_targets(entity))
    return wallets, sanctioned


def _targets(entity: dict[str, Any]) -> list[str]:
    props = entity.get("properties")
    values = props.get("entity") if isinstance(props, dict) else None
    return [str(v) for v in values if isinstance(v, str)] if isinstance(values, list) else []


def _remember(entity: dict[str, Any], position: str, wallets: Wallets) -> None:
    for item in convert_data(entity, position, {}):
        if isinstance(item, NodeRecord) and item.label == "Wallet" and entity.get("id"):
            wallets[str(entity["id"])] = item.id


__all__ = ["convert", "flatten", "read", "retraction"]
