"""Strawberry's executor with a short path for plain fields (api/plain_fields.py says which).

Per object, the plain fields are answered here first and the others (and any plain field the
short path declines) through graphql-core, in the selection's order. A plain object or list
field is answered in one walk over its whole sub-selection when every field in it is plain;
otherwise, or when any value in it is one the walk is not sure about, the field goes the
general way whole, so data and errors are graphql-core's own.
"""

from __future__ import annotations

from typing import Any, cast
from weakref import WeakKeyDictionary

from graphql import GraphQLObjectType, GraphQLSchema
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.pyutils import AwaitableOrValue, Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.plain_fields import (
    SLOW,
    Leaf,
    Named,
    Nested,
    Shape,
    Step,
    TypeName,
    attribute,
    runtime_type_of,
    step_of,
    uncast,
)

# Per schema: (parent type, field name) -> its short path, found on first use; and
# (return type, class) -> the object type its instances complete as.
_STEPS: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, str], Step | None]] = (
    WeakKeyDictionary())
_RUNTIMES: WeakKeyDictionary[GraphQLSchema, dict[tuple[str, type], GraphQLObjectType | None]] = (
    WeakKeyDictionary())
_UNKNOWN = object()


class PlainFieldExecution(StrawberryGraphQLCoreExecutionContext):
    """Plain fields answered without a resolve info (see the module's docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._steps = _STEPS.setdefault(self.schema, {})
        self._runtimes = _RUNTIMES.setdefault(self.schema, {})
        # (object type, id of a field group) -> (the group, kept alive; its shape or None)
        self._shapes: dict[tuple[str, int], tuple[FieldDetailsList, Shape | None]] = {}
        # strawberry always passes a manager; it wraps resolvers only when it holds some.
        self._plain = not getattr(self.middleware_manager, "middlewares", None)
        # @defer and @stream change how lists and objects complete: not walked here.
        self._walk = all(self.schema.get_directive(d) is None for d in ("defer", "stream"))

    def execute_fields(self, parent_type: GraphQLObjectType, source_value: Any,
                       path: Path | None, grouped_field_set: GroupedFieldSet,
                       position_context: Any) -> AwaitableOrValue[dict[str, Any]]:
        """The plain fields first, here; the others through graphql-core."""
        if not self._plain:
            return super().execute_fields(parent_type, source_value, path, grouped_field_set,
                                          position_context)
        done: dict[str, Any] = {}
        rest: GroupedFieldSet = {}
        for response_name, details in grouped_field_set.items():
            step = self._step(parent_type, details[0].node.name.value)
            value = self._value(step, source_value, details) if step is not None else SLOW
            if value is SLOW:
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

    def _step(self, parent_type: GraphQLObjectType, name: str) -> Step | None:
        key = (parent_type.name, name)
        steps = self._steps
        if key not in steps:
            steps[key] = step_of(parent_type, name, self.schema.get_field(parent_type, name))
        return steps[key]

    def _value(self, step: Step, source: Any, details: FieldDetailsList | None) -> Any:
        if not isinstance(step, Nested):
            return step.value(source)
        if not self._walk or details is None:
            return SLOW
        raw = attribute(source, step.attribute, step.non_null)
        if raw is None or raw is SLOW:
            return raw
        if not step.listed:
            return self._object(step.named, raw, details)
        if type(raw) is not list and type(raw) is not tuple:
            return SLOW  # another iterable might be consumed by a look
        out: list[Any] = []
        cls: type | None = None
        shape: Shape | None = None
        for item in raw:
            if item is None:
                if step.item_non_null:
                    return SLOW
                out.append(None)
                continue
            if type(item) is not cls:  # the items of a list are mostly of one class
                cls = type(item)
                shape = self._shape_for(step.named, cls, details)
            value = self._fields(shape, item) if shape is not None and uncast(item) else SLOW
            if value is SLOW:
                return SLOW
            out.append(value)
        return out

    def _object(self, named: Named, item: Any, details: FieldDetailsList) -> Any:
        """One object's answer to its plain sub-selection, or SLOW."""
        shape = self._shape_for(named, type(item), details)
        return self._fields(shape, item) if shape is not None and uncast(item) else SLOW

    def _fields(self, shape: Shape, item: Any) -> Any:
        out: dict[str, Any] = {}
        for name, step, sub in shape:
            # a Nested step always has its field group; the others are read directly
            value = (self._value(step, item, sub) if sub is not None
                     else cast("Leaf | TypeName", step).value(item))
            if value is SLOW:
                return SLOW
            out[name] = value
        return out

    def _shape_for(self, named: Named, cls: type, details: FieldDetailsList) -> Shape | None:
        """The plain sub-selection of `details` for instances of `cls` under `named`."""
        key = (named.name, cls)
        runtime = self._runtimes.get(key, _UNKNOWN)
        if runtime is _UNKNOWN:
            runtime = self._runtimes[key] = runtime_type_of(self.schema, named, cls)
        return None if runtime is None else self._shape(cast("GraphQLObjectType", runtime),
                                                        details)

    def _shape(self, runtime: GraphQLObjectType, details: FieldDetailsList) -> Shape | None:
        key = (runtime.name, id(details))
        known = self._shapes.get(key)
        if known is not None:
            return known[1]
        grouped, defers, *_ = self.collect_subfields(runtime, details)
        steps = [(name, self._step(runtime, sub[0].node.name.value), sub)
                 for name, sub in grouped.items()]
        shape: Shape | None = None
        if not defers and all(step is not None for _, step, _ in steps):
            shape = tuple((name, cast("Step", step), sub if isinstance(step, Nested) else None)
                          for name, step, sub in steps)
        self._shapes[key] = (details, shape)
        return shape


def _in_order(order: list[str], done: dict[str, Any], others: dict[str, Any]) -> dict[str, Any]:
    """One result map in the selection's order (a field graphql-core left out stays out)."""
    return {k: done[k] if k in done else others[k] for k in order if k in done or k in others}
