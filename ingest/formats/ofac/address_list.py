"""`ofac-list`: plain per-asset lists of OFAC-sanctioned addresses (0xB10C's
ofac-sanctioned-digital-currency-addresses): `sanctioned_addresses_XBT.txt`, one address a
line, or `sanctioned_addresses_XBT.json`, a JSON array of strings.

The asset comes from option `asset=` or else from the file name. The lists do not say which
party or program an address belongs to, so every wallet is SANCTIONED_BY one Sanction per
asset list: authority OFAC, program "SDN", listing id "list-<ASSET>". The `ofac-sdn-csv` and
`ofac-sdn-xml` formats add the party and its programs for the same wallet ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.formats.base import Item, SourceInput, json_document, lines, rejected
from ingest.formats.entity_common import sanction_node, sanctioned_by, wallet_node
from ingest.formats.ofac.common import AUTHORITY
from ingest.records import Rejected
from scamgraph.errors import InputError

PROGRAM = "SDN"
_NAME = re.compile(r"sanctioned_addresses_([A-Za-z0-9]+)\.(?:txt|json)$")


def read(src: SourceInput) -> Iterator[Item]:
    asset = list_asset(src)
    listing = sanction_node(AUTHORITY, PROGRAM, f"list-{asset}", "file", list="SDN",
                            reason=f"address listed under Digital Currency Address - {asset}")
    yield listing
    seen: dict[str, str] = {}
    for entry in _entries(src):
        if isinstance(entry, Rejected):
            yield entry
            continue
        position, address = entry
        wallet = wallet_node(asset, address, position, address)
        if isinstance(wallet, Rejected):
            yield wallet
        elif wallet.id in seen:
            yield rejected(position, address, f"duplicate of {seen[wallet.id]}")
        else:
            seen[wallet.id] = position
            yield wallet
            yield sanctioned_by(wallet.id, listing.id, position)


def list_asset(src: SourceInput) -> str:
    """The asset code from `asset=` or the file name; InputError when neither says it."""
    asset = src.option("asset") or _asset_from_name(src.name) or _asset_from_name(src.path.name)
    if not asset:
        raise InputError(f"{src.name}: cannot tell which asset this list is for",
                         hint="pass asset=XBT (or name the file sanctioned_addresses_XBT.txt)")
    return asset.strip().upper()


def _asset_from_name(name: str) -> str:
    match = _NAME.search(name)
    return match.group(1) if match else ""


def _entries(src: SourceInput) -> Iterator[tuple[str, str] | Rejected]:
    if _is_json(src):
        yield from _json_entries(src)
        return
    for item in lines(src):
        if isinstance(item, Rejected):
            yield item
        elif item[1].strip() and not item[1].lstrip().startswith("#"):
            yield f"line {item[0]}", item[1].strip()


def _is_json(src: SourceInput) -> bool:
    with src.path.open("rb") as fh:
        head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[")


def _json_entries(src: SourceInput) -> Iterator[tuple[str, str] | Rejected]:
    document = json_document(src)
    if not isinstance(document, list):
        raise InputError(f"{src.name}: expected a JSON array of addresses")
    for index, value in enumerate(document):
        if isinstance(value, str) and value.strip():
            yield f"item {index}", value.strip()
        else:
            yield rejected(f"item {index}", value, "not an address string")
