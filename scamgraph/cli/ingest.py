"""`scamgraph ingest FORMAT PATH|URL|-`: stream a source into the graph, print a JSON summary."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from ingest.bulk.run import BulkInput, run_bulk
from ingest.formats import FORMAT_MODULES
from ingest.runner import Progress as ProgressFn
from ingest.runner import run_ingest
from ingest.summary import RunSummary
from scamgraph.cli.progress import progress_bar
from scamgraph.settings import Settings, get_settings


def parse_options(pairs: tuple[str, ...]) -> dict[str, str]:
    """KEY=VALUE pairs as a dict; a pair without '=' is a usage error."""
    options: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--option")
        options[key.strip()] = value
    return options


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(FORMAT_MODULES)),
                required=False)
@click.argument("sources", metavar="PATH|URL|-...", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Validate and write the quarantine only.")
@click.option("--bulk", is_flag=True,
              help="First load of chain transfers into a graph without entities, through "
                   "Neo4j's offline importer (local server only; it restarts).")
@click.option("--staged", type=click.Path(path_type=Path, file_okay=False), metavar="DIR",
              help="With --bulk: import a directory `scamgraph spark stage` wrote, "
                   "instead of FORMAT and files.")
@click.option("--max-quarantined", metavar="N|P%",
              help="Fail the run, writing nothing, when more than N records (or P% of those "
                   "read) are quarantined.")
@click.option("--option", "-o", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A format option, e.g. -o chain=polygon (repeatable).")
def ingest(fmt: str | None, sources: tuple[str, ...], dry_run: bool, bulk: bool,
           staged: Path | None, pairs: tuple[str, ...], max_quarantined: str | None) -> None:
    """Ingest each SOURCE (a file, an http(s) URL or - for stdin) in FORMAT.

    Rejected records go to a quarantine report; one JSON summary line is printed per source.
    """
    settings, options = get_settings(), parse_options(pairs)
    if staged is not None and not bulk:
        raise click.UsageError("--staged is a bulk load: give --bulk too")
    if staged is None and (fmt is None or not sources):
        raise click.UsageError(f"Missing argument '{'PATH|URL|-...' if fmt else 'FORMAT'}'.")
    if bulk and max_quarantined:
        raise click.UsageError("--max-quarantined is not applied by --bulk")
    if bulk and dry_run:
        raise click.UsageError("--bulk and --dry-run exclude each other: a dry run writes nothing")
    with progress_bar(sys.stdout.isatty(), sources) as out:
        progress = out.progress
        if bulk:
            inputs = [BulkInput(fmt or "", source, options) for source in sources]
            summaries: Iterable[RunSummary] = run_bulk(settings, inputs, progress=progress,
                                                       staged=staged)
        else:
            assert fmt is not None  # checked above: only --staged goes without it
            summaries = _merge(settings, fmt, sources, dry_run, options, progress,
                               max_quarantined)
        for summary in summaries:  # printed as each run ends
            out.echo(summary.to_json())  # above the bar, on a line of its own


def _merge(settings: Settings, fmt: str, sources: tuple[str, ...], dry_run: bool,
           options: dict[str, str], progress: ProgressFn | None,
           max_quarantined: str | None = None) -> Iterator[RunSummary]:
    graph: Graph | None = None if dry_run else open_graph(settings)
    try:
        if graph is not None:
            migrate.migrate(graph)  # constraints make the MERGEs unique and fast
        for source in sources:
            yield run_ingest(graph, fmt, source, settings=settings, dry_run=dry_run,
                             options=options, progress=progress,
                             max_quarantined=max_quarantined)
    finally:
        if graph is not None:
            graph.close()
