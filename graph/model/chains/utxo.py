"""Bitcoin-derived chains: base58check with per-chain version bytes, bech32 segwit, CashAddr.

Stored forms match the Bitcoin family in graph.model.addresses: base58check case-exact,
bech32 lowercase. A Bitcoin Cash CashAddr is stored as the legacy base58check address of the
same hash, so both spellings of one wallet have one id (GraphSense does the same).
"""

from __future__ import annotations

import functools

from bip_utils import (
    Base58Encoder,
    BchBech32Decoder,
    CoinsConf,
    P2PKHAddrDecoder,
    SegwitBech32Decoder,
)

from graph.model.chains._decode import decode, first_ok, shown

# Version bytes of P2PKH and P2SH addresses (each chain's chainparams.cpp).
VERSIONS: dict[str, tuple[bytes, ...]] = {
    "dash": (b"\x4c", b"\x10"),             # X..., 7...
    "zcash": (b"\x1c\xb8", b"\x1c\xbd"),    # transparent t1..., t3...
    "bitcoin-sv": (b"\x00", b"\x05"),       # 1..., 3... (as Bitcoin)
    "bitcoin-gold": (b"\x26", b"\x17"),     # G..., A...
    "verge": (b"\x1e", b"\x21"),            # D..., E...
    "digibyte": (b"\x1e", b"\x3f"),         # D..., S...
}
SEGWIT_HRP = {"digibyte": "dgb", "bitcoin-gold": "btg"}
CASHADDR_PREFIX = CoinsConf.BitcoinCashMainNet.ParamByKey("p2pkh_std_hrp")  # "bitcoincash"
# CashAddr version byte -> legacy base58check version: 0 is P2PKH, 8 is P2SH.
CASHADDR_LEGACY = {b"\x00": b"\x00", b"\x08": b"\x05"}


def base58_or_bech32(chain: str, address: str) -> str:
    """The stored form of a base58check or (where the chain has segwit) bech32 address."""
    hrp = SEGWIT_HRP.get(chain)
    if hrp and address.lower().startswith(hrp + "1"):
        lowered = address.lower()
        decode(chain, "bech32", lambda a: SegwitBech32Decoder.Decode(hrp, a), lowered)
        return lowered
    if chain == "zcash" and address[:2].lower() in ("zs", "zc", "u1"):
        raise ValueError(f"zcash shielded and unified addresses are not read (only "
                         f"transparent t1/t3 addresses): {shown(address)}")
    return first_ok(chain, address, [
        functools.partial(_base58, chain, address, version) for version in VERSIONS[chain]])


def _base58(chain: str, address: str, version: bytes) -> str:
    decode(chain, "base58check", P2PKHAddrDecoder.DecodeAddr, address, net_ver=version)
    return address


def is_cashaddr(address: str) -> bool:
    """Whether `address` is in CashAddr form (with or without the `bitcoincash:` prefix)."""
    lowered = address.lower()
    return lowered.startswith(CASHADDR_PREFIX + ":") or (
        len(lowered) == 42 and lowered[:1] in ("q", "p"))


def cashaddr_to_legacy(address: str) -> str:
    """The legacy base58check form of a Bitcoin Cash CashAddr; ValueError when it is bad."""
    lowered = address.lower()  # CashAddr is all-lowercase or all-uppercase
    if not lowered.startswith(CASHADDR_PREFIX + ":"):
        lowered = f"{CASHADDR_PREFIX}:{lowered}"
    version, payload = decode("bitcoin-cash", "CashAddr",
                              lambda a: BchBech32Decoder.Decode(CASHADDR_PREFIX, a), lowered)
    if version not in CASHADDR_LEGACY or len(payload) != 20:
        raise ValueError(f"not a bitcoin-cash P2PKH/P2SH CashAddr (type {version.hex()}, "
                         f"{len(payload)} bytes): {shown(address)}")
    return str(Base58Encoder.CheckEncode(CASHADDR_LEGACY[version] + payload))
