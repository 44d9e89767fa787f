"""GraphSense TagPacks and an ActorPack (YAML), and the compounds GeoJSON, all marked synthetic.

TagPacks carry a `synthetic: true` header field beside the published ones; GeoJSON features
carry `properties.synthetic = true`.
"""

from __future__ import annotations

from typing import Any

from synth import cast
from synth import population as pop
from synth.keys import Keys
from synth.truth import Truth

CREATOR = "scamgraph synthetic data generator"
LASTMOD = "2024-06-01"
CURRENCY = {"tron": "TRX", "ethereum": "ETH", "bitcoin": "BTC"}
DEPOSIT_LABEL = "deposit address"


def _header(title: str, description: str) -> dict[str, Any]:
    return {"title": title, "creator": CREATOR, "description": description, "is_public": True,
            "synthetic": True, "lastmod": LASTMOD}


def _tag(chain: str, address: str, org: cast.Org, label: str) -> dict[str, Any]:
    return {"address": address, "currency": CURRENCY[chain], "label": label,
            "actor": org.source_id}


def exchange_pack(keys: Keys, truth: Truth) -> dict[str, Any]:
    """Hot wallets of the synthetic exchanges and the deposit addresses the cases cash out to."""
    tags = [_tag(chain, addr, cast.ORG[ex], f"{cast.ORG[ex].name} hot wallet")
            for chain, addr, ex in pop.all_hot_wallets(keys)]
    for w in _planted(truth, "deposit_address_of"):
        org = _org(w["org"])
        tags.append({**_tag(w["chain"], w["address"], org, f"{org.name} {DEPOSIT_LABEL}"),
                     "context": '{"deposit_address": true}'})
    return {**_header("Synthetic exchange wallets", "Exchange hot wallets and deposit addresses "
                      "of the synthetic scenario (fictional exchanges)."),
            "category": "exchange", "confidence": "service_data",
            "source": "synthetic://scamgraph/exchanges", "is_cluster_definer": True, "tags": tags}


def crime_pack(truth: Truth) -> dict[str, Any]:
    """Scam crews' and the bridge's wallets, as an investigator's TagPack would list them."""
    tags = []
    for w in _planted(truth, "controlled_by"):
        org = _org(w["org"])
        if org.source != "actor" or "Exchange" in org.kinds:
            continue
        category = "defi_bridge" if "Bridge" in org.kinds else "scam"
        tags.append({**_tag(w["chain"], w["address"], org, f"{org.name} {w['role']}"),
                     "category": category})
    return {**_header("Synthetic scam and bridge attributions", "Wallets of fictional scam "
                      "crews and a fictional bridge in the synthetic scenario."),
            "confidence": "forensic_investigation", "source": "synthetic://scamgraph/cases",
            "tags": tags}


def actor_pack() -> dict[str, Any]:
    actors = [{"id": o.source_id, "label": o.name, "uri": f"https://{o.key}.example",
               "lastmod": LASTMOD, "categories": list(o.categories),
               "jurisdictions": [o.country.upper()] if o.country else [],
               "aliases": list(o.aliases)}
              for o in cast.ORGS if o.source == "actor"]
    return {**_header("Synthetic actors", "Fictional exchanges, bridge and scam crews."),
            "actors": actors}


def compounds() -> dict[str, Any]:
    # operator_id links to the FtM organisation instead of creating one from the name.
    features = [{"type": "Feature", "id": f"synth-{c.key}",
                 "geometry": {"type": "Point", "coordinates": [c.lon, c.lat]},
                 "properties": {"id": c.source_id, "name": c.name, "aliases": list(c.aliases),
                                "country": c.country.upper(), "province": c.province,
                                "operator": cast.ORG[c.operator].name,
                                "operator_id": cast.ORG[c.operator].graph_id, "status": c.status,
                                "synthetic": True}}
                for c in cast.COMPOUNDS]
    return {"type": "FeatureCollection", "name": "synthetic scam compounds",
            "features": features}


def _planted(truth: Truth, relation: str) -> list[dict[str, Any]]:
    return [w for _, w in sorted(truth.wallets.items()) if w.get("relation") == relation]


def _org(graph_id: str) -> cast.Org:
    return next(o for o in cast.ORGS if o.graph_id == graph_id)
