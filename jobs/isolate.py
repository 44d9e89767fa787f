"""Run the ingest of one job in a child process, so its time limit can really stop it.

A thread cannot be killed: a timed-out ingest in a thread would go on writing after the
job lock is released. A child process can. It opens its own connection (a Neo4j driver
must not cross a fork) and sends back the RunSummary or the error.
If the child is killed mid-write, the open transaction rolls back with its connection; the
batches already committed are kept, and since every write is an idempotent MERGE the next
run completes them. The run is recorded as failed ("timed out").
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ingest.summary import RunSummary
from scamgraph import errors
from scamgraph.errors import JobError, JobTimeoutError, ScamgraphError
from scamgraph.settings import Settings

# A fork server: one clean, single-threaded process that has imported the ingest code once
# and forks a child per run, so a run does not pay seconds of imports, and no child is forked
# from the scheduler's threads or its open Neo4j connections.
_CTX = multiprocessing.get_context("forkserver")
_CTX.set_forkserver_preload(["ingest.runner", "ingest.formats", "graph.connect", "jobs.isolate"])
# Seconds a child gets to exit after it has sent its answer.
EXIT_GRACE_S = 10.0


def _child(conn: Connection, settings: Settings, fmt: str, path: str,
           options: dict[str, str]) -> None:
    """Child process body: one run_ingest, answered over the pipe."""
    from graph.connect import open_graph
    from ingest.runner import run_ingest

    try:
        with open_graph(settings, start_local=False) as graph:
            summary = run_ingest(graph, fmt, path, settings=settings, options=options)
        conn.send(("ok", summary))
    except ScamgraphError as exc:
        conn.send(("error", type(exc).__name__, exc.message, exc.hint,
                   getattr(exc, "transient", False)))
    except Exception as exc:  # crosses the process boundary as a JobError (see _rebuild)
        conn.send(("error", "JobError", f"{type(exc).__name__}: {exc}", "", False))
    finally:
        conn.close()


def _rebuild(answer: tuple[Any, ...]) -> ScamgraphError:
    """The child's error as the same class of the project's error tree."""
    _, name, message, hint, transient = answer
    cls = getattr(errors, name, None)
    if not (isinstance(cls, type) and issubclass(cls, ScamgraphError)):
        cls = JobError
    if issubclass(cls, errors.FetchError):
        return cls(message, hint, transient=transient)
    return cls(message, hint)


def ingest(settings: Settings, fmt: str, path: Path, options: dict[str, str],
           timeout_s: float) -> RunSummary:
    """run_ingest in a child process; JobTimeoutError when it is not done within `timeout_s`."""
    receiver, sender = _CTX.Pipe(duplex=False)
    proc = _CTX.Process(target=_child, args=(sender, settings, fmt, str(path), options),
                        daemon=True, name=f"scamgraph-ingest-{fmt}")
    proc.start()
    sender.close()  # the child holds its own end; EOF then means the child died
    try:
        answer = _wait(receiver, proc, timeout_s)
    finally:
        receiver.close()
        _reap(proc)
    if answer[0] == "ok":
        summary: RunSummary = answer[1]
        return summary
    raise _rebuild(answer)


def _wait(receiver: Connection, proc: Any, timeout_s: float) -> tuple[Any, ...]:
    if not receiver.poll(max(timeout_s, 0.0)):
        proc.kill()
        raise JobTimeoutError(f"ingest stopped at the job's time limit (it had {timeout_s:.1f}s)",
                              hint="raise the job's timeout_s in the manifest")
    try:
        answer: tuple[Any, ...] = receiver.recv()
    except EOFError:
        proc.join(EXIT_GRACE_S)
        raise JobError(f"the ingest process died (exit code {proc.exitcode})") from None
    return answer


def _reap(proc: Any) -> None:
    proc.join(EXIT_GRACE_S)
    if proc.is_alive():
        proc.kill()
        proc.join(EXIT_GRACE_S)
