"""Roles, limits and batching, through the real schema before any Cypher runs."""

from __future__ import annotations

from click.testing import CliRunner
from graphql import get_introspection_query

from api.auth import Role
from api.schema import SDL_PATH, build_schema, sdl
from graph.db import Graph
from scamgraph.cli import cli
from scamgraph.settings import Settings
from tests.api.support import Executor

TRACE = '{ trace(seeds: ["tron:T1"], maxHops: 2) { partial } }'


def limited(settings: Settings, graph: Graph, **limits: object) -> Executor:
    tight = settings.model_copy(update=limits)
    return Executor(build_schema(tight), tight, graph)


def test_sdl_is_current() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == sdl(), \
        "api/schema.graphql is stale: run `scamgraph serve --print-schema > api/schema.graphql`"


def test_roles_per_field(gql: Executor) -> None:
    assert gql.codes(TRACE, Role.READER) == ["FORBIDDEN"]
    assert gql.last_calls == []  # refused while validating: nothing ran
    assert gql.codes("{ ingestRuns { edges { cursor } } }", Role.ANALYST) == ["FORBIDDEN"]
    assert gql.codes("{ auditLog { status } }", Role.OPERATOR) == ["FORBIDDEN"]
    assert gql.codes('mutation { saveInvestigation(name: "x", data: {}) { id } }',
                     Role.READER) == ["FORBIDDEN"]
    assert gql.data("{ auditLog(first: 1) { status } }", Role.ADMIN) == {"auditLog": []}


def test_forbidden_error_names_the_role(gql: Executor) -> None:
    error = gql(TRACE, Role.READER).errors[0]
    assert error.message == "Query.trace needs the analyst role (this key has reader)"
    assert error.extensions == {"code": "FORBIDDEN", "requiredRole": "analyst"}


def test_depth_limit(settings: Settings, graph: Graph) -> None:
    run = limited(settings, graph, max_query_depth=3)
    deep = '{ entity(id: "x") { sanctions { id } } }'
    deeper = '{ neighbourhood(id: "x") { edges { start { sanctions { id } } } } }'
    assert run.codes(deep) == []
    assert run.codes(deeper) == ["MAX_QUERY_DEPTH"]
    assert run.last_calls == []


def test_alias_limit(gql: Executor) -> None:
    many = "{ " + " ".join(f'e{i}: entity(id: "x{i}") {{ id }}' for i in range(21)) + " }"
    assert gql.codes(many) == ["MAX_ALIASES"]
    assert gql.codes(many.replace("e20: ", "")) == []


def test_token_limit(settings: Settings, graph: Graph) -> None:
    run = limited(settings, graph, max_tokens=30)
    long = "{ " + " ".join(f'e{i}: entity(id: "x") {{ id }}' for i in range(10)) + " }"
    assert run.codes(long) == ["MAX_TOKENS"]


def test_cost_refuses_before_running(gql: Executor) -> None:
    # Each 6-hop trace costs 50 * 2**6 = 3,200: three fit under 10,000, four do not.
    def traces(n: int) -> str:
        return "{ " + " ".join(
            f't{i}: trace(seeds: ["tron:T1"], maxHops: $h) {{ partial }}' for i in range(n)) + " }"
    assert "MAX_QUERY_COST" not in gql.codes("query($h: Int!) " + traces(3), Role.ANALYST, h=6)
    result = gql("query($h: Int!) " + traces(4), Role.ANALYST, h=6)
    assert [e.extensions for e in result.errors] == [
        {"code": "MAX_QUERY_COST", "cost": 12_800, "limit": 10_000}]
    assert gql.last_calls == []
    assert "MAX_QUERY_COST" not in gql.codes("query($h: Int!) " + traces(16), Role.ANALYST, h=2)


def test_cost_multiplies_page_sizes(gql: Executor) -> None:
    # sanctions (unsized list) 1 + 5 * 0 = 1; node 1 + 1 = 2; edges 1 + 5 * 2 = 11;
    # search(first: 200) 1 + 200 * 11 = 2,201: four fit under 10,000 (8,804), five do not.
    def searches(n: int) -> str:
        return "{ " + " ".join(f's{i}: search(text: "x", first: 200) {{ edges {{ node {{'
                               " sanctions { id } } } }" for i in range(n)) + " }"
    result = gql(searches(5))
    assert [e.extensions for e in result.errors] == [
        {"code": "MAX_QUERY_COST", "cost": 11_005, "limit": 10_000}]
    assert gql.codes(searches(4)) != ["MAX_QUERY_COST"]


def test_entity_lookups_are_batched(gql: Executor, graph: Graph) -> None:
    graph.driver.execute_query(
        "UNWIND range(1, 30) AS i CREATE (:Entity:Person {id: 'p' + i, name: 'P' + i})",
        database_=graph.database)
    query = "{ " + " ".join(f'e{i}: entity(id: "p{i}") {{ name }}' for i in range(1, 16)) + " }"
    data = gql.data(query)
    assert data["e7"] == {"name": "P7"}
    assert gql.last_calls == ["get_entities"]  # 15 lookups, one query


def test_graphiql_introspection_fits_the_default_limits(gql: Executor) -> None:
    query = get_introspection_query(descriptions=True, specified_by_url=True,
                                    directive_is_repeatable=True, schema_description=True,
                                    input_value_deprecation=True)
    result = gql(query, Role.READER)
    assert result.errors is None and result.data["__schema"]["queryType"]["name"] == "Query"


def test_serve_prints_the_committed_schema() -> None:
    result = CliRunner().invoke(cli, ["serve", "--print-schema"])
    assert result.exit_code == 0 and result.output == SDL_PATH.read_text(encoding="utf-8")


def test_cached_validation_still_checks_each_caller(gql: Executor) -> None:
    # The document-only rules are cached by query text; the role and cost rules are not.
    assert gql.codes(TRACE, Role.READER) == ["FORBIDDEN"]
    assert "FORBIDDEN" not in gql.codes(TRACE, Role.ANALYST)
    assert gql.codes(TRACE, Role.READER) == ["FORBIDDEN"]
    for _ in range(2):
        assert gql.codes("{ nosuchfield }") == ["GRAPHQL_VALIDATION_FAILED"]
    many = "query($h: Int!) { a: trace(seeds: [\"x\"], maxHops: $h) { partial } }"
    assert "MAX_QUERY_COST" not in gql.codes(many, Role.ANALYST, h=1)
    tight = Executor(gql.schema, gql.settings.model_copy(update={"max_query_cost": 100}),
                     gql.graph)
    assert tight.codes(many, Role.ANALYST, h=6) == ["MAX_QUERY_COST"]


def test_each_field_at_the_graph_caps_fits_alone(gql: Executor) -> None:
    at_caps = [
        '{ trace(seeds: ["x"], maxHops: 6, maxPaths: 50000) { organisations { evidence {'
        " hops { from { id } to { id } } } } unattributed { walletId } } }",
        '{ neighbourhood(id: "x", depth: 3, limit: 5000) { nodes { id sanctions { id } }'
        " edges { key start { id } } } }",
        '{ paths(from: "x", to: "y", maxLength: 8, k: 20) {'
        " paths { nodes { id } edges { key } } } }",
        '{ search(text: "x", first: 200) { edges { node { id sanctions { id } } } } }',
        '{ owners(company: "x", maxDepth: 8) { chains { links { owner { id } } } } }',
    ]
    for query in at_caps:
        assert "MAX_QUERY_COST" not in gql.codes(query, Role.ADMIN), query
