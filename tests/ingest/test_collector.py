"""During an ingest the cyclic collector's young threshold is raised (ingest/collector.py);
after it, whatever the outcome, the thresholds are what they were."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from ingest.collector import YOUNG_THRESHOLD
from ingest.runner import run_ingest
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import fixture


def test_an_ingest_collects_less_often_and_puts_the_thresholds_back(
        settings: Settings) -> None:
    before = gc.get_threshold()
    during: list[tuple[int, int, int]] = []
    summary = run_ingest(None, "trongrid", fixture("trongrid/usdt_pages.jsonl"),
                         settings=settings, dry_run=True,
                         progress=lambda *_: during.append(gc.get_threshold()))
    assert summary.read == 7 and during
    assert all(t[0] >= YOUNG_THRESHOLD and t[1:] == before[1:] for t in during)
    assert gc.get_threshold() == before


def test_a_failed_ingest_puts_the_thresholds_back(settings: Settings, tmp_path: Path) -> None:
    before = gc.get_threshold()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("", encoding="utf-8")
    with pytest.raises(InputError):
        run_ingest(None, "trongrid", broken, settings=settings, dry_run=True)
    assert gc.get_threshold() == before
