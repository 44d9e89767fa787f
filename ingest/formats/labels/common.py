"""What a label becomes: a Wallet whose `tags` are the name and labels (search indexes them)
and whose `categories` are GraphSense taxonomy terms the labels (else the name) hold, so
exposure's scam-linked flag (graph/investigate/exposure.py SCAM_CATEGORIES) sees phishing and
scam labels.

No actor node is made: label sets name wallets ("Fake_Phishing123", "Binance 14"), not parties
with ids, and a name is not an identity. Provenance is the run's Source, as for every format.
"""

from __future__ import annotations

import re
from typing import Any

from graph.model.addresses import KNOWN_CHAINS
from ingest.formats.base import rejected
from ingest.formats.entity_common import compact, wallet_node
from ingest.records import NodeRecord, Rejected

# A word in a label -> GraphSense categories (taxonomy "concepts"); scam-like ones also carry
# "scam", the term exposure reads.
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "exchange": ("exchange",), "cex": ("exchange",), "dex": ("defi_dex",),
    "phishing": ("phishing", "scam"), "phish": ("phishing", "scam"), "scam": ("scam",),
    "fraud": ("scam",), "drainer": ("phishing", "scam"), "ponzi": ("ponzi_scheme", "scam"),
    "hack": ("hacker",), "hacker": ("hacker",), "exploit": ("hacker",), "heist": ("hacker",),
    "exploiter": ("hacker",), "mixer": ("mixing_service",), "tornado": ("mixing_service",),
    "bridge": ("defi_bridge",), "ransomware": ("ransomware",), "darknet": ("darknet",),
    "gambling": ("gambling",), "miner": ("miner",), "mining": ("miner",),
    "sanctioned": ("sanctioned",), "ofac": ("sanctioned",),
}
_WORD = re.compile(r"[a-z]+")
# What a spreadsheet makes of a long hex or decimal number: 1.43E+48.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
MAX_LABELS = 20


def categories(texts: list[str]) -> list[str]:
    found: list[str] = []
    for text in texts:
        for word in _WORD.findall(text.lower()):
            found.extend(CATEGORY_WORDS.get(word, ()))
    return list(dict.fromkeys(found))


def split_labels(value: Any) -> list[str]:
    """Labels from a list, or a text cell separated by ; | or ,."""
    items = value if isinstance(value, list) else re.split(r"[;|,]", str(value or ""))
    return [str(x).strip()[:200] for x in items if str(x).strip()][:MAX_LABELS]


def label_wallet(position: str, raw: object, address: str, name: str, labels: list[str],
                 chain: str) -> NodeRecord | Rejected:
    """The labelled Wallet, or why not (spreadsheet-mangled, no chain, bad checksum)."""
    address = address.strip()
    if _SCIENTIFIC.match(address):
        return rejected(position, raw, f"address {address[:40]!r} was mangled by a spreadsheet "
                                       "(scientific notation): the digits are lost")
    tags = [t for t in [name.strip()[:200], *labels] if t]
    # Categories from the labels; from the name only when there are none ("Fake_Phishing5169").
    props = compact({"tags": list(dict.fromkeys(tags)),
                     "categories": categories(labels or tags)})
    if chain.strip().lower() in KNOWN_CHAINS:
        return wallet_node("", address, position, raw, props, chain=chain.strip().lower())
    return wallet_node(chain, address, position, raw, props)  # a currency code, or detect
