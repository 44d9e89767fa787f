"""`Wallet`: an address on one chain."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, cast

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, page_cost
from api.types.common import as_datetime, as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate import limits as caps
from graph.investigate.types import EntityRecord
from graph.investigate.wallet_transfers import TransferDirection as Way

if TYPE_CHECKING:
    from api.types.wallet_pages import WalletTransferConnection

# Lazy: the transfer types import the entity loaders, which import this module.
LAZY = strawberry.lazy("api.types.wallet_pages")
# Not lazy: a lazy argument type is resolved again on every call (strawberry stats the module
# files each time), once per wallet in an organisation's page.
TransferDirection = strawberry.enum(Way, name="TransferDirection",
                                    description="OUT: sent by the wallet; IN: received; BOTH.")


@strawberry.type(description="An address on one chain; id is `chain:address`.")
class Wallet(Entity):
    chain: str | None
    address: str | None
    display: str | None = strawberry.field(description="EIP-55 for EVM chains, else the address.")
    assets: list[str]
    first_activity: datetime | None
    last_activity: datetime | None
    tags: list[str]
    categories: list[str]

    @guard(Role.READER, cost=page_cost("first"), bounds={"first": (1, caps.MAX_PAGE)},
           description="This wallet's transfers in time order (newest first unless "
                       "`oldestFirst`), filtered by direction, window, minimum amount, assets.")
    def transfers(
        self, info: Info,
        direction: TransferDirection | None = None,  # type: ignore[valid-type]
        since: datetime | None = None, until: datetime | None = None,
        min_amount: float | None = None, assets: list[str] | None = None, first: int = 20,
        after: str | None = None, oldest_first: bool = False,
    ) -> Annotated[WalletTransferConnection, LAZY]:
        from api.types.wallet_pages import (
            WalletTransferConnection,
            known_pages,
            transfer_filter,
            transfer_pages,
        )

        key = transfer_filter({"direction": direction, "since": since, "until": until,
                               "minAmount": min_amount, "assets": assets, "first": first,
                               "after": after, "oldestFirst": oldest_first})
        # A parent that fetched the page with its own statement left it here: answered
        # without a coroutine (an organisation's 20 wallets were 20 tasks to schedule).
        page = known_pages(info.context, key).get(str(self.id))
        if page is not None:
            return WalletTransferConnection.from_record(page, after)

        # Else batched: every wallet asking for the same page in this request shares one
        # query. graphql-core awaits what a resolver returns, whatever the resolver's kind.
        async def load() -> WalletTransferConnection:
            loaded = await transfer_pages(info.context, key).load(str(self.id))
            return WalletTransferConnection.from_record(loaded, after)

        return cast("WalletTransferConnection", load())

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Wallet:
        p = rec.properties
        return cls(
            **entity_fields(rec), chain=as_str(p.get("chain")), address=as_str(p.get("address")),
            display=as_str(p.get("display")), assets=as_list(p.get("assets")),
            first_activity=as_datetime(p.get("first_activity")),
            last_activity=as_datetime(p.get("last_activity")),
            tags=as_list(p.get("tags")), categories=as_list(p.get("categories")),
        )
