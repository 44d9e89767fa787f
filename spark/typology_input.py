"""The transfers a Spark typology scan reads: chain exports or a staged bulk-load directory.

Chain exports are read as `spark stage` reads them, by the ingest format readers themselves
(ingest/formats/chains/) in Spark tasks, so addresses, amounts and timestamps follow the one
implementation of the rules; rejected rows are skipped here (`spark stage` and `ingest`
report them).
A staged directory (`transfers*.csv` as `ingest --bulk` or `spark stage` write them) is read
by Spark's CSV reader, which scales past what one Python process per file can parse.
Either way there is one row per transfer id, the first read, as the graph's MERGE keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pyspark.sql import Column, DataFrame, SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import DoubleType, LongType, StringType, StructField, StructType

from ingest.fetch import Materialised
from scamgraph.errors import InputError
from spark.frames import SCHEMA, stage_frames
from spark.read import read_part
from spark.stage import PART_BYTES, plan

STAGED = "staged"
TRANSFERS = StructType([
    StructField("id", StringType(), False), StructField("chain", StringType(), False),
    StructField("tx", StringType(), False), StructField("src", StringType(), False),
    StructField("dst", StringType(), False), StructField("asset", StringType(), False),
    StructField("amount", DoubleType(), True), StructField("amount_raw", StringType(), False),
    StructField("ts", LongType(), True), StructField("ord", LongType(), False)])


def scaled_amount(raw: Column, decimals: Column) -> Column:
    """ingest/rows.py `scaled` in Spark: "<raw>e-<decimals>" parsed as a double is the exact
    decimal correctly rounded, as float(Decimal(raw).scaleb(-decimals)) is (null decimals:
    null, an amount the graph cannot add up either)."""
    return F.when(decimals.isNotNull(),
                  F.concat(raw, F.lit("e-"), decimals.cast("string")).cast("double"))


def read_exports(spark: SparkSession, fmt: str, paths: list[str],
                 options: Mapping[str, str] | None = None) -> DataFrame:
    """Transfers of chain export files in ingest format `fmt`, read as `spark stage` reads
    them (spark/stage.py: files cut into parts, ingest's readers in the tasks, duplicates and
    rows the importer refuses dropped), one row per transfer id."""
    opts = dict(options or {})
    given = [Materialised(Path(p), p, None, "") for p in paths]
    for g in given:
        if not g.path.is_file():
            raise InputError(f"no such file: {g.path}", hint="give chain export files")
    jobs = [job for n, g in enumerate(given)
            for job in plan(spark, n, fmt, g, opts, PART_BYTES)]
    rows = spark.createDataFrame(
        spark.sparkContext.parallelize(jobs, max(1, len(jobs))).flatMap(read_part), SCHEMA)
    t = stage_frames(rows).transfers
    return t.select(
        "id", "chain", "tx", F.concat_ws(":", "chain", "frm").alias("src"),
        F.concat_ws(":", "chain", "to").alias("dst"), "asset",
        scaled_amount(F.col("amount_raw"), F.col("decimals")).alias("amount"), "amount_raw",
        F.col("ms").alias("ts"))


def read_staged(spark: SparkSession, folders: list[str]) -> DataFrame:
    """Transfers of staged bulk-load directories (their transfers*.csv files)."""
    found = sorted(str(f) for d in folders for f in Path(d).glob("transfers*.csv"))
    if not found:
        raise InputError(f"no transfers*.csv in {', '.join(folders)}",
                         hint="give directories staged by `spark stage` or `ingest --bulk`")
    # Only the files with a line break in a field need the (unsplittable) multiline reader.
    broken = [f for f in found if "multiline" in Path(f).name]
    plain = [f for f in found if f not in broken]
    frames = [spark.read.csv(files, header=True, escape='"', multiLine=multi)
              for files, multi in ((plain, False), (broken, True)) if files]
    raw = frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])
    return raw.select(
        F.col("id"), F.col("chain"), F.col("tx"), F.col(":START_ID").alias("src"),
        F.col(":END_ID").alias("dst"), F.col("asset"),
        F.col("`amount:double`").cast("double").alias("amount"), F.col("amount_raw"),
        F.unix_millis(F.to_timestamp(F.col("`ts:datetime`"))).alias("ts"),
        F.monotonically_increasing_id().alias("ord"))


def read_transfers(spark: SparkSession, fmt: str, paths: list[str],
                   options: Mapping[str, str] | None = None) -> DataFrame:
    """Deduplicated transfers of `paths`: export files of `fmt`, or staged directories."""
    if fmt == STAGED:
        return dedupe(read_staged(spark, paths))
    return read_exports(spark, fmt, paths, options)


def dedupe(frame: DataFrame) -> DataFrame:
    """One row per transfer id, the first read (the graph keeps the first MERGEd)."""
    first = Window.partitionBy("id").orderBy("ord")
    return (frame.withColumn("_n", F.row_number().over(first)).filter(F.col("_n") == 1)
            .drop("_n", "ord"))


def wallet_counts(transfers: DataFrame) -> DataFrame:
    """Transfers per wallet, in and out, over the whole input (a self-transfer counts once,
    as Neo4j's COUNT { (w)-[:TRANSFER]-() } counts a loop)."""
    ends = transfers.select("id", F.array_distinct(F.array("src", "dst")).alias("w"))
    return (ends.select(F.explode("w").alias("wallet")).groupBy("wallet")
            .agg(F.count(F.lit(1)).alias("transfers")))


def excluded_wallets(spark: SparkSession, path: str | None) -> DataFrame:
    """Wallet ids (chain:address, one a line, # comments) of exchanges and bridges."""
    ids: list[str] = []
    if path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        ids = sorted({w.strip() for w in lines if w.strip() and not w.startswith("#")})
    schema = StructType([StructField("wallet", StringType(), False)])
    return spark.createDataFrame([(w,) for w in ids], schema)
