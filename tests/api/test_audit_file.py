"""The audit log's file: one line per entry, readable at once, kept when rotated or closed."""

from __future__ import annotations

from pathlib import Path

from api.audit import AuditEntry, AuditLog


def _entry(n: int) -> AuditEntry:
    return AuditEntry(time=AuditEntry.now(), role="analyst", key_fingerprint="k",
                      query_hash=f"q{n}", operation_name=None, variables=None,
                      duration_ms=1.0, result_bytes=10, status=200)


def test_each_entry_is_on_disk_as_soon_as_it_is_appended(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit" / "audit.jsonl")
    log.append(_entry(1))
    log.append(_entry(2))
    # Another reader (a second process, an admin's tail) sees both lines before any close.
    assert [line.count('"query_hash"') for line in log.path.read_text().splitlines()] == [1, 1]
    assert [e.query_hash for e in log.tail(5)] == ["q2", "q1"]
    log.close()


def test_a_rotated_log_is_reopened_at_its_path(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.jsonl")
    log.append(_entry(1))
    log.path.rename(tmp_path / "audit.jsonl.1")  # logrotate's move
    log.append(_entry(2))
    assert [e.query_hash for e in log.tail(5)] == ["q2"]
    assert "q1" in (tmp_path / "audit.jsonl.1").read_text()
    log.close()
    log.append(_entry(3))  # after close (shutdown) a late request still lands
    assert [e.query_hash for e in log.tail(5)] == ["q3", "q2"]
    log.close()
