"""Turn a source (a path, an http(s) URL or `-` for stdin) into a local file and its sha256.

Readers only ever see a local file: a URL or stdin is streamed to a temporary file first
(constant memory), hashing as it goes, so every run knows exactly which bytes it read.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
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


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy(stream: BinaryIO, target: Path) -> str:
    digest = hashlib.sha256()
    with target.open("wb") as out:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
    return digest.hexdigest()


def _download(url: str, target: Path, timeout_s: float) -> str:
    digest = hashlib.sha256()
    try:
        with httpx.stream("GET", url, timeout=timeout_s, follow_redirects=True) as response:
            response.raise_for_status()
            with target.open("wb") as out:
                for chunk in response.iter_bytes(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
    except httpx.HTTPError as exc:
        raise DownloadError(
            f"cannot download {url}: {exc}", hint="check the URL and the network"
        ) from exc
    return digest.hexdigest()


def cleanup(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)
