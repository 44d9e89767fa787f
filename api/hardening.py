"""HTTP hardening: rate limits (429 + Retry-After), security headers, the /metrics gate.

Rate limits use the `limits` library's in-memory moving window, per process: failed
authentications per client address (SCAMGRAPH_AUTH_FAILURE_LIMIT), and requests per API
key, keyless requests per client address (SCAMGRAPH_RATE_LIMIT). An empty setting turns
the limit off. The headers' CSP allows what the bundled browser and GraphiQL load: scripts,
styles, fonts and workers from this origin only; inline styles (GraphiQL and Monaco set
them at run time) and data: fonts and images (Monaco's stylesheet embeds them); data: for
fetch too, which reaches nothing outside the page (the browser tests read the canvas so).
"""

from __future__ import annotations

import math
import time
from typing import Any

import limits
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.auth import KeyRing, Role
from scamgraph.errors import AuthenticationError, ConfigError
from scamgraph.settings import Settings

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
       "connect-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP, "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
}


def _rate(name: str, text: str) -> limits.RateLimitItem | None:
    if not text.strip():
        return None
    try:
        return limits.parse(text)
    except ValueError:
        raise ConfigError(f"SCAMGRAPH_{name.upper()}: {text!r} is not a rate",
                          hint="write it like `20/minute` or `100 per second`; empty: no limit"
                          ) from None


def client_address(request: Request) -> str:
    return request.client.host if request.client else "-"


class RateLimits:
    """Moving-window counters; each check answers the seconds to wait, or None to go on."""

    def __init__(self, settings: Settings) -> None:
        self.failures = _rate("auth_failure_limit", settings.auth_failure_limit)
        self.requests = _rate("rate_limit", settings.rate_limit)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def _wait(self, item: limits.RateLimitItem, *ids: str) -> int:
        reset = self.limiter.get_window_stats(item, *ids).reset_time
        return max(1, math.ceil(reset - time.time()))

    def blocked(self, address: str) -> int | None:
        """Seconds this address must wait after too many failed authentications."""
        if self.failures is None or self.limiter.test(self.failures, "auth", address):
            return None
        return self._wait(self.failures, "auth", address)

    def failed(self, address: str) -> None:
        if self.failures is not None:
            self.limiter.hit(self.failures, "auth", address)

    def hit(self, identity: str) -> int | None:
        """Count one request of a key (or keyless address); seconds to wait when over."""
        if self.requests is None or self.limiter.hit(self.requests, "key", identity):
            return None
        return self._wait(self.requests, "key", identity)


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response (pages, assets, API, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, with_headers)


class MetricsGate:
    """/metrics for operators: public only with SCAMGRAPH_METRICS_PUBLIC=true."""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app, self.public = app, settings.metrics_public
        self.keys = KeyRing(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        refusal = None if self.public else self._refusal(Request(scope))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refusal(self, request: Request) -> JSONResponse | None:
        try:
            who = self.keys.authenticate(request.headers.get("authorization"))
        except AuthenticationError as exc:
            return _error(401, "UNAUTHENTICATED", f"/metrics: {exc.message}",
                          {"WWW-Authenticate": 'Bearer realm="scamgraph"'})
        if who.role < Role.OPERATOR:
            return _error(403, "FORBIDDEN", f"/metrics needs the operator role (this key has"
                          f" {who.role.label}); or set SCAMGRAPH_METRICS_PUBLIC=true")
        return None


def _error(status: int, code: str, message: str,
           headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message, "extensions": {"code": code}}]},
                        status, headers)
