"""Strawberry's executor with a short path for plain leaf fields.

A field without a resolver, arguments or extensions whose type is a scalar or an enum (or a
list of non-null ones) is an attribute read and one coercion; graphql-core still builds a
resolve info, an argument dict and an awaitable check for each, which was most of the work
of answering a 211-node neighbourhood. Here such a field is read and coerced directly; any
value the short path is not sure about (null on a non-null field, an exception, an
awaitable, a failed coercion) goes the general way, so errors are graphql-core's own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast
from weakref import WeakKeyDictionary

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
)
from graphql.execution.collect_fields import GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

# Values the short path takes as they are: never awaitable, never an exception.
_PLAIN = frozenset({str, int, float, bool})
_SLOW = object()  # the short path declines; the general one answers
# Per schema: (parent type, field name) -> its short path, found on first use.
_LEAVES: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], Leaf | None]] = (
    WeakKeyDictionary())


@dataclass(frozen=True)
class Leaf:
    """How to answer one plain leaf field: the attribute, its coercion, its wrapping."""

    attribute: str
    coerce: Callable[[Any], Any]
    non_null: bool
    listed: bool

    def value(self, source: Any) -> Any:
        try:
            raw = getattr(source, self.attribute)
        except Exception:  # the general path reports it as a field error
            return _SLOW
        if raw is None:
            return _SLOW if self.non_null else None
        try:
            if self.listed:
                return _items(raw, self.coerce)
            if type(raw) not in _PLAIN and (isinstance(raw, BaseException)
                                            or hasattr(raw, "__await__")):
                return _SLOW
            out = self.coerce(raw)
        except Exception:  # a value the scalar refuses: the general path words the error
            return _SLOW
        return _SLOW if out is None or out is Undefined else out


def _items(raw: Any, coerce: Callable[[Any], Any]) -> Any:
    if type(raw) is not list:
        return _SLOW
    out = [coerce(v) for v in raw if v is not None and type(v) in _PLAIN]
    if len(out) != len(raw) or any(v is None or v is Undefined for v in out):
        return _SLOW
    return out


def leaf_of(field: GraphQLField) -> Leaf | None:
    """The short path for `field`, or None when it needs the general one."""
    resolve = field.resolve
    definition = (field.extensions or {}).get("strawberry-definition")
    if (resolve is None or not getattr(resolve, "_is_default", False) or field.args
            or definition is None or definition.default_resolver is not getattr):
        return None
    kind = field.type
    non_null = isinstance(kind, GraphQLNonNull)
    kind = kind.of_type if isinstance(kind, GraphQLNonNull) else kind
    listed = isinstance(kind, GraphQLList)
    if isinstance(kind, GraphQLList):
        if not isinstance(kind.of_type, GraphQLNonNull):
            return None
        kind = kind.of_type.of_type
    if not isinstance(kind, GraphQLScalarType | GraphQLEnumType):
        return None
    return Leaf(definition.python_name, kind.coerce_output_value, non_null, listed)


class FastLeaves(StrawberryGraphQLCoreExecutionContext):
    """Plain leaf fields answered without a resolve info (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._known = _LEAVES.setdefault(self.schema, {})
        # strawberry always passes a manager; it wraps resolvers only when it holds some.
        self._plain = not getattr(self.middleware_manager, "middlewares", None)

    def execute_fields(self, parent_type: GraphQLObjectType, source_value: Any,
                       path: Path | None, grouped_field_set: GroupedFieldSet,
                       position_context: Any) -> AwaitableOrValue[dict[str, Any]]:
        """The leaves first, here; the other fields (and any leaf the short path declines)
        through graphql-core, in the selection's order."""
        if not self._plain:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set,
                                          position_context)
        done: dict[str, Any] = {}
        rest: GroupedFieldSet = {}
        for response_name, details in grouped_field_set.items():
            leaf = self._leaf(parent_type, details[0].node.name.value)
            value = leaf.value(source_value) if leaf is not None else _SLOW
            if value is _SLOW:
                rest[response_name] = details
            else:
                done[response_name] = value
        if not rest:
            return done
        others = super().execute_fields(parent_type, source_value, path, rest, position_context)
        order = list(grouped_field_set)
        if self.is_awaitable(others):
            async def merged() -> dict[str, Any]:
                return _in_order(order, done, await others)
            return merged()
        return _in_order(order, done, cast("dict[str, Any]", others))

    def _leaf(self, parent_type: GraphQLObjectType, name: str) -> Leaf | None:
        key = (parent_type.name, name)
        known = self._known
        if key not in known:
            field = self.schema.get_field(parent_type, name)
            known[key] = leaf_of(field) if field is not None else None
        return known[key]


def _in_order(order: list[str], done: dict[str, Any], others: dict[str, Any]) -> dict[str, Any]:
    """One result map in the selection's order (a field graphql-core left out stays out)."""
    return {k: done[k] if k in done else others[k] for k in order if k in done or k in others}
