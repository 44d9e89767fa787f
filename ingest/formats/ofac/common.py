"""What the two OFAC SDN formats (legacy CSV, advanced XML) build the same way.

Both name a party by its SDN unique id (CSV ent_num = XML DistinctParty FixedRef), so a party,
its wallets and its designations get the same ids from either file and merge in the graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ingest.formats.base import Item
from ingest.formats.entity_common import controlled_by, sanction_node, sanctioned_by, wallet_node
from ingest.records import Rejected

AUTHORITY = "OFAC"
# Wallets named as a party's identifiers by OFAC itself: attribution is certain.
LISTED_CONFIDENCE = 1.0


def party_id(uid: str) -> str:
    """The node id of an SDN party, from its SDN unique id (ent_num / FixedRef)."""
    return f"ofac-sdn-{uid}"


def designations(
    entity_id: str, uid: str, program_names: Iterable[str], position: str, **props: str,
) -> Iterator[Item]:
    """One Sanction per program the party is listed under, and the SANCTIONED_BY link to it."""
    for program in program_names:
        node = sanction_node(AUTHORITY, program, uid, position, **{"list": "SDN", **props})
        yield node
        yield sanctioned_by(entity_id, node.id, position)


def party_wallets(
    entity_id: str, addresses: Iterable[tuple[str, str]], position: str, raw: object,
    sanction_ids: Iterable[str] = (),
) -> Iterator[Item]:
    """The party's listed wallets, each CONTROLLED_BY the party; a bad address is Rejected.

    A listed wallet is also SANCTIONED_BY the party's designations, so exposure queries see a
    sanctioned wallet in one hop, as they do for the plain address lists.
    """
    listed = list(sanction_ids)
    for asset, address in addresses:
        wallet = wallet_node(asset, address, position, raw)
        yield wallet
        if isinstance(wallet, Rejected):
            continue
        yield controlled_by(wallet.id, entity_id, position, LISTED_CONFIDENCE)
        for sanction in listed:
            yield sanctioned_by(wallet.id, sanction, position)
