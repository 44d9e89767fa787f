"""Per-field roles, argument bounds and a cost estimate, all checked while validating.

Order per field: the role first (a field the caller may not use is refused FORBIDDEN and
costs nothing), then its arguments against their bounds (api/arguments.py, code
INVALID_ARGUMENT), then the cost, computed from the bounded values. Cost model (docs/API.md):
a field costs 1 plus its selection; a field with a size argument (first, limit, k)
multiplies the cost of its selection by that size; an unsized list multiplies it by
UNSIZED_LIST; a traversal (trace, exposure, flows, paths, neighbourhood) adds its own cost,
which grows with hops as FANOUT ** hops. Each single call within the graph layer's caps
fits the default limit; several expensive calls in one operation do not. Result bytes are
estimated alongside for the fields whose size the cost does not bound (saved JSON): each
carries a byte bound, multiplied like the cost. An operation above settings.max_query_cost
or settings.max_result_bytes is refused (MAX_QUERY_COST, MAX_RESULT_BYTES) before any
Cypher runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
)

from api.arguments import Bounds, check_arguments
from api.auth import Role
from api.types.common import F, resolver

ROLE_KEY = "scamgraph.role"
COST_KEY = "scamgraph.cost"
BOUNDS_KEY = "scamgraph.bounds"
BYTES_KEY = "scamgraph.bytes"  # upper bound of one value of the field, in bytes
UNSIZED_LIST = 5
FANOUT = 2
CostFn = Callable[[Mapping[str, Any]], tuple[int, int]]  # args -> (own cost, selection multiplier)


def guard(role: Role, cost: CostFn | None = None, bounds: Bounds | None = None,
          **kwargs: Any) -> Callable[[F], F]:
    """A strawberry field that needs `role` (said in its description), with its Int
    arguments' ranges (GraphQL names) and a custom cost."""
    description = f"{kwargs.pop('description', '')} Role: {role.label}.".strip()
    return resolver(metadata={ROLE_KEY: role, COST_KEY: cost, BOUNDS_KEY: bounds or {}},
                    description=description, **kwargs)


def hops_cost(hops_arg: str, base: int = 10, size_arg: str | None = None) -> CostFn:
    """Traversals: base * FANOUT ** hops, times the requested size when there is one."""
    def cost(args: Mapping[str, Any]) -> tuple[int, int]:
        size = int(args.get(size_arg) or 1) if size_arg else 1
        return base * FANOUT ** int(args.get(hops_arg) or 1) * size, 1
    return cost


def expansion_cost(size_arg: str, hops_arg: str, base: int = 10) -> CostFn:
    """Expansions whose answer is capped by a size: the size plus base * FANOUT ** hops."""
    def cost(args: Mapping[str, Any]) -> tuple[int, int]:
        return int(args.get(size_arg) or 1) + base * FANOUT ** int(args.get(hops_arg) or 1), 1
    return cost


def page_cost(size_arg: str) -> CostFn:
    """Lists sized by an argument: the selection counts once per item."""
    return lambda args: (1, max(1, int(args.get(size_arg) or 1)))


def typology_cost(size_arg: str, base: int = 500) -> CostFn:
    """Typology scans: a bounded scan (base), the selection once per hit of the page."""
    return lambda args: (base, max(1, int(args.get(size_arg) or 1)))


def metadata(field: GraphQLField) -> Mapping[str, Any]:
    definition = (field.extensions or {}).get("strawberry-definition")
    return getattr(definition, "metadata", None) or {}


def allowed(field: GraphQLField, role: Role | None) -> bool:
    needed = metadata(field).get(ROLE_KEY)
    return needed is None or (role is not None and role >= needed)


def role_rule(role: Role | None) -> type[ValidationRule]:
    """Refuse fields whose required role is above the caller's (code FORBIDDEN)."""

    class RoleRule(ValidationRule):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            field = self.context.get_field_def()
            if field is not None and not allowed(field, role):
                needed = metadata(field)[ROLE_KEY]
                parent = self.context.get_parent_type()
                self.report_error(GraphQLError(
                    f"{parent}.{node.name.value} needs the {needed.label} role"
                    f" (this key has {role.label if role else 'none'})",
                    node, extensions={"code": "FORBIDDEN", "requiredRole": needed.label},
                ))

    return RoleRule


