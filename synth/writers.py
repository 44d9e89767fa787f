"""Streaming writers of the published chain formats, split into chunk files of bounded size.

Each writer holds at most one chunk's worth of small state (a page of records for TronGrid,
the open file for the JSON-lines formats), so memory stays flat however many transfers flow.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from synth import chains
from synth.chains import TokenTransfer
from synth.keys import Keys


@dataclass(frozen=True)
class FileEntry:
    """One written file: its path relative to the output directory and its ingest format."""

    path: str
    format: str
    records: int
    sha256: str
    bytes: int


def iso_utc(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


class ChunkedLines:
    """JSON-lines files of at most `per_file` lines each: stem-00001.json, stem-00002.json, ..."""

    def __init__(self, out: Path, folder: str, stem: str, fmt: str, per_file: int) -> None:
        self.out, self.folder, self.stem, self.fmt, self.per_file = out, folder, stem, fmt, per_file
        self.files: list[FileEntry] = []
        self._fh: IO[bytes] | None = None
        self._hash = hashlib.sha256()
        self._lines = self._bytes = 0

    def _relpath(self) -> str:
        return f"{self.folder}/{self.stem}-{len(self.files) + 1:05d}.json"

    def write(self, line: str) -> None:
        if self._fh is None:
            path = self.out / self._relpath()
            path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = path.open("wb")
        data = (line + "\n").encode()
        self._fh.write(data)
        self._hash.update(data)
        self._lines += 1
        self._bytes += len(data)
        if self._lines >= self.per_file:
            self.close()

    def close(self) -> None:
        if self._fh is None:
            return
        self._fh.close()
        digest = self._hash.hexdigest()
        entry = FileEntry(self._relpath(), self.fmt, self._lines, digest, self._bytes)
        self.files.append(entry)
        self._fh, self._hash, self._lines, self._bytes = None, hashlib.sha256(), 0, 0


class TronGridWriter:
    """TRC-20 transfers as TronGrid `/v1/accounts/{addr}/transactions/trc20` response pages."""

    def __init__(self, out: Path, keys: Keys, page_size: int, pages_per_file: int) -> None:
        self.keys, self.page_size = keys, page_size
        self.lines = ChunkedLines(out, "synthetic/tron", "synthetic-trc20-usdt", "trongrid",
                                  pages_per_file)
        self._page: list[dict[str, Any]] = []
        self.count = 0

    def write(self, t: TokenTransfer) -> None:
        self._page.append({
            "transaction_id": self.keys.hex64("tx", t.key),
            "token_info": {"symbol": t.token.symbol, "address": t.token.contract,
                           "decimals": t.token.decimals, "name": t.token.name},
            "block_timestamp": chains.tron_ts(t.ts_ms),
            "from": t.sender, "to": t.receiver, "type": "Transfer", "value": str(t.raw),
        })
        self.count += 1
        if len(self._page) >= self.page_size:
            self._flush()

    def _flush(self) -> None:
        if not self._page:
            return
        last = self._page[-1]
        fingerprint = self.keys.hex64("fingerprint", last["transaction_id"])[:40]
        meta = {"at": last["block_timestamp"], "fingerprint": fingerprint, "links": {
            "next": "https://api.trongrid.io/v1/contracts/TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
                    f"/transactions/trc20?limit={self.page_size}&fingerprint={fingerprint}"},
            "page_size": len(self._page)}
        self.lines.write(dumps({"data": self._page, "success": True, "meta": meta}))
        self._page = []

    def close(self) -> list[FileEntry]:
        self._flush()
        self.lines.close()
        return self.lines.files


class EthereumEtlWriter:
    """ERC-20 transfers as ethereum-etl `token_transfers` JSON lines (its streaming form)."""

    def __init__(self, out: Path, keys: Keys, per_file: int) -> None:
        self.keys = keys
        self.lines = ChunkedLines(out, "synthetic/ethereum", "synthetic-token_transfers",
                                  "ethereum-etl", per_file)
        self._block, self._log_index, self.count = -1, 0, 0

    def write(self, t: TokenTransfer) -> None:
        block, block_ts = chains.eth_block(t.ts_ms)
        # Log indexes count up within a block, as in a real receipt set.
        self._log_index = self._log_index + 1 if block == self._block else 0
        self._block = block
        tx = "0x" + self.keys.hex64("tx", t.key)
        self.lines.write(dumps({
            "type": "token_transfer", "token_address": t.token.contract,
            "from_address": t.sender, "to_address": t.receiver, "value": t.raw,
            "transaction_hash": tx, "log_index": self._log_index, "block_number": block,
            "block_timestamp": block_ts, "block_hash": "0x" + self.keys.hex64("eth-block", block),
            "item_id": f"token_transfer_{tx}_{self._log_index}",
            "item_timestamp": iso_utc(block_ts),
        }))
        self.count += 1

    def close(self) -> list[FileEntry]:
        self.lines.close()
        return self.lines.files
