"""Chain of custody: every raw file a job ingests is archived with its hash, then pruned to N.

Layout: `<home>/snapshots/<job>/<UTC timestamp>-<sha256[:12]>.<ext>` plus a sidecar
`<that name>.json` with the URL, response headers, full sha256 and fetch time. Names
sort in time order, which is what retention relies on.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from jobs.fetch import Fetched
from scamgraph.settings import Settings

_SNAPSHOT = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{12}\.[a-z0-9]{1,10}$")
_EXT = re.compile(r"^[a-z0-9]{1,10}$")


@dataclass(frozen=True)
class Snapshot:
    path: Path
    sidecar: Path
    sha256: str


def job_dir(settings: Settings, job: str) -> Path:
    return settings.home / "snapshots" / job


def partial_path(settings: Settings, job: str) -> Path:
    """Where a fetch streams to before it is archived (hidden from retention)."""
    return job_dir(settings, job) / f".partial-{uuid.uuid4().hex}"


def extension(source: str) -> str:
    """The source's file extension ('csv', 'xml', ...), or 'bin' when it has none we trust."""
    path = urlparse(source).path if "://" in source else source
    suffix = Path(path).suffix.lstrip(".").lower()
    return suffix if _EXT.match(suffix) else "bin"


def archive(settings: Settings, job: str, source: str, fetched: Fetched) -> Snapshot:
    """Move fetched bytes into the job's snapshot folder and write the sidecar beside them."""
    if fetched.path is None or fetched.sha256 is None:
        raise ValueError("nothing to archive: the source was not modified")
    stamp = fetched.fetched_at.strftime("%Y%m%dT%H%M%SZ")
    target = job_dir(settings, job) / f"{stamp}-{fetched.sha256[:12]}.{extension(source)}"
    os.replace(fetched.path, target)
    sidecar = target.with_name(target.name + ".json")
    meta = {
        "job": job, "source": source, "url": fetched.url, "sha256": fetched.sha256,
        "size": fetched.size, "status": fetched.status, "headers": fetched.headers,
        "fetched_at": fetched.fetched_at.isoformat(), "file": target.name,
    }
    sidecar.write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return Snapshot(target, sidecar, fetched.sha256)


def snapshots(settings: Settings, job: str) -> list[Path]:
    """The job's archived files, oldest first."""
    folder = job_dir(settings, job)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if _SNAPSHOT.match(p.name))


def prune(settings: Settings, job: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` snapshots (and their sidecars); the deleted paths."""
    old = snapshots(settings, job)[:-keep] if keep > 0 else snapshots(settings, job)
    for path in old:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".json").unlink(missing_ok=True)
    return old
