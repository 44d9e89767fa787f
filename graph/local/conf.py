"""The local server's neo4j.conf and JVM flags, rendered from settings.

docker-compose.yml sets the same values through NEO4J_* variables; keep them in step.
"""

from __future__ import annotations

import secrets
import string
from pathlib import Path

from scamgraph.settings import Settings

# What the Neo4j launcher script adds for Java 17 (see server.jvm.additional in the tarball).
JVM_FLAGS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.attach.allowAttachSelf=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


def render_conf(settings: Settings) -> str:
    bolt = f"127.0.0.1:{settings.local_bolt_port}"
    lines = [
        "# Written by scamgraph on every start; edit settings (SCAMGRAPH_LOCAL_*) instead.",
        f"server.bolt.listen_address={bolt}",
        f"server.bolt.advertised_address={bolt}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.memory.heap.initial_size={settings.local_heap}",
        f"server.memory.heap.max_size={settings.local_heap}",
        f"server.memory.pagecache.size={settings.local_pagecache}",
        # Bounded by the driver's per-query timeout too; this is the server's backstop.
        "db.transaction.timeout=10m",
        "db.logs.query.enabled=OFF",
        # Bolt's thread pool otherwise waits 5 s at shutdown for jobs that can no longer run
        # (the databases are already stopped); a bulk load stops and starts the server.
        "internal.server.bolt.thread_pool_shutdown_wait_time=0s",
    ]
    if settings.local_http_port:
        http = f"127.0.0.1:{settings.local_http_port}"
        lines += [
            "server.http.enabled=true",
            f"server.http.listen_address={http}",
            f"server.http.advertised_address={http}",
        ]
    else:
        lines.append("server.http.enabled=false")
    return "\n".join(lines) + "\n"


def jvm_args(settings: Settings) -> list[str]:
    heap = settings.local_heap
    return [f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS]


def password_file(home: Path) -> Path:
    return home / "password"


def ensure_password(home: Path, configured: str) -> str:
    """The configured password, or the one generated on first use and kept (mode 600)."""
    if configured:
        return configured
    path = password_file(home)
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Letters and digits only: a leading '-' would read as an option to neo4j-admin.
    alphabet = string.ascii_letters + string.digits
    generated = "".join(secrets.choice(alphabet) for _ in range(24))
    path.touch(mode=0o600)
    path.write_text(generated + "\n")
    return generated
