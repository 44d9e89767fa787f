"""What every scheduled job has: a path-safe name and a cron schedule, validated once."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from jobs.cron import cron_trigger

_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


class Scheduled(BaseModel):
    """The base of an ingestion job (jobs/manifest.py) and a typology scan (typology_job.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    schedule: str

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        # The name becomes a snapshot directory, a lock key and a scheduler id: keep it path-safe.
        if not _NAME.match(value):
            raise ValueError("use 1-64 lowercase letters, digits, '.', '_' or '-'")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str) -> str:
        cron_trigger(value)
        return value
