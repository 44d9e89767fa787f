"""Is what a job fetched the publisher's file? Refuse maintenance pages, empty and cut bodies.

A publisher in trouble often answers 200 with the wrong thing: an HTML maintenance or login
page, an empty body, an XML error document where a CSV belongs. Ingested, such a body is a
"succeeded" run of nothing, and its hash and validators would hide the real file next time.
So before the ingest: the Content-Type must not be a web page (or must be one the manifest
pins with `content_types`), the first bytes must look like the format (one small rule per
kind, below), and where the manifest names the publisher's checksum file (`checksum_url`,
sha256sum output or a bare hex digest) the sha256 must match it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scamgraph.errors import FetchError

HEAD_BYTES = 4096
# Media types that are a web page, not a data file, whatever the URL says.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML = re.compile(rb"^(<!doctype\s+html|<html[\s>])", re.IGNORECASE)
_DIGEST = re.compile(r"\b([0-9a-fA-F]{64})\b")


def _xml(head: bytes) -> str | None:
    return None if head.startswith(b"<") else "does not start with '<' as XML does"


def _json(head: bytes) -> str | None:
    return None if head[:1] in (b"{", b"[") else "does not start with '{' or '[' as JSON does"


def _text(head: bytes) -> str | None:
    if head.startswith(b"<"):
        return "starts with '<': a markup document, not a text, CSV or YAML file"
    return "holds NUL bytes: a binary file, not text" if b"\0" in head else None


# What the first bytes (after a BOM and blank space) of each kind of file must look like.
SNIFF: dict[str, Callable[[bytes], str | None]] = {"xml": _xml, "json": _json, "text": _text}
# The kind of file each format reads; formats that read several kinds are "text", and a
# source's extension (below) makes that stricter.
FORMAT_KIND = {"ofac-sdn-xml": "xml", "ftm": "json", "bitcoin-etl": "json", "trongrid": "json",
               "compounds": "json"}
EXTENSION_KIND = {"xml": "xml", "json": "json", "jsonl": "json", "geojson": "json"}


@dataclass(frozen=True)
class Expect:
    """What a job's fetched body must be: kind of file, media types, published checksum."""

    kind: str = "text"
    content_types: tuple[str, ...] = ()  # empty: any type but a web page
    checksum_url: str | None = None


def kind_of(fmt: str, extension: str) -> str:
    return FORMAT_KIND.get(fmt) or EXTENSION_KIND.get(extension, "text")


def check_content_type(source: str, header: str | None, expect: Expect) -> None:
    media = (header or "").split(";")[0].strip().lower()
    if expect.content_types and media not in expect.content_types:
        raise FetchError(f"{source} answered Content-Type {media or 'none'!r}, expected one of "
                         + ", ".join(expect.content_types),
                         hint="the publisher may be down for maintenance; the previous data is "
                              "kept (or fix content_types in the manifest)")
    if not expect.content_types and media in PAGE_TYPES:
        raise FetchError(f"{source} answered a web page ({media}), not the data file",
                         hint="the publisher may be down for maintenance; the previous data "
                              "is kept")


def check_body(source: str, path: Path, size: int, expect: Expect) -> None:
    """Refuse an empty body and one whose first bytes are not the expected kind of file."""
    if size == 0:
        raise FetchError(f"{source} answered an empty body", hint="the previous data is kept")
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES).removeprefix(b"\xef\xbb\xbf").lstrip()
    if _HTML.match(head):
        raise FetchError(f"{source} answered an HTML page, not the data file",
                         hint="the publisher may be down for maintenance; the previous data "
                              "is kept")
    problem = SNIFF[expect.kind](head) if head else "holds only blank space"
    if problem is not None:
        raise FetchError(f"{source} is not a {expect.kind} file: its start {problem}",
                         hint="the previous data is kept")


def published_digest(checksum_url: str, text: str) -> str:
    """The sha256 in a checksum file: sha256sum's `<hex>  <name>` or a bare digest."""
    found = _DIGEST.search(text)
    if found is None:
        raise FetchError(f"checksum file {checksum_url} holds no sha256 digest",
                         hint="checksum_url must point at sha256sum output or a hex digest")
    return found.group(1).lower()


def check_digest(source: str, sha256: str, checksum_url: str, published: str) -> None:
    if sha256 != published:
        # Transient: a publisher replacing the file may serve the new body and the old sum.
        raise FetchError(f"{source} has sha256 {sha256[:16]}..., but {checksum_url} publishes "
                         f"{published[:16]}...: the body is corrupt or incomplete",
                         hint="the previous data is kept", transient=True)
