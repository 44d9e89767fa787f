"""peel-chain on Spark: the definition of cypher/typologies/peel_chain.cypher, hop by hop.

A hop a -> b (in the window, a != b) can be on a chain when b is fresh (at most
max_wallet_transfers transfers in all) and not excluded, and a also sent a peel k: a transfer
of the same asset to a wallet other than a and b, in the same transaction or within
max_gap_hours, of at most max_peel_share of (k + hop). After the start wallet, a hop also needs
a had got a transfer of the same asset at or before it that it passes between pass_share and
all of. Chains are grown one hop per round from every start (not excluded), each hop of the
first one's asset, no earlier and at most max_gap_hours after the one before, between
pass_share and all of it, never the same transfer twice (Cypher's paths repeat no
relationship), up to max_hops. The longest chain of at least min_hops per start is the hit
(ties: the smallest transfer ids, where Cypher takes any of them).
"""

from __future__ import annotations

from typing import Any

from pyspark.sql import DataFrame, Window
from pyspark.sql import functions as F

from spark.typology_common import MAX_EVIDENCE, ScanInput, amounts, evidence, hours, prefixed


def peels(scan: ScanInput, hops: DataFrame, p: dict[str, Any]) -> DataFrame:
    """(hop id, peel evidence) for every peel of every candidate hop."""
    gap, share = hours(p["max_gap_hours"]), p["max_peel_share"]
    r = prefixed(hops, "r")
    k = prefixed(scan.transfers, "k")
    same = (r["r_src"] == k["k_src"]) & (r["r_asset"] == k["k_asset"])
    keep = ((F.col("k_dst") != F.col("r_dst")) & (F.col("k_dst") != F.col("k_src"))
            & (F.col("k_amount") <= share * (F.col("k_amount") + F.col("r_amount"))))
    by_tx = r.join(k, same & (r["r_tx"] == k["k_tx"])).filter(keep)
    # Buckets of `gap`: a peel within the gap lies in the hop's bucket or one either side.
    rb = r.withColumn("_b", F.floor(F.col("r_ts") / gap)).withColumn(
        "bucket", F.explode(F.array(F.col("_b") - 1, F.col("_b"), F.col("_b") + 1))).drop("_b")
    kb = k.withColumn("bucket", F.floor(F.col("k_ts") / gap))
    by_time = rb.join(kb, same & (rb["bucket"] == kb["bucket"])).filter(
        keep & (F.col("k_ts") >= F.col("r_ts") - gap) & (F.col("k_ts") <= F.col("r_ts") + gap))
    cols = [F.col("r_id").alias("hop"), evidence("k").alias("peel")]
    return by_tx.select(cols).union(by_time.select(cols)).distinct()


def candidate_hops(scan: ScanInput, p: dict[str, Any]) -> tuple[DataFrame, DataFrame]:
    """The hops that may be on a chain (with `fed`: may follow another hop) and their peels."""
    most = int(p["max_wallet_transfers"])
    t = scan.transfers
    hops = t.filter((F.col("src") != F.col("dst")) & scan.in_window(F.col("ts")))
    hops = scan.not_excluded(scan.fresh(hops, "dst", most), "dst")
    peel = peels(scan, hops, p)
    hops = hops.join(peel.select(F.col("hop").alias("id")).distinct(), "id", "left_semi")
    # Only a wallet with at most `most` transfers follows a hop, so only its hops need `fed`.
    inner = prefixed(scan.fresh(hops, "src", most), "r")
    q = prefixed(t.filter(F.col("ts").isNotNull()), "q")
    fed = inner.join(q, (inner["r_src"] == q["q_dst"]) & (inner["r_asset"] == q["q_asset"])).filter(
        (F.col("q_ts") <= F.col("r_ts"))
        & (F.col("r_amount") >= p["pass_share"] * F.col("q_amount"))
        & (F.col("r_amount") <= F.col("q_amount"))).select(F.col("r_id").alias("id")).distinct()
    hops = hops.join(fed.withColumn("fed", F.lit(True)), "id", "left").fillna(False, ["fed"])
    # Cached: every round of the chain walk joins them again.
    return hops.cache(), peel.cache()


def _chains(scan: ScanInput, hops: DataFrame, p: dict[str, Any]) -> DataFrame:
    """Every chain from every start, up to max_hops hops: w0, chain (evidence structs)."""
    gap, share = hours(p["max_gap_hours"]), p["pass_share"]
    starts = scan.not_excluded(hops.withColumnRenamed("src", "w0"), "w0").withColumnRenamed(
        "w0", "src")
    level = starts.select(F.col("src").alias("w0"), F.array(evidence()).alias("chain"))
    found = level
    nxt = prefixed(hops, "n")
    for _ in range(1, int(p["max_hops"])):
        last = F.element_at("chain", -1)
        grown = level.join(nxt, last["to"] == nxt["n_src"]).filter(
            (F.col("n_asset") == F.col("chain")[0]["asset"]) & (F.col("n_ts") >= last["ts"])
            & (F.col("n_ts") <= last["ts"] + gap) & (F.col("n_amount") >= share * last["amount"])
            & (F.col("n_amount") <= last["amount"])
            & (F.col("n_fed") | (F.col("n_src") == F.col("w0")))
            & ~F.exists("chain", lambda x: x["id"] == F.col("n_id")))
        level = grown.select("w0", F.concat("chain", F.array(evidence("n"))).alias("chain"))
        level = level.localCheckpoint()  # each round's plan stays one join deep
        if level.isEmpty():
            break
        found = found.union(level)
    return found


def peel_chain(scan: ScanInput, p: dict[str, Any]) -> DataFrame:
    hops, peel = candidate_hops(scan, p)
    chains = _chains(scan, hops, p).filter(F.size("chain") >= p["min_hops"])
    longest = Window.partitionBy("w0").orderBy(
        F.size("chain").desc(), F.transform("chain", lambda x: x["id"]))
    best = chains.withColumn("r", F.row_number().over(longest)).filter(F.col("r") == 1)
    flat = best.select("w0", "chain", F.explode(F.transform("chain", lambda x: x["id"]))
                       .alias("hop"))
    with_peels = flat.join(peel, "hop").groupBy("w0", "chain").agg(
        F.array_sort(F.collect_set("peel")).alias("peels"))
    ends = F.transform("chain", lambda x: x["to"])
    peeled = F.aggregate("peels", F.lit(0.0).cast("double"), lambda a, x: a + x["amount"])
    return with_peels.select(
        F.col("w0").alias("key"), F.size("chain").cast("double").alias("score"),
        F.col("w0").alias("anchor"),
        F.concat(F.array("w0"), ends, F.transform("peels", lambda x: x["to"])).alias("wallets"),
        F.slice(F.concat("chain", "peels"), 1, MAX_EVIDENCE).alias("transfers"),
        amounts(F.col("chain")[0]["asset"], peeled, F.size("peels")).alias("amounts"),
        F.to_json(F.struct(F.size("chain").alias("hops"),
                           F.col("chain")[0]["amount"].alias("start_amount"),
                           F.element_at("chain", -1)["amount"].alias("end_amount"),
                           F.element_at("chain", -1)["to"].alias("end"))).alias("detail"))
