"""Per-chain address normalisation: one stored form per wallet, checksums verified, never guessed.

Stored forms (docs/MODEL.md): EVM lowercase hex (EIP-55 as `display`), Tron base58check,
Bitcoin-family base58check case-exact and bech32/bech32m lowercase. Chains whose address
formats are not verified here (Monero, Zcash, Solana, ...) are kept case-exact after a
charset check, so a sanctions list naming them is not lost. A wallet's id is `chain:address`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import based58
import bech32m
import sha3

EVM_CHAINS = frozenset({
    "ethereum", "bsc", "polygon", "arbitrum", "optimism", "base", "avalanche", "fantom",
    "ethereum-classic",
})
# Base58check version bytes and bech32 human-readable part per Bitcoin-family chain.
BASE58_VERSIONS: dict[str, frozenset[int]] = {
    "bitcoin": frozenset({0x00, 0x05}),
    "litecoin": frozenset({0x30, 0x32, 0x05}),
    "dogecoin": frozenset({0x1E, 0x16}),
    "bitcoin-cash": frozenset({0x00, 0x05}),  # legacy form only; CashAddr is not read
}
BECH32_HRP = {"bitcoin": "bc", "litecoin": "ltc"}
# Chains kept verbatim (charset check only): their formats are not verified here.
OPAQUE_CHAINS = frozenset({
    "monero", "zcash", "dash", "bitcoin-gold", "bitcoin-sv", "verge", "solana", "ripple",
    "cardano", "stellar", "algorand", "ton",
})
TRON_VERSION = 0x41

_EVM = re.compile(r"^0x[0-9a-fA-F]{40}$")
_TRON_HEX = re.compile(r"^41[0-9a-fA-F]{40}$")
_OPAQUE = re.compile(r"^[A-Za-z0-9:_-]{20,128}$")

# OFAC SDN / GraphSense currency codes; USDT and USDC live on several chains: detect by address.
ASSET_CHAINS: dict[str, str | None] = {
    "XBT": "bitcoin", "BTC": "bitcoin", "ETH": "ethereum", "TRX": "tron", "LTC": "litecoin",
    "DOGE": "dogecoin", "BCH": "bitcoin-cash", "BSC": "bsc", "BNB": "bsc", "MATIC": "polygon",
    "POL": "polygon", "ARB": "arbitrum", "OP": "optimism", "AVAX": "avalanche",
    "FTM": "fantom", "ETC": "ethereum-classic", "XMR": "monero", "ZEC": "zcash", "DASH": "dash",
    "BTG": "bitcoin-gold", "BSV": "bitcoin-sv", "XVG": "verge", "SOL": "solana", "XRP": "ripple",
    "ADA": "cardano", "XLM": "stellar", "ALGO": "algorand", "TON": "ton",
    "USDT": None, "USDC": None,
}


@dataclass(frozen=True)
class Normalised:
    chain: str
    address: str  # the stored form

    @property
    def display(self) -> str:
        """EIP-55 on EVM chains (on demand: keccak is the costly part), else the address."""
        return eip55(self.address) if self.chain in EVM_CHAINS else self.address

    @property
    def wallet_id(self) -> str:
        return f"{self.chain}:{self.address}"


def wallet_id(chain: str, address: str) -> str:
    """The Entity id of a wallet, from an already normalised address."""
    return f"{chain}:{address}"


@functools.lru_cache(maxsize=1 << 17)
def eip55(address: str) -> str:
    """The EIP-55 mixed-case checksum form of a 0x address."""
    hexpart = address[2:].lower()
    digest = sha3.keccak_256(hexpart.encode("ascii")).hexdigest()[: len(hexpart)]
    # Uppercase a letter where the matching nibble of keccak(lowercase hex) is 8 or more.
    pairs = zip(hexpart, digest, strict=True)
    return "0x" + "".join([c.upper() if d > "7" else c for c, d in pairs])


def _evm(chain: str, address: str) -> Normalised:
    if not _EVM.match(address):
        raise ValueError(f"not an EVM address (want 0x + 40 hex digits): {address!r}")
    hexpart = address[2:]
    mixed = hexpart.lower() != hexpart and hexpart.upper() != hexpart
    if mixed and address[:2] + hexpart != eip55(address):
        raise ValueError(f"bad EIP-55 checksum in {address!r} "
                         f"(checksummed form is {eip55(address)})")
    return Normalised(chain, address.lower())


def _tron(chain: str, address: str) -> Normalised:
    if _TRON_HEX.match(address):
        address = based58.b58encode_check(bytes.fromhex(address)).decode("ascii")
    try:
        payload = based58.b58decode_check(address.encode("ascii", "replace"))
    except ValueError as exc:
        raise ValueError(f"bad Tron base58check address {address!r}: {exc}") from None
    if len(payload) != 21 or payload[0] != TRON_VERSION:
        raise ValueError(f"not a Tron address (want version 0x41, 21 bytes): {address!r}")
    return Normalised(chain, address)


def _base58_family(chain: str, address: str) -> Normalised:
    try:
        payload = based58.b58decode_check(address.encode("ascii", "replace"))
    except ValueError as exc:
        raise ValueError(f"bad {chain} base58check address {address!r}: {exc}") from None
    if len(payload) != 21 or payload[0] not in BASE58_VERSIONS[chain]:
        raise ValueError(f"not a {chain} address (version byte {payload[:1].hex()}): {address!r}")
    return Normalised(chain, address)


def _bech32(chain: str, address: str) -> Normalised:
    lowered = address.lower()
    try:
        bech32m.decode(BECH32_HRP[chain], lowered)
    except bech32m.DecodeError:
        raise ValueError(f"bad {chain} bech32/bech32m address or checksum: {address!r}") from None
    return Normalised(chain, lowered)


def _bitcoin_family(chain: str, address: str) -> Normalised:
    hrp = BECH32_HRP.get(chain)
    if hrp and address.lower().startswith(hrp + "1"):
        return _bech32(chain, address)
    return _base58_family(chain, address)


def _opaque(chain: str, address: str) -> Normalised:
    if not _OPAQUE.match(address):
        raise ValueError(f"not a plausible {chain} address: {address!r}")
    return Normalised(chain, address)


# Chain data repeats addresses (token contracts, exchanges, the heavy tail of active wallets):
# a bounded cache of 128k entries (about 40 MB at most); 32k thrashed on 50k active wallets.
@functools.lru_cache(maxsize=1 << 17)
def normalise(chain: str, address: str) -> Normalised:
    """Normalise `address` on `chain`; ValueError says why it is not a valid address."""
    chain = chain.strip().lower()
    address = address.strip()
    if not address:
        raise ValueError("empty address")
    if chain in EVM_CHAINS:
        return _evm(chain, address)
    if chain == "tron":
        return _tron(chain, address)
    if chain in BASE58_VERSIONS:
        return _bitcoin_family(chain, address)
    if chain in OPAQUE_CHAINS:
        return _opaque(chain, address)
    raise ValueError(f"unknown chain {chain!r}")


def _is_valid(chain: str, address: str) -> bool:
    try:
        normalise(chain, address)
    except ValueError:
        return False
    return True


def detect_chain(address: str) -> str | None:
    """The chain an address belongs to when its form says so (EVM addresses count as ethereum)."""
    address = address.strip()
    if _EVM.match(address):
        return "ethereum"
    if _TRON_HEX.match(address) or address.startswith("T"):
        return "tron" if _is_valid("tron", address) else None
    for chain in ("bitcoin", "litecoin", "dogecoin"):
        if _is_valid(chain, address):
            return chain
    return None


def chain_for_asset(code: str) -> str | None:
    """The chain of an OFAC/GraphSense currency code; None when unknown or multi-chain (USDT)."""
    return ASSET_CHAINS.get(code.strip().upper())
