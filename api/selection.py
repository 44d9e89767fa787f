"""What the query asks for below the current field, so resolvers skip work nobody reads.

A trace builds evidence paths for every organisation and endpoint; a query that selects no
`evidence` gets them for nothing. `selects(info, "organisations", "evidence")` says whether
such a path is in the selection (fragments and inline fragments included).
"""

from __future__ import annotations

from collections.abc import Iterable

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
