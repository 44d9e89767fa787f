"""docker-compose.yml's `spark` profile: the official image, a master and a worker it points
at, the same SCAMGRAPH_* settings as the other services, and nothing started by default."""

from __future__ import annotations

import re
from importlib.metadata import version
from typing import Any

import yaml

from tests.conftest import ROOT


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    return data


def _default(value: str) -> str:
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_spark_profile_is_a_master_and_a_worker_of_the_official_image() -> None:
    compose = _compose()
    master, worker = compose["services"]["spark-master"], compose["services"]["spark-worker"]
    assert master["profiles"] == worker["profiles"] == ["spark"]
    assert master["image"] == worker["image"]
    image = _default(master["image"])
    assert image.startswith("apache/spark:")
    spark_major = image.split(":", 1)[1].split(".")[0]
    assert spark_major == version("pyspark").split(".")[0]  # the driver speaks to it
    url = _default(compose["x-scamgraph-env"]["SCAMGRAPH_SPARK_MASTER"])
    assert url == worker["command"][-1] == "spark://spark-master:7077"
    assert "--port" in master["command"] and "7077" in master["command"]
    for service in (master, worker):
        env = service["environment"]
        assert {k: v for k, v in env.items() if k.startswith("SCAMGRAPH_")} == compose[
            "x-scamgraph-env"]
    others = [s for name, s in compose["services"].items() if not name.startswith("spark-")]
    assert all("profiles" not in s for s in others)  # `up` alone starts no Spark
