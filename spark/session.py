"""The one way scamgraph starts a Spark session, for local[*] and for a cluster alike.

What differs from Spark's defaults, and why:
- logs at WARN: Spark's INFO lines would bury the command's own output;
- the session time zone is UTC, as every timestamp scamgraph stores is;
- shuffle partitions: Spark's default of 200 is tuned for clusters; on one machine each extra
  task costs more than it saves, so local masters get twice their cores (settings override);
- driver memory is bounded by settings (a local master runs its executors in the driver JVM);
- the Python workers run this interpreter when the master is local, so they import the same
  scamgraph code as the driver (on a cluster the executors' Python must have it installed).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping

from pyspark.sql import SparkSession

from scamgraph.settings import Settings, get_settings

APP = "scamgraph"
_LOCAL = re.compile(r"^local(\[(\*|\d+)(,\d+)?\])?$")


def local_cores(master: str) -> int | None:
    """Cores a local master uses ("local" 1, "local[N]" N, "local[*]" all); None for a cluster."""
    match = _LOCAL.match(master)
    if match is None:
        return None
    threads = match.group(2)
    if threads is None:
        return 1
    return (os.cpu_count() or 1) if threads == "*" else int(threads)


def session_conf(master: str, settings: Settings) -> dict[str, str]:
    """The configuration `spark_session` applies (before the caller's own `conf`)."""
    conf = {
        "spark.sql.session.timeZone": "UTC",
        "spark.driver.memory": settings.spark_driver_memory,
        "spark.ui.showConsoleProgress": "false",
        # Arrow makes Python UDFs and toPandas-style transfers columnar; cheap to leave on.
        "spark.sql.execution.arrow.pyspark.enabled": "true",
    }
    cores = local_cores(master)
    partitions = settings.spark_shuffle_partitions or (2 * cores if cores else 0)
    if partitions:
        conf["spark.sql.shuffle.partitions"] = str(partitions)
        conf["spark.default.parallelism"] = str(partitions)
    if cores is not None:
        conf["spark.pyspark.python"] = sys.executable
        conf["spark.pyspark.driver.python"] = sys.executable
    return conf


def spark_session(master: str = "local[*]", app: str = APP,
                  conf: Mapping[str, str] | None = None,
                  settings: Settings | None = None) -> SparkSession:
    """A Spark session on `master` (any Spark master URL); `conf` overrides the defaults.

    A session already running in this process is reused (Spark allows one per JVM): its
    master is whatever started it."""
    settings = settings or get_settings()
    if local_cores(master) is not None:
        # PySpark picks its workers' interpreter from the environment, not from the conf.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.master(master).appName(app)
    for key, value in {**session_conf(master, settings), **(conf or {})}.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")
    return session
