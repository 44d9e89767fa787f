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


# 10**d for every decimals a token may have (0..77, see the readers): one lookup per row.
_SCALE: tuple[int, ...] = tuple(10**d for d in range(78))


def transfer_row(rec: TransferRecord) -> dict[str, Any]:
    """One flat row: the statement names each property (cypher/ingest/transfers.cypher).
    The scaled amount is int / int, which Python rounds correctly, as float(Decimal) does."""
    chain, decimals = rec.chain, rec.decimals
    return {
        "id": rec.id, "from": f"{chain}:{rec.from_address}", "to": f"{chain}:{rec.to_address}",
        "ts": rec.ms, "chain": chain, "tx": rec.tx, "index": rec.index, "asset": rec.asset,
        "token": rec.token, "amount_raw": rec.amount_raw, "decimals": decimals,
        "amount": _amount(rec.amount_raw, decimals), "block": rec.block,
    }


def _amount(amount_raw: str, decimals: int | None) -> float | None:
    if decimals is None or not 0 <= decimals < len(_SCALE):
        return scaled(amount_raw, decimals)  # a tokens file may say anything
    return int(amount_raw) / _SCALE[decimals]


def wallet_rows(batch: list[TransferRecord]) -> list[dict[str, Any]]:
    """One row per distinct wallet of a batch, with its activity window and assets."""
    seen: dict[str, dict[str, Any]] = {}
    for rec in batch:
        chain, ms, asset = rec.chain, rec.ms, rec.asset
        for address in (rec.from_address, rec.to_address):
            key = f"{chain}:{address}"
            row = seen.get(key)
            if row is None:
                # Off EVM the display form is the address itself: not sent twice.
                display = eip55(address) if chain in EVM_CHAINS else None
                seen[key] = {"id": key, "chain": chain, "address": address, "display": display,
                             "first": ms, "last": ms, "assets": [asset]}
                continue
            if ms is not None:
                if row["first"] is None or ms < row["first"]:
                    row["first"] = ms
                if row["last"] is None or ms > row["last"]:
                    row["last"] = ms
            if asset not in row["assets"]:
                row["assets"].append(asset)
    return list(seen.values())
