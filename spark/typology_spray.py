"""spray-and-funnel on Spark: the definition of cypher/typologies/spray_and_funnel.cypher.

A source S (not excluded) sends H a transfer o (>= min_amount, in the window); H, a throwaway
wallet (at most max_hop_transfers transfers in all, not excluded), sends a funnel F (neither
S nor H) a transfer i of the same asset within forward_hours after o (and by the window's
end), between pass_share and all of o. Per (S, F, asset), at least min_fanout distinct H
whose matched sprays o span at most window_hours make a hit; score = distinct H.
"""

from __future__ import annotations

from typing import Any

from pyspark.sql import DataFrame
from pyspark.sql import functions as F

from spark.typology_common import (
    MAX_EVIDENCE,
    ScanInput,
    amounts,
    evidence,
    hours,
    prefixed,
    total,
)


def spray_and_funnel(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    t = scan.transfers
    out = t.filter((F.col("src") != F.col("dst")) & scan.in_window(F.col("ts"))
                   & (F.col("amount") >= p["min_amount"]))
    out = scan.not_excluded(out, "src")
    out = scan.not_excluded(scan.fresh(out, "dst", int(p["max_hop_transfers"])), "dst")
    o, i = prefixed(out, "o"), prefixed(t.filter(F.col("ts") <= scan.until_ms), "i")
    forward = hours(p["forward_hours"])
    legs = o.join(i, (o["o_dst"] == i["i_src"]) & (o["o_asset"] == i["i_asset"])).filter(
        (F.col("i_dst") != F.col("o_src")) & (F.col("i_dst") != F.col("i_src"))
        & (F.col("i_ts") >= F.col("o_ts")) & (F.col("i_ts") <= F.col("o_ts") + forward)
        & (F.col("i_amount") >= p["pass_share"] * F.col("o_amount"))
        & (F.col("i_amount") <= F.col("o_amount")))
    groups = legs.groupBy(F.col("o_src").alias("s"), F.col("i_dst").alias("f"),
                          F.col("o_asset").alias("asset")).agg(
        F.array_sort(F.collect_set("o_dst")).alias("hops"),
        F.array_sort(F.collect_set(evidence("o"))).alias("outs"),
        F.array_sort(F.collect_set(evidence("i"))).alias("ins"))
    window = hours(p["window_hours"])
    groups = groups.filter(F.size("hops") >= p["min_fanout"]).filter(
        F.array_max(F.transform("outs", lambda x: x["ts"]))
        <= F.array_min(F.transform("outs", lambda x: x["ts"])) + window)
    return groups.select(
        F.concat(F.col("s"), F.lit(">"), F.col("f"), F.lit("|"), F.col("asset")).alias("key"),
        F.size("hops").cast("double").alias("score"), F.col("s").alias("anchor"),
        F.concat(F.array("s", "f"), F.slice("hops", 1, MAX_EVIDENCE)).alias("wallets"),
        F.slice(F.concat("outs", "ins"), 1, MAX_EVIDENCE).alias("transfers"),
        amounts(F.col("asset"), total(F.col("outs")), F.size("outs")).alias("amounts"),
        F.to_json(F.struct(F.size("hops").alias("intermediates"), F.col("f").alias("funnel"),
                           total(F.col("ins")).alias("funnelled"))).alias("detail"))
