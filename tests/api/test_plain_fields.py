"""The short path for plain fields (api/execution.py, api/plain_fields.py) answers exactly what
graphql-core's general path answers: data in the same order, the same errors at the same paths."""

from __future__ import annotations

import asyncio
import enum
import json
from datetime import UTC, datetime
from typing import Any

import pytest
import strawberry

from api import schema as api_schema
from api.auth import Role
from api.execution import PlainFieldExecution
from graph.db import Graph
from tests.api.support import Executor
from tests.graph.scenario import Scenario


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"


@strawberry.type
class Thing:
    name: str | None
    needed: str
    count: int
    score: float
    flag: bool
    colour: Colour
    when: datetime
    tags: list[str]
    maybe_tags: list[str] | None


def _things() -> list[Thing]:
    ok = dict(name="a", needed="n", count=3, score=0.5, flag=True, colour=Colour.RED,
              when=datetime(2024, 3, 1, tzinfo=UTC), tags=["x", "y"], maybe_tags=None)
    broken: list[dict[str, Any]] = [
        {"needed": None}, {"count": "not a number"}, {"count": 2**40}, {"colour": "RED?"},
        {"tags": ["x", None]}, {"tags": ("tuple", "items")}, {"name": 7}, {"score": float("nan")},
        {"flag": RuntimeError("boom")}, {"when": "2024-03-01"},
    ]
    return [Thing(**ok)] + [Thing(**{**ok, **change}) for change in broken]


@strawberry.type
class Query:
    @strawberry.field
    def things(self) -> list[Thing | None]:
        return list(_things())

    @strawberry.field
    def first(self) -> Thing:
        return _things()[0]


QUERY = """{ things { name needed count score flag colour when tags maybeTags
  alias: name __typename } first { ... on Thing { tags n2: needed } needed } }"""


def _answer(execution_context_class: type[Any] | None) -> str:
    schema = strawberry.Schema(query=Query, execution_context_class=execution_context_class)
    result = asyncio.run(schema.execute(QUERY))
    errors = [(e.message, e.path) for e in result.errors or []]
    return json.dumps({"data": result.data, "errors": errors})


def test_plain_leaves_answer_as_the_general_path() -> None:
    fast = _answer(PlainFieldExecution)
    assert fast == _answer(None)
    # The cases above do reach the error paths (else the comparison would prove little).
    assert json.loads(fast)["errors"] and json.loads(fast)["data"]["things"][0]["tags"] == [
        "x", "y"]


@strawberry.interface
class Node:
    id: strawberry.ID


@strawberry.type
class Leafy(Node):
    label: str
    tags: list[str]


@strawberry.type
class Pair(Node):
    left: Leafy
    right: Leafy | None
    others: list[Leafy]

    @strawberry.field
    def computed(self) -> str:
        return f"computed {self.id}"


class Once(list[Any]):
    """An attribute value given as a one-pass iterator over these items."""


def _leafy(i: int, **change: Any) -> Leafy:
    return Leafy(**{"id": strawberry.ID(f"l{i}"), "label": f"L{i}", "tags": ["t"], **change})


def _pairs(broken: dict[str, Any] | None = None) -> list[Pair]:
    pairs = [Pair(id=strawberry.ID(f"p{i}"), left=_leafy(i), right=None if i % 2 else _leafy(-i),
                  others=[_leafy(i * 10 + k) for k in range(3)]) for i in range(20)]
    for attr, value in (broken or {}).items():
        # a fresh iterator each time (the general path consumes it)
        setattr(pairs[7], attr, iter(value) if isinstance(value, Once) else value)
    return pairs



