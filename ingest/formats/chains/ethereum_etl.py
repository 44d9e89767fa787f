"""ethereum-etl `token_transfers`: JSON lines (stream / export_all) or CSV (export_token_transfers).

Fields: token_address, from_address, to_address, value (decimal integer, may exceed 2^64),
transaction_hash, log_index, block_number and, in the JSON form, block_timestamp (epoch s).
The CSV export has no timestamp: those transfers get `ts` null (the ts index and time-ordered
traces skip them) unless the file has a block_timestamp column.

Decimals: never guessed. A token's symbol and decimals come from, in order, `-o tokens=FILE`
(ethereum-etl export_tokens CSV: address,symbol,decimals), `-o decimals=N` with `-o asset=SYM`
(the whole file is one token), then the table of well-known tokens below. Otherwise the
transfer keeps its exact raw amount with `decimals` null and `asset` set to the token address.
Options: chain (default ethereum; any EVM chain exported by the same tool), tokens, decimals, asset.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from graph.model.addresses import EVM_CHAINS, normalise
from ingest.formats.base import (
    Item,
    SourceInput,
    base_units,
    csv_rows,
    digits,
    json_lines,
    rejected,
    shown,
)
from ingest.formats.base import utc_from_epoch as epoch
from ingest.records import Rejected, TransferRecord
from scamgraph.errors import InputError

SINGLE_PASS = True  # InputError only on the header / first object, before any record
REQUIRED = ("token_address", "from_address", "to_address", "value", "transaction_hash",
            "log_index")
# Well-known Ethereum mainnet tokens: (symbol, decimals).
KNOWN_TOKENS: dict[str, tuple[str, int]] = {
    "0xdac17f958d2ee523a2206206994597c13d831ec7": ("USDT", 6),
    "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48": ("USDC", 6),
    "0x6b175474e89094c44da98b954eedeac495271d0f": ("DAI", 18),
    "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2": ("WETH", 18),
    "0x2260fac5e5542a773aa44fbcfedf7c193bc2c599": ("WBTC", 8),
    "0x4fabb145d64652a948d72533023f6e7a623c7c53": ("BUSD", 18),
}
_TX = re.compile(r"^0x[0-9a-fA-F]{64}$")


def read(src: SourceInput) -> Iterator[Item]:
    chain = src.option("chain", "ethereum").lower()
    if chain not in EVM_CHAINS:
        raise InputError(f"ethereum-etl: chain {chain!r} is not an EVM chain",
                         hint=f"one of {sorted(EVM_CHAINS)}")
    tokens = token_lookup(src)
    rows = _csv(src) if _is_csv(src) else _json(src)
    for item in rows:
        if isinstance(item, Rejected):
            yield item
            continue
        yield row_item(chain, item[1], tokens, item[0])


def row_item(chain: str, row: Mapping[str, Any], tokens: TokenLookup, position: str) -> Item:
    """One row as a transfer, or Rejected with the reason (also per part, spark/read.py)."""
    try:
        return transfer(chain, row, tokens, position)
    except (ValueError, TypeError) as exc:
        return rejected(position, row, str(exc))


def _is_csv(src: SourceInput) -> bool:
    if src.option("form") in ("csv", "json"):
        return src.option("form") == "csv"
    with src.path.open("rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return not head.startswith(b"{")


def _csv(src: SourceInput) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    yield from csv_rows(src, REQUIRED)


def _json(src: SourceInput) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    first = True
    for item in json_lines(src):
        if first and not isinstance(item, Rejected):
            first = False
            if not set(REQUIRED) & set(item[1]):
                raise InputError(f"{src.name}: not ethereum-etl token_transfers "
                                 f"(first object has keys {sorted(item[1])[:8]})")
        yield item


def transfer(chain: str, row: Mapping[str, Any], tokens: TokenLookup, position: str
             ) -> TransferRecord:
    """One token_transfer row as a TransferRecord; ValueError says what is wrong."""
    if row.get("type", "token_transfer") != "token_transfer":
        raise ValueError(f"not a token_transfer (type {shown(row.get('type'))})")
    missing = [k for k in REQUIRED if row.get(k) in (None, "")]
    if missing:
        raise ValueError(f"missing field(s) {missing}")
    token = normalise(chain, str(row["token_address"])).address
    tx = str(row["transaction_hash"])
    if not _TX.match(tx):
        raise ValueError(f"bad transaction hash {shown(tx)}")
    symbol, decimals = tokens(token)
    timestamp = row.get("block_timestamp")
    return TransferRecord(
        chain=chain, tx=tx.lower(), index=_int(row["log_index"], "log_index"),
        from_address=normalise(chain, str(row["from_address"])).address,
        to_address=normalise(chain, str(row["to_address"])).address,
        asset=symbol, amount_raw=base_units(row["value"]), decimals=decimals,
        ts=epoch(timestamp) if timestamp not in (None, "") else None,
        block=_int(row["block_number"], "block_number") if row.get("block_number") else None,
        token=token, position=position,
    )


def _int(value: Any, name: str) -> int:
    return digits(value, name)


TokenLookup = Callable[[str], tuple[str, int | None]]


def token_lookup(src: SourceInput) -> TokenLookup:
    """Token address -> (symbol, decimals or None); `-o decimals` applies to every token."""
    if src.option("decimals"):
        decimals = _int(src.option("decimals"), "decimals option")
        asset = src.option("asset")
        return lambda token: (asset or token, decimals)
    table = dict(KNOWN_TOKENS) if src.option("chain", "ethereum") == "ethereum" else {}
    if src.option("tokens"):
        table.update(_tokens_file(src.option("tokens")))
    return lambda token: table.get(token, (token, None))


def _tokens_file(path: str) -> dict[str, tuple[str, int]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"cannot read tokens file {path}: {exc}") from exc
    try:
        return {r["address"].lower(): (r["symbol"], int(r["decimals"])) for r in rows}
    except (KeyError, ValueError) as exc:
        raise InputError(f"tokens file {path}: want columns address,symbol,decimals") from exc
