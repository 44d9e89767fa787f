"""`scamgraph changes`: what ingest runs changed, newest first (the change log)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import click

from graph.connect import open_graph
from graph.db import jsonable
from graph.investigate.changes import KINDS, ChangeRecord, changes
from scamgraph.settings import get_settings


def _utc(value: datetime | None) -> datetime | None:
    """click.DateTime is naive; the change log is in UTC (a naive bound would match nothing)."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _line(c: ChangeRecord) -> str:
    at = f"{c.at:%Y-%m-%d %H:%M:%S}" if c.at else "-"
    what = c.entity + (f" -{c.field}-> {c.end}" if c.end else f" .{c.field}" if c.field else "")
    delta = ""
    if c.kind == "updated":
        delta = f"  {json.dumps(c.before)} -> {json.dumps(c.after)}"
    elif c.kind in ("added", "unasserted", "transfer") and (c.after or c.before):
        delta = f"  {json.dumps(c.after or c.before)}"
    return f"{at}  {c.kind:<10}  {what}{delta}  [{c.source} {c.run or ''}]".rstrip()


@click.command("changes")
@click.option("--since", type=click.DateTime(), help="Changes from runs started at or after (UTC).")
@click.option("--until", type=click.DateTime(), help="Changes from runs started before (UTC).")
@click.option("--source", "source_id", help="Only this Source id.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only these kinds (repeatable).")
@click.option("--watch", is_flag=True,
              help="Only entities saved in investigations, and new transfers into their wallets.")
@click.option("--first", default=50, show_default=True, type=click.IntRange(1, 200),
              help="Changes to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def changes_cmd(since: datetime | None, until: datetime | None, source_id: str | None,
                kinds: tuple[str, ...], watch: bool, first: int, as_json: bool) -> None:
    """What ingest runs changed: added, updated (before -> after), no longer asserted."""
    with open_graph(get_settings()) as graph:
        page = changes(graph, since=_utc(since), until=_utc(until), source_id=source_id,
                       kinds=list(kinds) or None, watch=watch, first=first)
    if as_json:
        click.echo(json.dumps({"changes": [jsonable(dataclasses.asdict(c)) for c in page.changes],
                               "has_more": page.has_next_page}, indent=2))
        return
    for c in page.changes:
        click.echo(_line(c))
    click.echo(f"{len(page.changes)} changes" + (" (more: raise --first)"
                                                 if page.has_next_page else ""), err=True)
