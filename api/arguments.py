"""Argument bounds, checked while validating: before the cost estimate and before any resolver.

Every Int argument of a guarded field declares its range (`guard(..., bounds=...)`; a test
walks the schema to keep it so); strings are capped at MAX_STRING characters and lists at
MAX_LIST items unless the field says otherwise. The cost estimate then works on values
known to be small, so no argument can make the estimate itself expensive (2 ** hops on an
unchecked hops was the hole). Values of the wrong type are left to GraphQL's own coercion,
which reports them; integer literals longer than MAX_DIGITS are refused here, before
Python's int() could complain about its digit limit in a client message.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    GraphQLField,
    IntValueNode,
    ListValueNode,
    Undefined,
    ValueNode,
    VariableNode,
    get_named_type,
    value_from_ast_untyped,
)

# Characters of one string argument (names, ids, addresses, search text, cursors).
MAX_STRING = 1_000
# Items of one list argument (seeds, kinds, relationship types, assets).
MAX_LIST = 1_000
# Argument types whose values are capped (a JSON argument is bounded by the body size).
CAPPED_TYPES = frozenset({"String", "ID"})
# Digits of an integer literal: far above any bound, far below Python's 4,300-digit limit.
MAX_DIGITS = 20
Bounds = Mapping[str, tuple[int, int]]


class ArgumentError(ValueError):
    """An argument outside its bounds; the message names the field and the argument."""


@dataclass(frozen=True)
class Checked:
    """Argument values by GraphQL name, ints clamped to their bounds (for the estimate)."""

    values: dict[str, Any]
    problems: list[str]


def _literal(node: ValueNode, variables: Mapping[str, Any]) -> Any:
    if isinstance(node, IntValueNode) and len(node.value.lstrip("-")) > MAX_DIGITS:
        raise ArgumentError(f"has an integer literal of {len(node.value)} digits")
    if isinstance(node, ListValueNode):
        return [_literal(v, variables) for v in node.values]
    if isinstance(node, VariableNode):
        return variables.get(node.name.value, Undefined)
    return value_from_ast_untyped(node, dict(variables))


def _shown(value: float) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if abs(value) < 10**15 else f"a {len(str(abs(value)))}-digit number"


def _check_int(name: str, value: Any, low: int, high: int) -> tuple[Any, str | None]:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return low, None  # not a number: GraphQL's coercion reports it; estimate with `low`
    if value != value or not low <= value <= high:  # NaN included
        clamped = low if value != value or value < low else high
        return clamped, f"{name}={_shown(value)} is out of range: it must be between " \
                        f"{low} and {high}"
    return int(value), None


def _check_size(name: str, value: Any, max_string: int) -> str | None:
    if isinstance(value, str) and len(value) > max_string:
        return f"{name} is {len(value)} characters long, more than the limit of {max_string}"
    if isinstance(value, list):
        if len(value) > MAX_LIST:
            return f"{name} has {len(value)} items, more than the limit of {MAX_LIST}"
        return next((p for v in value if (p := _check_size(name, v, max_string))), None)
    return None


def check_arguments(where: str, field: GraphQLField, node: FieldNode, bounds: Bounds,
                    variables: Mapping[str, Any], max_string: int = MAX_STRING) -> Checked:
    """The field's arguments (literals, variables, defaults), each checked against its bounds."""
    values = {name: arg.default_value for name, arg in field.args.items()
              if arg.default_value is not Undefined}
    problems: list[str] = []
    for arg in node.arguments or ():
        name = arg.name.value
        try:
            values[name] = _literal(arg.value, variables)
        except ArgumentError as exc:
            problems.append(f"{where}: {name} {exc}")
            values[name] = bounds.get(name, (1, 1))[1]
    for name, value in list(values.items()):
        capped = name in field.args and get_named_type(field.args[name].type).name in CAPPED_TYPES
        problem = _check_size(name, value, max_string) if capped else None
        if name in bounds:
            values[name], problem = _check_int(name, value, *bounds[name])
        if problem:
            problems.append(f"{where}: {problem}")
    return Checked(values, problems)
