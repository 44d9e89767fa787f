"""Every chain OFAC, OpenSanctions and TagPacks list: a real address is stored in its stored
form; one character changed, or the case mangled, is refused (tests/fixtures/addresses-chains).
"""

from __future__ import annotations

import pytest

from graph.model.addresses import detect_chain, eip55, normalise, resolve_chain
from tests.ingest.helpers import fixture

ALPHABETS = {
    "b58": "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz",
    "xrp": "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz",
    "bech32": "qpzry9x8gf2tvdw0s3jn54khce6mua7l",
    "b32": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "b64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    "hex": "0123456789abcdefABCDEF",
}
# Forms where case carries no information: all-upper or all-lower is the same address.
CASELESS = {"bech32", "hex"}


def _rows() -> list[tuple[str, str, str, str]]:
    text = fixture("addresses-chains/addresses.tsv").read_text(encoding="utf-8")
    return [tuple(line.split("\t")[:4]) for line in text.splitlines()  # type: ignore[misc]
            if line and not line.startswith("#")]


ROWS = _rows()


def _flip(address: str, alphabet: str) -> str:
    """`address` with its middle character replaced by the next one of the same alphabet."""
    i = len(address) // 2
    letters = ALPHABETS[alphabet]
    if alphabet == "hex":
        letters = "0123456789abcdef" if address[i].islower() or address[i].isdigit() else "ABCDEF"
    swapped = letters[(letters.index(address[i]) + 1) % len(letters)]
    return address[:i] + swapped + address[i + 1:]


@pytest.mark.parametrize(("chain", "address", "stored", "alphabet"), ROWS,
                         ids=[f"{r[0]}-{r[1][:8]}" for r in ROWS])
def test_valid_flipped_and_case_mangled(chain: str, address: str, stored: str,
                                        alphabet: str) -> None:
    assert normalise(chain, address).address == stored
    given = eip55(address) if alphabet == "hex" else address  # EIP-55 is the checksum
    flipped = _flip(given, alphabet)
    if chain == "solana":  # no checksum: a changed character is another valid key
        assert normalise(chain, flipped).address == flipped
    else:
        with pytest.raises(ValueError, match=f"(?i){chain}" if alphabet != "hex" else "EIP-55"):
            normalise(chain, flipped)
    for mangled in (address.lower(), address.upper()):
        if mangled == address:
            continue
        if alphabet in CASELESS:
            assert normalise(chain, mangled).address == stored
        else:
            with pytest.raises(ValueError):
                normalise(chain, mangled)


def test_one_wallet_for_both_bitcoin_cash_spellings() -> None:
    legacy = normalise("bitcoin-cash", "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu")
    for spelling in ("bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
                     "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
                     "BITCOINCASH:QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A"):
        assert normalise("bitcoin-cash", spelling).wallet_id == legacy.wallet_id


def test_currency_decides_the_chain() -> None:
    dgb = "DG1KhhBKpsyWXTakHNezaDQ34focsXjN1i"  # version 0x1E, as Dogecoin's
    assert resolve_chain("DGB", dgb) == "digibyte"
    assert resolve_chain("XVG", "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z") == "verge"
    assert resolve_chain("DGX", dgb) is None  # unknown code: never guessed
    assert resolve_chain("BNB", "bnb1rxhz5vdv4fvdjye8gxqvfv0yvg20jtlwf4f38d") == "bnb-beacon"
    assert resolve_chain("BNB", "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c") == "bsc"
    assert resolve_chain("USDT", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre") == "tron"
    assert resolve_chain("ARB", "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c") == "arbitrum"


def test_detection_only_where_the_form_is_unambiguous() -> None:
    found: dict[str, str | None] = {}
    for chain, address, _, _ in ROWS:  # the first address of each chain
        found.setdefault(chain, detect_chain(address))
    assert found["solana"] is None  # no checksum: the chain must be given
    # A base58 D... is Dogecoin's, DigiByte's and Verge's version byte: only the source's
    # currency can tell them apart (test_currency_decides_the_chain).
    assert found["digibyte"] == found["verge"] == "dogecoin"
    for chain in ("monero", "ripple", "stellar", "dash", "zcash", "cardano", "bnb-beacon"):
        assert found[chain] == chain


def test_refused_forms_say_why() -> None:
    with pytest.raises(ValueError, match="shielded"):
        normalise("zcash", "zs1z7rejlpsa98s2rrrfkwmaxu53e4ue0ulcrw0h4x5g8jl04tak0d3mm47vdtaha"
                           "tqrlkngh9sly")
    with pytest.raises(ValueError, match="case-mangled"):
        normalise("solana", "so11111111111111111111111111111111111111112")
    with pytest.raises(ValueError, match="monero"):  # a 64-hex id OFAC filed under XMR
        normalise("monero", "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320")
