"""Run a named typology over a scope: one query for the scope's wallets, one for the hits,
one for the organisations controlling the hit wallets (rolled up to their groups), one for
when stored runs first saw them.

A scan needs a wallet or organisation, or else a time window (since and until) of at most
MAX_WINDOW_DAYS: a whole-graph scan is bounded by the transfers in that window. Budgets: at
most `max_anchors` candidate wallets and MAX_HITS hits; past either the result is `partial`.
Hits are ordered by score (descending), then key; pages are offsets behind opaque cursors.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from graph.db import Graph, native
from graph.investigate import convert, limits
from graph.investigate.trace import attributions
from graph.investigate.typologies.catalogue import typology
from graph.investigate.typologies.hits import build_hits, drop_suffixes
from graph.investigate.typologies.store import first_seen, hit_id
from graph.investigate.typologies.types import TypologyHits, TypologyScope
from graph.model.vocabulary import ORG_KINDS
from scamgraph.errors import NotFoundError, ValidationError

MAX_WINDOW_DAYS = 92
MAX_HITS = 1_000
MAX_ANCHORS = 100_000
MAX_SCOPE_WALLETS = 5_000
MAX_EVIDENCE = 50


def _window(scope: TypologyScope) -> TypologyScope:
    since, until = convert.utc(scope.since), convert.utc(scope.until)
    if since and until and since > until:
        raise ValidationError("scope.since is after scope.until", hint="pass since <= until")
    whole = scope.wallet is None and scope.organisation is None
    if whole and (since is None or until is None):
        raise ValidationError(
            "a typology scan over the whole graph needs a time window: scope.since and "
            "scope.until", hint=f"pass a window of at most {MAX_WINDOW_DAYS} days, or a wallet "
                                "or organisation to scope to")
    if whole and until - since > timedelta(days=MAX_WINDOW_DAYS):  # type: ignore[operator]
        raise ValidationError(
            f"scope window of {(until - since).days} days is too long for a whole-graph scan",  # type: ignore[operator]
            hint=f"pass a window of at most {MAX_WINDOW_DAYS} days, or scope to a wallet")
    return TypologyScope(scope.wallet, scope.organisation, since, until)


def scope_wallets(graph: Graph, scope: TypologyScope, timeout_s: float | None) -> tuple[
        list[str], bool]:
    """The scope's wallets (none for a whole-graph scan) and whether MAX_SCOPE_WALLETS cut them."""
    wallets: list[str] = []
    for entity in (scope.wallet, scope.organisation):
        if entity is None:
            continue
        rows = graph.read("investigations/typology_scope",
                          {"id": entity, "max_wallets": MAX_SCOPE_WALLETS}, timeout_s=timeout_s)
        if not rows:
            raise NotFoundError(f"scope has no wallet for {entity!r}",
                                hint="pass a wallet id (chain:address) or an organisation id")
        wallets += [r["wallet"] for r in rows]
    unique = sorted(set(wallets))
    return unique[:MAX_SCOPE_WALLETS], len(unique) > MAX_SCOPE_WALLETS


def check_params(name: str, params: dict[str, Any] | None) -> dict[str, Any]:
    resolved = typology(name).resolve(params)
    if "kinds" in resolved:
        limits.check_allowed("kinds", resolved["kinds"], ORG_KINDS)
    if "min_hops" in resolved and resolved["min_hops"] > resolved["max_hops"]:
        raise ValidationError(f"{name} parameter min_hops is above max_hops",
                              hint="pass min_hops <= max_hops")
    return resolved


def typology_hits(
    graph: Graph, name: str, params: dict[str, Any] | None = None,
    scope: TypologyScope | None = None, first: int = 20, after: str | None = None, *,
    max_anchors: int = 20_000, assets: tuple[str, ...] = (), timeout_s: float | None = None,
) -> TypologyHits:
    """The hits of typology `name` in `scope`, best first, one page of `first`."""
    spec, resolved = typology(name), check_params(name, params)
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    limits.check_range("max_anchors", max_anchors, 1, MAX_ANCHORS)
    offset = convert.decode_cursor(after)
    scope = _window(scope or TypologyScope())
    wallets, scope_cut = scope_wallets(graph, scope, timeout_s)
    row = graph.read(f"typologies/{spec.query}", {
        **resolved, "wallets": wallets, "since": scope.since, "until": scope.until,
        "assets": list(assets), "max_anchors": max_anchors, "max_hits": MAX_HITS,
        "max_evidence": MAX_EVIDENCE}, timeout_s=timeout_s)[0]
    raw: list[dict[str, Any]] = native(row["hits"])
    if name == "peel-chain":
        raw = drop_suffixes(raw)
    if wallets:
        inside = set(wallets)
        raw = [h for h in raw if inside & set(h["wallets"])]
    raw.sort(key=lambda h: (-h["score"], h["key"]))
    page = raw[offset:offset + first]
    controllers = attributions(graph, sorted({w for h in page for w in h["wallets"]}), True,
                               timeout_s)
    seen = first_seen(graph, [hit_id(name, h["key"]) for h in page], timeout_s)
    reasons = [text for cut, text in (
        (bool(row["cut"]), f"max_anchors budget of {max_anchors} candidate wallets reached"),
        (len(raw) > MAX_HITS, f"MAX_HITS budget of {MAX_HITS} hits reached"),
        (scope_cut, f"scope has more than {MAX_SCOPE_WALLETS} wallets")) if cut]
    more = offset + first < min(len(raw), MAX_HITS)
    return TypologyHits(
        typology=name, params=resolved, scope=scope,
        hits=build_hits(name, page, controllers, seen), total=min(len(raw), MAX_HITS),
        end_cursor=convert.encode_cursor(offset + len(page)) if page else None,
        has_next_page=more, partial=bool(reasons), reason="; ".join(reasons) or None)
