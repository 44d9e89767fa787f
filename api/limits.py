"""Per-field roles and a cost estimate, both checked while validating, before anything runs.

Cost model (documented in the schema's field metadata): a field costs 1 plus its
selection; a field with a size argument (first, limit, k) multiplies the cost of
its selection by that size; an unsized list multiplies it by UNSIZED_LIST; a
traversal (trace, exposure, flows, paths, neighbourhood) adds its own cost, which
grows with hops as FANOUT ** hops. Each single call within the graph layer's caps fits
the default limit; several expensive calls in one operation do not. An operation above
settings.max_query_cost is refused with code MAX_QUERY_COST before any Cypher runs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    Undefined,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
    value_from_ast_untyped,
)

from api.auth import Role
from api.types.common import F, resolver

ROLE_KEY = "scamgraph.role"
COST_KEY = "scamgraph.cost"
UNSIZED_LIST = 5
FANOUT = 2
CostFn = Callable[[Mapping[str, Any]], tuple[int, int]]  # args -> (own cost, selection multiplier)


def guard(role: Role, cost: CostFn | None = None, **kwargs: Any) -> Callable[[F], F]:
    """A strawberry field that needs `role` (said in its description) and has a custom cost."""
    description = f"{kwargs.pop('description', '')} Role: {role.label}.".strip()
    return resolver(metadata={ROLE_KEY: role, COST_KEY: cost}, description=description, **kwargs)


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


def metadata(field: GraphQLField) -> Mapping[str, Any]:
    definition = (field.extensions or {}).get("strawberry-definition")
    return getattr(definition, "metadata", None) or {}


def role_rule(role: Role | None) -> type[ValidationRule]:
    """Refuse fields whose required role is above the caller's (code FORBIDDEN)."""

    class RoleRule(ValidationRule):
        def enter_field(self, node: FieldNode, *_: Any) -> None:
            field = self.context.get_field_def()
            needed = metadata(field).get(ROLE_KEY) if field else None
            if needed is not None and (role is None or role < needed):
                parent = self.context.get_parent_type()
                self.report_error(GraphQLError(
                    f"{parent}.{node.name.value} needs the {needed.label} role"
                    f" (this key has {role.label if role else 'none'})",
                    node, extensions={"code": "FORBIDDEN", "requiredRole": needed.label},
                ))

    return RoleRule


class _Estimator:
    """Walks one operation (fragments inlined) and adds up the cost model."""

    def __init__(self, context: ValidationContext, variables: Mapping[str, Any]) -> None:
        self.schema: GraphQLSchema = context.schema
        self.fragments = {f.name.value: f for f in context.document.definitions
                          if isinstance(f, FragmentDefinitionNode)}
        self.variables = dict(variables)

    def selection(self, sel: SelectionSetNode | None, parent: GraphQLNamedType | None,
                  seen: frozenset[str] = frozenset()) -> int:
        if sel is None or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        total = 0
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
              seen: frozenset[str]) -> int:
        field = parent.fields.get(node.name.value)
        if field is None or node.name.value.startswith("__"):
            return 0  # unknown fields are reported by the standard rules; introspection is cheap
        below = self.selection(node.selection_set, get_named_type(field.type), seen)
        custom: CostFn | None = metadata(field).get(COST_KEY)
        if custom is not None:
            own, times = custom(self.arguments(field, node))
            return own + times * below
        is_list = isinstance(get_nullable_type(field.type), GraphQLList)
        if node.selection_set is None:
            return 0
        return 1 + (UNSIZED_LIST if is_list else 1) * below


    def arguments(self, field: GraphQLField, node: FieldNode) -> dict[str, Any]:
        """Argument values by GraphQL name: literals, variables, then defaults."""
        given = {a.name.value: value_from_ast_untyped(a.value, self.variables)
                 for a in node.arguments or ()}
        defaults = {name: arg.default_value for name, arg in field.args.items()
                    if arg.default_value is not Undefined}
        return {**defaults, **given}


def cost_rule(limit: int, variables: Mapping[str, Any]) -> type[ValidationRule]:
    """Refuse an operation whose estimated cost is above `limit` (code MAX_QUERY_COST)."""

    class CostRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            root = self.context.schema.get_root_type(node.operation)
            cost = _Estimator(self.context, variables).selection(node.selection_set, root)
            if cost > limit:
                self.report_error(GraphQLError(
                    f"query cost {cost} is above the limit of {limit}",
                    node, extensions={"code": "MAX_QUERY_COST", "cost": cost, "limit": limit},
                ))

    return CostRule
