"""Deterministic randomness: every address, hash and random stream derives from the seed and a name.

Nothing depends on the order things are generated in, so the planted cases and the background
traffic can be produced independently and merged, and a file is byte-identical for a seed.
"""

from __future__ import annotations

import functools
import hashlib
import random
from dataclasses import dataclass

from synth import codec


@dataclass(frozen=True)
class BtcAddr:
    """A Bitcoin address with what bitcoin-etl writes beside it (type, script)."""

    address: str
    kind: str
    key: bytes

    @property
    def script(self) -> tuple[str, str]:
        return codec.btc_script(self.key, self.kind)

    @property
    def etl_type(self) -> str:
        return codec.BTC_SCRIPT_TYPES[self.kind]


class Keys:
    """Names to bytes, addresses, hashes and random streams under one seed."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._prefix = f"scamgraph-synth|{seed}|".encode()

    def digest(self, *parts: object) -> bytes:
        text = "|".join(str(p) for p in parts)
        return hashlib.sha256(self._prefix + text.encode()).digest()

    def rng(self, *parts: object) -> random.Random:
        """An independent random stream for one named purpose."""
        return random.Random(self.digest("rng", *parts))

    def hex64(self, *parts: object) -> str:
        """A 32-byte hash as 64 lowercase hex digits (transaction ids, block hashes)."""
        return self.digest("hash", *parts).hex()

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one Keys per run; bounded cache
    def tron(self, *parts: object) -> str:
        return codec.tron_address(self.digest("tron", *parts))

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one Keys per run; bounded cache
    def evm(self, *parts: object) -> str:
        return codec.evm_address(self.digest("evm", *parts))

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one Keys per run; bounded cache
    def btc(self, *parts: object) -> BtcAddr:
        """A Bitcoin address; the kind mix follows today's chain (mostly SegWit, some legacy)."""
        key = self.digest("btc", *parts)
        kind = ("p2wpkh", "p2wpkh", "p2wpkh", "p2pkh", "p2sh")[key[21] % 5]
        return BtcAddr(codec.btc_address(key, kind), kind, key[:20])
