"""`tagpack`: GraphSense TagPacks (YAML: header fields + a `tags` list).

Header fields other than title/creator/description/owner/is_public are defaults every tag
inherits, as in graphsense-tagpack-tool. Each address tag becomes a Wallet (its label in
`tags`, its category/abuse/concepts in `categories`) and, when it names an actor, a
CONTROLLED_BY link to the actor's Organization `gs-actor-<id>` with the tag's confidence,
category, label and source. Exchange tags use CONTROLLED_BY too: GraphSense exchange tags are
the exchange's own (reserve, hot, cold) wallets, not customer deposit addresses, so
DEPOSIT_ADDRESS_OF is left to sources that say "deposit". The actor node gets kind labels from
the category (exchange -> Exchange) but no `name`: the ActorPack (`actorpack`) names it, and a
tag must not overwrite that. It gets `tag_name` instead, a readable name from its first tag
(the name answers show while no ActorPack names it; common.tag_name); tag labels stay on the
wallets' `tags`, which search indexes. Tags are streamed one at a time (ingest.formats.yaml_stream).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graph.model.addresses import chain_for_asset
from ingest.formats.base import Item, SourceInput, flag_synthetic, rejected
from ingest.formats.entity_common import compact, wallet_node
from ingest.formats.graphsense.common import actor_id, confidence_of, kinds_for, tag_name
from ingest.formats.yaml_stream import read_header, stream_list
from ingest.records import LinkRecord, NodeRecord, Rejected
from scamgraph.errors import InputError

# Header fields that describe the pack itself; every other header field is a tag default.
PACK_FIELDS = frozenset({"title", "creator", "description", "owner", "is_public", "tags"})


def read(src: SourceInput) -> Iterator[Item]:
    header = read_header(src.path, "tags", src.name)
    if "title" not in header or "creator" not in header:
        raise InputError(f"{src.name}: not a TagPack (the header needs title and creator)")
    defaults = {k: v for k, v in header.items() if k not in PACK_FIELDS}
    actors: set[str] = set()
    for line, tag in stream_list(src.path, "tags", src.name):
        position = f"line {line}"
        if not isinstance(tag, dict):
            yield rejected(position, tag, "a tag must be a mapping")
            continue
        merged = {**defaults, **tag}
        # The generator marks its packs with a `synthetic: true` header field (a tag default).
        items = _tag(merged, str(header["title"]), position, actors)
        yield from flag_synthetic(items, merged.get("synthetic") is True)


def _tag(tag: dict[str, Any], pack: str, position: str, actors: set[str]) -> Iterator[Item]:
    address = str(tag.get("address") or "").strip()
    if not address:
        why = "a transaction tag (tx_hash)" if tag.get("tx_hash") else "a tag without address"
        yield rejected(position, tag, f"{why}: only address attributions are loaded")
        return
    try:
        confidence = confidence_of(tag.get("confidence"))
    except ValueError as exc:
        yield rejected(position, tag, str(exc))
        return
    wallet = _wallet(tag, address, position)
    yield wallet
    actor = str(tag.get("actor") or "").strip()
    if isinstance(wallet, Rejected) or not actor:
        return
    owner = actor_id(actor)
    if owner not in actors:
        actors.add(owner)
        yield _actor_stub(owner, actor, _str(tag.get("label")), _categories(tag), position)
    props = compact({"confidence": confidence, "category": _str(tag.get("category")),
                     "label": _str(tag.get("label")), "source": _str(tag.get("source")),
                     "tagpack": pack, "lastmod": _str(tag.get("lastmod"))})
    yield LinkRecord("CONTROLLED_BY", wallet.id, owner, props, position=position)


def _wallet(tag: dict[str, Any], address: str, position: str) -> NodeRecord | Rejected:
    currency = _str(tag.get("currency"))
    network = _str(tag.get("network"))
    chain = chain_for_asset(network) if network else None
    props = compact({"tags": [_str(tag.get("label"))] if tag.get("label") else [],
                     "categories": _categories(tag)})
    return wallet_node(currency or network, address, position, tag, props, chain=chain)


def _categories(tag: dict[str, Any]) -> list[str]:
    concepts = tag.get("concepts") or []
    found = [tag.get("category"), tag.get("abuse"),
             *(concepts if isinstance(concepts, list) else [concepts])]
    return list(dict.fromkeys(str(c) for c in found if c))


def _actor_stub(node_id: str, actor: str, label: str, categories: list[str], position: str,
                ) -> NodeRecord:
    props = compact({"gs_actor": actor, "categories": categories,
                     "tag_name": tag_name(actor, label)})
    return NodeRecord("Organization", node_id, props, kinds=kinds_for(categories),
                      position=position)


def _str(value: Any) -> str:
    return "" if value is None else str(value).strip()
