"""`scamgraph spark stage`: chain exports staged on Spark as `ingest --bulk` stages them.

`stage(session, fmt, sources, out, options, now=None, part_bytes=...) -> StagedDir`.
The driver checks each file as `ingest` would before its first record (a bad header or first
object fails here, naming the file), cuts it into parts (spark/chunks.py), and Spark tasks
read the parts with ingest's own readers (spark/read.py); the DataFrame steps deduplicate
and aggregate (spark/frames.py), tasks write the importer's CSV files (spark/write.py) and
the driver writes each input's quarantine (ingest/quarantine.py's report) and the manifest
that `ingest --bulk --staged OUT` loads (ingest/bulk/staged.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from ingest.bulk.run import BULK_FORMATS
from ingest.bulk.staged import StagedDir, StagedInput, write_manifest
from ingest.fetch import Materialised, materialise
from ingest.formats import load_reader
from ingest.formats.base import SourceInput
from ingest.formats.chains import ethereum_etl, trongrid
from ingest.records import Rejected
from ingest.runner import source_id_for
from scamgraph.errors import InputError, ValidationError
from spark.chunks import Part, cut, numbered
from spark.frames import SCHEMA, Staged, stage_frames
from spark.quarantine import write_quarantines
from spark.read import PartJob, read_part
from spark.write import empty_files, transfer_writer, wallet_writer

# Bytes of a file one task reads: big enough that task overhead stays small.
PART_BYTES = 64 << 20


def _form(fmt: str, src: SourceInput) -> str:
    if fmt == "ethereum-etl":
        return "csv" if ethereum_etl._is_csv(src) else "lines"
    if fmt == "trongrid" and not trongrid._first_line_is_json(src):
        return "whole"  # one document or an array of pages: read whole, as ingest does
    return "lines"


def _probe(fmt: str, src: SourceInput) -> None:
    """Read up to the first accepted record: the reader's whole-file checks (header, first
    object, chain option) raise here, before any Spark job, as they do in `ingest`."""
    for item in load_reader(fmt)(src):
        if not isinstance(item, Rejected):
            return


def plan(session: SparkSession, number: int, fmt: str, given: Materialised,
         options: dict[str, str], part_bytes: int) -> list[PartJob]:
    src = SourceInput(path=given.path, name=given.name, options=options)
    _probe(fmt, src)
    form = _form(fmt, src)
    path = given.path.resolve()  # the executors' working directory may be another
    if form == "whole":
        parts = [Part(number, 0, str(path), 0, path.stat().st_size)]
    else:
        parts = numbered(session.sparkContext, cut(number, path, part_bytes),
                         csv=form == "csv")
    return [PartJob(p, fmt, form, given.name, options) for p in parts]


def _raise_failure(rows: DataFrame) -> None:
    failed = rows.filter(F.col("kind") == "E").orderBy("input", "part", "seq").first()
    if failed is not None:
        raise InputError(str(failed["reason"]), hint="the file is malformed in a way the "
                         "reader does not report yet; please report it with the file")


def stage(session: SparkSession, fmt: str, sources: Sequence[str], out: Path,
          options: dict[str, str] | None = None, now: datetime | None = None,
          part_bytes: int = PART_BYTES) -> StagedDir:
    """Stage `sources` (files in format `fmt`) into the empty or new directory `out`."""
    if fmt not in BULK_FORMATS:
        raise ValidationError(f"format {fmt!r} cannot be staged",
                              hint=f"chain transfers: {', '.join(BULK_FORMATS)}")
    if out.exists() and any(out.iterdir()):
        raise ValidationError(f"{out}: not empty", hint="stage into a new directory")
    downloads = out / "inputs"  # URLs and stdin are copied here; files are read in place
    downloads.mkdir(parents=True, exist_ok=True)
    opts, stamp = dict(options or {}), (now or datetime.now(UTC)).isoformat()
    given = [materialise(s, downloads) for s in sources]
    if not any(downloads.iterdir()):
        downloads.rmdir()
    jobs = [job for n, g in enumerate(given) for job in plan(session, n, fmt, g, opts,
                                                             part_bytes)]
    rows = session.createDataFrame(
        session.sparkContext.parallelize(jobs, max(1, len(jobs))).flatMap(read_part), SCHEMA,
        verifySchema=False)  # the rows are built to SCHEMA by read_part: no per-row check
    rows = rows.persist()
    try:
        _raise_failure(rows)
        frames = stage_frames(rows)
        try:
            ids = [source_id_for(fmt, g, opts) for g in given]
            staged = _write(frames, out, stamp, ids)
            inputs = [StagedInput(fmt, g.name, ids[n], g.sha256, opts)
                      for n, g in enumerate(given)]
            write_quarantines(frames, out, inputs)
            _count(frames, rows, inputs)
        finally:
            frames.release()
        staged.inputs = inputs
        write_manifest(out, staged)
        return staged
    finally:
        rows.unpersist()


def _write(frames: Staged, out: Path, now: str, ids: list[str]) -> StagedDir:
    folder = str(out.resolve())
    wallets = frames.wallets.rdd.mapPartitionsWithIndex(
        wallet_writer(folder, now, ids)).collect()
    transfers = frames.transfers.rdd.mapPartitionsWithIndex(
        transfer_writer(folder, now, ids)).collect()
    if not transfers:
        nodes, relationships = empty_files(out)
        wallets, transfers = [(nodes, 0, False)], [(relationships, 0, False)]
    return StagedDir(now=now, inputs=[], nodes=sorted(w[0] for w in wallets),
                     relationships=sorted(t[0] for t in transfers),
                     multiline=sorted(f[0] for f in [*wallets, *transfers] if f[2]))


def _count(frames: Staged, rows: DataFrame, inputs: list[StagedInput]) -> None:
    """Read, quarantined, written and created per input, as a bulk load's summary has them."""
    def per_input(frame: DataFrame, column: str = "input") -> dict[int, int]:
        return {r[0]: r[1] for r in frame.groupBy(column).count().collect()}

    read = per_input(rows.filter(F.col("kind").isin("T", "R")))
    new_wallets = per_input(frames.wallets, "first_input")
    for n, item in enumerate(inputs):
        item.read = read.get(n, 0)
        item.written = item.read - item.quarantined
        item.created = item.written + new_wallets.get(n, 0)
