"""Chain parameters as on the real chains (block cadence, tokens, decimals) and the event types.

Events carry an intended time in milliseconds; each chain snaps it to its own block clock
(Tron 3 s, Ethereum 12 s, Bitcoin ~10 min), and the ground truth uses the same snapping.
"""

from __future__ import annotations

from dataclasses import dataclass

from synth.keys import BtcAddr

# The generated window: 2024-03-01T00:00:00Z plus 92 days.
WINDOW_START_MS = 1_709_251_200_000
WINDOW_DAYS = 92
DAY_MS = 86_400_000
WINDOW_END_MS = WINDOW_START_MS + WINDOW_DAYS * DAY_MS

# Block heights near the window start on each chain (2024-03-01).
TRON_BLOCK_MS = 3_000
ETH_BLOCK_S = 12
ETH_BLOCK_0 = 19_339_000
BTC_BLOCK_S = 600
BTC_BLOCK_0 = 832_700
BTC_DECIMALS = 8


@dataclass(frozen=True)
class Token:
    symbol: str
    name: str
    contract: str
    decimals: int


TRON_USDT = Token("USDT", "Tether USD", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", 6)
ETH_USDT = Token("USDT", "Tether USD", "0xdac17f958d2ee523a2206206994597c13d831ec7", 6)
ETH_USDC = Token("USDC", "USD Coin", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48", 6)


@dataclass(frozen=True, slots=True)
class TokenTransfer:
    """One TRC-20 or ERC-20 transfer; `key` names it (the tx hash derives from it)."""

    ts_ms: int
    key: str
    token: Token
    sender: str
    receiver: str
    raw: int


@dataclass(frozen=True, slots=True)
class BtcIn:
    prev_tx: str
    prev_index: int
    addr: BtcAddr
    value: int


@dataclass(frozen=True, slots=True)
class BtcOut:
    addr: BtcAddr
    value: int


@dataclass(frozen=True, slots=True)
class BtcTx:
    """A Bitcoin transaction; inputs of one address only, so its transfers are unambiguous."""

    ts_ms: int
    key: str
    inputs: tuple[BtcIn, ...]
    outputs: tuple[BtcOut, ...]

    @property
    def fee(self) -> int:
        return sum(i.value for i in self.inputs) - sum(o.value for o in self.outputs)


def tron_ts(ts_ms: int) -> int:
    """Block timestamp (ms) of the Tron block holding an event at ts_ms."""
    return ts_ms - ts_ms % TRON_BLOCK_MS


def eth_block(ts_ms: int) -> tuple[int, int]:
    """(block number, block timestamp in seconds) of the Ethereum block holding ts_ms."""
    offset = (ts_ms - WINDOW_START_MS) // 1000 // ETH_BLOCK_S
    return ETH_BLOCK_0 + offset, WINDOW_START_MS // 1000 + offset * ETH_BLOCK_S


def btc_block(ts_ms: int) -> tuple[int, int]:
    """(block number, block timestamp in seconds): ten-minute slots with a fixed jitter each."""
    slot = (ts_ms - WINDOW_START_MS) // 1000 // BTC_BLOCK_S
    # Jitter below half a slot keeps block times increasing, as miners' clocks mostly do.
    jitter = (slot * 2_654_435_761) % 241 - 120
    return BTC_BLOCK_0 + slot, WINDOW_START_MS // 1000 + slot * BTC_BLOCK_S + 150 + jitter


def chain_ts_ms(chain: str, ts_ms: int) -> int:
    """The time (ms) the chain records for an event intended at ts_ms."""
    if chain == "tron":
        return tron_ts(ts_ms)
    if chain == "ethereum":
        return eth_block(ts_ms)[1] * 1000
    return btc_block(ts_ms)[1] * 1000
