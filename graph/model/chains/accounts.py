"""Account-style chains (Monero, XRP, Stellar, Solana, Cardano, BNB Beacon, Algorand, TON).

Stored forms: bech32 addresses (Cardano Shelley `addr1`, BNB Beacon `bnb1`) lowercase; TON as
its raw `workchain:hex` form (one id for the bounceable and non-bounceable spellings); every
other form case-exact, since base58 and Stellar/Algorand base32 are case-significant.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re

from bip_utils import (
    AdaByronAddrDecoder,
    AlgoAddrDecoder,
    AtomAddrDecoder,
    Base58Decoder,
    Bech32Decoder,
    XlmAddrDecoder,
    XmrAddrDecoder,
    XrpAddrDecoder,
)

from graph.model.chains._decode import decode, first_ok, shown

# Monero network bytes: 0x12 standard (4...), 0x2A subaddress (8...); integrated 0x13.
XMR_VERSIONS = (b"\x12", b"\x2a")
XMR_INTEGRATED_LENGTH = 106
SOLANA_KEY_BYTES = 32
_TON_RAW = re.compile(r"^(-1|0):([0-9a-fA-F]{64})$")
TON_FRIENDLY_LENGTH = 48
TON_BYTES = 36


def monero(chain: str, address: str) -> str:
    if len(address) == XMR_INTEGRATED_LENGTH:
        raise ValueError(f"monero integrated addresses (with a payment id) are not read: "
                         f"{shown(address)}")
    return first_ok(chain, address, [
        functools.partial(_xmr, chain, address, version) for version in XMR_VERSIONS])


def _xmr(chain: str, address: str, version: bytes) -> str:
    decode(chain, "base58 (Monero)", XmrAddrDecoder.DecodeAddr, address, net_ver=version)
    return address


def ripple(chain: str, address: str) -> str:
    decode(chain, "base58check (XRP alphabet)", XrpAddrDecoder.DecodeAddr, address)
    return address


def stellar(chain: str, address: str) -> str:
    decode(chain, "strkey", XlmAddrDecoder.DecodeAddr, address)
    return address


def algorand(chain: str, address: str) -> str:
    decode(chain, "base32", AlgoAddrDecoder.DecodeAddr, address)
    return address


def bnb_beacon(chain: str, address: str) -> str:
    lowered = address.lower()
    decode(chain, "bech32", AtomAddrDecoder.DecodeAddr, lowered, hrp="bnb")
    return lowered


def cardano(chain: str, address: str) -> str:
    """Shelley `addr1...` (bech32, any address type) or Byron (`Ae2...`, `DdzFF...`)."""
    if address.lower().startswith("addr1"):
        lowered = address.lower()
        decode(chain, "bech32", lambda a: Bech32Decoder.Decode("addr", a), lowered)
        return lowered
    decode(chain, "Byron", AdaByronAddrDecoder.DecodeAddr, address)
    return address


def solana(chain: str, address: str) -> str:
    """Base58 of a 32-byte key. There is no checksum, so a one-character change still decodes;
    what is caught: bad characters, the wrong length, and a case-mangled address (a real one
    of 32+ characters with no upper- or no lower-case letter has odds below 1e-8)."""
    key = decode(chain, "base58", Base58Decoder.Decode, address)
    if len(key) != SOLANA_KEY_BYTES:
        raise ValueError(f"not a solana address ({len(key)} bytes, want 32): {shown(address)}")
    if len(address) >= SOLANA_KEY_BYTES and (address.lower() == address
                                             or address.upper() == address):
        raise ValueError(f"solana address looks case-mangled (no mixed case; base58 is "
                         f"case-significant and Solana has no checksum): {shown(address)}")
    return address


def ton(chain: str, address: str) -> str:
    """The raw `workchain:hex` form of a TON address; a user-friendly (base64) one has its
    CRC16 verified (binascii.crc_hqx is the CRC-16/XMODEM the TON spec names)."""
    raw = _TON_RAW.match(address)
    if raw:
        return f"{raw.group(1)}:{raw.group(2).lower()}"
    if len(address) != TON_FRIENDLY_LENGTH:
        raise ValueError(f"not a ton address (raw wc:hex or 48 base64 characters): "
                         f"{shown(address)}")
    data = decode(chain, "base64", _b64, address)
    if len(data) != TON_BYTES or binascii.crc_hqx(data[:34], 0) != int.from_bytes(data[34:]):
        raise ValueError(f"bad ton address checksum: {shown(address)}")
    workchain = -1 if data[1] == 0xFF else data[1]
    return f"{workchain}:{data[2:34].hex()}"


def _b64(address: str) -> bytes:
    return base64.b64decode(address.replace("-", "+").replace("_", "/"), validate=True)
