"""The one place where errors become GraphQL error codes and HTTP statuses.

Project errors (scamgraph.errors) raised by the graph layer become GraphQL errors
whose `extensions.code` is the error's code upper-cased (BUDGET_EXCEEDED,
INVALID_ARGUMENT, ...) with its hint; limit refusals name the limit in the code
(MAX_QUERY_DEPTH, MAX_ALIASES, MAX_TOKENS, MAX_QUERY_COST); anything unexpected
is logged and masked as INTERNAL.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from scamgraph.errors import BudgetExceededError, QueryError, ScamgraphError

log = logging.getLogger("scamgraph.api")
GRAPHQL_RESPONSE = "application/graphql-response+json"

# Strawberry's limiters and rules report plain messages; these patterns give them codes.
_RULE_MESSAGES = (
    (re.compile(r"exceeds maximum operation depth of (\d+)"), "MAX_QUERY_DEPTH"),
    (re.compile(r"aliases found\. Allowed: (\d+)"), "MAX_ALIASES"),
    (re.compile(r"more than (\d+) tokens"), "MAX_TOKENS"),
    (re.compile(r"introspection has been disabled"), "INTROSPECTION_DISABLED"),
)
# Python's int() refusing a huge literal names sys.set_int_max_str_digits: not for clients.
_DIGITS = re.compile(r"Exceeds the limit \(\d+ digits\)|int_max_str_digits|"
                     r"invalid literal for int\(\)")
# Pre-execution codes that are about who asks, not what was asked.
_AUTH_STATUS = {"UNAUTHENTICATED": 401, "FORBIDDEN": 403}


class RequestError(Exception):
    """A request refused before GraphQL runs (HTTP-level: bad body, no key, wrong method)."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


def project_error_extensions(exc: ScamgraphError) -> dict[str, Any]:
    ext: dict[str, Any] = {"code": exc.code.upper()}
    if exc.hint:
        ext["hint"] = exc.hint
    if isinstance(exc, BudgetExceededError) and exc.limit:
        ext["limit"] = exc.limit
    return ext


def _coded(error: GraphQLError, executed: bool) -> GraphQLError:
    """The same error with extensions.code set; unexpected errors masked."""
    original = error.original_error
    ext: dict[str, Any] = dict(error.extensions or {})
    message = error.message
    if isinstance(original, QueryError):
        # Neo4j's text (Lucene's TooManyClauses, Cypher internals) is for the server log.
        log.warning("database refused %s: %s", error.path, original.message)
        ext["code"] = "INVALID_ARGUMENT"
        message = (f"{_field(error)}: the database could not run this query with these"
                   " arguments; use fewer or shorter terms (details logged on the server)")
    elif isinstance(original, ScamgraphError):
        ext.update(project_error_extensions(original))
        message = original.message
    elif isinstance(original, NotImplementedError):
        ext["code"], message = "NOT_IMPLEMENTED", f"not implemented yet: {original}"
    elif original is not None and not isinstance(original, GraphQLError):
        log.error("unexpected error in %s", error.path, exc_info=original)
        ext["code"], message = "INTERNAL", "internal error (logged on the server)"
    elif _DIGITS.search(message):
        ext["code"], message = "BAD_USER_INPUT", "an integer has too many digits"
    elif is_variable_error(error):
        ext["code"] = "BAD_USER_INPUT"
    elif "code" not in ext:
        ext["code"] = _pre_execution_code(error, executed)
    return GraphQLError(message, error.nodes, error.source, error.positions, error.path,
                        None, extensions=ext)


def _field(error: GraphQLError) -> str:
    return f"Query.{error.path[0]}" if error.path else "the query"


def is_variable_error(error: GraphQLError) -> bool:
    """A variable value GraphQL could not coerce: reported before execution, with no path."""
    return error.path is None and error.message.startswith("Variable '$")


def _pre_execution_code(error: GraphQLError, executed: bool) -> str:
    for pattern, code in _RULE_MESSAGES:
        if pattern.search(error.message):
            return code
    if isinstance(error, GraphQLSyntaxError) or error.message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    return "INTERNAL" if executed else "GRAPHQL_VALIDATION_FAILED"


class ErrorCodes(SchemaExtension):
    """Marks the start of execution and codes every error of the result."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if hasattr(context, "executed"):
            context.executed = True
        yield

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        context = self.execution_context.context
        if result is not None and result.errors:
            if (hasattr(context, "executed") and result.data is None
                    and all(map(is_variable_error, result.errors))):
                # Coercing variables fails before execution starts (a request error, 4xx).
                context.executed = False
            executed = bool(getattr(context, "executed", False))
            result.errors = [_coded(e, executed) for e in result.errors]


def ensure_codes(errors: list[dict[str, Any]], executed: bool) -> list[dict[str, Any]]:
    """Formatted errors, each with a code (an error raised by an extension hook has none)."""
    fallback = "INTERNAL" if executed else "GRAPHQL_VALIDATION_FAILED"
    for error in errors:
        ext = error.setdefault("extensions", {})
        if "code" not in ext and _DIGITS.search(str(error.get("message"))):
            # strawberry's depth limiter reads integer literals with int() itself.
            ext["code"], error["message"] = "BAD_USER_INPUT", "an integer has too many digits"
        ext.setdefault("code", fallback)
    return errors


def error_codes(errors: list[dict[str, Any]] | None) -> list[str]:
    return [str((e.get("extensions") or {}).get("code", "")) for e in errors or []]


def http_status(media_type: str, executed: bool, codes: list[str]) -> int:
    """Status per GraphQL over HTTP: application/json is always 200 for a well-formed
    request; graphql-response+json is 200 once execution started, else 4xx."""
    if media_type != GRAPHQL_RESPONSE or executed:
        return 200
    return next((_AUTH_STATUS[c] for c in codes if c in _AUTH_STATUS), 400)
