"""What the query asks for below the current field, so resolvers skip work nobody reads.

A trace builds evidence paths for every organisation and endpoint; a query that selects no
`evidence` gets them for nothing. `selects(info, "organisations", "evidence")` says whether
such a path is in the selection (fragments and inline fragments included).

`arguments_below(info, ("edges", "node", "transfers"), "Wallet")` goes further: the arguments
each selected `transfers` field will be resolved with, so a parent can fetch its children's
data in its own statement (Organization.wallets → Wallet.transfers) and hand it down.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    SelectionSetNode,
)
from graphql.execution.values import VariableValues, get_argument_values
from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection


def _fields(selections: Iterable[Selection]) -> Iterable[SelectedField]:
    for sel in selections:
        if isinstance(sel, SelectedField):
            yield sel
        elif isinstance(sel, FragmentSpread | InlineFragment):
            yield from _fields(sel.selections)


def selects(info: Info, *path: str) -> bool:
    """True when a field chain `path` (GraphQL names) is selected below the current field."""
    level: list[Selection] = [s for f in info.selected_fields for s in f.selections]
    for name in path:
        matched = [f for f in _fields(level) if f.name == name]
        if not matched:
            return False
        level = [s for f in matched for s in f.selections]
    return True


def selected_names(info: Info, *path: str) -> set[str]:
    """The names (GraphQL, not aliases) of every field selected at `path` below the current
    field, through fragments of any type."""
    level: list[Selection] = [s for f in info.selected_fields for s in f.selections]
    for name in path:
        level = [s for f in _fields(level) if f.name == name for s in f.selections]
    return {f.name for f in _fields(level)}


def _field_nodes(selection_set: SelectionSetNode | None,
                 fragments: dict[str, FragmentDefinitionNode],
                 on: Collection[str] | None) -> Iterable[FieldNode]:
    """The field nodes of a selection set, through fragments whose type condition is in `on`
    (any condition when `on` is None)."""
    for sel in selection_set.selections if selection_set else ():
        if isinstance(sel, FieldNode):
            yield sel
            continue
        frag: InlineFragmentNode | FragmentDefinitionNode | None = sel if isinstance(
            sel, InlineFragmentNode) else fragments.get(sel.name.value) if isinstance(
            sel, FragmentSpreadNode) else None
        if frag is None:  # a spread of an unknown fragment fails validation first
            continue
        cond = frag.type_condition
        if on is None or cond is None or cond.name.value in on:
            yield from _field_nodes(frag.selection_set, fragments, on)


def arguments_below(info: Info, path: Sequence[str], owner: str,
                    on: Collection[str] = ("Entity",)) -> list[dict[str, Any]]:
    """The arguments (GraphQL names, coerced as the field's resolver receives them, defaults
    filled in) of every selected field at `path` below the current field; the last name is a
    field of type `owner`, reached through fragments on `owner` or one of `on`. Empty when no
    such field is selected; one entry per occurrence (aliases)."""
    raw = info._raw_info
    owner_type = raw.schema.get_type(owner)
    field_def = getattr(owner_type, "fields", {}).get(path[-1])
    if field_def is None:
        return []
    level = list(raw.field_nodes)
    for depth, name in enumerate(path):
        last = depth == len(path) - 1
        level = [f for node in level
                 for f in _field_nodes(node.selection_set, raw.fragments,
                                       {owner, *on} if last else None)
                 if f.name.value == name]
    # Strawberry's executor holds the coerced dict where graphql-core keeps VariableValues.
    variables = raw.variable_values
    if not isinstance(variables, VariableValues):
        variables = VariableValues({}, dict(variables or {}))
    return [get_argument_values(field_def, node, variables) for node in level]
