"""`ofac-list`: plain per-asset lists of OFAC-sanctioned addresses (0xB10C's
ofac-sanctioned-digital-currency-addresses): `sanctioned_addresses_XBT.txt`, one address a
line, or `sanctioned_addresses_XBT.json`, a JSON array of strings; also a JSON object keyed by
address whose values may give the asset and the party's name (list_forms.py). A CSV or an
HTML page is refused whole with a message, before anything is written.

The asset comes from the entry (JSON object), else option `asset=`, else the file name.
The lists do not say which party or program an address belongs to, so every wallet is
SANCTIONED_BY one Sanction per asset list: authority OFAC, program "SDN", listing id
"list-<ASSET>" (or "list-<file stem>" for a JSON object naming assets per address). The
`ofac-sdn-csv` and `ofac-sdn-xml` formats add the party and its programs for the same wallet ids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.formats.base import Item, SourceInput, rejected
from ingest.formats.entity_common import sanction_node, sanctioned_by, wallet_node
from ingest.formats.ofac import list_forms
from ingest.formats.ofac.common import AUTHORITY
from ingest.records import Rejected
from scamgraph.errors import InputError

PROGRAM = "SDN"
_NAME = re.compile(r"sanctioned_addresses_([A-Za-z0-9]+)\.(?:txt|json)$")


def read(src: SourceInput) -> Iterator[Item]:
    kind = list_forms.form(src)  # refuses a table or a page before any record is made
    asset = list_asset(src, required=kind == "lines")
    listing = sanction_node(AUTHORITY, PROGRAM, f"list-{asset or _stem(src)}", "file",
                            list="SDN", reason=f"address listed under Digital Currency Address"
                                               f"{' - ' + asset if asset else ''}")
    yield listing
    seen: dict[str, str] = {}
    for entry in list_forms.entries(src, kind):
        if isinstance(entry, Rejected):
            yield entry
            continue
        props = {"tags": [entry.name]} if entry.name else None
        code = entry.asset or asset
        if not code:
            yield rejected(entry.position, entry.raw, "no asset: the entry names none and the "
                                                       "list has none (pass asset=XBT)")
            continue
        wallet = wallet_node(code, entry.address, entry.position, entry.raw, props)
        if isinstance(wallet, Rejected):
            yield wallet
        elif wallet.id in seen:
            yield rejected(entry.position, entry.raw, f"duplicate of {seen[wallet.id]}")
        else:
            seen[wallet.id] = entry.position
            yield wallet
            yield sanctioned_by(wallet.id, listing.id, entry.position)


def _stem(src: SourceInput) -> str:
    return src.path.stem[:64] or "file"


def list_asset(src: SourceInput, *, required: bool = True) -> str:
    """The asset code from `asset=` or the file name; InputError when neither says it and it is
    `required` (a JSON object may name the asset per address instead)."""
    asset = src.option("asset") or _asset_from_name(src.name) or _asset_from_name(src.path.name)
    if not asset and not required:
        return ""
    if not asset:
        raise InputError(f"{src.name}: cannot tell which asset this list is for",
                         hint="pass asset=XBT (or name the file sanctioned_addresses_XBT.txt)")
    return asset.strip().upper()


def _asset_from_name(name: str) -> str:
    match = _NAME.search(name)
    return match.group(1) if match else ""
