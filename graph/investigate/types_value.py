"""Types of the value-tracing methods of a trace (HAIRCUT, FIFO, LIFO; POISON): see taint.py."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from graph.investigate.types_entities import EntityId


class TraceMethod(enum.Enum):
    """How a trace counts value (docs/INVESTIGATIONS.md, "Tracing methods")."""

    PATHS = "PATHS"  # distinct transfers on admissible paths (not a share of the seeds' value)
    POISON = "POISON"  # any contact taints fully; amounts are tainted transfers, not conserved
    HAIRCUT = "HAIRCUT"  # each outflow carries the wallet's tainted/total balance ratio
    FIFO = "FIFO"  # outflows spend the oldest received lots first
    LIFO = "LIFO"  # outflows spend the newest received lots first


@dataclass(frozen=True)
class WalletValue:
    """The seeds' value at one wallet, in one asset, in integer base units."""

    wallet_id: EntityId
    asset: str
    role: str  # "intermediate", "endpoint", "organisation", "stop" or "supernode"
    received_raw: int
    passed_on_raw: int
    held_raw: int  # at the end of the window
    received: float
    held: float
    hops: int  # links from the nearest seed in the region


@dataclass(frozen=True)
class Conservation:
    """Where the seeds' value in one asset is at the end: the parts add up to sent_raw exactly.

    sent = attributed + still_held + returned_to_seeds + dropped_* (all integer base units).
    BACKWARD (sources of funds): received = attributed (to origins) + unexplained +
    returned_to_seeds + dropped_*, with sent and still_held 0.
    """

    asset: str
    decimals: int | None
    sent_raw: int
    attributed_raw: int  # held by organisations' wallets and by unattributed endpoints
    still_held_raw: int  # held by unattributed wallets that passed part of it on
    returned_to_seeds_raw: int
    dropped_min_amount_raw: int
    dropped_hop_cap_raw: int
    dropped_budget_raw: int
    received_raw: int = 0  # BACKWARD: what the seeds received
    unexplained_raw: int = 0  # BACKWARD: senders' balances from before the window / no source
