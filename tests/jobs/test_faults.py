"""The jobs fault matrix: a publisher answering 200 with the wrong body fails the run, keeps the
last good state (validators, hash, snapshot, data), and the next good answer loads.

Each case: a good first run of the TRX list (3 wallets), then the fault served at the same URL
where v2 (5 wallets) belongs, then v2 served properly. Counts: v2 writes 11 (2N + 1, N = 5).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from typing import Any

import pytest

from graph.db import Graph
from jobs import snapshots
from jobs.run import run_job
from jobs.runs import runs_of
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES
from tests.jobs.publisher import Publisher
from tests.jobs.test_run import TRX, trx_job, wallets

V2 = (FIXTURES / "sanctioned_addresses_TRX.v2.txt").read_text()
MAINTENANCE = "<!DOCTYPE html>\n<html><body><h1>Down for maintenance</h1></body></html>\n"


def _html_page(pub: Publisher) -> None:
    pub.behaviour.content_type = "text/html"
    pub.publish(TRX, MAINTENANCE, mtime=time.time() + 5)


def _html_as_text(pub: Publisher) -> None:
    pub.publish(TRX, MAINTENANCE, mtime=time.time() + 5)  # served as text/plain: the sniff


def _empty(pub: Publisher) -> None:
    pub.behaviour.no_etag = True  # the case: no ETag, so the old one used to stay
    pub.publish(TRX, "", mtime=time.time() + 5)


def _truncated(pub: Publisher) -> None:
    pub.behaviour.truncate_to = 40
    pub.publish(TRX, V2, mtime=time.time() + 5)


def _bad_checksum(pub: Publisher) -> None:
    pub.publish(TRX, V2, mtime=time.time() + 5)
    pub.publish("TRX.sha256", hashlib.sha256(b"another file").hexdigest() + f"  {TRX}\n")


FAULTS: dict[str, tuple[Callable[[Publisher], None], str]] = {
    "html page": (_html_page, "web page (text/html)"),
    "html body as text/plain": (_html_as_text, "an HTML page"),
    "empty body": (_empty, "an empty body"),
    "truncated body": (_truncated, "cut short"),
    "bad checksum": (_bad_checksum, "publishes"),
}


def _state(graph: Graph) -> dict[str, Any]:
    [row] = graph.read("jobs/state_get", {"name": "trx"})
    return dict(row)


def _heal(pub: Publisher) -> None:
    b = pub.behaviour
    b.content_type, b.no_etag, b.truncate_to = None, False, None
    pub.publish(TRX, V2, mtime=time.time() + 10)
    pub.publish("TRX.sha256", hashlib.sha256(V2.encode()).hexdigest() + f"  {TRX}\n")


@pytest.mark.parametrize("case", list(FAULTS))
def test_a_bad_body_fails_keeps_the_last_good_state_and_the_next_good_run_loads(
        case: str, graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    make_fault, message = FAULTS[case]
    good = hashlib.sha256((FIXTURES / TRX).read_bytes()).hexdigest()
    publisher.publish("TRX.sha256", f"{good}  {TRX}\n")
    job = trx_job(publisher.url(TRX), checksum_url=publisher.url("TRX.sha256"))
    first = run_job(graph, job, job_settings)
    assert (first.status, wallets(graph)) == ("succeeded", 3)
    kept, kept_snaps = _state(graph), snapshots.snapshots(job_settings, "trx")
    make_fault(publisher)
    began = time.monotonic()
    bad = run_job(graph, job, job_settings)
    took = time.monotonic() - began
    assert bad.status == "failed" and message in str(bad.error), bad.error
    assert took < 5  # refused at once (a transient fault spends its two quick retries)
    assert _state(graph) == kept and kept["sha256"] == good  # validators and hash unchanged
    assert snapshots.snapshots(job_settings, "trx") == kept_snaps  # no snapshot of the fault
    assert list((snapshots.job_dir(job_settings, "trx")).glob(".partial-*")) == []
    assert wallets(graph) == 3
    _heal(publisher)
    healed = run_job(graph, job, job_settings)
    assert (healed.status, healed.written, wallets(graph)) == ("succeeded", 11, 5)
    assert [r["status"] for r in runs_of(graph, "trx")] == ["succeeded", "failed", "succeeded"]
    print(f"\nFAULT {case!r}: {bad.status} after {took:.2f}s ({bad.attempts} attempts): "
          f"{bad.error}")


def test_a_new_body_without_an_etag_drops_the_old_etag(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    job = trx_job(publisher.url(TRX))
    v1 = (FIXTURES / TRX).read_text()
    assert run_job(graph, job, job_settings).status == "succeeded"
    publisher.behaviour.no_etag = True
    publisher.publish(TRX, V2, mtime=time.time() + 5)
    assert run_job(graph, job, job_settings).written == 11
    assert _state(graph)["etag"] is None
    # v1 again, whose ETag the first run saw: with the old ETag kept this read 304 "unchanged".
    publisher.behaviour.no_etag = False
    publisher.publish(TRX, v1, mtime=time.time() + 10)
    again = run_job(graph, job, job_settings)
    assert (again.status, again.sha256) == ("succeeded", hashlib.sha256(v1.encode()).hexdigest())


def test_content_types_pinned_in_the_manifest_refuse_others(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    job = trx_job(publisher.url(TRX), content_types=["text/csv"])
    outcome = run_job(graph, job, job_settings)  # served as text/plain
    assert outcome.status == "failed" and "expected one of text/csv" in str(outcome.error)
    assert graph.read("jobs/state_get", {"name": "trx"}) == []


def test_a_json_source_that_is_not_json_is_refused(
        graph: Graph, publisher: Publisher, job_settings: Settings) -> None:
    publisher.publish("list.json", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\n")
    outcome = run_job(graph, trx_job(publisher.url("list.json")), job_settings)
    assert outcome.status == "failed" and "not a json file" in str(outcome.error)
    assert len(publisher.gets("list.json")) == 1  # not retried: the body is what it is
