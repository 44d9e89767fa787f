"""Judgements as a file: JSON, one object with a format tag and the judgements, times in ISO
8601 with offset. What `scamgraph resolve export` writes, `import` reads back exactly."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.resolve.types import Judgement
from scamgraph.errors import InputError

FORMAT = "scamgraph-judgements/1"
TIMES = ("at", "undone_at")


def dumps(judgements: list[Judgement]) -> str:
    rows = [{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in j.row().items()}
            for j in judgements]
    return json.dumps({"format": FORMAT, "judgements": rows}, ensure_ascii=False, indent=1)


def _judgement(row: Any, where: str) -> Judgement:
    if not isinstance(row, dict):
        raise InputError(f"{where}: a judgement must be an object")
    try:
        parsed = {**row, **{k: datetime.fromisoformat(row[k]) for k in TIMES if row.get(k)}}
        judgement = Judgement.from_row(parsed)
    except (KeyError, ValueError, TypeError) as exc:
        raise InputError(f"{where}: {type(exc).__name__}: {exc}") from None
    if judgement.at.tzinfo is None:
        raise InputError(f"{where}: time {row['at']!r} has no UTC offset")
    return judgement


def loads(text: str, name: str) -> list[Judgement]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise InputError(f"{name}: not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise InputError(f"{name}: not a judgements file (format must be {FORMAT!r})")
    rows = data.get("judgements")
    if not isinstance(rows, list):
        raise InputError(f"{name}: `judgements` must be a list")
    return [_judgement(r, f"{name}: judgements[{i}]") for i, r in enumerate(rows)]


def read(path: Path) -> list[Judgement]:
    return loads(path.read_text(encoding="utf-8"), str(path))
