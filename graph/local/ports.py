"""Loopback ports: is one free, does one answer, and one that is free now."""

from __future__ import annotations

import socket


def port_free(port: int) -> bool:
    """Nothing listens on `port` of 127.0.0.1 (so a server may bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_answers(port: int) -> bool:
    """Something accepts connections on `port` of 127.0.0.1."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on now (the OS picks it), for tests and benchmarks."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
