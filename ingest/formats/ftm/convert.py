"""FollowTheMoney entities -> graph records: the one conversion `ftm` and `ftm-mapping` share.

FtM ids are kept as node ids, so the same entity from two exports merges. A CryptoWallet
becomes a Wallet keyed `chain:address` instead; `wallets` maps its FtM id to that key so
links naming the wallet (holder, sanctions) land on the Wallet node.
"""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from followthemoney.types import registry

from ingest.formats.authorities import authority_code, topic_categories
from ingest.formats.base import Item, flag_synthetic, rejected
from ingest.formats.entity_common import (
    compact,
    controlled_by,
    sanction_node,
    sanctioned_by,
    wallet_node,
)
from ingest.formats.ftm.links import EDGE_LINKS, edge_links
from ingest.records import NodeRecord, Rejected

# Identifier properties an organisation is matched on across sources.
REGISTRATION_PROPS = ("registrationNumber", "leiCode", "innCode", "ogrnCode", "vatCode",
                      "taxNumber")
NAME_PROPS = ("name", "alias", "weakAlias", "previousName")
Wallets = MutableMapping[str, str]
# Longest entity reference kept when FtM's cleaning refused it (ids are short keys, not text).
MAX_REFERENCE = 200


def convert_data(data: dict[str, Any], position: str, wallets: Wallets) -> Iterator[Item]:
    """Validate one flat entity dict through the FtM model and convert it."""
    if not isinstance(data.get("properties", {}), dict):
        yield rejected(position, data, "FtM entity 'properties' is not an object")
        return
    try:
        proxy = model.get_proxy(data, cleaned=False)
    except (InvalidData, TypeError, ValueError, AttributeError) as exc:
        yield rejected(position, data, f"not a FtM entity: {exc} (schema {data.get('schema')!r})")
        return
    if not proxy.id:
        yield rejected(position, data, "FtM entity has no id")
        return
    _keep_references(proxy, data.get("properties") or {})
    synthetic = "synthetic" in (data.get("datasets") or [])
    yield from flag_synthetic(convert(proxy, position, wallets), synthetic)


def _keep_references(proxy: EntityProxy, raw: dict[str, Any]) -> None:
    """Put back entity references FtM's id cleaning dropped. Its id pattern refuses `_` and
    spaces, which other sources' ids carry (ActorPack `gs-actor-hydra_market`); an Ownership
    naming such an actor must link to it, not be quarantined as lacking an owner."""
    for name, values in raw.items():
        prop = proxy.schema.get(name)
        if prop is None or prop.type != registry.entity:
            continue
        kept = set(proxy.get(prop))
        for value in values if isinstance(values, list) else [values]:
            ident = value.strip() if isinstance(value, str) else ""
            if ident and ident not in kept and len(ident) <= MAX_REFERENCE:
                proxy.unsafe_add(prop, ident, cleaned=True)
                kept.add(ident)


def convert(proxy: EntityProxy, position: str, wallets: Wallets) -> Iterator[Item]:
    schema = proxy.schema
    if schema.is_a("CryptoWallet"):
        yield from _wallet(proxy, position, wallets)
    elif schema.is_a("Sanction"):
        yield from _sanction(proxy, position, wallets)
    elif schema.name in EDGE_LINKS:
        yield from edge_links(proxy, position, wallets)
    elif schema.is_a("Person"):
        yield _person(proxy, position)
    elif schema.is_a("Organization") or schema.name == "LegalEntity":
        yield _organization(proxy, position)
    else:
        yield rejected(position, proxy.to_dict(),
                       f"FtM schema {schema.name} has no place in the graph model")


def _names(proxy: EntityProxy) -> tuple[str, list[str]]:
    """The display name and the other names; no name when the entity has none (a mapped
    stub known only by its registration number must not overwrite a real name)."""
    names = [n for p in NAME_PROPS for n in proxy.get(p, quiet=True)]
    name = proxy.caption if proxy.caption in names else (names or [""])[0]
    return name, list(dict.fromkeys(n for n in names if n != name))


def _countries(proxy: EntityProxy, *props: str) -> list[str]:
    codes = (c.upper() for p in props for c in proxy.get(p, quiet=True))
    return list(dict.fromkeys(codes))


def _referents(proxy: EntityProxy) -> list[str]:
    """The ids this entity was merged from (OpenSanctions' `referents`): evidence for
    resolution (graph/resolve) that another source's record is the same entity."""
    given = proxy.context.get("referents")
    return [str(r) for r in given if isinstance(r, str) and r] if isinstance(given, list) else []


def _person(proxy: EntityProxy, position: str) -> NodeRecord:
    name, aliases = _names(proxy)
    props = {"name": name, "aliases": aliases, "ftm_schema": proxy.schema.name,
             "nationality": _countries(proxy, "nationality", "citizenship"),
             "birth_date": min(proxy.get("birthDate"), default=""),
             "referents": _referents(proxy),
             "topics": proxy.get("topics", quiet=True),
             "categories": topic_categories(proxy.get("topics", quiet=True))}
    return NodeRecord("Person", str(proxy.id), compact(props), position=position)


def _organization(proxy: EntityProxy, position: str) -> NodeRecord:
    name, aliases = _names(proxy)
    registrations = [v for p in REGISTRATION_PROPS for v in proxy.get(p, quiet=True)]
    props = {"name": name, "aliases": aliases, "ftm_schema": proxy.schema.name,
             "country": _countries(proxy, "jurisdiction", "country", "mainCountry"),
             "registration_numbers": list(dict.fromkeys(registrations)),
             "website": proxy.first("website", quiet=True),
             "referents": _referents(proxy),
             "topics": proxy.get("topics", quiet=True),
             "categories": topic_categories(proxy.get("topics", quiet=True))}
    kinds = ("Company",) if proxy.schema.is_a("Company") else ()
    kinds = ("Government",) if proxy.schema.is_a("PublicBody") else kinds
    return NodeRecord("Organization", str(proxy.id), compact(props), kinds=kinds, position=position)


def _wallet(proxy: EntityProxy, position: str, wallets: Wallets) -> Iterator[Item]:
    address = proxy.first("publicKey")
    if not address:
        yield rejected(position, proxy.to_dict(), "CryptoWallet has no publicKey")
        return
    asset = proxy.first("currency") or ""
    wallet = wallet_node(asset, address, position, proxy.to_dict(), {"ftm_id": proxy.id})
    yield wallet
    if isinstance(wallet, Rejected):
        return
    wallets[str(proxy.id)] = wallet.id
    for holder in proxy.get("holder"):
        yield controlled_by(wallet.id, holder, position, None)


def _sanction(proxy: EntityProxy, position: str, wallets: Wallets) -> Iterator[Item]:
    targets = proxy.get("entity")
    if not targets:
        yield rejected(position, proxy.to_dict(), "Sanction names no entity")
        return
    written = proxy.first("authority") or proxy.first("country") or "unknown"
    authority = authority_code(written)
    program = proxy.first("programId") or proxy.first("program") or "unknown"
    listing = proxy.first("authorityId") or proxy.first("unscId") or str(proxy.id)
    node = sanction_node(authority, program, listing, position, ftm_id=proxy.id,
                         authority_name=written,
                         program_name=proxy.first("program"), reason=proxy.first("reason"),
                         listed_on=proxy.first("listingDate") or proxy.first("startDate"),
                         status=proxy.first("status"))
    yield node
    for target in targets:
        yield sanctioned_by(wallets.get(target, target), node.id, position)
