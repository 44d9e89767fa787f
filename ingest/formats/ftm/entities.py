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
from typing import Any

from followthemoney import model

from ingest.formats.authorities import is_sanctioned_topic
from ingest.formats.base import Item, SourceInput, json_lines, loads, rejected
from ingest.formats.entity_common import sanction_node, sanctioned_by
from ingest.formats.ftm.convert import Wallets, convert, convert_data
from ingest.records import NodeRecord, Rejected

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
        if isinstance(unwrapped, Rejected):
            yield unwrapped
            continue
        for entity in flatten(unwrapped):
            for record in convert_data(entity, position, wallets):
                yield record
                yield from _topic_sanction(record, sanctioned)


def _delta(data: dict[str, Any], position: str) -> dict[str, Any] | Rejected:
    """The entity of a delta line (OpenSanctions' `{"op": ADD|MOD|DEL, "entity": ...}`): ADD
    and MOD are upserts, as a plain line is. DEL is quarantined, never applied: removing one
    source's assertion is not implemented yet (docs/INGEST-ENTITIES.md)."""
    if "op" not in data or not isinstance(data.get("entity"), dict):
        return data
    op = str(data["op"]).upper()
    if op in ("ADD", "MOD"):
        return dict(data["entity"])
    reason = ("FtM delta DEL is not applied (a source's retraction is not implemented); "
              "the entity is left as it is" if op == "DEL" else f"unknown FtM delta op {op[:20]!r}")
    return rejected(position, data, reason)


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


__all__ = ["convert", "flatten", "read"]
