"""Records as the parameter rows of the cypher/ingest/*.cypher batches.

Only values Neo4j can store travel: no maps, no nested lists, no None that would erase a
property another source set; timestamps as epoch milliseconds (see `epoch_ms`).
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any

from graph.model.addresses import EVM_CHAINS, eip55
from ingest.records import LinkRecord, NodeRecord, TransferRecord


def scaled(amount_raw: str, decimals: int | None) -> float | None:
    """The decimal-scaled amount for arithmetic; exactness lives in `amount_raw`."""
    if decimals is None:
        return None
    return float(Decimal(amount_raw).scaleb(-decimals))


def storable(value: Any) -> Any:
    """Neo4j stores no maps and no lists of maps: those travel as JSON text instead of
    failing a whole batch."""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    if isinstance(value, list | tuple):
        return [json.dumps(v, ensure_ascii=False, default=str)
                if isinstance(v, dict | list | tuple) else v for v in value]
    return value


def node_row(rec: NodeRecord) -> dict[str, Any]:
    """Scalars are set, lists unioned with what other sources said, None never erases."""
    props = {k: storable(v) for k, v in rec.props.items()
             if v is not None and not isinstance(v, list | tuple)}
    lists = {k: storable(v) for k, v in rec.props.items() if isinstance(v, list | tuple)}
    if rec.kinds:
        lists["kinds"] = sorted(set(rec.kinds) | set(lists.get("kinds", [])))
    point = None
    if "lat" in props and "lon" in props:
        point = {"latitude": props["lat"], "longitude": props["lon"]}
    return {"id": rec.id, "labels": [rec.label, *rec.kinds], "props": props, "lists": lists,
            "point": point}


def link_row(rec: LinkRecord) -> dict[str, Any]:
    props = {k: storable(v) for k, v in rec.props.items() if v is not None}
    return {"start": rec.start_id, "end": rec.end_id, "key": rec.key, "props": props}


def epoch_ms(ts: datetime | None) -> int | None:
    """Timestamps travel as epoch milliseconds: the driver's datetime packing costs ~0.2 ms each,
    more than the rest of a row; Cypher turns them back into datetimes."""
    return None if ts is None else round(ts.timestamp() * 1000)


def transfer_row(rec: TransferRecord) -> dict[str, Any]:
    props = {
        "id": rec.id, "chain": rec.chain, "tx": rec.tx, "index": rec.index, "asset": rec.asset,
        "token": rec.token, "amount_raw": rec.amount_raw, "decimals": rec.decimals,
        "amount": scaled(rec.amount_raw, rec.decimals), "block": rec.block,
    }
    return {"id": rec.id, "from": f"{rec.chain}:{rec.from_address}",
            "to": f"{rec.chain}:{rec.to_address}", "ts": epoch_ms(rec.ts), "props": props}


def wallet_rows(batch: list[TransferRecord]) -> list[dict[str, Any]]:
    """One row per distinct wallet of a batch, with its activity window and assets."""
    seen: dict[str, dict[str, Any]] = {}
    for rec in batch:
        for address in (rec.from_address, rec.to_address):
            key = f"{rec.chain}:{address}"
            row = seen.get(key)
            if row is None:
                seen[key] = _wallet(key, rec.chain, address, rec.ts, rec.asset)
                continue
            ms = epoch_ms(rec.ts)
            if ms is not None:
                row["first"] = min(row["first"] or ms, ms)
                row["last"] = max(row["last"] or ms, ms)
            if rec.asset not in row["assets"]:
                row["assets"].append(rec.asset)
    return list(seen.values())


def _wallet(key: str, chain: str, address: str, ts: datetime | None, asset: str
            ) -> dict[str, Any]:
    # Off EVM the display form is the address itself: not sent twice.
    display = eip55(address) if chain in EVM_CHAINS else None
    ms = epoch_ms(ts)
    return {"id": key, "chain": chain, "address": address, "display": display,
            "first": ms, "last": ms, "assets": [asset]}
