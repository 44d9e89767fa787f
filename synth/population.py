"""The background population: exchange hot wallets, deposit addresses and retail wallets by index.

Addresses are computed from (chain, role, index) on demand, so a population of millions costs
no memory; only a bounded cache of recent addresses is kept (see synth.keys).
"""

from __future__ import annotations

from synth import cast
from synth.keys import BtcAddr, Keys

# Hot wallets per exchange and chain; real exchanges run a handful per chain.
HOT_WALLETS = 3


def account(keys: Keys, chain: str, *parts: object) -> str:
    """An account-model address (Tron or Ethereum) for a role and index."""
    return keys.tron(*parts) if chain == "tron" else keys.evm(*parts)


def hot_wallet(keys: Keys, chain: str, exchange: str, i: int) -> str:
    return account(keys, chain, "hot", exchange, i % HOT_WALLETS)


def deposit_address(keys: Keys, chain: str, exchange: str, user: int) -> str:
    """The deposit address exchange `exchange` assigned to retail user `user`."""
    return account(keys, chain, "dep", exchange, user)


def retail(keys: Keys, chain: str, user: int) -> str:
    return account(keys, chain, "retail", user)


def btc_hot_wallet(keys: Keys, exchange: str, i: int) -> BtcAddr:
    return keys.btc("hot", exchange, i % HOT_WALLETS)


def btc_deposit_address(keys: Keys, exchange: str, user: int) -> BtcAddr:
    return keys.btc("dep", exchange, user)


def btc_retail(keys: Keys, user: int) -> BtcAddr:
    return keys.btc("retail", user)


def all_hot_wallets(keys: Keys) -> list[tuple[str, str, str]]:
    """(chain, address, exchange key) of every exchange hot wallet, for the attribution TagPack."""
    out = []
    for exchange in cast.EXCHANGES:
        for i in range(HOT_WALLETS):
            out.append(("tron", hot_wallet(keys, "tron", exchange, i), exchange))
            out.append(("ethereum", hot_wallet(keys, "ethereum", exchange, i), exchange))
            out.append(("bitcoin", btc_hot_wallet(keys, exchange, i).address, exchange))
    return out
