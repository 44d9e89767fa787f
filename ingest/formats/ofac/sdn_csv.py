"""`ofac-sdn-csv`: OFAC's legacy SDN.CSV (no header, 12 columns, '-0-' for empty).

Per row: the party (individual -> Person; entity -> Organization:Company; vessel and aircraft ->
Organization without a kind label, kept so sanctions searches still find them), one Sanction
per program, and the digital currency addresses hidden in Remarks as wallets CONTROLLED_BY the
party. An address that fails its chain's checksum, or that the 1,000-character Remarks limit
may have cut, is Rejected; the rest of the row is still loaded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ingest.formats.base import Item, SourceInput, csv_records, rejected
from ingest.formats.entity_common import compact
from ingest.formats.ofac.common import designations, party_id, party_wallets
from ingest.formats.ofac.sdn_remarks import Remarks, parse_remarks, programs
from ingest.records import NodeRecord, Rejected
from scamgraph.errors import InputError

COLUMNS = ("ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign", "Vess_type",
           "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks")
NULL = "-0-"
# Old OFAC downloads end with a DOS end-of-file byte on its own line.
EOF_MARK = "\x1a"


def read(src: SourceInput) -> Iterator[Item]:
    """Stream the rows of an SDN.CSV file as records."""
    good = bad = 0
    seen: dict[str, str] = {}  # ent_num -> position; the list has ~10^4 parties
    for found in _rows(src):
        if isinstance(found, Rejected):
            bad += 1
            yield found
            continue
        position, row = found
        repeat = _repeat(seen, position, row)
        items = [repeat] if repeat else list(_row(position, row))
        good += any(not isinstance(i, Rejected) for i in items)
        bad += all(isinstance(i, Rejected) for i in items)
        yield from items
    if bad and not good:
        raise InputError(f"{src.name}: no row looks like OFAC SDN.CSV",
                         hint="expected 12 columns: " + ",".join(COLUMNS))


def _repeat(seen: dict[str, str], position: str, row: list[str]) -> Rejected | None:
    """A Rejected when the row's ent_num was used by an earlier row.

    One id for two parties (the 2022 copy reuses 2677) would make one node both a Person and
    a Company, so the later row is quarantined until the list is corrected.
    """
    first = seen.setdefault(row[0].strip(), position)
    if first == position:
        return None
    return rejected(position, ",".join(row), f"ent_num {row[0].strip()} repeats {first}")


def _rows(src: SourceInput) -> Iterator[tuple[str, list[str]] | Rejected]:
    with src.path.open("rb") as raw:
        if raw.read(2) in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{src.name}: the file is UTF-16", hint="SDN.CSV is UTF-8 or ASCII")
        raw.seek(0)
        # surrogateescape: a row with bytes that are not UTF-8 is rejected, not the whole file.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text)
        for row in csv_records(reader, src.name):
            if isinstance(row, Rejected):
                yield row
            elif row and row != [EOF_MARK]:
                yield f"line {reader.line_num}", row


def _row(position: str, row: list[str]) -> Iterator[Item]:
    raw = ",".join(row)
    if len(row) != len(COLUMNS):
        yield rejected(position, raw, f"expected {len(COLUMNS)} columns, found {len(row)}")
        return
    if any("\udc80" <= ch <= "\udcff" for ch in raw):
        yield rejected(position, raw.encode("utf-8", "replace").decode("utf-8"), "not UTF-8")
        return
    cells = dict(zip(COLUMNS, (_clean(c) for c in row), strict=True))
    if not cells["ent_num"].isdigit() or not cells["SDN_Name"]:
        yield rejected(position, raw, "ent_num is not a number or SDN_Name is empty")
        return
    yield from _party(position, raw, cells)


def _clean(cell: str) -> str:
    cell = cell.strip()
    return "" if cell == NULL else cell


def _party(position: str, raw: str, cells: dict[str, str]) -> Iterator[Item]:
    uid = cells["ent_num"]
    remarks = parse_remarks(cells["Remarks"])
    node = _node(party_id(uid), cells, remarks, position)
    yield node
    listed = list(designations(node.id, uid, programs(cells["Program"]), position))
    yield from listed
    sanction_ids = [i.id for i in listed if isinstance(i, NodeRecord)]
    yield from party_wallets(node.id, remarks.addresses, position, raw, sanction_ids)
    if remarks.cut_address:
        asset, address = remarks.cut_address
        reason = (f"{asset} address {address!r} ends where SDN.CSV cuts Remarks at 1,000 "
                  "characters; it may be incomplete (full text in SDN_COMMENTS.CSV)")
        yield rejected(position, raw, reason)


def _node(node_id: str, cells: dict[str, str], remarks: Remarks, position: str) -> NodeRecord:
    kind = cells["SDN_Type"].lower()
    common = {"name": cells["SDN_Name"], "aliases": remarks.aliases, "sdn_type": kind or "entity"}
    if kind == "individual":
        props = {**common, "nationality": remarks.nationality, "birth_date": remarks.birth_date,
                 "title": cells["Title"]}
        return NodeRecord("Person", node_id, compact(props), position=position)
    props = {**common, "website": remarks.website, "call_sign": cells["Call_Sign"],
             "vessel_type": cells["Vess_type"], "flag": cells["Vess_flag"],
             "owner_name": cells["Vess_owner"]}
    kinds = () if kind in ("vessel", "aircraft") else ("Company",)
    return NodeRecord("Organization", node_id, compact(props), kinds=kinds, position=position)
