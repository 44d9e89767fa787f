"""Writing the importer's CSV files from Spark tasks, line by line as `ingest --bulk` does.

Each task writes its own files into the output directory (one per partition, each with its
header line) with ingest/bulk/stage.py's `transfer_line`, `transfer_tail` and
`wallet_fields`, so a staged line is the line a single-process bulk load stages. The
directory must be on a filesystem the executors and the importing machine share.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from graph.local.importer import ARRAY_DELIMITER
from ingest.bulk.stage import (
    TRANSFER_HEADER,
    WALLET_HEADER,
    iso_ms,
    transfer_line,
    transfer_tail,
    wallet_fields,
)

# (file name, rows, whether it must be read with the importer's multiline parser)
Written = tuple[str, int, bool]


def _opened(path: Path, header: list[str]) -> IO[str]:
    fh = path.open("w", encoding="utf-8", newline="")
    csv.writer(fh).writerow(header)
    return fh


def _optional_int(value: Any) -> int | None:
    return None if value is None else int(value)


def transfer_writer(out: str, now: str, source_ids: list[str]
                    ) -> Any:
    """A mapPartitionsWithIndex function writing transfers-NNNNN.csv (and -multiline-)."""

    def write(index: int, rows: Iterable[Any]) -> Iterator[Written]:
        folder, counts = Path(out), {False: 0, True: 0}
        files: dict[bool, IO[str]] = {}
        for r in rows:
            start, end = f"{r.chain}:{r.frm}", f"{r.chain}:{r.to}"
            sources = ARRAY_DELIMITER.join(source_ids[i] for i in r.inputs)
            line = transfer_line(start, end, r.chain, r.tx, int(r["index"]), r.asset, r.token,
                                 r.amount_raw, r.decimals, _optional_int(r.block),
                                 iso_ms(r.ms)) + transfer_tail(now, sources)
            broken = "\n" in r.asset or "\r" in r.asset
            if broken not in files:
                name = f"transfers{'-multiline' if broken else ''}-{index:05d}.csv"
                files[broken] = _opened(folder / name, TRANSFER_HEADER)
            files[broken].write(line)
            counts[broken] += 1
        for broken, fh in files.items():
            fh.close()
            yield Path(fh.name).name, counts[broken], broken

    return write


def wallet_writer(out: str, now: str, source_ids: list[str]) -> Any:
    """A mapPartitionsWithIndex function writing wallets-NNNNN.csv."""

    def write(index: int, rows: Iterable[Any]) -> Iterator[Written]:
        name, count, broken = f"wallets-{index:05d}.csv", 0, False
        fh: IO[str] | None = None
        for r in rows:
            if fh is None:
                fh = _opened(Path(out) / name, WALLET_HEADER)
                writer = csv.writer(fh)
            fields = wallet_fields((r.key, r.chain, r.address, r.first, r.last, list(r.assets),
                                    [source_ids[i] for i in r.inputs]), now)
            broken = broken or "\n" in fields[-1] or "\r" in fields[-1]
            writer.writerow(fields)
            count += 1
        if fh is not None:
            fh.close()
            yield name, count, broken

    return write


def empty_files(out: Path) -> tuple[str, str]:
    """Header-only files, for a job that staged no transfer (the importer needs one of each)."""
    for name, header in (("wallets-empty.csv", WALLET_HEADER),
                         ("transfers-empty.csv", TRANSFER_HEADER)):
        _opened(out / name, header).close()
    return "wallets-empty.csv", "transfers-empty.csv"
