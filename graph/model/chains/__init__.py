"""Address checks for the chains beyond EVM, Tron and the Bitcoin core family.

Every decoder here comes from `bip-utils` (checksum verified: base58check, bech32, CashAddr,
Monero's keccak checksum, XRP's base58 alphabet, Stellar's CRC16, Algorand's SHA-512/256,
Cardano Byron's CRC32). Each checker returns the stored form or raises ValueError. Solana has
no checksum (base58 of a 32-byte key): it is only length-checked, never detected from an
address, and refused when its case looks mangled (see accounts.solana).
"""

from __future__ import annotations

from collections.abc import Callable

from graph.model.chains import accounts, utxo

Checker = Callable[[str, str], str]

CHECKERS: dict[str, Checker] = {
    **{chain: utxo.base58_or_bech32 for chain in utxo.VERSIONS},
    "monero": accounts.monero, "ripple": accounts.ripple, "stellar": accounts.stellar,
    "solana": accounts.solana, "cardano": accounts.cardano, "bnb-beacon": accounts.bnb_beacon,
    "algorand": accounts.algorand, "ton": accounts.ton,
}
# Chains whose addresses carry no checksum: they must be named by the source, not detected.
NO_CHECKSUM = frozenset({"solana"})
# Chains detected from an address alone, in this order, when the form is unambiguous (a
# base58 `D...` is Dogecoin, DigiByte or Verge alike, so those are never detected).
DETECTABLE = ("bnb-beacon", "cardano", "monero", "ripple", "stellar", "dash", "zcash")


def check(chain: str, address: str) -> str:
    """The stored form of `address` on `chain` (one of CHECKERS); ValueError says why not."""
    return CHECKERS[chain](chain, address)
