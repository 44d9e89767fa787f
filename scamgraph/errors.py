"""One error tree for the whole project.

Every error carries a message (what went wrong, naming the thing and where)
and a hint (how to fix it). The CLI maps them to exit codes and the API to
GraphQL/HTTP responses, each in one place.
"""

from __future__ import annotations


class ScamgraphError(Exception):
    """Base of every error scamgraph raises on purpose."""

    code = "internal"
    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} (hint: {self.hint})" if self.hint else self.message


class ConfigError(ScamgraphError):
    """A setting is missing or malformed."""

    code = "config"
    exit_code = 78  # EX_CONFIG


class JavaMissingError(ScamgraphError):
    code = "java_missing"
    exit_code = 69  # EX_UNAVAILABLE


class PortInUseError(ScamgraphError):
    code = "port_in_use"
    exit_code = 69


class DownloadError(ScamgraphError):
    code = "download_failed"
    exit_code = 69


class DatabaseUnavailableError(ScamgraphError):
    code = "database_unavailable"
    exit_code = 69


class LocalServerError(ScamgraphError):
    """The local Neo4j process failed to start or stop."""

    code = "local_server"
    exit_code = 70


class QueryError(ScamgraphError):
    """Neo4j rejected a statement (syntax, semantics, constraint)."""

    code = "query_failed"
    exit_code = 65


class MigrationError(ScamgraphError):
    code = "migration"
    exit_code = 65


class QueryNotFoundError(ScamgraphError):
    code = "query_not_found"


class InputError(ScamgraphError):
    """Input that cannot be processed at all (a file that does not parse)."""

    code = "bad_input"
    exit_code = 65  # EX_DATAERR


class BulkLoadError(ScamgraphError):
    """A bulk load's staging or import step failed (the database was put back as it was)."""

    code = "bulk_load"
    exit_code = 70  # EX_SOFTWARE


class NotFoundError(ScamgraphError):
    code = "not_found"
    exit_code = 66


class ValidationError(ScamgraphError):
    """A request argument is out of range or malformed."""

    code = "invalid_argument"
    exit_code = 64  # EX_USAGE


class BudgetExceededError(ScamgraphError):
    """A query went past a hop, path, time or cost budget; `limit` names the setting."""

    code = "budget_exceeded"

    def __init__(self, message: str, hint: str = "", *, limit: str = "") -> None:
        super().__init__(message, hint)
        self.limit = limit


class AuthenticationError(ScamgraphError):
    code = "unauthenticated"


class PermissionDeniedError(ScamgraphError):
    code = "forbidden"


class JobError(ScamgraphError):
    code = "job_failed"


class LockedError(ScamgraphError):
    """Another process holds the lock for this job."""

    code = "locked"
    exit_code = 75  # EX_TEMPFAIL


class FetchError(DownloadError):
    """A job's source could not be fetched; `transient` says whether a retry may help."""

    code = "fetch_failed"

    def __init__(self, message: str, hint: str = "", *, transient: bool = False) -> None:
        super().__init__(message, hint)
        self.transient = transient


class JobTimeoutError(JobError):
    """A job run went past its time limit and was stopped."""

    code = "job_timeout"
