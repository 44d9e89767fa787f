"""Per-chain address normalisation: one stored form per wallet, checksums verified, never guessed.

Stored forms (docs/MODEL.md): EVM lowercase hex (EIP-55 as `display`), Tron base58check,
Bitcoin-family base58check case-exact and bech32/bech32m lowercase (a Bitcoin Cash CashAddr
is stored as its legacy base58check twin). Every other chain is decoded and checksum-verified
by graph.model.chains (bip-utils); an address that fails is refused, never stored as given.
A wallet's id is `chain:address`.

Every check is linear in the input: the length is capped per chain first (MAX_LENGTH), since
base58 decoding is quadratic in the length of what it is given; a 200,000-character
"address" took 12.8 s before the cap.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import based58
import bech32m
import sha3

from graph.model import chains
from graph.model.chains import utxo
from graph.model.chains.assets import ASSET_CHAINS

EVM_CHAINS = frozenset({
    "ethereum", "bsc", "polygon", "arbitrum", "optimism", "base", "avalanche", "fantom",
    "ethereum-classic", "zksync", "linea", "scroll", "blast", "mantle", "gnosis", "celo",
})
# Base58check version bytes and bech32 human-readable part per Bitcoin-family chain.
BASE58_VERSIONS: dict[str, frozenset[int]] = {
    "bitcoin": frozenset({0x00, 0x05}),
    "litecoin": frozenset({0x30, 0x32, 0x05}),
    "dogecoin": frozenset({0x1E, 0x16}),
    "bitcoin-cash": frozenset({0x00, 0x05}),  # CashAddr is read and stored in this form
}
BECH32_HRP = {"bitcoin": "bc", "litecoin": "ltc"}
TRON_VERSION = 0x41
KNOWN_CHAINS = EVM_CHAINS | {"tron"} | BASE58_VERSIONS.keys() | chains.CHECKERS.keys()
# Longest address per chain family, checked before any decoding: EVM is exactly 42
# (0x + 40 hex); Tron 34 in base58check or 42 in hex; Bitcoin-family base58check at most 35,
# bech32/bech32m at most 90 (BIP 173); the other chains 128 (Cardano Shelley is 103).
MAX_LENGTH = 128
EVM_LENGTH = 42
TRON_MAX = 42
BITCOIN_MAX = 90
# Characters of an address quoted back in an error message.
SHOWN = 64

_EVM = re.compile(r"^0x[0-9a-fA-F]{40}$")
_TRON_HEX = re.compile(r"^41[0-9a-fA-F]{40}$")



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


def _shown(address: str) -> str:
    """The address for an error message: quoted, cut to SHOWN characters."""
    if len(address) <= SHOWN:
        return repr(address)
    return f"{address[:SHOWN]!r}… ({len(address)} characters)"


def _check_length(chain: str, address: str) -> None:
    longest = (EVM_LENGTH if chain in EVM_CHAINS else TRON_MAX if chain == "tron"
               else BITCOIN_MAX if chain in BASE58_VERSIONS else MAX_LENGTH)
    if len(address) > longest:
        raise ValueError(f"not a {chain} address: {len(address)} characters, more than the "
                         f"{longest} a {chain} address has: {_shown(address)}")


def _evm(chain: str, address: str) -> Normalised:
    if address[:2] == "0X":  # an address upper-cased whole: the hex is the same
        address = "0x" + address[2:]
    if not _EVM.match(address):
        raise ValueError(f"not an EVM address (want 0x + 40 hex digits): {_shown(address)}")
    hexpart = address[2:]
    mixed = hexpart.lower() != hexpart and hexpart.upper() != hexpart
    if mixed and address[:2] + hexpart != eip55(address):
        raise ValueError(f"bad EIP-55 checksum in {_shown(address)} "
                         f"(checksummed form is {eip55(address)})")
    return Normalised(chain, address.lower())


def _tron(chain: str, address: str) -> Normalised:
    if _TRON_HEX.match(address):
        address = based58.b58encode_check(bytes.fromhex(address)).decode("ascii")
    try:
        payload = based58.b58decode_check(address.encode("ascii", "replace"))
    except ValueError as exc:
        raise ValueError(f"bad Tron base58check address {_shown(address)}: {exc}") from None
    if len(payload) != 21 or payload[0] != TRON_VERSION:
        raise ValueError(f"not a Tron address (want version 0x41, 21 bytes): {_shown(address)}")
    return Normalised(chain, address)


def _base58_family(chain: str, address: str) -> Normalised:
    try:
        payload = based58.b58decode_check(address.encode("ascii", "replace"))
    except ValueError as exc:
        raise ValueError(f"bad {chain} base58check address {_shown(address)}: {exc}") from None
    if len(payload) != 21 or payload[0] not in BASE58_VERSIONS[chain]:
        raise ValueError(f"not a {chain} address (version byte {payload[:1].hex()}): "
                         f"{_shown(address)}")
    return Normalised(chain, address)


def _bech32(chain: str, address: str) -> Normalised:
    lowered = address.lower()
    try:
        bech32m.decode(BECH32_HRP[chain], lowered)
    except bech32m.DecodeError:
        raise ValueError(f"bad {chain} bech32/bech32m address or checksum: "
                         f"{_shown(address)}") from None
    return Normalised(chain, lowered)


def _bitcoin_family(chain: str, address: str) -> Normalised:
    if chain == "bitcoin-cash" and utxo.is_cashaddr(address):
        return Normalised(chain, utxo.cashaddr_to_legacy(address))
    hrp = BECH32_HRP.get(chain)
    if hrp and address.lower().startswith(hrp + "1"):
        return _bech32(chain, address)
    return _base58_family(chain, address)


# Chain data repeats addresses (token contracts, exchanges, the heavy tail of active wallets):
# a bounded cache of 128k entries (about 40 MB at most); 32k thrashed on 50k active wallets.
@functools.lru_cache(maxsize=1 << 17)
def normalise(chain: str, address: str) -> Normalised:
    """Normalise `address` on `chain`; ValueError says why it is not a valid address."""
    chain = chain.strip().lower()
    address = address.strip()
    if not address:
        raise ValueError("empty address")
    if chain not in KNOWN_CHAINS:
        raise ValueError(f"unknown chain {_shown(chain)}")
    _check_length(chain, address)
    if chain in EVM_CHAINS:
        return _evm(chain, address)
    if chain == "tron":
        return _tron(chain, address)
    if chain in BASE58_VERSIONS:
        return _bitcoin_family(chain, address)
    return Normalised(chain, chains.check(chain, address))


def _is_valid(chain: str, address: str) -> bool:
    try:
        normalise(chain, address)
    except ValueError:
        return False
    return True


def detect_chain(address: str) -> str | None:
    """The chain an address belongs to when its form says so (EVM addresses count as ethereum)."""
    address = address.strip()
    # No address form has whitespace inside; a name ("Golden Fortune") is not decoded by every
    # chain's checksum in turn (a tenth of a name search's CPU).
    if len(address) > MAX_LENGTH or any(c.isspace() for c in address):
        return None
    if _EVM.match(address):
        return "ethereum"
    if _TRON_HEX.match(address) or address.startswith("T"):
        return "tron" if _is_valid("tron", address) else None
    if address.lower().startswith(utxo.CASHADDR_PREFIX + ":"):
        return "bitcoin-cash" if _is_valid("bitcoin-cash", address) else None
    for chain in ("bitcoin", "litecoin", "dogecoin", *chains.DETECTABLE):
        if _is_valid(chain, address):
            return chain
    return None


def chain_for_asset(code: str) -> str | None:
    """The chain of an OFAC/GraphSense currency code; None when unknown or multi-chain (USDT)."""
    candidates = ASSET_CHAINS.get(code.strip().upper())
    return candidates[0] if candidates and len(candidates) == 1 else None


def is_known_asset(code: str) -> bool:
    """Whether `code` is a currency code this module maps (to chains or to detection)."""
    return code.strip().upper() in ASSET_CHAINS


def resolve_chain(code: str, address: str) -> str | None:
    """The chain `address` is on, following the source's currency `code`: the first chain the
    code may mean that accepts the address (else the first, so its error is the one given);
    detected from the address only for an empty code or a multi-chain token (USDT). None for
    an unknown code: a DGB address is never guessed to be Dogecoin."""
    code = code.strip().upper()
    if not code or (code in ASSET_CHAINS and ASSET_CHAINS[code] is None):
        return detect_chain(address)
    candidates = ASSET_CHAINS.get(code)
    if not candidates:
        return None
    return next((c for c in candidates if _is_valid(c, address)), candidates[0])
