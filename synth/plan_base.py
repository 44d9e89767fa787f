"""What every planted case shares: the plan (events per chain plus ground truth) and amounts."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from synth import population as pop
from synth.chains import DAY_MS, TRON_USDT, WINDOW_START_MS, BtcTx, Token, TokenTransfer
from synth.keys import Keys
from synth.truth import Truth

HOUR_MS = 3_600_000
CENT = 10_000  # one US cent in USDT base units (6 decimals)


def usd(rng: random.Random, low: int, high: int) -> int:
    """A dollar amount in [low, high] to the cent, in USDT base units."""
    return rng.randint(low * 100, high * 100) * CENT


def day(d: float) -> int:
    return WINDOW_START_MS + int(d * DAY_MS)


@dataclass
class Plan:
    """Planted events per chain and the ground truth being collected."""

    keys: Keys
    truth: Truth
    tron: list[TokenTransfer] = field(default_factory=list)
    eth: list[TokenTransfer] = field(default_factory=list)
    btc: list[BtcTx] = field(default_factory=list)

    def send(self, token: Token, ts: int, key: str, a: str, b: str, raw: int) -> None:
        events = self.tron if token is TRON_USDT else self.eth
        events.append(TokenTransfer(ts, key, token, a, b, raw))

    def addr(self, chain: str, case: str, role: str, *idx: object, org: str | None = None,
             relation: str = "controlled_by") -> str:
        address = pop.account(self.keys, chain, "case", case, role, *idx)
        return self.truth.wallet(chain, address, role, case, org, relation)
