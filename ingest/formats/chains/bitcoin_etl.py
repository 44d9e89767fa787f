"""bitcoin-etl `transactions` (JSON lines, inputs and outputs enriched with addresses and values).

How a UTXO transaction becomes wallet-to-wallet TRANSFER edges (the graph model has no
transaction node): inputs are summed per address (the senders, in order of first input) and
outputs per address (the receivers, in order of first output). Each receiver's amount is split
over the senders in proportion to what each put in, in exact integer satoshis: floor shares,
then the left-over satoshis go one each to the senders with the largest remainders (ties to
the earlier sender), so each receiver's edges add up exactly to what it received. The fee
(inputs minus outputs) goes to no wallet. A receiver that is also a sender (change) gets no
self-edge. This is the proportional rule GraphSense-style address graphs use; it never
invents precision and keeps every edge's amount a whole number of satoshis.

Edge index: sender number * receiver count + receiver number, so it is deterministic.
Rejected with a reason (never silently dropped): coinbase transactions (new coins, no sending
wallet), transactions whose inputs are not enriched (no addresses/values: run bitcoin-etl's
enrich step), inputs or outputs without one standard address, and transactions with more
sender x receiver pairs than `-o max_pairs=N` (default 10000).
Options: chain (bitcoin, litecoin, dogecoin, bitcoin-cash; default bitcoin), max_pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.model.addresses import BASE58_VERSIONS, normalise
from ingest.formats.base import (
    Item,
    SourceInput,
    base_units,
    digits,
    json_lines,
    rejected,
    shown,
    utc_from_epoch,
)
from ingest.records import Rejected, TransferRecord
from scamgraph.errors import InputError

SINGLE_PASS = True  # InputError only when no line parses or the first object is not a tx
ASSETS = {"bitcoin": "BTC", "litecoin": "LTC", "dogecoin": "DOGE", "bitcoin-cash": "BCH"}
DECIMALS = 8


def read(src: SourceInput) -> Iterator[Item]:
    chain = src.option("chain", "bitcoin").lower()
    if chain not in BASE58_VERSIONS:
        raise InputError(f"bitcoin-etl: unsupported chain {chain!r}",
                         hint=f"one of {sorted(ASSETS)}")
    max_pairs = int(src.option("max_pairs", "10000"))
    first = True
    for item in json_lines(src):
        if isinstance(item, Rejected):
            yield item
            continue
        position, tx = item
        if first and not {"hash", "outputs"} <= set(tx):
            raise InputError(f"{src.name}: not bitcoin-etl transactions "
                             "(the first object has no hash/outputs)")
        first = False
        yield from _transaction(chain, position, tx, max_pairs)


def _transaction(chain: str, position: str, tx: dict[str, Any], max_pairs: int) -> Iterator[Item]:
    try:
        records = transfers(chain, position, tx, max_pairs)
    except (ValueError, TypeError, KeyError) as exc:
        reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        yield rejected(position, tx, reason)
        return
    yield from records


def _sums(chain: str, side: str, entries: list[dict[str, Any]]) -> dict[str, int]:
    """Value per normalised address, in order of first appearance."""
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ValueError(f"{side}s are not a list of objects")
    sums: dict[str, int] = {}
    for entry in entries:
        addresses, value = entry.get("addresses") or [], entry.get("value")
        if not isinstance(addresses, list):
            raise ValueError(f"{side} {shown(entry.get('index'))} addresses are not a list")
        if value is None:
            raise ValueError(f"{side} {shown(entry.get('index'))} has no value (not enriched?)")
        amount = int(base_units(value))
        if len(addresses) != 1:
            if amount == 0:
                continue  # OP_RETURN and other zero-value outputs carry no money
            raise ValueError(f"{side} {shown(entry.get('index'))} has no single standard address "
                             f"(type {shown(entry.get('type'))})")
        address = normalise(chain, str(addresses[0])).address
        sums[address] = sums.get(address, 0) + amount
    return sums


def split(amount: int, weights: list[int]) -> list[int]:
    """`amount` split by `weights` in integers that add up exactly (largest remainder)."""
    total = sum(weights)
    shares = [amount * w // total for w in weights]
    remainders = [amount * w % total for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[: amount - sum(shares)]:
        shares[i] += 1
    return shares


def transfers(chain: str, position: str, tx: dict[str, Any], max_pairs: int
              ) -> list[TransferRecord]:
    """The TRANSFER records of one transaction; ValueError when it cannot be turned into any."""
    if tx.get("is_coinbase"):
        raise ValueError("coinbase transaction: newly minted coins have no sending wallet")
    senders = _sums(chain, "input", tx["inputs"])
    receivers = _sums(chain, "output", tx["outputs"])
    if not senders or sum(senders.values()) == 0:
        raise ValueError("no input with an address and a value (not enriched?)")
    if len(senders) * len(receivers) > max_pairs:
        raise ValueError(f"{len(senders)} senders x {len(receivers)} receivers exceed "
                         f"max_pairs={max_pairs}")
    ts, block, names = utc_from_epoch(tx["block_timestamp"]), tx.get("block_number"), list(senders)
    records: list[TransferRecord] = []
    for j, (receiver, received) in enumerate(receivers.items()):
        for i, share in enumerate(split(received, list(senders.values()))):
            if share == 0 or names[i] == receiver:
                continue
            records.append(TransferRecord(
                chain=chain, tx=str(tx["hash"]).lower(), index=i * len(receivers) + j,
                from_address=names[i], to_address=receiver, asset=ASSETS[chain],
                amount_raw=str(share), decimals=DECIMALS, ts=ts,
                block=digits(block, "block_number") if block is not None else None,
                position=position,
            ))
    if not records:
        raise ValueError("no value moves between distinct wallets (change to the sender only)")
    return records