@dataclass(frozen=True)
class Tally:
    cost: int = 0
    bytes: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.cost + other.cost, self.bytes + other.bytes)

    def times(self, n: int) -> Tally:
        return Tally(self.cost * n, self.bytes * n)


class _Estimator:
    """Walks one operation (fragments inlined): checks arguments, adds up the cost model."""

    def __init__(self, context: ValidationContext, variables: Mapping[str, Any],
                 role: Role | None) -> None:
        self.context, self.role = context, role
        self.schema: GraphQLSchema = context.schema
        self.fragments = {f.name.value: f for f in context.document.definitions
                          if isinstance(f, FragmentDefinitionNode)}
        self.variables = dict(variables)

    def selection(self, sel: SelectionSetNode | None, parent: GraphQLNamedType | None,
                  seen: frozenset[str] = frozenset()) -> Tally:
        if sel is None or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return Tally()
        total = Tally()
        for node in sel.selections:
            if isinstance(node, FieldNode):
                total += self.field(node, parent, seen)
            elif isinstance(node, InlineFragmentNode):
                cond = node.type_condition
                scope = self.schema.get_type(cond.name.value) if cond else parent
                total += self.selection(node.selection_set, scope, seen)
            elif isinstance(node, FragmentSpreadNode) and node.name.value not in seen:
                frag = self.fragments.get(node.name.value)
                if frag is not None:
                    total += self.selection(
                        frag.selection_set, self.schema.get_type(frag.type_condition.name.value),
                        seen | {node.name.value})
        return total

    def field(self, node: FieldNode, parent: GraphQLObjectType | GraphQLInterfaceType,
              seen: frozenset[str]) -> Tally:
        field = parent.fields.get(node.name.value)
        if field is None or node.name.value.startswith("__") or not allowed(field, self.role):
            # Unknown and forbidden fields are reported by their own rules; introspection
            # is cheap. A forbidden field's arguments are never even read.
            return Tally()
        meta = metadata(field)
        checked = check_arguments(f"{parent}.{node.name.value}", field, node,
                                  meta.get(BOUNDS_KEY) or {}, self.variables)
        for problem in checked.problems:
            self.context.report_error(GraphQLError(
                problem, node, extensions={"code": "INVALID_ARGUMENT"}))
        below = self.selection(node.selection_set, get_named_type(field.type), seen)
        below += Tally(0, int(meta.get(BYTES_KEY) or 0))
        custom: CostFn | None = meta.get(COST_KEY)
        if custom is not None:
            own, times = custom(checked.values)
            return Tally(own) + below.times(times)
        is_list = isinstance(get_nullable_type(field.type), GraphQLList)
        if node.selection_set is None:
            return below
        return Tally(1) + below.times(UNSIZED_LIST if is_list else 1)


def check_cost(context: ValidationContext, variables: Mapping[str, Any],
               role: Role | None = None, limit: int = 0, max_bytes: int = 0) -> None:
    """Report every operation whose estimated cost is above `limit` (code MAX_QUERY_COST) or
    whose estimated result is above `max_bytes` (code MAX_RESULT_BYTES; 0: no limit).
    Walks the operations itself: graphql's `validate` would first visit every node with
    type info, which was most of a small request's CPU."""
    for node in context.document.definitions:
        if not isinstance(node, OperationDefinitionNode):
            continue
        root = context.schema.get_root_type(node.operation)
        tally = _Estimator(context, variables, role).selection(node.selection_set, root)
        if tally.cost > limit:
            context.report_error(GraphQLError(
                f"query cost {tally.cost} is above the limit of {limit}", node,
                extensions={"code": "MAX_QUERY_COST", "cost": tally.cost, "limit": limit},
            ))
        if max_bytes and tally.bytes > max_bytes:
            context.report_error(GraphQLError(
                f"the result may reach {tally.bytes} bytes, above the limit of"
                f" {max_bytes}: ask for fewer items or leave out the large fields", node,
                extensions={"code": "MAX_RESULT_BYTES", "bytes": tally.bytes,
                            "limit": max_bytes},
            ))
