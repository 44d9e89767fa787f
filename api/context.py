"""Per-request context: who is asking, the graph, and the request's DataLoaders.

The neo4j driver used by graph/ is synchronous, so every graph call runs in
starlette's threadpool (anyio worker threads). Graph calls wait on the network,
which releases the GIL; keeping one sync graph layer shared by the CLI, the
jobs and the API beats duplicating it for the async driver.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, ParamSpec, TypeVar

from starlette.concurrency import run_in_threadpool
from strawberry.dataloader import DataLoader
from strawberry.types import Info as StrawberryInfo

from api.audit import AuditLog
from api.auth import Principal
from graph import investigate
from graph.db import Graph
from graph.investigate.types import EntityRecord
from scamgraph.settings import Settings

P = ParamSpec("P")
T = TypeVar("T")


@dataclass
class Context:
    settings: Settings
    graph: Graph
    principal: Principal
    audit: AuditLog
    entities: DataLoader[str, EntityRecord | None]
    # Set when execution starts: a request that never ran is a request error (HTTP 4xx).
    executed: bool = False
    graph_calls: list[str] = field(default_factory=list)
    # Further per-request DataLoaders, made on first use by the field that batches (e.g. one
    # per argument set of Wallet.transfers).
    loaders: dict[Hashable, DataLoader[Any, Any]] = field(default_factory=dict)
    # What a parent fetched for its children in its own statement, read back without awaiting
    # (e.g. the wallets' pages of transfers, by the page's arguments).
    fetched: dict[Hashable, Any] = field(default_factory=dict)

    async def call(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a sync graph function off the event loop."""
        self.graph_calls.append(getattr(fn, "__name__", "?"))
        return await run_in_threadpool(fn, *args, **kwargs)


Info = StrawberryInfo[Context, None]


def entity_loader(ctx_graph: Graph, calls: list[str]) -> DataLoader[str, EntityRecord | None]:
    """One batched `get_entities` per tick of the event loop, whatever asks for entities."""

    async def load(ids: Sequence[str]) -> list[EntityRecord | None]:
        calls.append("get_entities")
        found = await run_in_threadpool(investigate.get_entities, ctx_graph, list(ids))
        return [found.get(i) for i in ids]

    return DataLoader(load_fn=load)


def get_context(
    settings: Settings, graph: Graph, principal: Principal, audit: AuditLog
) -> Context:
    """A fresh context (and fresh loaders: no cache shared between requests)."""
    calls: list[str] = []
    loader = entity_loader(graph, calls)
    return Context(settings, graph, principal, audit, loader, graph_calls=calls)

