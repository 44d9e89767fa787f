"""The ingest progress bar: bytes read of the file's size (so a total and an ETA), records/s.

The runner reports (phase, records done) every 1,000 records and knows nothing of bytes; the
readers open the file themselves. The bar asks the OS where this process is in the file it
is reading (psutil: the open files with their offsets, Linux), the source as given or its
download under the run's scamgraph-ingest- work directory, whose size is the total. Where
the offset is unknown (another OS, stdin) the bar shows records and elapsed time only.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from ingest.runner import Progress as ProgressFn

WORKDIR_MARK = "scamgraph-ingest-"


def reading(sources: Sequence[Path]) -> tuple[int, int] | None:
    """(offset, size) of the source file this process has open, if the OS says."""
    wanted = {str(p) for p in sources}
    try:
        for f in psutil.Process().open_files():
            if (f.path in wanted or WORKDIR_MARK in f.path) and getattr(f, "position", None):
                return int(f.position), os.path.getsize(f.path)
    except (psutil.Error, OSError):
        return None
    return None


def columns() -> tuple[object, ...]:
    return (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
            TextColumn("{task.fields[records]:,} records, {task.fields[rate]:,.0f}/s, "
                       "{task.fields[quarantined]:,} quarantined"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn())


@dataclass
class Reporter:
    """The runner's progress callback (None: no bar) and how to print a line of output."""

    progress: ProgressFn | None
    echo: Callable[[str], None]


def _plain(text: str) -> None:
    print(text, flush=True)


@contextmanager
def progress_bar(enabled: bool, sources: Sequence[str] = ()) -> Iterator[Reporter]:
    """A rich progress display while stdout is a terminal (then on stdout: lines printed go
    above it, whole, never wrapped, never glued to it); plain printing otherwise."""
    if not enabled:
        yield Reporter(None, _plain)
        return
    paths = [Path(s).resolve() for s in sources if s != "-"]
    console = Console(file=sys.stdout)
    with Progress(*columns(), console=console, transient=True) as bar:  # type: ignore[arg-type]
        tasks: dict[str, TaskID] = {}
        last: dict[str, int] = {}

        def update(phase: str, done: int, quarantined: int = 0) -> None:
            if phase not in tasks or done < last[phase]:  # a phase of the next source
                tasks[phase] = bar.add_task(phase, total=None, records=0, rate=0.0,
                                            quarantined=0)
            task, last[phase], where = tasks[phase], done, reading(paths)
            elapsed = bar.tasks[task].elapsed or 0.0
            rate = done / elapsed if elapsed > 0 else 0.0
            if where is None:
                bar.update(task, records=done, rate=rate, quarantined=quarantined)
            else:
                bar.update(task, completed=where[0], total=where[1], records=done, rate=rate,
                           quarantined=quarantined)

        def echo(text: str) -> None:
            console.print(text, soft_wrap=True, markup=False, highlight=False, emoji=False)

        yield Reporter(update, echo)
