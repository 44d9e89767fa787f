"""GraphQL over HTTP through a real client against uvicorn on 127.0.0.1."""

from __future__ import annotations

import json

import httpx

from api.auth import Role
from scamgraph.settings import Settings
from tests.api.support import KEYS, auth

MODERN = {"Accept": "application/graphql-response+json"}
LEGACY = {"Accept": "application/json"}
TRACE = '{ trace(seeds: ["tron:T1"], maxHops: 2) { partial } }'


def post(client: httpx.Client, query: str, role: Role | None = Role.ANALYST,
         accept: dict[str, str] = MODERN, **variables: object) -> httpx.Response:
    headers = {**accept, **(auth(role) if role else {})}
    return client.post("/graphql", json={"query": query, "variables": variables}, headers=headers)


def test_missing_or_unknown_key_is_401(client: httpx.Client) -> None:
    basic = {"Authorization": f"Basic {KEYS[Role.ADMIN]}"}
    for headers in ({}, {"Authorization": "Bearer nope"}, basic):
        response = client.post("/graphql", json={"query": "{ sources { id } }"},
                               headers={**MODERN, **headers})
        assert response.status_code == 401
        assert response.headers["www-authenticate"].startswith("Bearer")
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def test_role_too_low_is_403_or_200_by_media_type(client: httpx.Client) -> None:
    modern = post(client, TRACE, Role.READER)
    assert modern.status_code == 403
    assert modern.headers["content-type"] == "application/graphql-response+json"
    assert "data" not in modern.json()
    legacy = post(client, TRACE, Role.READER, LEGACY)
    assert legacy.status_code == 200
    assert legacy.headers["content-type"] == "application/json"
    assert legacy.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_parse_and_validation_errors_are_400_without_data(client: httpx.Client) -> None:
    for query, code in (("{ entity(id: ", "GRAPHQL_PARSE_FAILED"),
                        ("{ nosuchfield }", "GRAPHQL_VALIDATION_FAILED")):
        modern = post(client, query)
        assert modern.status_code == 400
        assert modern.json()["errors"][0]["extensions"]["code"] == code
        assert "data" not in modern.json()
        assert post(client, query, accept=LEGACY).status_code == 200


def test_executed_request_with_field_error_is_200_with_data(client: httpx.Client) -> None:
    # An argument the graph layer refuses while running (bounds are checked before that).
    response = post(client, '{ search(text: " ") { edges { cursor } } }')
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "INVALID_ARGUMENT"
    assert body["errors"][0]["message"] == "text is empty"


def test_get_runs_queries_but_not_mutations(client: httpx.Client) -> None:
    ok = client.get("/graphql", params={"query": '{ entity(id: "x") { id } }'},
                    headers={**MODERN, **auth(Role.ANALYST)})
    assert (ok.status_code, ok.json()) == (200, {"data": {"entity": None}})
    mutation = 'mutation { saveInvestigation(name: "a", data: {}) { id } }'
    refused = client.get("/graphql", params={"query": mutation},
                         headers={**MODERN, **auth(Role.ANALYST)})
    assert refused.status_code == 405
    assert refused.headers["allow"] == "POST"


def test_bad_requests(client: httpx.Client) -> None:
    headers = {**MODERN, **auth(Role.ANALYST)}
    assert client.post("/graphql", content="{ sources { id } }",
                       headers={**headers, "Content-Type": "text/plain"}).status_code == 415
    assert client.post("/graphql", content="{not json",
                       headers={**headers, "Content-Type": "application/json"}).status_code == 400
    assert client.post("/graphql", json={"variables": {}}, headers=headers).status_code == 400
    assert client.post("/graphql", json={"query": "{ sources { id } }"},
                       headers={**auth(Role.ANALYST), "Accept": "text/csv"}).status_code == 406
    assert client.put("/graphql", json={}, headers=headers).status_code == 405
    huge = {"query": "{ sources { id } }", "variables": {"pad": "x" * 2_100_000}}
    assert client.post("/graphql", json=huge, headers=headers).status_code == 413


def test_no_accept_header_means_json(client: httpx.Client) -> None:
    response = client.post("/graphql", json={"query": '{ entity(id: "x") { id } }'},
                           headers={**auth(Role.READER), "Accept": ""})
    assert response.headers["content-type"] == "application/json"


