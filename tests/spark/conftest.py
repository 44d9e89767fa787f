"""One Spark session (local[2]) for all Spark tests: a JVM start costs tens of seconds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession

from scamgraph.settings import Settings
from spark.session import spark_session


@pytest.fixture(scope="session")
def spark(settings: Settings) -> Iterator[SparkSession]:
    session = spark_session("local[2]", conf={"spark.sql.shuffle.partitions": "2"},
                            settings=settings)
    yield session
