"""The investigative questions (PRODUCT.md 1-8 and 10) as typed functions over the graph.

Each function takes a `graph.db.Graph` first, runs one Cypher statement (or a fixed
few) from cypher/investigations/, validates its arguments against the caps in
`limits`, and returns frozen dataclasses from `types`. Nothing here knows GraphQL.
"""

from __future__ import annotations

from graph.investigate.compounds import compounds_linked
from graph.investigate.entities import get_entities, get_entity, wallet_id
from graph.investigate.exposure import exposure
from graph.investigate.flows import flows
from graph.investigate.neighbourhood import neighbourhood
from graph.investigate.ownership import controlled_by, owners
from graph.investigate.paths import paths
from graph.investigate.search import search
from graph.investigate.sources import ingest_runs, source_freshness, sources
from graph.investigate.trace import trace
from graph.investigate.wallet_transfers import organization_wallets, wallet_transfers

__all__ = [
    "compounds_linked",
    "controlled_by",
    "exposure",
    "flows",
    "get_entities",
    "get_entity",
    "ingest_runs",
    "neighbourhood",
    "organization_wallets",
    "owners",
    "paths",
    "search",
    "source_freshness",
    "sources",
    "trace",
    "wallet_id",
    "wallet_transfers",
]
