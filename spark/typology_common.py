"""What the Spark typology scans share: the window, the transfer columns and the hit columns.

A scan gets the normalised transfers (spark/typology_input.py: one row per transfer id, the
values the graph stores) and returns one row per hit with the columns of `HIT_COLUMNS`, the
same fields the Cypher scans return (cypher/typologies/*.cypher), so the driver turns both
into the same hits file line. Times are epoch milliseconds, as the graph stores them
(ingest/rows.py), so every window bound compares exactly as Cypher's datetimes do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pyspark.sql import Column, DataFrame
from pyspark.sql import functions as F

HOUR_MS = 3_600_000
# Evidence per hit, as the Cypher scans' $max_evidence (graph/investigate/typologies/run.py).
MAX_EVIDENCE = 50
HIT_COLUMNS = ("key", "score", "anchor", "wallets", "transfers", "amounts", "detail")


@dataclass(frozen=True)
class ScanInput:
    """The transfers, the wallets that are never anchors or intermediates (an exchange's or a
    bridge's), every wallet's transfer count, and the window [since_ms, until_ms]."""

    transfers: DataFrame
    excluded: DataFrame  # one column `wallet`
    counts: DataFrame  # wallet, transfers (in and out, the whole input, as COUNT { (w)--() })
    since_ms: int
    until_ms: int

    def in_window(self, ts: Column) -> Column:
        return ts.isNotNull() & (ts >= self.since_ms) & (ts <= self.until_ms)

    def not_excluded(self, frame: DataFrame, column: str) -> DataFrame:
        """`frame` without the rows whose wallet `column` is excluded."""
        return frame.join(self.excluded.withColumnRenamed("wallet", column), column, "left_anti")

    def fresh(self, frame: DataFrame, column: str, most: int) -> DataFrame:
        """`frame` with only rows whose wallet `column` has at most `most` transfers in all."""
        counts = self.counts.withColumnRenamed("wallet", column)
        return frame.join(counts.filter(F.col("transfers") <= most).select(column), column)


def hours(value: Any) -> int:
    return round(float(value) * HOUR_MS)


def prefixed(frame: DataFrame, prefix: str) -> DataFrame:
    """Every column of a transfers frame renamed `<prefix>_<name>` (for self-joins)."""
    return frame.select([F.col(c).alias(f"{prefix}_{c}") for c in frame.columns])


def evidence(prefix: str = "") -> Column:
    """A transfer as the evidence struct: ts and id first, so sorting the structs sorts the
    transfers by time, then id (the order the Cypher scans collect them in)."""
    p = f"{prefix}_" if prefix else ""
    return F.struct(F.col(f"{p}ts").alias("ts"), F.col(f"{p}id").alias("id"),
                    F.col(f"{p}tx").alias("tx"), F.col(f"{p}src").alias("from"),
                    F.col(f"{p}dst").alias("to"), F.col(f"{p}asset").alias("asset"),
                    F.col(f"{p}amount").alias("amount"),
                    F.col(f"{p}amount_raw").alias("amount_raw"))


def total(array: Column) -> Column:
    """The sum of the `amount` fields of an array of evidence structs."""
    return F.aggregate(array, F.lit(0.0).cast("double"), lambda acc, x: acc + x["amount"])


def amounts(asset: Column, amount: Column, count: Column) -> Column:
    return F.array(F.struct(asset.alias("asset"), amount.alias("amount"),
                            count.cast("long").alias("transfers")))
