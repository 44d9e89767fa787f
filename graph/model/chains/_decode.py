"""One way to call a bip-utils decoder: any failure becomes a ValueError naming the chain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SHOWN = 64


def shown(address: str) -> str:
    """The address for an error message: quoted, cut to SHOWN characters."""
    if len(address) <= SHOWN:
        return repr(address)
    return f"{address[:SHOWN]!r}… ({len(address)} characters)"


def decode(chain: str, form: str, fn: Callable[..., Any], address: str, **kwargs: Any) -> Any:
    """`fn(address, **kwargs)`, or ValueError "bad <chain> <form> address ...: <why>"."""
    try:
        return fn(address, **kwargs)
    # bip-utils raises ValueError, TypeError, its own checksum errors (plain Exception
    # subclasses) and CBOR errors for Cardano Byron: all mean "not this address".
    except Exception as exc:
        raise ValueError(f"bad {chain} {form} address or checksum {shown(address)}: "
                         f"{exc}") from None


def first_ok(chain: str, address: str, attempts: list[Callable[[], str]]) -> str:
    """The first attempt that succeeds; else the ValueError of the first one."""
    errors: list[ValueError] = []
    for attempt in attempts:
        try:
            return attempt()
        except ValueError as exc:
            errors.append(exc)
    raise errors[0] if errors else ValueError(f"not a {chain} address: {shown(address)}")
