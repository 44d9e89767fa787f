"""The jobs manifest: validation errors name the job and the field; cron keeps crontab's meaning."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from jobs.cron import next_fire
from jobs.manifest import parse_manifest
from scamgraph.errors import ConfigError

FORMATS = {"ofac-list", "ofac-sdn-csv", "tagpack"}
GOOD = """
jobs:
  - name: trx
    ingester: ofac-list
    source: lists/sanctioned_addresses_TRX.txt
    schedule: "0 */6 * * *"
    options: {asset: TRX, strict: true, limit: 5}
  - name: sdn
    ingester: ofac-sdn-csv
    source: https://example.org/SDN.CSV
    schedule: "*/10 * * * * *"
    timeout_s: 30
    retries: 1
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "jobs.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(ConfigError) as info:
        parse_manifest(write(tmp_path, text), lambda: FORMATS)
    return info.value.message


def test_a_good_manifest_parses_and_anchors_relative_paths(tmp_path: Path) -> None:
    manifest = parse_manifest(write(tmp_path, GOOD), lambda: FORMATS)
    trx, sdn = manifest.jobs
    assert trx.source == str(tmp_path / "lists" / "sanctioned_addresses_TRX.txt")
    assert trx.options == {"asset": "TRX", "strict": "true", "limit": "5"}
    assert (trx.timeout_s, trx.retries) == (None, None)
    assert (sdn.source, sdn.timeout_s, sdn.retries, sdn.is_remote) == (
        "https://example.org/SDN.CSV", 30.0, 1, True)
    assert manifest.job("sdn") is sdn


def test_a_bad_cron_names_the_job_and_the_field(tmp_path: Path) -> None:
    message = problem(tmp_path, GOOD.replace('"0 */6 * * *"', '"61 * * * *"'))
    assert "job 'trx' field 'schedule'" in message
    assert "61" in message


def test_a_wrong_number_of_cron_fields_is_explained(tmp_path: Path) -> None:
    message = problem(tmp_path, GOOD.replace('"0 */6 * * *"', '"daily"'))
    assert "job 'trx' field 'schedule'" in message and "1 fields" in message


def test_an_unknown_ingester_lists_the_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        parse_manifest(write(tmp_path, GOOD.replace("ofac-sdn-csv", "sdn-pdf")), lambda: FORMATS)
    assert "job 'sdn' field 'ingester': unknown format 'sdn-pdf'" in info.value.message
    assert "ofac-list" in info.value.hint


def test_missing_and_unknown_fields_are_named(tmp_path: Path) -> None:
    text = "jobs:\n  - name: x\n    ingester: ofac-list\n    schedule: '* * * * *'\n    cron: y\n"
    message = problem(tmp_path, text)
    assert "job 'x' field 'source': Field required" in message
    assert "job 'x' field 'cron': Extra inputs are not permitted" in message


def test_duplicate_names_and_bad_values_are_refused(tmp_path: Path) -> None:
    assert "used twice" in problem(tmp_path, GOOD.replace("name: sdn", "name: trx"))
    message = problem(tmp_path, GOOD.replace("retries: 1", "retries: -1"))
    assert "job 'sdn' field 'retries'" in message
    bad_name = GOOD.replace("name: trx", "name: ../x")
    assert "job '../x' field 'name': use 1-64" in problem(tmp_path, bad_name)


def test_unreadable_and_non_yaml_manifests(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read jobs manifest"):
        parse_manifest(tmp_path / "missing.yaml")
    assert "not valid YAML" in problem(tmp_path, "jobs: [\n")
    assert "field 'jobs'" in problem(tmp_path, "")


def test_cron_weekdays_count_from_sunday_like_crontab() -> None:
    sunday = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
    assert next_fire("0 6 * * 1", sunday) == datetime(2026, 11, 23, 6, 0, tzinfo=UTC)
    assert next_fire("0 6 * * 0", sunday) == datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
    assert next_fire("0 6 * * 7", sunday) == datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
    assert next_fire("15 22 * * 1-5", sunday) == datetime(2026, 11, 23, 22, 15, tzinfo=UTC)
    assert next_fire("*/20 * * * * *", sunday) == sunday
