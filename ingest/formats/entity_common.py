"""Building blocks shared by the entity formats (OFAC, FollowTheMoney, GraphSense).

Wallet nodes go through graph.model.addresses so every source stores the same `chain:address`
id; a sanctions designation is one `Sanction` node per authority, program and listing.
"""

from __future__ import annotations

from typing import Any

from graph.model import addresses
from graph.model.addresses import normalise
from ingest.formats.base import rejected
from ingest.records import LinkRecord, NodeRecord, Rejected

# Sources spell Bitcoin's code the ISO-4217 way (XBT); the graph lists assets by ticker.
ASSET_SYMBOLS = {"XBT": "BTC"}


def asset_symbol(code: str) -> str:
    """The ticker an asset code stands for (OFAC's XBT is BTC)."""
    upper = code.strip().upper()
    return ASSET_SYMBOLS.get(upper, upper)


def resolve_chain(asset: str, address: str) -> str | None:
    """The chain of `address` named by `asset`, or detected from the address for multi-chain
    tokens (USDT, USDC) and codes that are not chains."""
    return addresses.resolve_chain(asset, address)


def wallet_node(
    asset: str, address: str, position: str, raw: object, props: dict[str, Any] | None = None,
    chain: str | None = None,
) -> NodeRecord | Rejected:
    """A Wallet with its normalised address, or a Rejected saying why the address is bad.

    `chain` when the source names it; else from the asset code, else from the address form.
    """
    chain = chain or resolve_chain(asset, address)
    if chain is None and asset.strip() and not addresses.is_known_asset(asset):
        return rejected(position, raw, f"unknown currency code {asset.strip()[:32]!r}: "
                                       "name the chain (chain=...)")
    if chain is None:
        return rejected(position, raw, f"cannot tell the chain of {asset!r} address {address!r}")
    try:
        norm = normalise(chain, address)
    except ValueError as exc:
        return rejected(position, raw, f"{asset or chain} address rejected: {exc}")
    base: dict[str, Any] = {"chain": norm.chain, "address": norm.address, "display": norm.display}
    if asset.strip():
        base["assets"] = [asset_symbol(asset)]
    return NodeRecord("Wallet", norm.wallet_id, {**base, **(props or {})}, position=position)


def sanction_id(authority: str, program: str, listing_id: str) -> str:
    """The natural key of a designation (docs/MODEL.md): authority:program:listing id."""
    return f"{authority}:{program}:{listing_id}"


def sanction_node(
    authority: str, program: str, listing_id: str, position: str, **props: Any,
) -> NodeRecord:
    base = {"authority": authority, "program": program, "listing_id": listing_id}
    extra = {k: v for k, v in props.items() if v not in (None, "", [])}
    node_id = sanction_id(authority, program, listing_id)
    return NodeRecord("Sanction", node_id, {**base, **extra}, position=position)


def sanctioned_by(entity_id: str, sanction_id: str, position: str) -> LinkRecord:
    return LinkRecord("SANCTIONED_BY", entity_id, sanction_id, position=position)


def controlled_by(
    wallet_id: str, owner_id: str, position: str, confidence: float | None,
    category: str | None = None,
) -> LinkRecord:
    props = compact({"confidence": confidence, "category": category})
    return LinkRecord("CONTROLLED_BY", wallet_id, owner_id, props, position=position)


def compact(props: dict[str, Any]) -> dict[str, Any]:
    """Properties without empty values, so a thin source never blanks a richer one's fact."""
    return {k: v for k, v in props.items() if v not in (None, "", [], ())}
