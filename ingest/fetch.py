"""Turn a source (a path, an http(s) URL or `-` for stdin) into a local file and its sha256.

Readers only ever see a local file: a URL or stdin is streamed to a temporary file first
(constant memory), hashing as it goes, so every run knows exactly which bytes it read.
"""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import httpx

from scamgraph.errors import DownloadError, InputError

CHUNK = 1 << 20


@dataclass(frozen=True)
class Materialised:
    path: Path
    name: str  # what to print and quarantine as the file: the path, URL or "<stdin>"
    url: str | None
    sha256: str


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def materialise(source: str | Path, workdir: Path, *, timeout_s: float = 60.0) -> Materialised:
    """A local file for `source`; URLs and stdin are copied into `workdir`."""
    text = str(source)
    if text == "-":
        target = workdir / "stdin"
        return Materialised(target, "<stdin>", None, _copy(sys.stdin.buffer, target))
    if is_url(text):
        target = workdir / "download"
        return Materialised(target, text, text, _download(text, target, timeout_s))
    path = Path(text)
    if not path.is_file():
        raise InputError(f"no such file: {path}", hint="give a file path, an http(s) URL or -")
    return Materialised(path, text, None, sha256_file(path))


def chunks_of(stream: BinaryIO) -> Iterator[bytes]:
    return iter(lambda: stream.read(CHUNK), b"")


def stream_to(chunks: Iterable[bytes], target: Path | None,
              check: Callable[[], None] | None = None) -> tuple[str, int]:
    """Write chunks to `target` (or nowhere), hashing as they pass: sha256 and size.
    `check` runs before each chunk and may raise to stop (a deadline, a size cap)."""
    digest, size = hashlib.sha256(), 0
    with target.open("wb") if target is not None else contextlib.nullcontext() as out:
        for chunk in chunks:
            if check is not None:
                check()
            digest.update(chunk)
            size += len(chunk)
            if out is not None:
                out.write(chunk)
    return digest.hexdigest(), size


def sha256_file(path: Path) -> str:
    with path.open("rb") as fh:
        return stream_to(chunks_of(fh), None)[0]


def _copy(stream: BinaryIO, target: Path) -> str:
    return stream_to(chunks_of(stream), target)[0]


def _download(url: str, target: Path, timeout_s: float) -> str:
    try:
        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True) as response:
            response.raise_for_status()
            return stream_to(response.iter_bytes(CHUNK), target)[0]
    except httpx.HTTPError as exc:
        raise DownloadError(
            f"cannot download {url}: {exc}", hint="check the URL and the network"
        ) from exc


def cleanup(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)
