"""The staging job's DataFrame steps: deduplicate transfers, aggregate wallets.

The order a single-process bulk load sees records in is kept as the sort key
(input, part, seq): a duplicate is the later copy, a wallet's assets and sources are listed
in the order first seen, as ingest/bulk/wallets.py lists them. The steps follow the bulk
load's: a transfer repeated within one file is quarantined as the duplicate window does
(ingest/quarantine.py), then the importer's CSV refusals, then a transfer staged by two files
is kept once with both sources (the later copy quarantined as the import's merge does), its
copies still counted in its wallets' windows and sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyspark.sql import Column, DataFrame, Window
from pyspark.sql import functions as F
from pyspark.sql.types import (
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from spark.read import ROW_FIELDS

_TYPES = {"input": IntegerType(), "part": IntegerType(), "seq": LongType(),
          "decimals": IntegerType(), "ms": LongType(), "index": StringType(),
          "block": StringType()}
SCHEMA = StructType([StructField(name, _TYPES.get(name, StringType()), name != "kind")
                     for name in ROW_FIELDS])
ORDER = ("input", "part", "seq")


@dataclass
class Staged:
    rejected: DataFrame  # "R" rows: the readers' rejections, as they are
    duplicates: DataFrame  # repeats within one input, with the first copy's position
    refused: DataFrame  # transfers the importer's CSV cannot carry (raw, reason set)
    merged: DataFrame  # later copies of a transfer another input staged first
    transfers: DataFrame  # one row per transfer id, with `inputs` (its sources, in order)
    wallets: DataFrame  # key, chain, address, first, last, assets, inputs, first_input
    kept: tuple[DataFrame, ...] = ()  # persisted steps several outputs read

    def release(self) -> None:
        for frame in self.kept:
            frame.unpersist()


def transfer_id() -> Column:
    return F.concat_ws(":", "chain", "tx", "index")


def stage_frames(rows: DataFrame) -> Staged:
    transfers = rows.filter(F.col("kind") == "T").withColumn("id", transfer_id())
    within = Window.partitionBy("input", "id").orderBy("part", "seq")
    # Persisted: the files, the quarantine and the counts all read these two window steps.
    numbered = transfers.withColumn("copy", F.row_number().over(within)).withColumn(
        "first_position", F.first("position").over(within)).persist()
    kept = numbered.filter(F.col("copy") == 1)
    refused = kept.filter(F.col("reason").isNotNull())
    accepted = kept.filter(F.col("reason").isNull()).drop("copy", "first_position")
    across = Window.partitionBy("id").orderBy("input")
    everyone = Window.partitionBy("id")
    sourced = accepted.withColumn("copy", F.row_number().over(across)).withColumn(
        "inputs", F.array_sort(F.collect_set("input").over(everyone))).persist()
    return Staged(
        rejected=rows.filter(F.col("kind") == "R"),
        duplicates=numbered.filter(F.col("copy") > 1),
        refused=refused, merged=sourced.filter(F.col("copy") > 1),
        transfers=sourced.filter(F.col("copy") == 1), wallets=_wallets(accepted),
        kept=(numbered, sourced))


def _first_seen(appearances: DataFrame, column: str) -> DataFrame:
    """Per wallet key, the distinct values of `column` in the order first seen."""
    first = appearances.groupBy("key", column).agg(F.min(F.struct(*ORDER)).alias("o"))
    listed = first.groupBy("key").agg(F.array_sort(F.collect_list(
        F.struct("o", F.col(column).alias("v")))).alias("seen"))
    return listed.select("key", F.transform("seen", lambda s: s["v"]).alias(column + "s"))


def _wallets(accepted: DataFrame) -> DataFrame:
    ends = [accepted.select(F.concat_ws(":", "chain", side).alias("key"), "chain",
                            F.col(side).alias("address"), "ms", "asset", *ORDER)
            for side in ("frm", "to")]
    appearances = ends[0].unionByName(ends[1])
    window = appearances.groupBy("key").agg(
        F.first("chain").alias("chain"), F.first("address").alias("address"),
        F.min("ms").alias("first"), F.max("ms").alias("last"),
        F.min("input").alias("first_input"))
    return (window.join(_first_seen(appearances, "asset"), "key")
            .join(_first_seen(appearances, "input"), "key"))
