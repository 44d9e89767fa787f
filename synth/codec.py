"""Address encodings of the three chains, written out so the generator needs no chain library.

Tron and legacy Bitcoin addresses are base58check (double-SHA-256 checksum); native SegWit
addresses are bech32 (BIP-173). Ingesters validate these with their own code, so a mistake
here shows up as quarantined records in the tests.
"""

from __future__ import annotations

import hashlib

B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
TRON_VERSION = 0x41
BTC_P2PKH_VERSION = 0x00
BTC_P2SH_VERSION = 0x05


def sha256d(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars: list[str] = []
    while number:
        number, rest = divmod(number, 58)
        chars.append(B58_ALPHABET[rest])
    # Every leading zero byte is written as a leading "1".
    pad = len(data) - len(data.lstrip(b"\0"))
    return "1" * pad + "".join(reversed(chars))


def b58check(version: int, payload: bytes) -> str:
    body = bytes([version]) + payload
    return b58encode(body + sha256d(body)[:4])


def _polymod(values: list[int]) -> int:
    generator = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i in range(5):
            check ^= generator[i] if (top >> i) & 1 else 0
    return check


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _to_5bit(data: bytes) -> list[int]:
    acc, bits, out = 0, 0, []
    for byte in data:
        acc = (acc << 8) | byte
        bits += 8
        while bits >= 5:
            bits -= 5
            out.append((acc >> bits) & 31)
    if bits:
        out.append((acc << (5 - bits)) & 31)
    return out


def bech32_segwit(hrp: str, witness_version: int, program: bytes) -> str:
    """A SegWit v0 address (bech32, not bech32m: v0 programs use the original constant 1)."""
    data = [witness_version, *_to_5bit(program)]
    polymod = _polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ 1
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in data + checksum)


def tron_address(key: bytes) -> str:
    """A Tron address (T...) from 20 bytes: version byte 0x41, base58check."""
    return b58check(TRON_VERSION, key[:20])


def evm_address(key: bytes) -> str:
    """An EVM address as ethereum-etl writes it: lowercase hex, 0x prefix."""
    return "0x" + key[:20].hex()


def btc_address(key: bytes, kind: str) -> str:
    """A Bitcoin mainnet address of `kind` p2pkh (1...), p2sh (3...) or p2wpkh (bc1q...)."""
    if kind == "p2pkh":
        return b58check(BTC_P2PKH_VERSION, key[:20])
    if kind == "p2sh":
        return b58check(BTC_P2SH_VERSION, key[:20])
    if kind == "p2wpkh":
        return bech32_segwit("bc", 0, key[:20])
    raise ValueError(f"unknown Bitcoin address kind {kind!r}")


# bitcoin-etl's output `type` and locking script for each address kind.
BTC_SCRIPT_TYPES = {"p2pkh": "pubkeyhash", "p2sh": "scripthash", "p2wpkh": "witness_v0_keyhash"}


def btc_script(key: bytes, kind: str) -> tuple[str, str]:
    """(script_asm, script_hex) of the output script paying the 20-byte hash `key`."""
    h = key[:20].hex()
    if kind == "p2pkh":
        return f"OP_DUP OP_HASH160 {h} OP_EQUALVERIFY OP_CHECKSIG", f"76a914{h}88ac"
    if kind == "p2sh":
        return f"OP_HASH160 {h} OP_EQUAL", f"a914{h}87"
    return f"0 {h}", f"0014{h}"
