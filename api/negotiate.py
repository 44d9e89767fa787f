"""Reading a GraphQL-over-HTTP request: the response media type and the parameters."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

from api.errors import GRAPHQL_RESPONSE, RequestError

JSON_MEDIA = "application/json"
# A saved investigation may hold up to 1 MB of JSON (api/saved_investigations.py); queries
# are far smaller.
MAX_BODY_BYTES = 2_000_000
# Characters of the query text: the lexer reads it in Python, about 0.7 ms per kilobyte, and
# the token limit does not bound a long string literal. Long values belong in variables.
MAX_QUERY_CHARS = 100_000


def _accepted(accept: str) -> dict[str, float]:
    """Media range -> quality, from an Accept header."""
    ranges: dict[str, float] = {}
    for part in accept.split(","):
        media, *options = (p.strip() for p in part.split(";"))
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media:
            ranges[media.lower()] = quality
    return ranges


def choose_media_type(accept: str | None) -> str:
    """graphql-response+json when the client prefers or equally accepts it, else JSON.

    No Accept header means legacy application/json (the spec's SHOULD for now).
    """
    if not accept:
        return JSON_MEDIA
    ranges = _accepted(accept)
    modern = ranges.get(GRAPHQL_RESPONSE, 0.0)
    legacy = max(ranges.get(JSON_MEDIA, 0.0), ranges.get("application/*", 0.0),
                 ranges.get("*/*", 0.0))
    if modern > 0 and modern >= legacy:
        return GRAPHQL_RESPONSE
    if legacy > 0:
        return JSON_MEDIA
    raise RequestError(406, "NOT_ACCEPTABLE",
                       f"accept {GRAPHQL_RESPONSE} or {JSON_MEDIA}; got {accept!r}")


def _object(text: str, what: str) -> dict[str, Any] | None:
    try:
        value = json.loads(text) if text else None
    except json.JSONDecodeError as exc:
        raise RequestError(400, "BAD_REQUEST", f"{what} is not valid JSON: {exc}") from exc
    except RecursionError as exc:
        raise RequestError(400, "BAD_REQUEST", f"{what} nests too deeply") from exc
    except ValueError as exc:  # Python's int() digit limit: its message names interpreter knobs
        raise RequestError(400, "BAD_REQUEST", f"{what} has a number with too many digits") from exc
    if value is not None and not isinstance(value, dict):
        raise RequestError(400, "BAD_REQUEST", f"{what} must be a JSON object")
    return value


async def _body(request: Request) -> bytes:
    """The request body, refused (413) past MAX_BODY_BYTES without reading it all."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise RequestError(413, "PAYLOAD_TOO_LARGE", f"the body is over {MAX_BODY_BYTES} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def read_params(request: Request) -> dict[str, Any]:
    """query, variables, operationName from the URL (GET) or the JSON body (POST)."""
    if request.method == "GET":
        params: dict[str, Any] = {
            "query": request.query_params.get("query"),
            "variables": _object(request.query_params.get("variables", ""), "variables"),
            "operationName": request.query_params.get("operationName"),
        }
    elif request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != JSON_MEDIA:
            raise RequestError(415, "UNSUPPORTED_MEDIA_TYPE", f"POST a {JSON_MEDIA} body")
        params = _object((await _body(request)).decode("utf-8", "replace"), "the body") or {}
    else:
        raise RequestError(405, "METHOD_NOT_ALLOWED", "use GET or POST", {"Allow": "GET, POST"})
    if not isinstance(params.get("query"), str) or not params["query"].strip():
        raise RequestError(400, "BAD_REQUEST", "the request has no `query` string")
    if len(params["query"]) > MAX_QUERY_CHARS:
        raise RequestError(400, "BAD_REQUEST",
                           f"the query is {len(params['query'])} characters long, more than"
                           f" {MAX_QUERY_CHARS}: pass long values as variables")
    if params.get("variables") is not None and not isinstance(params["variables"], dict):
        raise RequestError(400, "BAD_REQUEST", "`variables` must be a JSON object")
    return params
