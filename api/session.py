"""GET /session: the caller's role, so the browser can skip its login where keys are not needed.

Keyless on a server with SCAMGRAPH_ANONYMOUS_ROLE (the demo on loopback) it answers the
anonymous role; with a key, that key's role; otherwise 401 like /graphql. It holds no data.
Failed keys count against the same per-address limit as /graphql's (its own window), so
this is no cheaper oracle for guessing keys.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from api.auth import KeyRing
from api.hardening import RateLimits, client_address
from scamgraph.errors import AuthenticationError
from scamgraph.settings import Settings

NO_STORE = {"Cache-Control": "no-store"}


class SessionEndpoint:
    def __init__(self, settings: Settings) -> None:
        self.keys = KeyRing(settings)
        self.limits = RateLimits(settings)

    async def answer(self, request: Request) -> JSONResponse:
        address = client_address(request)
        if (wait := self.limits.blocked(address)) is not None:
            return _error(429, "RATE_LIMITED", f"too many failed authentications from {address}",
                          {"Retry-After": str(wait)})
        try:
            who = self.keys.authenticate(request.headers.get("authorization"))
        except AuthenticationError as exc:
            self.limits.failed(address)
            return _error(401, "UNAUTHENTICATED", exc.message,
                          {"WWW-Authenticate": 'Bearer realm="scamgraph"'})
        anonymous = who.fingerprint == "anonymous"
        return JSONResponse({"role": who.role.label, "anonymous": anonymous}, headers=NO_STORE)


def _error(status: int, code: str, message: str, headers: dict[str, str]) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": code}}]}
    return JSONResponse(body, status, {**headers, **NO_STORE})
