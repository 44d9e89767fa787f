"""`scamgraph generate` through the real CLI entry point (exit codes from the error tree)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scamgraph.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(argv)
        raise SystemExit(0)
    out = capsys.readouterr()
    return int(stop.value.code or 0), out.out, out.err


def test_generate_writes_the_scenario_and_reports_its_rate(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["generate", "--scale", "2000", "--seed", "3", "--out", str(tmp_path / "s")]
    code, out, err = run(argv, capsys)
    summary = json.loads(out)
    assert code == 0 and summary["transfers"] == 2000 and summary["files"] == 8
    assert summary["rate"] > 0 and "transfers/s" in err
    truth = json.loads((tmp_path / "s" / "ground_truth.json").read_text())
    assert truth["seed"] == 3 and truth["synthetic"] is True
    code, _, err = run(argv, capsys)
    assert code == 64 and "already holds generated data" in err and "--force" in err
    code, _, _ = run([*argv, "--force"], capsys)
    assert code == 0


def test_generate_refuses_a_scale_out_of_range(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["generate", "--scale", "5", "--out", str(tmp_path)], capsys)
    assert code == 64 and "scale 5 is out of range" in err
