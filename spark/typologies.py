"""Whole-chain typology scans on Spark, written as a hits file that `ingest` loads.

`scan_typologies(spark, transfers, names, since, until, params, excluded)` runs each named
typology (same parameters, checked against the same catalogue, and the same definitions as
cypher/typologies/) over every transfer given and returns its hits, best score first, then
key, as hits-file lines (ingest/formats/typology_hits.py reads them back as TypologyHits).
What differs from the Cypher scans, on purpose: no anchor or hit budget and no 92-day limit
(a Spark scan is bounded by the cluster, not a server's timeout), and exchange and bridge
wallets are those of the `excluded` list (chain exports carry no attribution).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from pyspark.sql import DataFrame, SparkSession

from graph.db import jsonable
from graph.investigate.typologies.hits import drop_suffixes
from graph.investigate.typologies.run import check_params
from spark.typology_common import HIT_COLUMNS, ScanInput
from spark.typology_fan_in import fan_in
from spark.typology_input import wallet_counts
from spark.typology_pass import rapid_pass_through
from spark.typology_peel import peel_chain
from spark.typology_spray import spray_and_funnel

SCANS: dict[str, Callable[[ScanInput, dict[str, Any]], DataFrame]] = {
    "fan-in": fan_in, "spray-and-funnel": spray_and_funnel, "peel-chain": peel_chain,
    "rapid-pass-through": rapid_pass_through,
}
# Not on Spark yet: they read attributions (organisation kinds), not only transfers.
LEFT = ("cross-chain-hop", "offramp", "pig-butchering-intake")
ORIGIN = "spark"


def _ms(when: datetime) -> int:
    return round((when if when.tzinfo else when.replace(tzinfo=UTC)).timestamp() * 1000)


def _iso(ms: int | None) -> str | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, UTC).isoformat(
        timespec="milliseconds")


def _transfer(t: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": t["id"], "tx": t["tx"], "from": t["from"], "to": t["to"],
            "asset": t["asset"], "amount": t["amount"], "amount_raw": t["amount_raw"],
            "ts": _iso(t["ts"])}


def _rows(frame: DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.select(*HIT_COLUMNS).collect():
        r = row.asDict(recursive=True)
        r["detail"] = json.loads(r["detail"])
        out.append(r)
    return out


def hit_line(name: str, r: Mapping[str, Any], head: Mapping[str, Any]) -> dict[str, Any]:
    """One hits-file line: the fields store.cypher writes, the evidence, and the run's head."""
    return {"typology": name, "key": r["key"], "score": float(r["score"]),
            "anchor": r["anchor"], "wallets": list(dict.fromkeys(r["wallets"])),
            "transfer_ids": [t["id"] for t in r["transfers"]],
            "transfers": [_transfer(t) for t in r["transfers"]],
            "amounts": [{"asset": a["asset"], "amount": float(a["amount"]),
                         "transfers": int(a["transfers"])} for a in r["amounts"]],
            "detail": r["detail"], **head}


def scan_typologies(spark: SparkSession, transfers: DataFrame, names: Iterable[str],
                    since: datetime, until: datetime,
                    params: Mapping[str, Mapping[str, Any]] | None = None,
                    excluded: DataFrame | None = None,
                    run_at: datetime | None = None) -> list[dict[str, Any]]:
    """The hits of each typology in `names` over [since, until], as hits-file lines."""
    names = list(names)
    resolved = {n: check_params(n, dict((params or {}).get(n) or {})) for n in names}
    unknown = [n for n in names if n not in SCANS]
    if unknown:
        raise ValueError(f"typology {unknown[0]!r} has no Spark scan yet; "
                         f"on Spark: {', '.join(SCANS)}")
    transfers = transfers.cache()
    scan = ScanInput(transfers=transfers, counts=wallet_counts(transfers).cache(),
                     excluded=excluded if excluded is not None else spark.createDataFrame(
                         [], "wallet string"),
                     since_ms=_ms(since), until_ms=_ms(until))
    scope = jsonable({"wallet": None, "organisation": None, "since": since, "until": until})
    when = (run_at or datetime.now(UTC)).isoformat()
    lines: list[dict[str, Any]] = []
    for name in names:
        rows = _rows(SCANS[name](scan, resolved[name]))
        if name == "peel-chain":
            rows = drop_suffixes(rows)
        rows.sort(key=lambda h: (-h["score"], h["key"]))
        head = {"params": jsonable(resolved[name]), "scope": scope, "run_at": when,
                "origin": ORIGIN}
        lines += [hit_line(name, r, head) for r in rows]
    return lines
