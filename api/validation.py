"""Parsing and validation per request: a cache for what depends on the document only.

A document is parsed once per (text, token limit). The standard rules depend only on the
document, so their errors are cached by query text; the rules that depend on who asks, with
which variables, under which settings (role, cost, depth, aliases, introspection) run on
every request.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator

from graphql import GraphQLError, GraphQLSchema, parse, specified_rules, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from api.context import Context
from api.limits import cost_rule, role_rule

DOCUMENT_RULES = (*specified_rules, MaybeNullValidationRule, OneOfInputValidationRule)


class RequestRules(SchemaExtension):
    """Adds the caller's role rule and the cost rule to this request's validation."""

    def on_operation(self) -> Iterator[None]:
        ctx = self.execution_context.context
        limit = ctx.settings.max_query_cost if isinstance(ctx, Context) else 0
        max_bytes = ctx.settings.max_result_bytes if isinstance(ctx, Context) else 0
        role = ctx.principal.role if isinstance(ctx, Context) else None
        variables = self.execution_context.variables or {}
        self.execution_context.validation_rules = (
            *self.execution_context.validation_rules,
            role_rule(role), cost_rule(limit, variables, role, max_bytes),
        )
        yield


_parse = functools.lru_cache(maxsize=512)(parse)


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


@functools.lru_cache(maxsize=512)
def _document_errors(schema: GraphQLSchema, query: str) -> tuple[GraphQLError, ...]:
    return tuple(validate(schema, _parse(query), DOCUMENT_RULES))


class CachedValidation(SchemaExtension):
    """Document-only rules from the cache, request rules fresh; strawberry's own pass is skipped."""

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        if ec.query is not None and ec.graphql_document is not None:
            schema = ec.schema._schema
            fresh = [r for r in ec.validation_rules if r not in DOCUMENT_RULES]
            ec.pre_execution_errors = [*_document_errors(schema, ec.query),
                                       *validate(schema, ec.graphql_document, fresh)]
        yield
