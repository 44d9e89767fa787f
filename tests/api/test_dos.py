"""Denial of service through arguments: each refused at once, with the argument named.

Every case here once stalled the server for seconds (2 ** hops on a raw argument, base58 on a
200,000-character address) or leaked interpreter internals; each must now answer within
FAST seconds (they take a few milliseconds; the bound is generous against a busy machine).
"""

from __future__ import annotations

import time
from typing import Any

import httpx
from graphql import GraphQLArgument, GraphQLError, GraphQLObjectType, get_named_type

from api.auth import Role
from api.errors import _coded
from api.limits import BOUNDS_KEY, metadata
from api.schema import build_schema
from scamgraph.errors import QueryError
from tests.api.support import Executor, auth

FAST = 1.0
MODERN = {"Accept": "application/graphql-response+json"}


def timed(gql: Executor, query: str, role: Role = Role.READER, **variables: Any) -> Any:
    started = time.perf_counter()
    result = gql(query, role, **variables)
    elapsed = time.perf_counter() - started
    print(f"{elapsed * 1000:.1f} ms  {query[:70]}")
    assert elapsed < FAST, f"{elapsed:.2f} s for {query}"
    return result


def errors(result: Any) -> list[tuple[str, str]]:
    return [((e.extensions or {}).get("code"), e.message) for e in result.errors or []]


def test_huge_depth_is_refused_before_the_cost_is_computed(gql: Executor) -> None:
    query = '{ neighbourhood(id: "x", depth: 2147483647) { partial } }'
    assert errors(timed(gql, query)) == [(
        "INVALID_ARGUMENT",
        "Query.neighbourhood: depth=2147483647 is out of range: it must be between 1 and 3")]
    assert gql.last_calls == []
    aliases = "{ " + " ".join(f'n{i}: neighbourhood(id: "x", depth: 2147483647) {{ partial }}'
                              for i in range(4)) + " }"
    assert [c for c, _ in errors(timed(gql, aliases))] == ["INVALID_ARGUMENT"] * 4


def test_huge_variable_is_refused(gql: Executor) -> None:
    query = 'query($d: Int!) { neighbourhood(id: "x", depth: $d) { partial } }'
    (code, message), *_ = errors(timed(gql, query, d=1e18))
    assert code == "INVALID_ARGUMENT"
    assert message.startswith("Query.neighbourhood: depth=1e+18 is out of range")


def test_forbidden_field_is_refused_before_its_cost(gql: Executor) -> None:
    query = '{ trace(seeds: ["x"], maxHops: 2147483647) { partial } }'
    assert [c for c, _ in errors(timed(gql, query, Role.READER))] == ["FORBIDDEN"]


def test_digit_limit_never_reaches_the_client(client: httpx.Client) -> None:
    query = '{ neighbourhood(id: "x", depth: %s) { partial } }' % ("9" * 5000)
    started = time.perf_counter()
    reply = client.post("/graphql", json={"query": query}, headers={**auth(Role.READER), **MODERN})
    print(f"5000-digit literal: {(time.perf_counter() - started) * 1000:.1f} ms")
    assert reply.status_code == 400
    assert [(e["extensions"]["code"], e["message"]) for e in reply.json()["errors"]] == [
        ("BAD_USER_INPUT", "an integer has too many digits")]


def test_overlong_address_answers_at_once(gql: Executor) -> None:
    query = 'query($a: String!) { wallet(chain: "tron", address: $a) { id } }'
    (code, message), = errors(timed(gql, query, a="T" + "x" * 200_000))
    assert code == "INVALID_ARGUMENT" and "200001 characters" in message
    assert len(message) < 400


def test_long_strings_and_lists_are_capped(gql: Executor) -> None:
    query = 'query($t: String!) { search(text: $t) { edges { cursor } } }'
    (code, message), = errors(timed(gql, query, t="word " * 2000))
    assert (code, message) == ("INVALID_ARGUMENT", "Query.search: text is 10000 characters"
                               " long, more than the limit of 1000")
    query = 'query($s: [ID!]!) { trace(seeds: $s) { partial } }'
    (code, message), = errors(timed(gql, query, Role.ANALYST, s=["x"] * 5000))
    assert code == "INVALID_ARGUMENT" and "5000 items" in message


