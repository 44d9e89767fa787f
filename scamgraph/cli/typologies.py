"""`scamgraph typologies`: list the named laundering typologies and run one over a scope."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from typing import Any

import click

from graph.connect import open_graph
from graph.db import jsonable
from graph.investigate.typologies import TYPOLOGIES, TypologyHits, TypologyScope, typology_hits
from graph.investigate.typologies.store import store_hits
from scamgraph.settings import get_settings


@click.group()
def typologies() -> None:
    """Named laundering typologies: reusable detection queries with evidence."""


@typologies.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_(as_json: bool) -> None:
    """The typologies, what they find and their parameters with defaults and limits."""
    if as_json:
        click.echo(json.dumps([jsonable(dataclasses.asdict(t)) for t in TYPOLOGIES], indent=2))
        return
    for t in TYPOLOGIES:
        click.echo(f"{t.name}: {t.description} (score: {t.score})")
        for p in t.params:
            bounds = f" [{p.low}..{p.high}]" if p.low is not None else ""
            click.echo(f"  {p.name}={p.default}{bounds}  {p.description}")


def _params(pairs: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not k=v", param_hint="--param")
        out[key.strip()] = value.strip()
    return out


def _print(result: TypologyHits) -> None:
    for h in result.hits:
        amounts = ", ".join(f"{a.amount:,.6g} {a.asset} in {a.transfers}" for a in h.amounts)
        orgs = ", ".join(f"{o.name or o.id} ({o.group_name})" for o in h.organisations)
        click.echo(f"{h.score:10.4g}  {h.key}  {amounts}  {len(h.transfers)} transfers"
                   + (f"  orgs: {orgs}" if orgs else ""))
    click.echo(f"{len(result.hits)} of {result.total} hits"
               + (f"; PARTIAL: {result.reason}" if result.partial else ""), err=True)


@typologies.command()
@click.argument("name")
@click.option("--param", "pairs", multiple=True, metavar="K=V", help="A parameter (repeatable).")
@click.option("--since", type=click.DateTime(), help="Window start (UTC).")
@click.option("--until", type=click.DateTime(), help="Window end (UTC).")
@click.option("--wallet", help="Scope to hits involving this wallet id (chain:address).")
@click.option("--organisation", help="Scope to an organisation's (and subsidiaries') wallets.")
@click.option("--first", default=50, show_default=True, type=int, help="Hits to show.")
@click.option("--store", is_flag=True, help="Store the hits as TypologyHit nodes.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def run(name: str, pairs: tuple[str, ...], since: datetime | None, until: datetime | None,
        wallet: str | None, organisation: str | None, first: int, store: bool,
        as_json: bool) -> None:
    """Run typology NAME (a whole-graph scan needs --since and --until)."""
    scope = TypologyScope(wallet=wallet, organisation=organisation, since=since, until=until)
    with open_graph(get_settings()) as graph:
        result = typology_hits(graph, name, _params(pairs), scope, first)
        stored = store_hits(graph, result) if store else None
    if as_json:
        body = jsonable(dataclasses.asdict(result))
        if stored is not None:
            body["stored"] = dataclasses.asdict(stored)
        click.echo(json.dumps(body, indent=2))
    else:
        _print(result)
    if stored is not None:
        click.echo(f"stored {stored.stored} hits, {stored.new} new since the last run", err=True)
