"""`typology-hits`: a hits file (JSON lines) as `scamgraph spark typologies` writes it.

One line per hit: typology, key, score, anchor, wallets, transfer_ids, amounts (a list of
{asset, amount, transfers}), the params and scope of the scan, run_at (ISO, with zone) and
origin; `transfers` and `detail` (evidence) may be present and are not stored. Each becomes
the TypologyHit the scheduled scans store (cypher/typology_hits/store.cypher: MERGE by
"<typology>|<key>", first_seen = run_at), so loading a file twice creates nothing new.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from graph.investigate.typologies.catalogue import BY_NAME
from ingest.formats.base import Item, SourceInput, json_lines, rejected, shown
from ingest.records import HitRecord, Rejected

SINGLE_PASS = True  # InputError only when no line at all is JSON, before any record
MAX_LIST = 10_000


def read(src: SourceInput) -> Iterator[Item]:
    for item in json_lines(src):
        if isinstance(item, Rejected):
            yield item
            continue
        position, line = item
        try:
            yield hit(line, position)
        except (ValueError, TypeError) as exc:
            yield rejected(position, line, str(exc))


def _text(line: Mapping[str, Any], name: str) -> str:
    value = line.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{name} {shown(value)} is not a non-empty string")
    return value


def _texts(line: Mapping[str, Any], name: str) -> tuple[str, ...]:
    value = line.get(name)
    if (not isinstance(value, list) or len(value) > MAX_LIST
            or not all(isinstance(v, str) and v for v in value)):
        raise ValueError(f"{name} is not a list of at most {MAX_LIST} strings")
    return tuple(value)


def _amounts(value: Any) -> str:
    """The amounts as store.cypher keeps them: JSON {asset: amount}, keys sorted."""
    if not isinstance(value, list):
        raise ValueError("amounts is not a list of {asset, amount}")
    out: dict[str, float] = {}
    for a in value:
        if (not isinstance(a, dict) or not isinstance(a.get("asset"), str)
                or isinstance(a.get("amount"), bool)
                or not isinstance(a.get("amount"), int | float)):
            raise ValueError(f"amount {shown(a)} is not {{asset, amount}}")
        out[a["asset"]] = float(a["amount"])
    return json.dumps(out, sort_keys=True)


def _object(line: Mapping[str, Any], name: str) -> str:
    value = line.get(name)
    if not isinstance(value, dict):
        raise ValueError(f"{name} is not an object")
    return json.dumps(value, sort_keys=True)


def hit(line: Mapping[str, Any], position: str) -> HitRecord:
    """One hits-file line as a HitRecord; ValueError says what is wrong."""
    name = _text(line, "typology")
    if name not in BY_NAME:
        raise ValueError(f"typology {shown(name)} is not in the catalogue")
    score = line.get("score")
    if isinstance(score, bool) or not isinstance(score, int | float):
        raise ValueError(f"score {shown(score)} is not a number")
    run_at = _text(line, "run_at")
    if datetime.fromisoformat(run_at).tzinfo is None:
        raise ValueError(f"run_at {shown(run_at)} has no time zone")
    return HitRecord(
        typology=name, key=_text(line, "key"), score=float(score),
        anchor=_text(line, "anchor"), wallets=_texts(line, "wallets"),
        transfer_ids=_texts(line, "transfer_ids"), amounts=_amounts(line.get("amounts")),
        params=_object(line, "params"), scope=_object(line, "scope"),
        origin=_text(line, "origin"), run_at=run_at, position=position)
