"""Audit log entries and saved investigations (the browser's case files)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, cast

import strawberry

from api.audit import AuditEntry
from api.limits import BYTES_KEY
from api.saved_investigations import MAX_DATA_BYTES
from api.types.common import JSON, as_datetime


@strawberry.type(description="One API request: who (role, key fingerprint), what, how long.")
class AuditLogEntry:
    time: datetime
    role: str
    key_fingerprint: str
    query_hash: str = strawberry.field(description="SHA-256 of the query text.")
    operation_name: str | None
    variables: JSON | None
    duration_ms: float
    result_bytes: int
    status: int = strawberry.field(description="HTTP status of the response.")
    error_codes: list[str]

    @classmethod
    def from_record(cls, rec: AuditEntry) -> AuditLogEntry:
        return cls(
            time=datetime.fromisoformat(rec.time), role=rec.role,
            key_fingerprint=rec.key_fingerprint, query_hash=rec.query_hash,
            operation_name=rec.operation_name, variables=cast(JSON, rec.variables),
            duration_ms=rec.duration_ms, result_bytes=rec.result_bytes, status=rec.status,
            error_codes=list(rec.error_codes),
        )


@strawberry.type(description="A saved investigation: the browser's state as JSON.")
class Investigation:
    id: strawberry.ID
    name: str
    created_at: datetime | None
    created_by: str | None = strawberry.field(description="role:key-fingerprint of the saver.")
    # The byte bound feeds the result-size estimate (api/limits.py).
    data: JSON = strawberry.field(metadata={BYTES_KEY: MAX_DATA_BYTES})

    @classmethod
    def from_record(cls, row: dict[str, Any]) -> Investigation:
        return cls(
            id=strawberry.ID(row["id"]), name=row["name"],
            created_at=as_datetime(row.get("created_at")), created_by=row.get("created_by"),
            data=json.loads(row["data"]),
        )
