"""Per-wallet aggregates of a bulk load: activity window, assets and sources.

A wallet's node is written once, after every transfer is staged, so its window and lists must
be gathered across the whole input. They are kept in a dict until it holds `limit` wallets,
then spilled (upserted) into a SQLite table on disk: memory stays flat however many wallets
there are, and an input with fewer wallets than the limit never touches SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from graph.local.importer import ARRAY_DELIMITER

# ~300 bytes a wallet in the dict: 200k wallets stay under 60 MB.
SPILL_AT = 200_000

_UPSERT = """
INSERT INTO wallet VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET
  first = min(coalesce(first, excluded.first), coalesce(excluded.first, first)),
  last = max(coalesce(last, excluded.last), coalesce(excluded.last, last)),
  assets = CASE WHEN assets = excluded.assets THEN assets
                ELSE union_of(assets, excluded.assets) END,
  sources = CASE WHEN sources = excluded.sources THEN sources
                 ELSE union_of(sources, excluded.sources) END
"""

# id, chain, address, first ms, last ms, assets, sources
WalletRow = tuple[str, str, str, int | None, int | None, list[str], list[str]]


def union_of(kept: str, new: str) -> str:
    """Two delimiter-joined sets as one, first-seen order kept (a SQLite function)."""
    have = kept.split(ARRAY_DELIMITER)
    return ARRAY_DELIMITER.join(have + [v for v in new.split(ARRAY_DELIMITER) if v not in have])


class _Wallet:
    __slots__ = ("address", "assets", "chain", "first", "last", "sources")

    def __init__(self, chain: str, address: str, ms: int | None, asset: str, source: str) -> None:
        self.chain, self.address, self.first, self.last = chain, address, ms, ms
        self.assets, self.sources = [asset], [source]

    def row(self, key: str) -> WalletRow:
        return key, self.chain, self.address, self.first, self.last, self.assets, self.sources


class WalletAggregate:
    def __init__(self, path: Path, limit: int = SPILL_AT) -> None:
        self.path, self.limit = path, limit
        self._mem: dict[str, _Wallet] = {}
        self._db: sqlite3.Connection | None = None

    def add(self, key: str, chain: str, address: str, ms: int | None, asset: str,
            source: str) -> None:
        """One appearance of wallet `key` (chain:address) at `ms` moving `asset`."""
        w = self._mem.get(key)
        if w is None:
            self._mem[key] = _Wallet(chain, address, ms, asset, source)
            if len(self._mem) >= self.limit:
                self.spill()
            return
        if ms is not None:
            if w.first is None or ms < w.first:
                w.first = ms
            if w.last is None or ms > w.last:
                w.last = ms
        if asset not in w.assets:
            w.assets.append(asset)
        if source not in w.sources:
            w.sources.append(source)

    def spill(self) -> None:
        """Move what is in memory into the SQLite table."""
        if not self._mem:
            return
        db = self._open()
        join = ARRAY_DELIMITER.join
        db.executemany(_UPSERT, ((key, w.chain, w.address, w.first, w.last, join(w.assets),
                                  join(w.sources)) for key, w in self._mem.items()))
        self._mem.clear()

    def count(self) -> int:
        """Distinct wallets so far."""
        if self._db is None:
            return len(self._mem)
        self.spill()
        return int(self._db.execute("SELECT count(*) FROM wallet").fetchone()[0])

    def rows(self) -> Iterator[WalletRow]:
        """Every wallet once, then the aggregate is closed."""
        if self._db is None:
            for key, w in self._mem.items():
                yield w.row(key)
            self._mem.clear()
            return
        self.spill()
        split = str.split
        for key, chain, address, first, last, assets, sources in self._db.execute(
                "SELECT * FROM wallet"):
            yield key, chain, address, first, last, split(assets, ARRAY_DELIMITER), split(
                sources, ARRAY_DELIMITER)
        self._db.close()

    def _open(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = sqlite3.connect(self.path)
            self._db.create_function("union_of", 2, union_of, deterministic=True)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-65536"):
                self._db.execute(f"PRAGMA {pragma}")
            self._db.execute("CREATE TABLE wallet (id TEXT PRIMARY KEY, chain TEXT,"
                             " address TEXT, first INTEGER, last INTEGER, assets TEXT,"
                             " sources TEXT) WITHOUT ROWID")
        return self._db
