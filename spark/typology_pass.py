"""rapid-pass-through on Spark: the definition of cypher/typologies/rapid_pass_through.cypher.

A wallet W (not excluded) whose inflows i (>= min_amount, in the window, from another wallet)
are each followed, within max_delay_hours, by an outflow o of W to another wallet (in the
window) of the same asset, between pass_share and all of i. A hit has at least min_repeats
distinct matched inflows and as many distinct matched outflows; score = matched pairs.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from spark.typology_common import MAX_EVIDENCE, ScanInput, evidence, hours, prefixed, total


def _pairs(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    t = scan.transfers.filter((F.col("src") != F.col("dst")) & scan.in_window(F.col("ts")))
    ins = scan.not_excluded(t.filter(F.col("amount") >= p["min_amount"]), "dst")
    delay = hours(p["max_delay_hours"])
    # Buckets of `delay`: an outflow lies in its inflow's bucket or the next, so a hub's
    # inflows are paired only with its outflows of the hours after, not all by all.
    i = prefixed(ins, "i").withColumn("_b", F.floor(F.col("i_ts") / delay)).withColumn(
        "bucket", F.explode(F.array(F.col("_b"), F.col("_b") + 1))).drop("_b")
    o = prefixed(t, "o").withColumn("bucket", F.floor(F.col("o_ts") / delay))
    return i.join(o, (i["i_dst"] == o["o_src"]) & (i["i_asset"] == o["o_asset"])
                  & (i["bucket"] == o["bucket"])).filter(
        (F.col("o_ts") >= F.col("i_ts")) & (F.col("o_ts") <= F.col("i_ts") + delay)
        & (F.col("o_amount") >= p["pass_share"] * F.col("i_amount"))
        & (F.col("o_amount") <= F.col("i_amount")))


def rapid_pass_through(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    pairs = _pairs(scan, p)
    by_wallet = pairs.groupBy(F.col("i_dst").alias("w")).agg(
        F.array_sort(F.collect_set(evidence("i"))).alias("ins"),
        F.array_sort(F.collect_set(evidence("o"))).alias("outs"),
        F.count(F.lit(1)).alias("pairs"))
    hits = by_wallet.filter((F.size("ins") >= p["min_repeats"])
                            & (F.size("outs") >= p["min_repeats"]))
    shown = F.slice(F.concat("ins", "outs"), 1, MAX_EVIDENCE)
    assets = F.array_distinct(F.transform("ins", lambda x: x["asset"]))
    per_asset = F.transform(assets, lambda a: F.struct(
        a.alias("asset"), total(F.filter("ins", lambda x: x["asset"] == a)).alias("amount"),
        F.size(F.filter("ins", lambda x: x["asset"] == a)).cast("long").alias("transfers")))
    other = F.transform(shown, lambda x: F.when(x["from"] == F.col("w"), x["to"])
                        .otherwise(x["from"]))
    return hits.select(
        F.col("w").alias("key"), F.col("pairs").cast("double").alias("score"),
        F.col("w").alias("anchor"), F.concat(F.array("w"), other).alias("wallets"),
        shown.alias("transfers"), per_asset.alias("amounts"),
        F.to_json(F.struct(F.size("ins").alias("passed_in"), F.size("outs").alias("passed_out"),
                           total(F.col("outs")).alias("out_amount"))).alias("detail"))
