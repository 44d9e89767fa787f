"""Fetching from a local publisher: conditional requests, failures, chain-of-custody snapshots."""

from __future__ import annotations

import hashlib
import json
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from jobs import snapshots
from jobs.fetch import Fetched, Validators, fetch
from scamgraph.errors import FetchError, JobTimeoutError
from scamgraph.settings import Settings
from tests.jobs.conftest import FIXTURES
from tests.jobs.publisher import Publisher

TRX = "sanctioned_addresses_TRX.txt"


NONE = Validators()


def get(url: str, dest: Path, validators: Validators = NONE) -> Fetched:
    return fetch(url, dest, validators, timeout_s=5, deadline=time.monotonic() + 30)


def test_a_fetch_hashes_the_bytes_and_a_conditional_refetch_gets_304(
        publisher: Publisher, tmp_path: Path) -> None:
    first = get(publisher.url(TRX), tmp_path / "a")
    body = (FIXTURES / TRX).read_bytes()
    assert first.path is not None and first.path.read_bytes() == body
    sha = hashlib.sha256(body).hexdigest()
    assert (first.sha256, first.size, first.status) == (sha, len(body), 200)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    second = get(publisher.url(TRX), tmp_path / "b", Validators(etag, modified, first.sha256))
    assert second.not_modified and second.status == 304 and not (tmp_path / "b").exists()
    sent = publisher.gets(TRX)[-1]
    assert (sent["if-none-match"], sent["if-modified-since"]) == (etag, modified)


def test_last_modified_alone_is_honoured(publisher: Publisher, tmp_path: Path) -> None:
    first = get(publisher.url(TRX), tmp_path / "a")
    since = Validators(None, first.headers["last-modified"])
    again = get(publisher.url(TRX), tmp_path / "b", since)
    assert again.not_modified
    publisher.publish(TRX, "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\n", mtime=time.time() + 10)
    changed = get(publisher.url(TRX), tmp_path / "c", since)
    assert changed.status == 200 and changed.size == 35


def test_server_errors_are_transient_and_client_errors_are_not(
        publisher: Publisher, tmp_path: Path) -> None:
    publisher.behaviour.fail_next = 1
    with pytest.raises(FetchError, match="HTTP 500") as info:
        get(publisher.url(TRX), tmp_path / "a")
    assert info.value.transient and not (tmp_path / "a").exists()
    with pytest.raises(FetchError, match="HTTP 404") as info:
        get(publisher.url("nothing.txt"), tmp_path / "a")
    assert not info.value.transient


def test_an_unreachable_host_is_transient(tmp_path: Path) -> None:
    with pytest.raises(FetchError) as info:
        get("http://127.0.0.1:9/x.txt", tmp_path / "a")
    assert info.value.transient


def test_a_fetch_past_the_deadline_stops(publisher: Publisher, tmp_path: Path) -> None:
    with pytest.raises(JobTimeoutError):
        fetch(publisher.url(TRX), tmp_path / "a", Validators(), timeout_s=5, deadline=0.0)
    assert not (tmp_path / "a").exists()


def test_a_local_file_is_copied_and_a_missing_one_is_not_transient(tmp_path: Path) -> None:
    got = get(str(FIXTURES / TRX), tmp_path / "a")
    assert got.status is None and got.path is not None
    assert got.path.read_bytes() == (FIXTURES / TRX).read_bytes()
    with pytest.raises(FetchError) as info:
        get(str(tmp_path / "missing.txt"), tmp_path / "b")
    assert not info.value.transient


def test_snapshots_are_archived_with_a_sidecar_and_pruned(
        publisher: Publisher, job_settings: Settings) -> None:
    base = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    kept = []
    for n in range(5):
        publisher.publish(TRX, f"line {n}\n")
        got = get(publisher.url(TRX), snapshots.partial_path(job_settings, "trx"))
        got = Fetched(got.url, got.path, got.sha256, got.size, got.status, got.headers,
                      base + timedelta(minutes=n))
        kept.append(snapshots.archive(job_settings, "trx", publisher.url(TRX), got))
    snap = kept[0]
    assert snap.path.name == f"20261122T030000Z-{snap.sha256[:12]}.txt"
    meta = json.loads(snap.sidecar.read_text())
    assert meta["sha256"] == hashlib.sha256(b"line 0\n").hexdigest() == snap.sha256
    assert (meta["url"], meta["status"], meta["size"]) == (publisher.url(TRX), 200, 7)
    assert meta["headers"]["etag"] and meta["fetched_at"] == base.isoformat()
    removed = snapshots.prune(job_settings, "trx", keep=job_settings.jobs_snapshots_keep)
    assert removed == [k.path for k in kept[:2]]
    assert snapshots.snapshots(job_settings, "trx") == [k.path for k in kept[2:]]
    left = sorted(p.name for p in snapshots.job_dir(job_settings, "trx").iterdir())
    assert left == sorted([k.path.name for k in kept[2:]] + [k.sidecar.name for k in kept[2:]])


def test_extension_comes_from_the_url_path() -> None:
    assert snapshots.extension("https://x.org/api/exports/SDN.CSV?x=1") == "csv"
    assert snapshots.extension("https://x.org/feed") == "bin"
    assert snapshots.extension("/data/list.json") == "json"
