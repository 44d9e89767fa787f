"""The ground_truth.json document: the cast, planted wallets, cases, victims, exposure, files."""

from __future__ import annotations

from typing import Any

from synth import cast, chains
from synth.truth import Truth, group_of
from synth.writers import FileEntry, iso_utc

FORMAT_NOTE = ("Load order: entities (ftm, actorpack, tagpack, compounds) before chain files, "
               "so wallets meet their attributions; `format` is the `scamgraph ingest` name.")


def organisations() -> dict[str, Any]:
    sanctioned = {s[0] for s in cast.SANCTIONS}
    operated: dict[str, list[str]] = {}
    for c in cast.COMPOUNDS:
        operated.setdefault(c.operator, []).append(c.source_id)
    # `kinds`: the labels the graph gets (FtM companies are Company only); `roles`: the story.
    return {o.graph_id: {"name": o.name, "kinds": graph_kinds(o), "roles": list(o.kinds),
                         "source": o.source,
                         "group": group_of(o.graph_id), "sanctioned": o.key in sanctioned,
                         "operates": operated.get(o.key, []), "aliases": list(o.aliases)}
            for o in cast.ORGS}


def graph_kinds(org: cast.Org) -> list[str]:
    return ["Company"] if org.source == "ftm" else list(org.kinds)


def people() -> dict[str, Any]:
    sanctioned = {s[0] for s in cast.SANCTIONS}
    return {p.source_id: {"name": p.name, "aliases": list(p.aliases),
                          "sanctioned": p.key in sanctioned,
                          "owns": {cast.ORG[owned].graph_id: pct
                                   for owner, owned, pct in cast.OWNERSHIPS if owner == p.key}}
            for p in cast.PEOPLE}


def ownership() -> list[dict[str, Any]]:
    def ref(key: str) -> str:
        return cast.PERSON[key].source_id if key in cast.PERSON else cast.ORG[key].graph_id
    return [{"owner": ref(a), "owned": ref(b), "share": pct} for a, b, pct in cast.OWNERSHIPS]


def examples(sections: dict[str, Any]) -> dict[str, Any]:
    """Ids for the demo's three example queries."""
    victim = sections["victims"][0]
    mixed = next(e for e in sections["exposure"] if e["clean"]["raw"] != "0")
    return {"trace_victim": victim["wallet"], "exposure_deposit": mixed["wallet"],
            "owners_company": cast.ORG["sunrise-otc"].graph_id}


def document(seed: int, scale: int, truth: Truth, sections: dict[str, Any],
             counts: dict[str, int], files: list[FileEntry]) -> dict[str, Any]:
    return {
        "synthetic": True, "scenario": "default", "seed": seed, "scale": scale,
        "window": {"start": iso_utc(chains.WINDOW_START_MS // 1000),
                   "end": iso_utc(chains.WINDOW_END_MS // 1000)},
        "transfers": counts, "organisations": organisations(), "people": people(),
        "ownership": ownership(), "wallets": dict(sorted(truth.wallets.items())),
        **sections, "examples": examples(sections), "load_order_note": FORMAT_NOTE,
        "files": [vars(f) for f in files],
    }
