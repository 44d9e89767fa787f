"""Hostile input never crashes a reader: each of the eleven formats over seeded mutants of its
real fixtures, read as a dry run does (reader -> quarantine), without the registry's backstop.

Bounded for the suite (SCAMGRAPH_FUZZ_MUTANTS mutants per format, default 6); a longer run
with per-format counts: `SCAMGRAPH_FUZZ_MUTANTS=200 .venv/bin/python -m tests.ingest.fuzz`.
"""

from __future__ import annotations

import logging
import os
import resource
from pathlib import Path

import pytest

from ingest.formats import FORMAT_MODULES
from tests.ingest.fuzz import HANG_SECONDS, TARGETS, fuzz_format

MUTANTS = int(os.environ.get("SCAMGRAPH_FUZZ_MUTANTS", "6"))
SEED = int(os.environ.get("SCAMGRAPH_FUZZ_SEED", "1"))
MAX_RSS_MB = 500


def test_every_format_is_fuzzed() -> None:
    assert set(TARGETS) == set(FORMAT_MODULES)


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_mutants_give_records_rejects_or_input_error(fmt: str, tmp_path: Path) -> None:
    logging.disable(logging.WARNING)  # followthemoney logs each unclean value it discards
    try:
        tallies = fuzz_format(fmt, MUTANTS, SEED, tmp_path)
    finally:
        logging.disable(logging.NOTSET)
    assert tallies.runs == MUTANTS
    # No traceback and no file over HANG_SECONDS; the failures name seed and mutant.
    assert tallies.failures == [], f"over {HANG_SECONDS} s or crashed"
    assert tallies.clean + tallies.clear_error == MUTANTS
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    assert peak_mb < MAX_RSS_MB
