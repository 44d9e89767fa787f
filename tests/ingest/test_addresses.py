"""Address normalisation: stored forms, checksums verified, bad input rejected with a reason."""

from __future__ import annotations

import time

import pytest

from graph.model.addresses import chain_for_asset, detect_chain, normalise

USDT_TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


def test_evm_stored_lowercase_displayed_eip55() -> None:
    for given in (EIP55, EIP55.lower(), "0x" + EIP55[2:].upper()):
        n = normalise("ethereum", given)
        assert (n.address, n.display) == (EIP55.lower(), EIP55)
    assert normalise("BSC", EIP55).wallet_id == f"bsc:{EIP55.lower()}"


def test_evm_bad_checksum_rejected_not_fixed() -> None:
    with pytest.raises(ValueError, match="EIP-55"):
        normalise("ethereum", EIP55[:-1] + "D")
    with pytest.raises(ValueError, match="40 hex"):
        normalise("ethereum", EIP55[:-1])


def test_tron_base58_and_hex() -> None:
    assert normalise("tron", USDT_TRON).address == USDT_TRON
    assert normalise("tron", "41a614f803b6fd780986a42c78ec9c7f77e6ded13c").address == USDT_TRON
    with pytest.raises(ValueError, match="checksum"):
        normalise("tron", USDT_TRON[:-1] + "T")
    with pytest.raises(ValueError, match="Tron"):
        normalise("tron", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")  # valid base58check, wrong version


def test_bitcoin_base58_exact_and_bech32_lowercased() -> None:
    assert normalise("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").address == (
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
    seg = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    assert normalise("bitcoin", seg.upper()).address == seg
    taproot = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
    assert normalise("bitcoin", taproot).address == taproot
    with pytest.raises(ValueError, match="bech32"):
        normalise("bitcoin", seg[:-1] + "d")
    with pytest.raises(ValueError, match="base58check"):
        normalise("bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")


def test_unknown_chain_and_empty() -> None:
    with pytest.raises(ValueError, match="unknown chain"):
        normalise("narnia", "abc")
    with pytest.raises(ValueError, match="empty"):
        normalise("bitcoin", "  ")


def test_detect_and_asset_codes() -> None:
    assert detect_chain(USDT_TRON) == "tron"
    assert detect_chain(EIP55) == "ethereum"
    assert detect_chain("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa") == "bitcoin"
    assert detect_chain("not an address") is None
    assert [chain_for_asset(c) for c in ("XBT", "btc", "ETH", "TRX", "USDT", "LTC", "ZZZ")] == [
        "bitcoin", "bitcoin", "ethereum", "tron", None, "litecoin", None]


@pytest.mark.parametrize(("chain", "longest"), [
    ("tron", 42), ("ethereum", 42), ("bitcoin", 90), ("dogecoin", 90), ("monero", 128)])
def test_overlong_addresses_are_refused_at_once(chain: str, longest: int) -> None:
    # Base58 decoding is quadratic: 200,000 characters took 12.8 s before the length cap.
    huge = "T" + "x" * 200_000
    started = time.perf_counter()
    with pytest.raises(ValueError, match=f"200001 characters, more than the {longest}") as exc:
        normalise(chain, huge)
    assert time.perf_counter() - started < 0.1
    assert len(str(exc.value)) < 300  # the address is cut, not echoed whole
    assert detect_chain(huge) is None


def test_length_cap_keeps_real_addresses() -> None:
    monero = ("49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDY"
              "KBe5B2ufNsL")  # 95 characters, the standard Monero length (OFAC's XMR list)
    assert normalise("monero", monero).address == monero
    assert normalise("tron", "41" + "a" * 40).address.startswith("T")  # 42-char hex form
