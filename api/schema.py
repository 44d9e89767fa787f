"""The GraphQL schema: merged query groups, the mutation, limits and error codes.

`build_schema(settings)` adds the per-deployment limits; the SDL (api/schema.graphql)
does not depend on them. Regenerate it with `scamgraph serve --print-schema`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.context import Context
from api.errors import ErrorCodes
from api.limits import cost_rule, role_rule
from api.resolvers.entities import EntityQueries
from api.resolvers.money import MoneyQueries
from api.resolvers.mutations import Mutation
from api.resolvers.operations import OperationQueries
from api.types.records import ENTITY_TYPES
from scamgraph.settings import Settings

SDL_PATH = Path(__file__).with_name("schema.graphql")
Query = merge_types("Query", (EntityQueries, MoneyQueries, OperationQueries))


class RequestRules(SchemaExtension):
    """Adds the caller's role rule and the cost rule to this request's validation."""

    def on_operation(self) -> Any:
        ctx = self.execution_context.context
        settings_limit = ctx.settings.max_query_cost if isinstance(ctx, Context) else 0
        role = ctx.principal.role if isinstance(ctx, Context) else None
        variables = self.execution_context.variables or {}
        self.execution_context.validation_rules = (
            *self.execution_context.validation_rules,
            role_rule(role), cost_rule(settings_limit, variables),
        )
        yield


class Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        """Expected errors are answers, not log noise; ErrorCodes logs the unexpected ones."""


def _introspection(ctx: IgnoreContext) -> bool:
    return ctx.field_name.startswith("__")


def extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Limits from settings, as factories (one fresh extension per request)."""
    exts: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: QueryDepthLimiter(max_depth=settings.max_query_depth, should_ignore=_introspection),
        lambda: MaxAliasesLimiter(max_alias_count=settings.max_aliases),
        RequestRules,
        ErrorCodes,
    ]
    if not settings.introspection:
        exts.insert(0, DisableIntrospection)
    return exts


def build_schema(settings: Settings | None = None) -> Schema:
    return Schema(
        query=Query, mutation=Mutation, types=list(ENTITY_TYPES),
        extensions=extensions(settings) if settings else [],
    )


def sdl() -> str:
    return build_schema().as_str() + "\n"