def test_result_bytes_count_in_the_cost(gql: Executor) -> None:
    query = "{ investigations(first: %d) { id data } }"
    (code, message), = errors(timed(gql, query % 500, Role.ANALYST))
    assert code == "MAX_RESULT_BYTES" and "500000000 bytes" in message
    # These two run (against the real database): only their refusal would be timed.
    assert gql.codes(query % 20, Role.ANALYST) == []
    assert gql.codes("{ investigations(first: 500) { id name } }", Role.ANALYST) == []


def test_every_int_argument_has_bounds() -> None:
    schema = build_schema()._schema
    unbounded = []
    for type_ in schema.type_map.values():
        if isinstance(type_, GraphQLObjectType) and not type_.name.startswith("__"):
            for name, field in type_.fields.items():
                bounds = metadata(field).get(BOUNDS_KEY) or {}
                arg: GraphQLArgument
                for arg_name, arg in field.args.items():
                    if get_named_type(arg.type).name == "Int" and arg_name not in bounds:
                        unbounded.append(f"{type_.name}.{name}({arg_name})")
    assert unbounded == []


def test_bad_variable_is_a_400_under_graphql_response_json(client: httpx.Client) -> None:
    body = {"query": 'query($d: Int!) { neighbourhood(id: "x", depth: $d) { partial } }',
            "variables": {"d": "deep"}}
    modern = client.post("/graphql", json=body, headers={**auth(Role.READER), **MODERN})
    assert modern.status_code == 400, modern.text
    assert [e["extensions"]["code"] for e in modern.json()["errors"]] == ["BAD_USER_INPUT"]
    assert "data" not in modern.json()
    legacy = client.post("/graphql", json=body, headers=auth(Role.READER))
    assert legacy.status_code == 200
    assert [e["extensions"]["code"] for e in legacy.json()["errors"]] == ["BAD_USER_INPUT"]


def test_deep_json_body_is_a_json_400_and_audited(client: httpx.Client, gql: Executor) -> None:
    deep = '{"query": "{ sources { id } }", "variables": ' + '{"a":' * 10_000 + "1" \
        + "}" * 10_001
    started = time.perf_counter()
    reply = client.post("/graphql", content=deep, headers={
        **auth(Role.READER), "Content-Type": "application/json"})
    print(f"deep body: {(time.perf_counter() - started) * 1000:.1f} ms")
    assert reply.status_code == 400
    assert reply.json()["errors"][0] == {"message": "the body nests too deeply",
                                         "extensions": {"code": "BAD_REQUEST"}}
    huge = '{"query": "{ sources { id } }", "variables": {"a": ' + "9" * 5000 + "}}"
    reply = client.post("/graphql", content=huge, headers={
        **auth(Role.READER), "Content-Type": "application/json"})
    assert reply.json()["errors"][0]["message"] == "the body has a number with too many digits"
    last = gql.settings.audit_log_path.read_text().splitlines()[-2:]
    assert all('"status": 400' in line and "BAD_REQUEST" in line for line in last)


def test_long_query_text_is_refused_before_parsing(client: httpx.Client) -> None:
    query = '{ wallet(chain: "tron", address: "T%s") { id } }' % ("x" * 200_000)
    started = time.perf_counter()
    reply = client.post("/graphql", json={"query": query}, headers={**auth(Role.READER), **MODERN})
    print(f"200 kB query: {(time.perf_counter() - started) * 1000:.1f} ms")
    assert reply.status_code == 400
    assert reply.json()["errors"][0]["message"] == (
        "the query is 200046 characters long, more than 100000: pass long values as variables")


def test_database_internals_are_not_returned() -> None:
    raw = QueryError("Neo4j rejected the query: Neo.ClientError.Procedure.ProcedureCallFailed:"
                     " org.apache.lucene.search.IndexSearcher$TooManyClauses: maxClauseCount")
    error = GraphQLError("x", path=["search"], original_error=raw)
    coded = _coded(error, executed=True)
    assert coded.extensions == {"code": "INVALID_ARGUMENT"}
    assert coded.message.startswith("Query.search: the database could not run this query")
    assert "lucene" not in coded.message.lower() and "Neo." not in coded.message


def test_json_arguments_are_not_capped_as_lists(gql: Executor) -> None:
    query = 'mutation($d: JSON!) { saveInvestigation(name: "big list", data: $d) { name } }'
    assert gql.data(query, Role.ANALYST, d=list(range(5000))) == {
        "saveInvestigation": {"name": "big list"}}
