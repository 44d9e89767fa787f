"""Background traffic: most of the volume, heavy-tailed, with exchanges as supernodes.

Retail wallets are picked by a Pareto-distributed rank (tail exponent ALPHA, shifted by
OFFSET so the busiest retail wallet takes about 2 % of picks): a few wallets take part in very
many transfers and most in one or two, a power-law degree distribution. A fixed mix of
deposits, sweeps, withdrawals and peer payments puts the exchanges' hot wallets at the top of
the degree ranking, as on the real chains.
"""

from __future__ import annotations

import bisect
import itertools
import math
import random
from collections.abc import Iterator

from synth import cast
from synth import population as pop
from synth.chains import (
    ETH_USDC,
    ETH_USDT,
    TRON_USDT,
    WINDOW_END_MS,
    WINDOW_START_MS,
    BtcIn,
    BtcOut,
    BtcTx,
    TokenTransfer,
)
from synth.keys import Keys

# Share of background transfers: retail->deposit, deposit->hot (sweep), hot->retail, retail->retail.
MIX = (0.35, 0.12, 0.28, 0.25)
# Tail exponent and shift of the retail activity distribution.
ALPHA, OFFSET = 1.1, 50
# Median retail payment (USD) and the log-normal spread around it.
MEDIAN_USD, SIGMA = 250.0, 1.6


def retail_count(transfers: int) -> int:
    """How many retail wallets share `transfers` (about six transfers per wallet on average)."""
    return max(1_000, transfers // 6)


def zipf(rng: random.Random, n: int) -> int:
    """A rank in [0, n) with a power-law tail (Lomax / shifted Pareto)."""
    rank = int(OFFSET * ((1.0 - rng.random()) ** (-1.0 / ALPHA) - 1.0))
    return rank % n


def pick(rng: random.Random, cumulative: list[float]) -> int:
    """An index drawn by cumulative weights (random.choices without its per-call set-up)."""
    return bisect.bisect(cumulative, rng.random() * cumulative[-1])


CUM_MIX = list(itertools.accumulate(MIX))
CUM_EXCHANGES = list(itertools.accumulate(cast.EXCHANGE_SHARES))
# Which of an exchange's hot wallets: the first carries most of the traffic.
CUM_HOT = list(itertools.accumulate((0.6, 0.3, 0.1)))
Role = tuple[object, ...]


def parties(rng: random.Random, users: int) -> tuple[Role, Role]:
    """Sender and receiver as population roles: ("retail", user), ("dep", exchange, user) or
    ("hot", exchange, i); only the two addresses used are ever computed."""
    ex, user = cast.EXCHANGES[pick(rng, CUM_EXCHANGES)], zipf(rng, users)
    kind = pick(rng, CUM_MIX)
    if kind == 0:
        return ("retail", user), ("dep", ex, user)
    if kind == 1:
        return ("dep", ex, user), ("hot", ex, pick(rng, CUM_HOT))
    if kind == 2:
        return ("hot", ex, pick(rng, CUM_HOT)), ("retail", user)
    peer = zipf(rng, users)
    # A payment to oneself is no transfer: take the next wallet instead.
    return ("retail", user), ("retail", peer if peer != user else (peer + 1) % users)


def usd_raw(rng: random.Random, median: float = MEDIAN_USD) -> int:
    """A payment in 6-decimal base units: log-normal, mostly rounded to the dollar or cent."""
    value = math.exp(rng.gauss(math.log(median), SIGMA))
    cents = max(1, round(value * 100))
    return (cents // 100 * 100 if rng.random() < 0.6 and cents >= 100 else cents) * 10_000


def times(rng: random.Random, n: int) -> Iterator[int]:
    """n increasing times over the window, one per equal slice at a random point in it."""
    step = (WINDOW_END_MS - WINDOW_START_MS) / max(n, 1)
    for k in range(n):
        yield WINDOW_START_MS + int((k + rng.random()) * step)


def account_traffic(keys: Keys, chain: str, n: int) -> Iterator[TokenTransfer]:
    """n background token transfers on Tron (USDT) or Ethereum (USDT and USDC)."""
    rng, users = keys.rng("background", chain), retail_count(n)
    for k, ts in enumerate(times(rng, n)):
        token = TRON_USDT if chain == "tron" else (ETH_USDT if rng.random() < 0.7 else ETH_USDC)
        a, b = parties(rng, users)
        yield TokenTransfer(ts, f"bg:{chain}:{k}", token, pop.account(keys, chain, *a),
                            pop.account(keys, chain, *b), usd_raw(rng))


def bitcoin_traffic(keys: Keys, n: int) -> Iterator[BtcTx]:
    """n background Bitcoin payments, each with change back to the payer (one transfer each)."""
    rng, users = keys.rng("background", "bitcoin"), retail_count(n)
    for k, ts in enumerate(times(rng, n)):
        roles = parties(rng, users)
        a, b = keys.btc(*roles[0]), keys.btc(*roles[1])
        pay = max(546, int(math.exp(rng.gauss(math.log(1_000_000), 1.8))))
        fee = rng.randint(10, 40) * (110 + 34 * 2)
        n_in = 1 + pick(rng, CUM_INPUTS)
        per_input = (pay + int(pay * rng.uniform(0.05, 3.0)) + fee) // n_in + 1
        inputs = tuple(BtcIn(keys.hex64("prev", "bg", k, j), rng.randint(0, 3), a, per_input)
                       for j in range(n_in))
        change = per_input * n_in - pay - fee
        yield BtcTx(ts, f"bg:btc:{k}", inputs, (BtcOut(b, pay), BtcOut(a, change)))


# Inputs per background Bitcoin payment: one mostly, sometimes two or three.
CUM_INPUTS = list(itertools.accumulate((0.7, 0.2, 0.1)))
