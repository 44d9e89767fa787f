"""Scalars, value conversions and the small shared types (amounts, page info)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

import strawberry
from strawberry.scalars import JSON

from graph.db import jsonable
from graph.db.values import as_datetime
from graph.investigate.convert import decode_cursor, encode_cursor
from graph.investigate.types import AssetAmount as AssetAmountRecord

__all__ = ["JSON", "AssetAmount", "PageInfo", "as_datetime", "as_float", "as_list", "as_str",
           "offset_cursors", "resolver"]
F = TypeVar("F", bound=Callable[..., Any])


def resolver(**kwargs: Any) -> Callable[[F], F]:
    """`strawberry.field(**kwargs)` as a typed decorator (its keyword overload is untyped)."""
    return cast(Callable[[F], F], strawberry.field(**kwargs))


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


def as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or None
    return str(jsonable(value))


def as_float(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def offset_cursors(after: str | None, count: int) -> list[str]:
    """The cursors of a page's `count` items. Cursors are offsets (graph.investigate.convert):
    item i of the page after `after` sits at its start + i + 1."""
    start = decode_cursor(after)
    return [encode_cursor(start + i + 1) for i in range(count)]


class _Page(Protocol):
    @property
    def end_cursor(self) -> str | None: ...
    @property
    def has_next_page(self) -> bool: ...


@strawberry.type(description="Relay page information.")
class PageInfo:
    end_cursor: str | None
    has_next_page: bool

    @classmethod
    def of(cls, page: _Page) -> PageInfo:
        return cls(end_cursor=page.end_cursor, has_next_page=page.has_next_page)


@strawberry.type(description="An amount of one asset (scaled by its decimals).")
class AssetAmount:
    asset: str
    amount: float
    transfers: int
    amount_raw: str | None = strawberry.field(
        default=None, description="Exact base units (trace methods HAIRCUT, FIFO, LIFO).")

    @classmethod
    def from_record(cls, rec: AssetAmountRecord) -> AssetAmount:
        return cls(asset=rec.asset, amount=rec.amount, transfers=rec.transfers,
                   amount_raw=rec.amount_raw)
