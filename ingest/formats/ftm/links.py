"""FtM edge entities (Ownership, Directorship, Family, ...) -> relationships.

The edge's FtM id is the relationship key, so two Ownership records between the same pair stay
two relationships and a re-run updates each in place. Interval schemata that the model has no
type for (Employment, Membership, Representation, Succession) become LINKED_TO with their
schema name as the role, as UnknownLink does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from followthemoney.proxy import EntityProxy

from graph.model.vocabulary import LinkType
from ingest.formats.base import Item, rejected
from ingest.formats.entity_common import compact
from ingest.records import LinkRecord

Props = Callable[[EntityProxy], dict[str, Any]]


def _dates(proxy: EntityProxy) -> dict[str, Any]:
    return {"start_date": proxy.first("startDate"), "end_date": proxy.first("endDate"),
            "date": proxy.first("date")}


def _share(proxy: EntityProxy) -> dict[str, Any]:
    text = proxy.first("percentage") or ""
    try:
        share: float | None = float(Decimal(text.strip().rstrip("%")))
    except InvalidOperation:
        share = None
    return {"share": share, "share_text": text if share is None else None,
            "ownership_type": proxy.first("ownershipType"), **_dates(proxy)}


def _role(proxy: EntityProxy) -> dict[str, Any]:
    return {"role": proxy.first("role") or proxy.schema.label, **_dates(proxy)}


def _relationship(proxy: EntityProxy) -> dict[str, Any]:
    return {"relationship": proxy.first("relationship"), **_dates(proxy)}


def _payment(proxy: EntityProxy) -> dict[str, Any]:
    amount = proxy.first("amount")
    currency = proxy.first("currency")
    return {"amount": float(Decimal(amount)) if amount else None, "amount_raw": amount,
            "currency": currency.upper() if currency else None,
            "purpose": proxy.first("purpose"), **_dates(proxy)}


# FtM schema -> (relationship type, properties).
EDGE_LINKS: dict[str, tuple[LinkType, Props]] = {
    "Ownership": ("OWNS", _share),
    "Directorship": ("DIRECTOR_OF", _role),
    "Family": ("FAMILY_OF", _relationship),
    "Associate": ("ASSOCIATE_OF", _relationship),
    "Payment": ("PAID", _payment),
    "UnknownLink": ("LINKED_TO", _role),
    "Employment": ("LINKED_TO", _role),
    "Membership": ("LINKED_TO", _role),
    "Representation": ("LINKED_TO", _role),
    "Succession": ("LINKED_TO", _role),
}


def edge_links(proxy: EntityProxy, position: str, wallets: Mapping[str, str]) -> Iterator[Item]:
    schema = proxy.schema
    link_type, props_of = EDGE_LINKS[schema.name]
    source_prop, target_prop = schema.edge_source or "", schema.edge_target or ""
    sources = proxy.get(source_prop) if source_prop else []
    targets = proxy.get(target_prop) if target_prop else []
    if not sources or not targets:
        reason = f"{schema.name} lacks {source_prop} or {target_prop}"
        yield rejected(position, proxy.to_dict(), reason)
        return
    problem = _bad_amount(proxy) if schema.name == "Payment" else ""
    if problem:
        yield rejected(position, proxy.to_dict(), problem)
        return
    props = compact({**props_of(proxy), "ftm_id": proxy.id, "ftm_schema": schema.name})
    for source in sources:
        for target in targets:
            start, end = wallets.get(source, source), wallets.get(target, target)
            yield LinkRecord(link_type, start, end, props, key=str(proxy.id), position=position)


def _bad_amount(proxy: EntityProxy) -> str:
    """Why a Payment's amount cannot be kept exactly, or '' when it can."""
    text = proxy.first("amount")
    if text is None:
        return ""
    try:
        amount = Decimal(text)
    except InvalidOperation:
        return f"Payment amount {text!r} is not a number"
    if not amount.is_finite() or amount < 0:
        return f"Payment amount {text!r} is negative or not finite"
    return ""
