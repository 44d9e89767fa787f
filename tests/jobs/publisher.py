"""A stand-in for a publisher's web server: http.server on 127.0.0.1 in a thread.

Serves a folder with ETag (sha256 of the bytes) and Last-Modified, answers conditional
requests with 304, and can be told to fail (HTTP 500), to be slow, to lie about the content
type, to drop the ETag, to cut the body short of its Content-Length, or to drip it a byte
at a time. It records every request so tests can check what the client sent.
"""

from __future__ import annotations

import email.utils
import hashlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


@dataclass
class Behaviour:
    fail_next: int = 0  # answer this many next requests with 500
    fail_always: bool = False
    delay_s: float = 0.0  # sleep before answering
    content_type: str | None = None  # answer with this Content-Type instead of the guessed one
    no_etag: bool = False  # send no ETag (Last-Modified still goes)
    truncate_to: int | None = None  # announce the whole length, send this many bytes, hang up
    drip_s: float = 0.0  # seconds between the body's bytes, sent one at a time
    requests: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def should_fail(self) -> bool:
        with self.lock:
            if self.fail_always:
                return True
            if self.fail_next > 0:
                self.fail_next -= 1
                return True
            return False


class Handler(SimpleHTTPRequestHandler):
    behaviour: Behaviour

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: tests read `behaviour.requests` instead."""

    def send_head(self) -> Any:
        self.behaviour.requests.append({"path": self.path, **{k.lower(): v for k, v in
                                                              self.headers.items()}})
        if self.behaviour.delay_s:
            time.sleep(self.behaviour.delay_s)
        if self.behaviour.should_fail():
            self.send_error(HTTPStatus.INTERNAL_SERVER_ERROR, "publisher is down")
            return None
        path = Path(self.translate_path(self.path))
        if path.is_file():
            etag = '"' + hashlib.sha256(path.read_bytes()).hexdigest()[:32] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self._etag = etag
        return super().send_head()

    def guess_type(self, path: Any) -> str:
        return self.behaviour.content_type or super().guess_type(path)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        b = self.behaviour
        if b.truncate_to is None and not b.drip_s:
            super().copyfile(source, outputfile)
            return
        body = source.read()
        body = body[:b.truncate_to] if b.truncate_to is not None else body
        step = 1 if b.drip_s else len(body) or 1
        try:
            for at in range(0, len(body), step):  # bounded by the body's length
                outputfile.write(body[at:at + step])
                outputfile.flush()
                time.sleep(b.drip_s)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (its deadline): what a real publisher sees too
        self.close_connection = True

    def end_headers(self) -> None:
        etag = None if self.behaviour.no_etag else getattr(self, "_etag", None)
        if etag:
            self.send_header("ETag", etag)
        super().end_headers()


@dataclass(frozen=True)
class Publisher:
    root: Path
    base_url: str
    behaviour: Behaviour

    def url(self, name: str) -> str:
        return f"{self.base_url}/{name}"

    def publish(self, name: str, text: str, mtime: float | None = None) -> None:
        """Write a file; a distinct mtime makes Last-Modified change too."""
        path = self.root / name
        path.write_text(text, encoding="utf-8")
        stamp = mtime if mtime is not None else time.time()
        os.utime(path, (stamp, stamp))

    def gets(self, name: str) -> list[dict[str, str]]:
        return [r for r in self.behaviour.requests if r["path"] == f"/{name}"]


@contextmanager
def serving(root: Path) -> Iterator[Publisher]:
    behaviour = Behaviour()
    handler = type("BoundHandler", (Handler,), {"behaviour": behaviour})

    def factory(*args: Any, **kwargs: Any) -> Handler:
        return handler(*args, directory=str(root), **kwargs)  # type: ignore[no-any-return]

    server = ThreadingHTTPServer(("127.0.0.1", 0), factory)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield Publisher(root, f"http://127.0.0.1:{server.server_address[1]}", behaviour)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def http_date(stamp: float) -> str:
    return email.utils.formatdate(stamp, usegmt=True)
