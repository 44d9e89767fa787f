"""The jobs manifest: scheduled ingestion jobs declared as data (yente's manifest style).

A YAML file with a `jobs:` list (ingestion) and an optional `typologies:` list (scheduled
typology scans, jobs/typology_job.py), validated by pydantic. Errors name the file, the
job and the field, so an operator can fix the manifest without reading a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pydantic
import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jobs.scheduled import Scheduled
from jobs.typology_job import TypologyJob
from scamgraph.errors import ConfigError


class Job(Scheduled):
    """One scheduled ingestion: fetch `source`, read it as `ingester`, on `schedule`."""

    ingester: str
    source: str
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

    @field_validator("options", mode="before")
    @classmethod
    def _options(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {k: _text(v) for k, v in value.items()}

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
    typologies: list[TypologyJob] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Manifest:
        # One namespace: `jobs run NAME` and the scheduler's ids take either kind.
        seen: set[str] = set()
        for name in self.names:
            if name in seen:
                raise ValueError(f"job name {name!r} is used twice")
            seen.add(name)
        return self

    @property
    def names(self) -> list[str]:
        return [j.name for j in self.jobs] + [t.name for t in self.typologies]

    def typology_job(self, name: str) -> TypologyJob | None:
        return next((t for t in self.typologies if t.name == name), None)

    def job(self, name: str) -> Job:
        for job in self.jobs:
            if job.name == name:
                return job
        known = ", ".join(self.names) or "none"
        raise ConfigError(f"no job named {name!r} in the manifest", hint=f"jobs: {known}")


def _where(raw: Any, loc: tuple[int | str, ...]) -> str:
    """'job 'ofac-eth' field 'schedule'' from a pydantic error location."""
    if len(loc) >= 2 and loc[0] in ("jobs", "typologies") and isinstance(loc[1], int):
        name = f"#{loc[1] + 1}"
        entries = raw.get(str(loc[0])) if isinstance(raw, dict) else None
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
    return Manifest(jobs=[_anchored(job, path.parent) for job in manifest.jobs],
                    typologies=manifest.typologies)


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
