"""A deadline for a blocking HTTP read: at the deadline the response's socket is shut down.

An httpx read timeout bounds each read, not the whole body, and a thread blocked in recv()
cannot be interrupted; shutting the socket down from a timer thread makes that recv() return
at once, so the download ends at the job's deadline whatever the publisher does.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator

import httpx


@contextlib.contextmanager
def watchdog(resp: httpx.Response, deadline: float) -> Iterator[threading.Event]:
    """At the deadline, shut the response's socket: a read blocked in recv() returns at once."""
    fired = threading.Event()

    def cut() -> None:
        fired.set()
        stream = resp.extensions.get("network_stream")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), cut)
    timer.daemon = True
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()
