"""Which fields api/execution.py answers without graphql-core's general path, and how.

`Leaf`: a field without a resolver, arguments or extensions whose type is a scalar or an enum
(or a list of non-null ones) is an attribute read and one coercion; graphql-core would build a
resolve info, an argument dict and an awaitable check for each. `Nested`: such a field whose
type is an object or interface (or a list of them); when its whole sub-selection is plain the
walk in api/execution.py answers it, skipping graphql-core's per-object steps (complete the
value, resolve and check the runtime type, collect the subfields: most of a 421-object
neighbourhood's time beyond Neo4j). Any value the short path is not sure about (null on a
non-null field, an exception, an awaitable, a failed coercion, a class that does not name its
type, a resolver or @defer below) sends the field the general way whole, so data and errors
are graphql-core's own; the walk only reads attributes, so nothing runs twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLID,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLString,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList
from strawberry.types.base import get_object_definition
from strawberry.types.cast import get_strawberry_type_cast

SLOW = object()  # the short path declines; the general one answers
Named = GraphQLObjectType | GraphQLInterfaceType
# Values the short path takes as they are: never awaitable, never an exception.
_PLAIN = frozenset({str, int, float, bool})


@dataclass(frozen=True)
class Leaf:
    """How to answer one plain leaf field: the attribute, its coercion, its wrapping."""

    attribute: str
    coerce: Callable[[Any], Any]
    non_null: bool
    listed: bool
    text: bool = False  # a String or ID: a str is its own answer (graphql-core's coercion)

    def value(self, source: Any) -> Any:
        raw = attribute(source, self.attribute, self.non_null)
        if raw is None or raw is SLOW:
            return raw
        if self.text and type(raw) is str:
            return raw
        try:
            if self.listed:
                return _items(raw, self.coerce)
            if type(raw) not in _PLAIN and (isinstance(raw, BaseException)
                                            or hasattr(raw, "__await__")):
                return SLOW
            out = self.coerce(raw)
        except Exception:  # a value the scalar refuses: the general path words the error
            return SLOW
        return SLOW if out is None or out is Undefined else out


def attribute(source: Any, name: str, non_null: bool) -> Any:
    """The attribute's value; None for a null the field allows; SLOW when reading it raises
    or it is null where the schema says non-null (the general path words either error)."""
    try:
        raw = getattr(source, name)
    except Exception:
        return SLOW
    return SLOW if raw is None and non_null else raw


def _items(raw: Any, coerce: Callable[[Any], Any]) -> Any:
    if type(raw) is not list and type(raw) is not tuple:
        return SLOW
    out = [coerce(v) for v in raw if v is not None and type(v) in _PLAIN]
    if len(out) != len(raw) or any(v is None or v is Undefined for v in out):
        return SLOW
    return out


def step_of(parent: GraphQLObjectType, name: str, field: GraphQLField | None) -> Step | None:
    """The short path for `field` of `parent`, or None when it needs the general one."""
    if name == "__typename":
        return TypeName(parent.name)
    if field is None:
        return None
    return leaf_of(field) or nested_of(field)


def _plain_definition(field: GraphQLField) -> Any:
    """The field's strawberry definition when it is read by attribute (no resolver, no
    arguments, no extensions wrapping it), else None."""
    resolve = field.resolve
    definition = (field.extensions or {}).get("strawberry-definition")
    if (resolve is None or not getattr(resolve, "_is_default", False) or field.args
            or definition is None or definition.default_resolver is not getattr):
        return None
    return definition


def leaf_of(field: GraphQLField) -> Leaf | None:
    """The short path for a leaf `field`, or None when it needs the general one."""
    definition = _plain_definition(field)
    if definition is None:
        return None
    kind, non_null, listed, item_non_null = _wrapping(field)
    if (listed and not item_non_null) or not isinstance(kind, GraphQLScalarType | GraphQLEnumType):
        return None
    return Leaf(definition.python_name, kind.coerce_output_value, non_null, listed,
                text=not listed and (kind is GraphQLString or kind is GraphQLID))


def _wrapping(field: GraphQLField) -> tuple[Any, bool, bool, bool]:
    """The field's named type, and whether it is non-null, a list, a list of non-nulls."""
    kind: Any = field.type
    non_null = isinstance(kind, GraphQLNonNull)
    kind = kind.of_type if non_null else kind
    listed = isinstance(kind, GraphQLList)
    item_non_null = False
    if listed:
        kind = kind.of_type
        item_non_null = isinstance(kind, GraphQLNonNull)
        kind = kind.of_type if item_non_null else kind
    return kind, non_null, listed, item_non_null


@dataclass(frozen=True)
class TypeName:
    """`__typename` of the object it is asked of."""

    name: str

    def value(self, _source: Any) -> str:
        return self.name


@dataclass(frozen=True)
class Nested:
    """How to read one plain object field: the attribute, the type, the wrapping."""

    attribute: str
    named: Named
    non_null: bool
    listed: bool
    item_non_null: bool


def nested_of(field: GraphQLField) -> Nested | None:
    """The short path for an object-valued `field`, or None when it needs the general one."""
    definition = _plain_definition(field)
    if definition is None:
        return None
    kind, non_null, listed, item_non_null = _wrapping(field)
    if not isinstance(kind, GraphQLObjectType | GraphQLInterfaceType):
        return None
    if isinstance(kind, GraphQLInterfaceType) and _custom_resolve_type(kind):
        return None
    return Nested(definition.python_name, kind, non_null, listed, item_non_null)


def _custom_resolve_type(kind: GraphQLInterfaceType) -> bool:
    definition = (kind.extensions or {}).get("strawberry-definition")
    return definition is None or getattr(definition, "resolve_type", None) is not None


def runtime_type_of(schema: Any, named: Named, cls: type) -> GraphQLObjectType | None:
    """The object type an instance of `cls` completes as under `named`, as strawberry's own
    resolve_type and is_type_of decide it for an object that is not `strawberry.cast`."""
    definition = get_object_definition(cls)
    if definition is None or definition.is_graphql_generic:
        return None
    runtime = schema.get_type(definition.name)
    if not isinstance(runtime, GraphQLObjectType):
        return None
    if isinstance(named, GraphQLObjectType):
        return runtime if runtime is named else None
    return runtime if schema.is_sub_type(named, runtime) else None


def uncast(item: Any) -> bool:
    return get_strawberry_type_cast(item) is None


Step = Leaf | Nested | TypeName
# An object type's plain sub-selection: response name, its step, and for a Nested step the
# field group its own sub-selection is collected from.
Shape = tuple[tuple[str, Step, FieldDetailsList | None], ...]
