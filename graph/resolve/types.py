"""A judgement: an analyst's (or a stated rule's) word that two entities are or are not one."""

from __future__ import annotations

import enum
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any


class Verdict(enum.Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


@dataclass(frozen=True)
class Judgement:
    id: str
    a: str
    b: str
    verdict: Verdict
    by: str  # who: an analyst's principal, or "auto:<rule>"
    at: datetime
    reason: str
    score: float | None = None
    undone_at: datetime | None = None
    undone_by: str | None = None
    undo_reason: str | None = None

    @property
    def active(self) -> bool:
        return self.undone_at is None

    def row(self) -> dict[str, Any]:
        """Properties as stored (and exported): the verdict as its text, no None values."""
        return {k: (v.value if isinstance(v, Verdict) else v)
                for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Judgement:
        return cls(
            id=str(row["id"]), a=str(row["a"]), b=str(row["b"]), verdict=Verdict(row["verdict"]),
            by=str(row["by"]), at=row["at"], reason=str(row.get("reason") or ""),
            score=row.get("score"), undone_at=row.get("undone_at"),
            undone_by=row.get("undone_by"), undo_reason=row.get("undo_reason"),
        )
