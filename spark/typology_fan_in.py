"""fan-in on Spark: the definition of cypher/typologies/fan_in.cypher as DataFrame joins.

A receiver C (not excluded) with inflows of one asset (each >= min_amount, in the window)
from feeders: senders that passed on, to C, between feeder_share and all of a transfer they
got in the feeder_hours before (feeder_hours 0: every sender). Its first max_inflows feeder
inflows (by time, then id) are scanned by windows of window_hours starting at an inflow; the
best window (most senders, then the largest total, then the earliest start) is the hit when
it has >= min_senders senders and >= min_total.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

from spark.typology_common import MAX_EVIDENCE, ScanInput, amounts, evidence, hours, prefixed


def _inflows(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    t = scan.transfers
    ins = t.filter((F.col("src") != F.col("dst")) & scan.in_window(F.col("ts"))
                   & (F.col("amount") >= p["min_amount"]))
    ins = scan.not_excluded(ins, "dst")
    # Pruning only: the feeder test removes inflows, so too few senders or too little never hits.
    enough = (ins.groupBy("dst", "asset")
              .agg(F.countDistinct("src").alias("n"), F.sum("amount").alias("most"))
              .filter((F.col("n") >= p["min_senders"]) & (F.col("most") >= p["min_total"])))
    return ins.join(enough.select("dst", "asset"), ["dst", "asset"], "left_semi")


def _feeders(scan: ScanInput, ins: DataFrame, p: dict[str, Any]) -> DataFrame:
    """The inflows whose sender got, in the feeder_hours before, what it passed on."""
    back = hours(p["feeder_hours"])
    if back == 0:
        return ins
    ins = scan.not_excluded(ins, "src")
    got = scan.transfers.filter(F.col("ts").isNotNull() & (F.col("ts") <= scan.until_ms)
                                & (F.col("ts") >= scan.since_ms - back))
    # Buckets of `back`: a feeding transfer lies in the inflow's bucket or the one before.
    got = prefixed(got, "f").withColumn("bucket", F.floor(F.col("f_ts") / back))
    probe = ins.withColumn("_b", F.floor(F.col("ts") / back)).withColumn(
        "bucket", F.explode(F.array(F.col("_b"), F.col("_b") - 1))).drop("_b")
    fed = probe.join(got, (probe["src"] == got["f_dst"]) & (probe["asset"] == got["f_asset"])
                     & (probe["bucket"] == got["bucket"]))
    fed = fed.filter((F.col("f_ts") <= F.col("ts")) & (F.col("f_ts") >= F.col("ts") - back)
                     & (F.col("amount") >= p["feeder_share"] * F.col("f_amount"))
                     & (F.col("amount") <= F.col("f_amount")))
    return ins.join(fed.select("id").distinct(), "id", "left_semi")


def _best_windows(ins: DataFrame, p: dict[str, Any]) -> tuple[DataFrame, DataFrame]:
    """The best window per receiver and asset, and the inflows scanned (after max_inflows)."""
    span = hours(p["window_hours"])
    group = ["dst", "asset"]
    ordered = Window.partitionBy(*group).orderBy("ts", "id")
    cut = (ins.withColumn("i", F.row_number().over(ordered) - 1)
           .filter(F.col("i") < p["max_inflows"]))
    whole = Window.partitionBy(*group)
    frame = Window.partitionBy(*group).orderBy("ts").rangeBetween(0, span)
    rows = (cut.withColumn("n", F.count(F.lit(1)).over(whole))
            .filter(F.col("n") >= p["min_senders"])
            .withColumn("last", F.max("ts").over(whole))
            .withColumn("prev", F.lag("ts").over(Window.partitionBy(*group).orderBy("i")))
            .withColumn("senders", F.size(F.collect_set("src").over(frame)))
            .withColumn("total", F.sum("amount").over(frame)))
    # A window starting at an inflow of the same time as the one before, or inside the window
    # of the one before that reaches the last inflow, is that one's window (Cypher's test).
    starts = rows.filter((F.col("i") == 0) | ((F.col("prev") < F.col("ts"))
                                              & (F.col("prev") + span < F.col("last"))))
    starts = starts.filter((F.col("senders") >= p["min_senders"])
                           & (F.col("total") >= p["min_total"]))
    rank = Window.partitionBy(*group).orderBy(F.col("senders").desc(), F.col("total").desc(),
                                              "i")
    best = starts.withColumn("r", F.row_number().over(rank)).filter(F.col("r") == 1)
    return best.select(*group, F.col("ts").alias("start"), "senders", "total"), cut.drop("i")


def fan_in(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    ins = _feeders(scan, _inflows(scan, p), p)
    best, cut = _best_windows(ins, p)
    span = hours(p["window_hours"])
    inside = cut.join(best, ["dst", "asset"]).filter(
        (F.col("ts") >= F.col("start")) & (F.col("ts") <= F.col("start") + span))
    hits = inside.groupBy("dst", "asset", "senders", "total").agg(
        F.array_sort(F.collect_list(evidence())).alias("all"))
    shown = F.slice("all", 1, MAX_EVIDENCE)
    return hits.select(
        F.concat_ws("|", "dst", "asset").alias("key"), F.col("senders").cast("double")
        .alias("score"), F.col("dst").alias("anchor"),
        F.concat(F.array("dst"), F.transform(shown, lambda x: x["from"])).alias("wallets"),
        shown.alias("transfers"), amounts(F.col("asset"), F.col("total"), F.size("all"))
        .alias("amounts"),
        F.to_json(F.struct("senders", "total")).alias("detail"))
