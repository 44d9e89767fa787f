"""Fetching a job's source: HTTP with conditional requests, or a local file, hashed as it streams.

The bytes go to a file beside the job's snapshots (same filesystem, so archiving is a
rename). Network trouble and server errors are transient (worth a retry); a 4xx or a
missing file is not: retrying a bad URL only delays the failure. A body shorter than its
Content-Length is cut (transient), and jobs/verify.py refuses what is not the data file.
The job's deadline holds during the download, not only between chunks: every network read
is checked, each read waits at most the time left, and a watchdog shuts the socket at the
deadline, so a publisher dripping a byte a second cannot hold the run (or its lock).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from ingest.fetch import stream_to
from jobs.verify import Expect, check_body, check_content_type, check_digest, published_digest
from jobs.watchdog import watchdog
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
               timeout_s: float, deadline: float, expect: Expect | None = None) -> Fetched:
    """GET with If-None-Match / If-Modified-Since; a 304 yields a Fetched without a path."""
    try:
        with httpx.Client(timeout=timeout_s, follow_redirects=True) as client, \
                client.stream("GET", source, headers=conditional_headers(validators)) as resp:
            headers = {k.lower(): v for k, v in resp.headers.items()
                       if k.lower() not in DROPPED_HEADERS}
            if resp.status_code == 304:
                return Fetched(str(resp.url), None, None, 0, 304, headers, datetime.now(UTC))
            _check_status(source, resp.status_code)
            check_content_type(source, headers.get("content-type"), expect or Expect())
            sha, size = _body(resp, dest, deadline, source)
            return Fetched(str(resp.url), dest, sha, size, resp.status_code, headers,
                           datetime.now(UTC))
    except httpx.UnsupportedProtocol as exc:
        raise FetchError(f"cannot fetch {source}: {exc}") from exc
    except httpx.TransportError as exc:
        raise FetchError(f"cannot fetch {source}: {type(exc).__name__}: {exc}",
                         transient=True) from exc


def _body(resp: httpx.Response, dest: Path, deadline: float, source: str) -> tuple[str, int]:
    """The body, as each network read arrives (no 64 KiB buffering), whole, in time."""
    with watchdog(resp, deadline) as fired:
        try:
            sha, size = _write(resp.iter_bytes(), dest, deadline, source)
        except httpx.TransportError as exc:
            if fired.is_set() or time.monotonic() > deadline:
                raise JobTimeoutError(f"fetching {source} went past the job's time limit"
                                      ) from exc
            if isinstance(exc, httpx.RemoteProtocolError):
                raise FetchError(f"{source}: the body was cut short ({exc})",
                                 transient=True) from exc
            raise
    announced = resp.headers.get("content-length")
    if announced is not None and announced.isdigit() and resp.num_bytes_downloaded < int(announced):
        raise FetchError(f"{source}: the body was cut short: {resp.num_bytes_downloaded} of "
                         f"{announced} announced bytes", transient=True)
    return sha, size


def _check_status(source: str, status: int) -> None:
    if status in TRANSIENT_STATUS:
        raise FetchError(f"{source} answered HTTP {status}", transient=True)
    if status >= 300:
        raise FetchError(f"{source} answered HTTP {status}",
                         hint="check the job's source URL in the manifest")


def fetch(source: str, dest: Path, validators: Validators, *,
          timeout_s: float, deadline: float, expect: Expect | None = None) -> Fetched:
    """Fetch a URL or copy a local file to `dest`, hashing it on the way, then verify it."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    expect = expect or Expect()
    try:
        if source.startswith(("http://", "https://")):
            got = fetch_http(source, dest, validators, timeout_s=timeout_s, deadline=deadline,
                             expect=expect)
        else:
            got = fetch_local(source, dest, deadline)
        if got.path is not None and got.sha256 is not None:
            check_body(source, got.path, got.size, expect)
            if expect.checksum_url:
                published = published_digest(expect.checksum_url,
                                             read_text(expect.checksum_url, timeout_s))
                check_digest(source, got.sha256, expect.checksum_url, published)
        return got
    except BaseException:
        # A failed fetch leaves nothing half-written beside the snapshots.
        dest.unlink(missing_ok=True)
        raise


def discard(fetched: Fetched) -> None:
    if fetched.path is not None:
        fetched.path.unlink(missing_ok=True)



def read_text(source: str, timeout_s: float) -> str:
    """A small published file (a checksum), fetched fresh: a URL or a local path."""
    try:
        if not source.startswith(("http://", "https://")):
            return Path(source).read_text(encoding="utf-8", errors="replace")[:CHUNK]
        resp = httpx.get(source, timeout=timeout_s, follow_redirects=True,
                         headers={"User-Agent": USER_AGENT})
    except OSError as exc:
        raise FetchError(f"cannot read checksum file {source}: {exc.strerror}") from exc
    except httpx.TransportError as exc:
        raise FetchError(f"cannot fetch checksum file {source}: {exc}", transient=True) from exc
    _check_status(source, resp.status_code)
    return resp.text[:CHUNK]
