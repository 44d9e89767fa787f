"""The jobs manifest: scheduled ingestion jobs declared as data (yente's manifest style).

A YAML file with a `jobs:` list, validated by pydantic. Errors name the file, the
job and the field, so an operator can fix the manifest without reading a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator

from jobs.cron import cron_trigger
from scamgraph.errors import ConfigError

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class Job(BaseModel):
    """One scheduled ingestion: fetch `source`, read it as `ingester`, on `schedule`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    ingester: str
    source: str
    schedule: str
    # Reader options (e.g. `asset: ETH`); readers take strings, so scalars are turned into text.
    options: dict[str, str] = Field(default_factory=dict)
    # None means the settings' default (jobs_timeout_s / jobs_retries).
    timeout_s: float | None = Field(default=None, gt=0)
    retries: int | None = Field(default=None, ge=0, le=20)
    # Media types the source must answer with (e.g. [text/csv]); none: any but a web page.
    content_types: tuple[str, ...] = ()
    # The publisher's sha256 of the source (sha256sum output or a bare digest), a URL or path.
    checksum_url: str | None = None

    @field_validator("content_types")
    @classmethod
    def _types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any("/" not in t for t in value):
            raise ValueError("each content type is 'type/subtype', e.g. text/csv")
        return tuple(t.strip().lower() for t in value)

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        # The name becomes a snapshot directory and a lock key, so keep it path-safe.
        if not _NAME.match(value):
            raise ValueError("use 1-64 lowercase letters, digits, '.', '_' or '-'")
        return value

    @field_validator("options", mode="before")
    @classmethod
    def _options(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: _text(v) for k, v in value.items()}

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        cron_trigger(value)
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must be a URL or a path")
        return value.strip()

    @property
    def is_remote(self) -> bool:
        return self.source.startswith(("http://", "https://"))


def _text(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int | float) else value


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    jobs: list[Job]

    @field_validator("jobs")
    @classmethod
    def _unique(cls, jobs: list[Job]) -> list[Job]:
        seen: set[str] = set()
        for job in jobs:
            if job.name in seen:
                raise ValueError(f"job name {job.name!r} is used twice")
            seen.add(job.name)
        return jobs

    def job(self, name: str) -> Job:
        for job in self.jobs:
            if job.name == name:
                return job
        known = ", ".join(j.name for j in self.jobs) or "none"
        raise ConfigError(f"no job named {name!r} in the manifest", hint=f"jobs: {known}")


def _where(raw: Any, loc: tuple[int | str, ...]) -> str:
    """'job 'ofac-eth' field 'schedule'' from a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "jobs" and isinstance(loc[1], int):
        name = f"#{loc[1] + 1}"
        entries = raw.get("jobs") if isinstance(raw, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        if isinstance(entry, dict):
            name = repr(entry.get("name", name))
        field = ".".join(str(p) for p in loc[2:])
        return f"job {name} field {field!r}" if field else f"job {name}"
    return "field " + repr(".".join(str(p) for p in loc) or "jobs")


def _explain(path: Path, raw: Any, exc: pydantic.ValidationError) -> ConfigError:
    problems = [f"{_where(raw, tuple(e['loc']))}: {e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors()]
    return ConfigError(f"invalid jobs manifest {path}: " + "; ".join(problems),
                       hint="see jobs.yaml at the repository root for an example")


def parse_manifest(path: Path, formats: Callable[[], set[str]] | None = None) -> Manifest:
    """Read and validate the manifest at `path`; `formats` lists the known ingester names."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read jobs manifest {path}: {exc.strerror}",
                          hint="pass --manifest FILE or set SCAMGRAPH_JOBS_MANIFEST") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"jobs manifest {path} is not valid YAML: {exc}") from exc
    try:
        manifest = Manifest.model_validate(raw if raw is not None else {})
    except pydantic.ValidationError as exc:
        raise _explain(path, raw, exc) from None
    if formats is not None:
        _check_ingesters(path, manifest, formats())
    return Manifest(jobs=[_anchored(job, path.parent) for job in manifest.jobs])


def _anchored(job: Job, base: Path) -> Job:
    """A relative local source is relative to the manifest's folder, as in docker-compose."""
    if job.is_remote or Path(job.source).is_absolute():
        return job
    return job.model_copy(update={"source": str((base / job.source).resolve())})


def _check_ingesters(path: Path, manifest: Manifest, known: set[str]) -> None:
    for job in manifest.jobs:
        if job.ingester not in known:
            raise ConfigError(
                f"invalid jobs manifest {path}: job {job.name!r} field 'ingester': "
                f"unknown format {job.ingester!r}",
                hint="formats: " + ", ".join(sorted(known)),
            )