# Each change to the eighth pair, and whether the answer has errors (so the comparison
# does reach graphql-core's error paths).
BREAKS: list[tuple[dict[str, Any], bool]] = [
    ({}, False), ({"left": None}, True), ({"others": [_leafy(1), None]}, True),
    ({"others": (_leafy(2), _leafy(3))}, False), ({"others": Once([_leafy(4)])}, False),
    ({"left": _leafy(5, label=None)}, True), ({"others": [_leafy(6, tags=["ok", 7])]}, False),
    ({"left": "not an object"}, True),
    ({"right": Pair(id=strawberry.ID("wrong"), left=_leafy(8), right=None, others=[])}, True),
]


def _object_schema(broken: dict[str, Any]) -> strawberry.Schema:
    @strawberry.type
    class Objects:
        @strawberry.field
        def pairs(self) -> list[Pair]:
            return _pairs(broken)

        @strawberry.field
        def nodes(self) -> list[Node | None]:
            return [*_pairs(broken)[:3], None, _leafy(99)]

    return strawberry.Schema(query=Objects, types=[Leafy, Pair])


OBJECTS = """{ pairs { id __typename left { id label tags } right { label } others { id tags }
  kind: __typename } nodes { __typename id ... on Leafy { label } ... on Pair { left { id } } }
  withResolver: pairs { id computed } }"""


class Counting(PlainFieldExecution):
    """PlainFieldExecution, counting the objects graphql-core completes itself."""

    completed = 0

    def complete_object_value(self, *args: Any, **kwargs: Any) -> Any:
        Counting.completed += 1
        return super().complete_object_value(*args, **kwargs)


@pytest.mark.parametrize(("broken", "erring"), BREAKS)
def test_plain_objects_answer_as_the_general_path(broken: dict[str, Any], erring: bool) -> None:
    schema = _object_schema(broken)
    answers = []
    for context in (Counting, None):
        fresh = strawberry.Schema(query=schema.query, types=[Leafy, Pair],
                                  execution_context_class=context)
        result = asyncio.run(fresh.execute(OBJECTS))
        errors = [(e.message, e.path) for e in result.errors or []]
        answers.append(json.dumps({"data": result.data, "errors": errors}))
    assert answers[0] == answers[1]
    assert bool(json.loads(answers[0])["errors"]) == erring
    if not broken:
        # The walk did answer: graphql-core completed only what resolvers returned (20 pairs,
        # 4 nodes, 20 pairs again), none of the 93 objects in their plain fields.
        assert Counting.completed == 44 and '"others"' in answers[0]
    Counting.completed = 0


NEIGHBOURS = """query($id: ID!) { neighbourhood(id: $id, depth: 2) { partial reason
  nodes { __typename id name labels sources firstSeen confidence sanctioned clusterMemberIds
    ... on Wallet { chain address assets firstActivity tags }
    ... on Organization { kinds aliases country website } }
  edges { key type startId endId properties sources firstSeen confidence start { id } } }
  search(text: "Org One") { edges { cursor score node { id name } } pageInfo { hasNextPage } } }"""


@pytest.fixture
def wallets(graph: Graph) -> Graph:
    s = Scenario()
    for name in ["W", "A"]:
        s.wallet(name)
    s.org("o", "Org One", "Company")
    s.link("CONTROLLED_BY", "tron:W", "o")
    s.send_all([("t1", "tron:W", "tron:A", 100, "2024-03-01"),
                ("t2", "tron:A", "tron:W", 7, "2024-03-02", "TRX")])
    s.write(graph)
    return graph


def test_the_schema_answers_as_with_graphql_cores_executor(gql: Executor,
                                                           wallets: Graph) -> None:
    stock = Executor(api_schema.Schema(
        query=api_schema.Query, mutation=api_schema.Mutations,
        types=list(api_schema.ENTITY_TYPES), extensions=api_schema.extensions(gql.settings),
    ), gql.settings, gql.graph)
    for start in ["tron:W", "o"]:
        fast, plain = (json.dumps(e.data(NEIGHBOURS, Role.READER, id=start)) for e in (gql, stock))
        assert fast == plain
        assert '"tron:W"' in fast
