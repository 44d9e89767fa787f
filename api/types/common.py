"""Scalars, value conversions and the small shared types (amounts, page info)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar, cast

import strawberry
from strawberry.scalars import JSON

from graph.db import jsonable
from graph.db.values import as_datetime
from graph.investigate.types import AssetAmount as AssetAmountRecord

__all__ = ["JSON", "AssetAmount", "PageInfo", "as_datetime", "as_float", "as_list", "as_str",
           "resolver"]
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


@strawberry.type(description="Relay page information.")
class PageInfo:
    end_cursor: str | None
    has_next_page: bool


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
