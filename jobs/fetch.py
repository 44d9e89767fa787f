"""Fetching a job's source: HTTP with conditional requests, or a local file, hashed as it streams.

The bytes go to a file beside the job's snapshots (same filesystem, so archiving is a
rename). Network trouble and server errors are transient (worth a retry); a 4xx or a
missing file is not: retrying a bad URL only delays the failure.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from ingest.fetch import stream_to
from scamgraph import __version__
from scamgraph.errors import FetchError, JobTimeoutError

CHUNK = 1 << 16
USER_AGENT = f"scamgraph/{__version__} (scheduled ingestion)"
# Statuses a publisher returns when it is busy or briefly broken.
TRANSIENT_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
# Response headers not worth keeping in the chain-of-custody sidecar.
DROPPED_HEADERS = frozenset({"set-cookie"})


@dataclass(frozen=True)
class Validators:
    """What the last successful run saw: HTTP validators and the content hash."""

    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Fetched:
    url: str
    path: Path | None  # the downloaded bytes; None when the server answered 304
    sha256: str | None
    size: int
    status: int | None  # HTTP status; None for a local file
    headers: dict[str, str]
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.path is None


def conditional_headers(validators: Validators) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers


def _write(chunks: Iterable[bytes], dest: Path, deadline: float, url: str) -> tuple[str, int]:
    """Stream chunks to dest; sha256 and size. Stops at the job's deadline."""
    def in_time() -> None:
        if time.monotonic() > deadline:
            raise JobTimeoutError(f"fetching {url} went past the job's time limit")

    return stream_to(chunks, dest, in_time)


def fetch_local(source: str, dest: Path, deadline: float) -> Fetched:
    path = Path(source)
    try:
        with path.open("rb") as fh:
            sha, size = _write(iter(lambda: fh.read(CHUNK), b""), dest, deadline, source)
    except OSError as exc:
        raise FetchError(f"cannot read {source}: {exc.strerror}") from exc
    return Fetched(source, dest, sha, size, None, {}, datetime.now(UTC))


def fetch_http(source: str, dest: Path, validators: Validators, *,
               timeout_s: float, deadline: float) -> Fetched:
    """GET with If-None-Match / If-Modified-Since; a 304 yields a Fetched without a path."""
    try:
        with httpx.Client(timeout=timeout_s, follow_redirects=True) as client, \
                client.stream("GET", source, headers=conditional_headers(validators)) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()
                       if k.lower() not in DROPPED_HEADERS}
            if resp.status_code == 304:
                return Fetched(str(resp.url), None, None, 0, 304, headers, datetime.now(UTC))
            _check_status(source, resp.status_code)
            sha, size = _write(resp.iter_bytes(CHUNK), dest, deadline, source)
            return Fetched(str(resp.url), dest, sha, size, resp.status_code, headers,
                           datetime.now(UTC))
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"cannot fetch {source}: {exc}") from exc
    except httpx.TransportError as exc:
        raise FetchError(f"cannot fetch {source}: {type(exc).__name__}: {exc}",
                         transient=True) from exc


def _check_status(source: str, status: int) -> None:
    if status in TRANSIENT_STATUS:
        raise FetchError(f"{source} answered HTTP {status}", transient=True)
    if status >= 300:
        raise FetchError(f"{source} answered HTTP {status}",
                         hint="check the job's source URL in the manifest")


def fetch(source: str, dest: Path, validators: Validators, *,
          timeout_s: float, deadline: float) -> Fetched:
    """Fetch a URL or copy a local file to `dest`, hashing it on the way."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        if source.startswith(("http://", "https://")):
            return fetch_http(source, dest, validators, timeout_s=timeout_s, deadline=deadline)
        return fetch_local(source, dest, deadline)
    except BaseException:
        # A failed fetch leaves nothing half-written beside the snapshots.
        dest.unlink(missing_ok=True)
        raise


def discard(fetched: Fetched) -> None:
    if fetched.path is not None:
        fetched.path.unlink(missing_ok=True)

