"""Full-text search over names, aliases and addresses."""

from __future__ import annotations

from collections.abc import Sequence

from graph.db import Graph
from graph.investigate.types import SearchPage


def search(
    graph: Graph, text: str, kinds: Sequence[str] = (), first: int = 20, after: str | None = None,
) -> SearchPage:
    raise NotImplementedError("search")
