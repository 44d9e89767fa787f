"""`scamgraph resolve`: candidate matches across sources, judgements, auto-merge, undo.

Who judged is the CLI user (`--by`, default the login name): a judgement is data with
provenance, and the GraphQL mutation records the API principal the same way.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click

from graph import resolve
from graph.connect import open_graph
from graph.db import jsonable
from graph.resolve import exchange
from scamgraph.settings import get_settings


def _who(by: str | None) -> str:
    return by or f"cli:{getpass.getuser()}"


@click.group("resolve")
def resolve_group() -> None:
    """Find and judge entities that are the same across sources (docs/MODEL.md, Resolution)."""


@resolve_group.command()
@click.option("--min-score", type=float, default=0.5, show_default=True)
@click.option("--limit", type=int, default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per pair.")
def candidates(min_score: float, limit: int, as_json: bool) -> None:
    """Scored candidate pairs with the evidence for each score, best first."""
    with open_graph(get_settings()) as graph:
        records = resolve.load(graph)
        found = resolve.candidates(records, min_score)[:limit]
    names = {r.id: r.name for r in records}
    for c in found:
        if as_json:
            click.echo(json.dumps({"a": c.a, "b": c.b, "score": c.score,
                                   "auto_rule": resolve.auto_rule(c),
                                   "evidence": [e.__dict__ for e in c.evidence]}))
            continue
        click.echo(f"{c.score:.3f}  {c.a} ({names[c.a]})  ~  {c.b} ({names[c.b]})")
        for e in c.evidence:
            click.echo(f"         {e.weight:+.2f} {e.kind}: {e.detail}")


@resolve_group.command()
@click.argument("a")
@click.argument("b")
@click.argument("verdict", type=click.Choice(["same", "different", "unsure"]))
@click.option("--reason", default="")
@click.option("--by", default=None, help="Who judges (default cli:<login>).")
def judge(a: str, b: str, verdict: str, reason: str, by: str | None) -> None:
    """Record that entities A and B are the same, different, or unsure."""
    with open_graph(get_settings()) as graph:
        j = resolve.judge(graph, a, b, verdict, _who(by), reason)
    click.echo(f"judgement {j.id}: {j.a} {j.verdict.value} {j.b} (by {j.by})")


@resolve_group.command()
@click.option("--dry-run", is_flag=True, help="Say what would merge; write nothing.")
def auto(dry_run: bool) -> None:
    """Merge the pairs a stated rule covers (REGISTRATION, NAME_COUNTRY) and say which."""
    with open_graph(get_settings()) as graph:
        result = resolve.auto(graph, dry_run=dry_run)
    for j in result.merged:
        click.echo(f"{'would merge' if dry_run else 'merged'} {j.a} = {j.b} [{j.by}] "
                   f"{j.reason} ({j.id})")
    click.echo(f"{len(result.merged)} merged, {result.skipped_judged} left alone "
               f"(already judged)" + (f", {result.skipped_different} not merged (they would "
                                      f"join clusters judged different)"
                                      if result.skipped_different else ""))


@resolve_group.command()
@click.argument("target")
@click.argument("other", required=False)
@click.option("--reason", default="")
@click.option("--by", default=None)
def undo(target: str, other: str | None, reason: str, by: str | None) -> None:
    """Undo judgement TARGET (an id), or the active judgement on the pair TARGET OTHER."""
    with open_graph(get_settings()) as graph:
        j = resolve.undo(graph, target, _who(by), reason, other)
    click.echo(f"undone {j.id}: {j.a} {j.verdict.value} {j.b}")


@resolve_group.command("list")
@click.option("--all", "everything", is_flag=True, help="Include undone judgements.")
def list_(everything: bool) -> None:
    """The judgements, oldest first."""
    with open_graph(get_settings()) as graph:
        for j in resolve.judgements(graph):
            if j.active or everything:
                click.echo(json.dumps(jsonable(j.row()), ensure_ascii=False))


@resolve_group.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
def export(path: Path) -> None:
    """Write every judgement (undone ones too) to PATH."""
    with open_graph(get_settings()) as graph:
        found = resolve.judgements(graph)
    path.write_text(exchange.dumps(found), encoding="utf-8")
    click.echo(f"{len(found)} judgements written to {path}")


@resolve_group.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(path: Path) -> None:
    """Read judgements from PATH (by id: importing the same file again changes nothing)."""
    incoming = exchange.read(path)
    with open_graph(get_settings()) as graph:
        new = resolve.load_all(graph, incoming)
    click.echo(f"{len(incoming)} judgements read, {new} new")
