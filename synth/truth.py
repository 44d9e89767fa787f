"""Ground truth written beside the data: who is who, what was planted and the exact amounts."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from synth import cast

MICRO = Decimal("1e-6")


def amount(raw: int, decimals: int) -> dict[str, Any]:
    """An exact amount: base units as a string, decimals, and the scaled decimal as a string."""
    return {"raw": str(raw), "decimals": decimals, "amount": str(Decimal(raw).scaleb(-decimals))}


def wallet_id(chain: str, address: str) -> str:
    # Same form as graph.model.addresses: EVM lowercase, Tron and Bitcoin base58 as written.
    return f"{chain}:{address.lower() if chain == 'ethereum' else address}"


class Truth:
    """Collects the ground truth while the planted cases are built."""

    def __init__(self) -> None:
        self.wallets: dict[str, dict[str, Any]] = {}
        self.cases: list[dict[str, Any]] = []
        self.victims: list[dict[str, Any]] = []
        self.exposure: list[dict[str, Any]] = []

    def wallet(self, chain: str, address: str, role: str, case: str | None,
               org: str | None = None, relation: str = "controlled_by") -> str:
        """Record a planted wallet (org = cast key of its controller); returns the address."""
        entry: dict[str, Any] = {"chain": chain, "address": address, "role": role, "case": case}
        if org:
            entry["org"] = cast.ORG[org].graph_id
            entry["relation"] = relation
        self.wallets.setdefault(wallet_id(chain, address), entry)
        return address

    def org_of(self, chain: str, address: str) -> str | None:
        entry = self.wallets.get(wallet_id(chain, address))
        return entry.get("org") if entry else None


class OrgTally:
    """Amounts per organisation and asset, as raw base units."""

    def __init__(self) -> None:
        self.raw: dict[str, dict[tuple[str, int], int]] = defaultdict(lambda: defaultdict(int))
        self.hops: dict[str, int] = {}

    def add(self, org_key: str, asset: str, decimals: int, raw: int, hops: int) -> None:
        gid = cast.ORG[org_key].graph_id
        self.raw[gid][(asset, decimals)] += raw
        self.hops[gid] = min(hops, self.hops.get(gid, hops))

    def as_json(self, share: Decimal | None = None,
                carried: dict[str, Decimal] | None = None) -> dict[str, Any]:
        """Per organisation: min hops, group and amounts per asset (scaled by `share` if given,
        and by `carried[gid]`: the fraction a haircut carries when clean money joins a pool on
        the way, e.g. fee top-ups in the spray wallets)."""
        out: dict[str, Any] = {}
        for gid, assets in self.raw.items():
            amounts = {}
            kept = (carried or {}).get(gid, Decimal(1))
            for (asset, decimals), raw in sorted(assets.items()):
                amounts[asset] = amount(raw, decimals) if share is None else {
                    "amount": str((Decimal(raw).scaleb(-decimals) * share * kept).quantize(MICRO)),
                    "decimals": decimals}
            out[gid] = {"min_hops": self.hops[gid], "group": group_of(gid), "amounts": amounts}
        return out


def group_of(graph_id: str) -> str:
    """The ultimate parent group: follow organisation owners holding more than 50 percent."""
    by_id = {o.graph_id: o for o in cast.ORGS}
    key = by_id[graph_id].key
    for _ in range(6):
        parents = [owner for owner, owned, pct in cast.OWNERSHIPS
                   if owned == key and pct > 50 and owner in cast.ORG]
        if not parents:
            break
        key = parents[0]
    return cast.ORG[key].graph_id
