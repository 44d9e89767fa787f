"""The body checks one by one (no server, no graph): each refuses its fault, passes the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobs.verify import Expect, check_body, check_content_type, kind_of, published_digest
from scamgraph.errors import FetchError

GOOD = {"xml": b'\xef\xbb\xbf<?xml version="1.0"?><Sanctions/>', "json": b' \n["T1"]',
        "text": b"TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre\n"}
BAD = [
    ("text", b"", "an empty body"),
    ("text", b"  \n\t", "only blank space"),
    ("xml", b"<!DOCTYPE html><html><body>down</body></html>", "an HTML page"),
    ("json", b"\n<HTML lang=en>maintenance", "an HTML page"),
    ("xml", b"Name,Address\n", "not a xml file"),
    ("json", b"T1\nT2\n", "not a json file"),
    ("text", b'<?xml version="1.0"?><Error>AccessDenied</Error>', "markup document"),
    ("text", b"PK\x03\x04\x00\x00", "NUL bytes"),
]


def _file(tmp_path: Path, body: bytes) -> Path:
    path = tmp_path / "body"
    path.write_bytes(body)
    return path


@pytest.mark.parametrize("kind", list(GOOD))
def test_the_right_kind_of_file_passes(kind: str, tmp_path: Path) -> None:
    body = GOOD[kind]
    check_body("src", _file(tmp_path, body), len(body), Expect(kind))


@pytest.mark.parametrize(("kind", "body", "message"), BAD)
def test_each_fault_is_refused_naming_the_source(kind: str, body: bytes, message: str,
                                                  tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=message) as caught:
        check_body("https://pub.example/list", _file(tmp_path, body), len(body), Expect(kind))
    assert "https://pub.example/list" in caught.value.message
    assert not caught.value.transient


def test_web_page_types_are_refused_and_pinned_types_enforced() -> None:
    check_content_type("src", "text/plain; charset=utf-8", Expect())
    with pytest.raises(FetchError, match=r"a web page \(text/html\)"):
        check_content_type("src", "text/HTML; charset=utf-8", Expect())
    pinned = Expect(content_types=("text/csv",))
    check_content_type("src", "text/csv", pinned)
    with pytest.raises(FetchError, match="'none', expected one of text/csv"):
        check_content_type("src", None, pinned)


def test_kinds_come_from_the_format_then_the_extension() -> None:
    assert kind_of("ofac-sdn-xml", "bin") == "xml"
    assert kind_of("ofac-list", "json") == "json" and kind_of("ofac-list", "txt") == "text"
    assert kind_of("ethereum-etl", "csv") == "text"


def test_a_checksum_file_gives_its_digest_or_a_clear_error() -> None:
    digest = "AB" * 32
    assert published_digest("u", f"{digest}  SDN.CSV\n") == digest.lower()
    assert published_digest("u", digest) == digest.lower()
    with pytest.raises(FetchError, match="holds no sha256 digest"):
        published_digest("u", "<html>not found</html>")
