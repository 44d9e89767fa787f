"""API keys and roles: `SCAMGRAPH_API_KEYS` holds comma-separated `role:key` pairs."""

from __future__ import annotations

import enum
import hashlib
from dataclasses import dataclass

from scamgraph.errors import AuthenticationError, ConfigError
from scamgraph.settings import Settings


class Role(enum.IntEnum):
    """Ordered: each role may do everything the roles below it may."""

    READER = 1
    ANALYST = 2
    OPERATOR = 3
    ADMIN = 4

    @property
    def label(self) -> str:
        return self.name.lower()


def fingerprint(key: str) -> str:
    """A short, stable, non-reversible name for a key (the audit log never holds the key)."""
    return hashlib.sha256(key.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class Principal:
    role: Role
    fingerprint: str  # of the key, or "anonymous"


def parse_keys(raw: str) -> dict[str, Role]:
    """Map each key's SHA-256 to its role; a malformed pair fails loudly."""
    keys: dict[str, Role] = {}
    for pair in filter(None, (p.strip() for p in raw.split(","))):
        role, sep, key = pair.partition(":")
        if not sep or not key or role.upper() not in Role.__members__:
            raise ConfigError(
                f"SCAMGRAPH_API_KEYS: bad entry {role!r}:… (expected role:key)",
                hint="roles are reader, analyst, operator, admin; keys must not be empty",
            )
        keys[hashlib.sha256(key.encode()).hexdigest()] = Role[role.upper()]
    return keys


class KeyRing:
    """Turns an Authorization header into a Principal."""

    def __init__(self, settings: Settings) -> None:
        self._keys = parse_keys(settings.api_keys.get_secret_value())
        anonymous = settings.anonymous_role
        self._anonymous = Role[anonymous.upper()] if anonymous else None

    def authenticate(self, authorization: str | None) -> Principal:
        """The caller's role; AuthenticationError when the key is missing or unknown."""
        if not authorization:
            if self._anonymous is None:
                raise AuthenticationError(
                    "no API key", hint="send `Authorization: Bearer <key>`"
                )
            return Principal(self._anonymous, "anonymous")
        scheme, _, key = authorization.partition(" ")
        key = key.strip()
        # Keys are compared by digest: a dict lookup leaks nothing about near misses.
        role = self._keys.get(hashlib.sha256(key.encode()).hexdigest())
        if scheme.lower() != "bearer" or role is None:
            raise AuthenticationError(
                "unknown API key", hint="check the key against SCAMGRAPH_API_KEYS"
            )
        return Principal(role, fingerprint(key))
