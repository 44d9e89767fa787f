"""The GraphQL schema: merged query groups, the mutation, limits and error codes.

`build_schema(settings)` adds the per-deployment limits; the SDL (api/schema.graphql)
does not depend on them. Regenerate it with `scamgraph serve --print-schema`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import strawberry
from graphql import GraphQLError
from strawberry.extensions import MaxTokensLimiter, SchemaExtension
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from api.errors import ErrorCodes
from api.execution import PlainFieldExecution
from api.resolvers.changes import ChangeQueries
from api.resolvers.entities import EntityQueries
from api.resolvers.money import MoneyQueries
from api.resolvers.mutations import Mutation
from api.resolvers.operations import OperationQueries
from api.resolvers.resolution import ResolutionMutations, ResolutionQueries
from api.resolvers.typologies import TypologyQueries
from api.types.records import ENTITY_TYPES
from api.validation import CachedParse, RuleCache, cached_validation
from scamgraph.settings import Settings

SDL_PATH = Path(__file__).with_name("schema.graphql")
Query = merge_types("Query", (EntityQueries, MoneyQueries, OperationQueries, TypologyQueries,
                             ResolutionQueries, ChangeQueries))
Mutations = merge_types("Mutation", (Mutation, ResolutionMutations))


class Schema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        """Expected errors are answers, not log noise; ErrorCodes logs the unexpected ones."""


def extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Limits from settings, as factories (one fresh extension per request)."""
    exts: list[Callable[[], SchemaExtension]] = [
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        CachedParse,  # after the token limit: it sets the parse options the cache keys on
        # Depth, aliases, roles, cost and the standard rules, cached by what they depend on.
        cached_validation(RuleCache(settings)),
        ErrorCodes,
    ]
    return exts


def build_schema(settings: Settings | None = None) -> Schema:
    return Schema(
        query=Query, mutation=Mutations, types=list(ENTITY_TYPES),
        extensions=extensions(settings) if settings else [],
        execution_context_class=PlainFieldExecution,
    )


def sdl() -> str:
    return build_schema().as_str() + "\n"