def test_save_and_load_investigation(client: httpx.Client) -> None:
    saved = post(client, "mutation($d: JSON!) { saveInvestigation(name: \" Case 7 \", data: $d) "
                 "{ id name data createdBy } }", d={"nodes": ["tron:T1"], "zoom": 1.5})
    assert saved.status_code == 200, saved.text
    inv = saved.json()["data"]["saveInvestigation"]
    assert inv["name"] == "Case 7" and inv["data"] == {"nodes": ["tron:T1"], "zoom": 1.5}
    assert inv["createdBy"].startswith("analyst:") and KEYS[Role.ANALYST] not in inv["createdBy"]
    loaded = post(client, "query($id: ID!) { investigation(id: $id) { name data } }", id=inv["id"])
    assert loaded.json()["data"]["investigation"] == {"name": "Case 7", "data": inv["data"]}
    assert saved.headers["cache-control"] == "no-store"
    listed = post(client, "{ investigations { id } }")
    assert listed.json()["data"]["investigations"] == [{"id": inv["id"]}]


def test_audit_log_written_and_admin_only(client: httpx.Client, api_settings: Settings) -> None:
    post(client, '{ entity(id: "x") { id } }', Role.READER, q=1)
    client.post("/graphql", json={"query": "{ sources { id } }"}, headers=MODERN)
    assert post(client, "{ auditLog { status } }", Role.ANALYST).status_code == 403
    lines = [json.loads(x) for x in api_settings.audit_log_path.read_text().splitlines()]
    assert [(x["role"], x["status"]) for x in lines] == [("reader", 200), ("-", 401),
                                                        ("analyst", 403)]
    assert lines[0]["variables"] == {"q": 1} and lines[0]["result_bytes"] > 0
    assert lines[2]["error_codes"] == ["FORBIDDEN"]
    text = api_settings.audit_log_path.read_text()
    assert not any(key in text for key in KEYS.values())
    admin = post(client, "{ auditLog(first: 2) { role status keyFingerprint queryHash } }",
                 Role.ADMIN).json()["data"]["auditLog"]
    assert [(x["role"], x["status"]) for x in admin] == [("analyst", 403), ("-", 401)]
    assert len(admin[0]["queryHash"]) == 64


def test_health_static_and_graphiql(client: httpx.Client) -> None:
    assert client.get("/healthz").json()["status"] == "ok"
    post(client, '{ entity(id: "x") { id } }', Role.READER)
    metrics = client.get("/metrics", headers=auth(Role.OPERATOR)).text
    assert 'scamgraph_api_requests_total{role="reader",status="200"}' in metrics
    assert client.get("/").text == "<h1>scamgraph browser</h1>"
    assert client.get("/graphiql/").text == "<h1>local graphiql</h1>"
    ide = client.get("/graphql", headers={"Accept": "text/html"})
    assert ide.status_code == 303 and ide.headers["location"] == "/graphiql/"


def test_big_variables_are_logged_by_size(client: httpx.Client, api_settings: Settings) -> None:
    data = {"nodes": ["tron:T" + str(i) for i in range(1000)]}
    mutation = 'mutation($d: JSON!) { saveInvestigation(name: "big", data: $d) { id } }'
    saved = post(client, mutation, d=data)
    assert saved.status_code == 200
    (line,) = [json.loads(x) for x in api_settings.audit_log_path.read_text().splitlines()]
    assert line["variables"] == {"_truncated_bytes": len(json.dumps({"d": data}))}


def test_answers_are_encoded_as_the_json_module_would() -> None:
    """orjson writes the answer; what it refuses (an integer past 64 bits) the json module
    writes; either way the same JSON, UTF-8 as it is (no \\u escapes)."""
    import json

    from api.http import encoded

    body = {"data": {"n": [{"id": "tron:T1", "name": "Lǐ Měifāng 李美芳", "share": 0.1428,
                            "count": 7, "ok": True, "none": None}]}}
    assert json.loads(encoded(body)) == body
    assert "李美芳".encode() in encoded(body)
    huge = {"data": {"amount": 2**80}}
    assert encoded(huge) == b'{"data":{"amount":1208925819614629174706176}}'
