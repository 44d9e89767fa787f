"""Load a generated scenario through the ordinary ingest runner, file by file, in load order.

A file whose sha256 already has a succeeded IngestRun is skipped, so a second `scamgraph demo`
starts serving at once; re-ingesting would be harmless anyway (ingest is idempotent).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.db import Graph
from ingest.runner import run_ingest
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from synth.generate import TRUTH_FILE

# Entities first, so wallets meet their attributions before the transfers arrive.
ORDER = ("ftm", "actorpack", "tagpack", "compounds", "trongrid", "ethereum-etl", "bitcoin-etl")


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    records: int = 0
    quarantined: int = 0
    seconds: float = 0.0


def read_truth(out: Path) -> dict[str, Any]:
    path = out / TRUTH_FILE
    if not path.exists():
        raise InputError(f"{out} holds no {TRUTH_FILE}", hint="run `scamgraph generate` first")
    truth: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return truth


def load_scenario(graph: Graph, out: Path, settings: Settings,
                  on_file: Callable[[str, str], None] | None = None) -> LoadReport:
    """Ingest every file of the scenario in `out` not loaded before; on_file(path, status)."""
    files = sorted(read_truth(out)["files"], key=lambda f: ORDER.index(f["format"]))
    done = {r["sha256"] for r in graph.read("synth/loaded_files",
                                            {"hashes": [f["sha256"] for f in files]})}
    report, began = LoadReport(), time.monotonic()
    for f in files:
        if f["sha256"] in done:
            report.skipped.append(f["path"])
            if on_file:
                on_file(f["path"], "already loaded")
            continue
        summary = run_ingest(graph, f["format"], out / f["path"], settings=settings)
        report.loaded.append(f["path"])
        report.records += summary.read
        report.quarantined += summary.quarantined
        if on_file:
            on_file(f["path"], f"{summary.read} read, {summary.quarantined} quarantined")
    report.seconds = time.monotonic() - began
    return report
