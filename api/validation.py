"""Parsing and validation per request: caches for what does not change between requests.

A document is parsed once per (text, token limit). Validation errors are cached by what they
depend on (RuleCache); only the cost rule, which reads the variables, runs on every request.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSchema,
    TypeInfo,
    ValidationContext,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import NoSchemaIntrospectionCustomRule
from graphql.validation.validate import ValidationAbortedError
from strawberry.extensions import SchemaExtension
from strawberry.extensions.max_aliases import create_validator as alias_validator
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.extensions.query_depth_limiter import create_validator as depth_validator
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from api.auth import Role
from api.context import Context
from api.limits import check_cost, role_rule
from scamgraph.settings import Settings

DOCUMENT_RULES = (*specified_rules, MaybeNullValidationRule, OneOfInputValidationRule)

_parse = functools.lru_cache(maxsize=512)(parse)
# graphql's `validate` stops at this many errors; the cost check keeps its limit.
MAX_ERRORS = 100


class CachedParse(SchemaExtension):
    """A document parsed before is not parsed again. Not strawberry's ParserCache: that one
    raises a syntax error (or MAX_TOKENS) from inside its hook, which skips the error-coding
    extension; here a document that does not parse is left to strawberry's own parse, which
    reports it the usual way (lru_cache keeps no failures)."""

    def on_parse(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.query and ec.graphql_document is None:
            with contextlib.suppress(GraphQLError):
                ec.graphql_document = _parse(ec.query, **ec.parse_options)
        yield


def _introspection(ctx: IgnoreContext) -> bool:
    return ctx.field_name.startswith("__")


class RuleCache:
    """Validation errors cached by what they depend on, for one deployment's settings.

    The standard rules, the depth and alias limits and the introspection switch depend on
    the document only (the limits are the deployment's): cached by query text. The role
    rule depends on the document and the caller's role: cached by (text, role). The cost
    rule reads the variables (sizes, hops), so it runs on every request, and only on a
    valid document.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.document_rules = (
            *DOCUMENT_RULES,
            depth_validator(settings.max_query_depth, _introspection),
            alias_validator(settings.max_aliases),
            *(() if settings.introspection else (NoSchemaIntrospectionCustomRule,)),
        )
        self.document = functools.lru_cache(maxsize=512)(self._document)
        self.by_role = functools.lru_cache(maxsize=2048)(self._by_role)

    def _document(self, schema: GraphQLSchema, query: str) -> tuple[GraphQLError, ...]:
        return tuple(validate(schema, _parse(query), self.document_rules))

    def _by_role(self, schema: GraphQLSchema, query: str,
                 role: Role | None) -> tuple[GraphQLError, ...]:
        return tuple(validate(schema, _parse(query), [role_rule(role)]))

    def errors(self, schema: GraphQLSchema, query: str, document: DocumentNode,
               ctx: object, variables: Mapping[str, Any]) -> list[GraphQLError]:
        role = ctx.principal.role if isinstance(ctx, Context) else None
        found = [*self.document(schema, query), *self.by_role(schema, query, role)]
        if found:  # an invalid document is not costed (its fields may not even exist)
            return found
        # The cost limits are the request's (its context's settings), like the role.
        limits = ctx.settings if isinstance(ctx, Context) else None
        return costed(schema, document, variables, role,
                      limits.max_query_cost if limits else 0,
                      limits.max_result_bytes if limits else 0)


def costed(schema: GraphQLSchema, document: DocumentNode, variables: Mapping[str, Any],
           role: Role | None, limit: int, max_bytes: int) -> list[GraphQLError]:
    """The cost check's errors, kept and capped as graphql's `validate` keeps a rule's."""
    errors: list[GraphQLError] = []

    def on_error(error: GraphQLError) -> None:
        if len(errors) >= MAX_ERRORS:
            raise ValidationAbortedError(
                "Too many validation errors, error limit reached. Validation aborted.")
        errors.append(error)

    context = ValidationContext(schema, document, TypeInfo(schema), on_error)
    try:
        check_cost(context, variables, role, limit, max_bytes)
    except ValidationAbortedError as error:
        errors.append(error.with_traceback(None))
    except RecursionError:
        errors.append(ValidationAbortedError("Validation aborted."))
    return errors


def cached_validation(cache: RuleCache) -> type[SchemaExtension]:
    """The validation step answered from `cache`; strawberry's own pass is skipped."""

    class CachedValidation(SchemaExtension):
        def on_validate(self) -> Iterator[None]:
            ec = self.execution_context
            if ec.query is not None and ec.graphql_document is not None:
                ec.pre_execution_errors = cache.errors(
                    ec.schema._schema, ec.query, ec.graphql_document, ec.context,
                    ec.variables or {})
            yield

    return CachedValidation
