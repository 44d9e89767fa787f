"""One generated scenario per test session (small scale), shared by the generator tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from synth import generate
from tests.synth.helpers import SCALE


@pytest.fixture(scope="session")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("synth") / "seed7"
    generate(out, SCALE, 7)
    return out, json.loads((out / "ground_truth.json").read_text())
