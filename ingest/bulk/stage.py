"""Staging for a bulk load: transfers into the importer's CSV, wallets aggregated, then written.

The values are those the incremental sink writes (ingest/rows.py: same properties, same types,
timestamps at millisecond precision, the same scaled amount), so a graph loaded in bulk and one
loaded by MERGE are the same graph. Transfer lines are built by hand: every field but the asset
symbol and the source id is hex, digits or a validated address, and csv.writer cost more than
the reader itself. A line whose asset holds a line break (quoted, so still valid CSV) goes to a
separate file that the importer parses with its slower multiline reader.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from graph.local.importer import ARRAY_DELIMITER, ImportFiles
from graph.model.addresses import EVM_CHAINS, eip55
from ingest.bulk.wallets import WalletAggregate, WalletRow
from ingest.records import TransferRecord
from ingest.rows import epoch_ms, scaled

TRANSFER_HEADER = [
    ":START_ID", ":END_ID", ":TYPE", "id", "chain", "tx", "index:long", "asset", "token",
    "amount_raw", "decimals:long", "amount:double", "block:long", "ts:datetime",
    "first_seen:datetime", "last_seen:datetime", "sources:string[]",
]
WALLET_HEADER = [
    "id:ID", ":LABEL", "chain", "address", "display", "first_seen:datetime",
    "last_seen:datetime", "sources:string[]", "first_activity:datetime",
    "last_activity:datetime", "assets:string[]",
]
WALLET_LABELS = ARRAY_DELIMITER.join(("Entity", "Wallet"))
_SPECIAL = frozenset(',"\n\r')
_ISO_CACHE_MAX = 100_000


# chain, from, to, tx, index, asset, token, amount_raw, decimals, block, ts as epoch ms: what
# crosses from the reading process to the staging one (ingest/bulk/worker.py).
StageRow = tuple[str, str, str, str, int, str, str | None, str, int | None, int | None,
                 int | None]


def stage_row(rec: TransferRecord) -> StageRow:
    return (rec.chain, rec.from_address, rec.to_address, rec.tx, rec.index, rec.asset,
            rec.token, rec.amount_raw, rec.decimals, rec.block, epoch_ms(rec.ts))


def iso_ms(ms: int | None) -> str:
    """Epoch milliseconds as ISO text for the importer (the sink's datetime({epochMillis}))."""
    if ms is None:
        return ""
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")


def quoted(value: str) -> str:
    """A CSV field: quoted (quotes doubled) only when it must be."""
    if _SPECIAL.isdisjoint(value):
        return value
    return '"' + value.replace('"', '""') + '"'


def _blank(value: object) -> str:
    return "" if value is None else str(value)


def transfer_line(start: str, end: str, chain: str, tx: str, index: int, asset: str,
                  token: str | None, raw: str, decimals: int | None, block: int | None,
                  ts: str) -> str:
    """A transfer's CSV fields up to its timestamp (the run's time and sources follow)."""
    amount = scaled(raw, decimals)
    return (f"{start},{end},TRANSFER,{chain}:{tx}:{index},{chain},{tx},{index},"
            f"{quoted(asset)},{_blank(token)},{raw},{_blank(decimals)},"
            f"{'' if amount is None else repr(amount)},{_blank(block)},{ts}")


def transfer_tail(now: str, source_id: str) -> str:
    """The end of a transfer line: first and last seen (the run's time), its source."""
    return f",{now},{now},{quoted(source_id)}\n"


def wallet_fields(row: WalletRow, now: str) -> list[Any]:
    """A wallet's CSV fields, from its aggregate; `now` is the run's time."""
    key, chain, address, first, last, assets, sources = row
    display = eip55(address) if chain in EVM_CHAINS else address
    return [key, WALLET_LABELS, chain, address, display, now, now,
            ARRAY_DELIMITER.join(sources), iso_ms(first), iso_ms(last),
            ARRAY_DELIMITER.join(assets)]


class Staging:
    """Transfers of one bulk load (possibly several files, each with its own Source)."""

    def __init__(self, folder: Path, now: datetime) -> None:
        self.folder = folder
        self.now = now.isoformat()
        self.wallets = WalletAggregate(folder / "wallets.sqlite")
        self.staged = 0
        self._iso: dict[int, str] = {}
        self._plain = self._open("transfers.csv", TRANSFER_HEADER)
        self._multiline: IO[str] | None = None  # rows with a line break in the asset
        self._wallet_breaks = False  # an asset with a line break: wallets.csv is multiline

    def _open(self, name: str, header: list[str]) -> IO[str]:
        fh = (self.folder / name).open("w", encoding="utf-8", newline="")
        csv.writer(fh).writerow(header)
        return fh

    def add_rows(self, rows: list[StageRow], source_id: str) -> None:
        """Stage accepted transfers (as `stage_row` tuples) from the Source `source_id`."""
        tail = transfer_tail(self.now, source_id)
        plain: list[str] = []
        broken: list[str] = []  # lines whose asset holds a line break
        add = self.wallets.add
        for chain, frm, to, tx, index, asset, token, raw, decimals, block, ms in rows:
            start, end = f"{chain}:{frm}", f"{chain}:{to}"
            add(start, chain, frm, ms, asset, source_id)
            add(end, chain, to, ms, asset, source_id)
            line = transfer_line(start, end, chain, tx, index, asset, token, raw, decimals,
                                 block, self._ts(ms)) + tail
            (broken if "\n" in asset or "\r" in asset else plain).append(line)
        self._plain.write("".join(plain))
        if broken:
            if self._multiline is None:
                self._multiline = self._open("transfers-multiline.csv", TRANSFER_HEADER)
            self._multiline.write("".join(broken))
        self.staged += len(rows)

    def _ts(self, ms: int | None) -> str:
        """ISO text of `ms`, cached: transfers of one block share their timestamp."""
        if ms is None:
            return ""
        text = self._iso.get(ms)
        if text is None:
            if len(self._iso) >= _ISO_CACHE_MAX:
                self._iso.clear()
            text = self._iso[ms] = iso_ms(ms)
        return text

    def files(self) -> ImportFiles:
        """Close the transfer files, write the wallets, and name everything for the importer."""
        self._plain.close()
        relationships, multiline = [self.folder / "transfers.csv"], []
        if self._multiline is not None:
            self._multiline.close()
            relationships.append(self.folder / "transfers-multiline.csv")
            multiline.append(self.folder / "transfers-multiline.csv")
        wallets = self.folder / "wallets.csv"
        with wallets.open("w", encoding="utf-8", newline="") as fh:
            out = csv.writer(fh)
            out.writerow(WALLET_HEADER)
            out.writerows(self._wallet_rows())
        if self._wallet_breaks:
            multiline.append(wallets)
        return ImportFiles(nodes=[wallets], relationships=relationships, multiline=multiline)

    def _wallet_rows(self) -> Iterator[list[Any]]:
        for row in self.wallets.rows():
            fields = wallet_fields(row, self.now)
            text = fields[-1]
            self._wallet_breaks = self._wallet_breaks or "\n" in text or "\r" in text
            yield fields
