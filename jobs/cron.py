"""Cron expressions for job schedules, with crontab's meaning kept.

Five fields (minute hour day month weekday) as in crontab, or six with a leading
seconds field. APScheduler 3.x numbers weekdays from Monday=0, unlike crontab's
Sunday=0, so numeric weekdays are turned into names before they reach it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

from apscheduler.triggers.cron import CronTrigger

_DAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FIELDS_5 = ("minute", "hour", "day", "month", "day_of_week")


def _weekday_names(field: str) -> str:
    """'1-5' -> 'mon-fri', '0,6' -> 'sun,sat'; a step after '/' is a count, not a day."""
    parts = []
    for part in field.split(","):
        days, slash, step = part.partition("/")
        days = re.sub(r"\d+", lambda m: _day(m.group()), days)
        parts.append(days + slash + step)
    return ",".join(parts)


def _day(number: str) -> str:
    value = int(number)
    if value > 7:
        raise ValueError(f"weekday {value} is out of range 0-7")
    return _DAYS[value]


def cron_trigger(expr: str, timezone: tzinfo = UTC) -> CronTrigger:
    """A CronTrigger for `expr`; raises ValueError naming what is wrong."""
    values = expr.split()
    if len(values) not in (5, 6):
        raise ValueError(
            f"cron {expr!r} has {len(values)} fields; use 5 (minute hour day month weekday) "
            "or 6 (second first)"
        )
    fields = dict(zip(("second", *_FIELDS_5) if len(values) == 6 else _FIELDS_5,
                      values, strict=True))
    try:
        fields["day_of_week"] = _weekday_names(fields["day_of_week"])
        return CronTrigger(timezone=timezone, **fields)
    except ValueError as exc:
        raise ValueError(f"cron {expr!r}: {exc}") from None


def next_fire(expr: str, now: datetime | None = None) -> datetime | None:
    """When the schedule fires next after `now` (UTC)."""
    now = now or datetime.now(UTC)
    fire: datetime | None = cron_trigger(expr).get_next_fire_time(None, now)
    return fire
