"""Fixtures for the jobs tests: a local publisher on 127.0.0.1 and fast-retry settings."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from scamgraph.settings import Settings
from tests.jobs.publisher import Publisher, serving

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jobs"


@pytest.fixture
def publisher(tmp_path: Path) -> Iterator[Publisher]:
    """A web server publishing a copy of tests/fixtures/jobs (tests may change the files)."""
    root = tmp_path / "www"
    shutil.copytree(FIXTURES, root)
    with serving(root) as pub:
        yield pub


@pytest.fixture
def job_settings(settings: Settings) -> Settings:
    """Test settings with short backoff and a small retention, and no snapshots left over."""
    shutil.rmtree(settings.home / "snapshots", ignore_errors=True)
    return settings.model_copy(update={
        "jobs_backoff_s": 0.05, "jobs_backoff_max_s": 0.2, "jobs_retries": 2,
        "jobs_snapshots_keep": 3, "jobs_http_timeout_s": 5.0, "jobs_timeout_s": 60.0,
    })
