"""Digest slots: when a daily or weekly digest is due, in its own time zone (pure, DST-correct).

A slot is the UTC instant of one scheduled local time. A local time that does not
exist (the spring-forward gap) falls after the gap; a time that happens twice (fall
back) is taken the first time (``fold=0``), so every local day has exactly one slot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
FREQUENCIES = ("daily", "weekly")
DEFAULT_CATCH_UP = timedelta(hours=12)

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a digest is posted: ``at`` local time in ``timezone``, daily or on ``weekday`` (Monday = 0)."""

    at: time
    timezone: str
    frequency: str = "daily"
    weekday: int | None = None

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def describe(self) -> str:
        """"daily at 08:00 (Europe/Berlin)" or "every Monday at 08:00 (UTC)"."""
        when = "daily" if self.frequency == "daily" else f"every {WEEKDAYS[self.weekday or 0].capitalize()}"
        return f"{when} at {self.at:%H:%M} ({self.timezone})"


def parse_time(raw: str) -> time:
    """``HH:MM`` on a 24-hour clock; ValueError with a message a user can act on."""
    match = _HHMM.match(raw.strip())
    if not match:
        raise ValueError(f"time must be HH:MM, 24-hour (for example 08:00 or 18:30), got {raw!r}")
    return time(int(match.group(1)), int(match.group(2)))


def parse_timezone(raw: str) -> str:
    """An IANA time zone name such as ``Europe/Berlin``, checked against the tz database."""
    name = raw.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        message = f"timezone must be an IANA name such as Europe/Berlin or America/New_York, got {raw!r}"
        raise ValueError(message) from None
    return name


def parse_weekday(raw: str | int) -> int:
    """Monday = 0 … Sunday = 6, from a name (``mon``, ``Monday``) or a number 0–6."""
    if isinstance(raw, int) or str(raw).strip().isdigit():
        number = int(raw)
        if 0 <= number <= 6:
            return number
    else:
        word = str(raw).strip().lower()
        for number, name in enumerate(WEEKDAYS):
            if len(word) >= 3 and name.startswith(word):
                return number
    raise ValueError(f"weekday must be a day name such as monday (or 0-6, Monday = 0), got {raw!r}")


def make_schedule(at: str, timezone: str, frequency: str = "daily", weekday: str | int | None = None) -> Schedule:
    """A checked :class:`Schedule` from user input; ValueError names what is wrong."""
    freq = frequency.strip().lower()
    if freq not in FREQUENCIES:
        raise ValueError(f"frequency must be daily or weekly, got {frequency!r}")
    day = parse_weekday(weekday) if weekday is not None and str(weekday).strip() else None
    if freq == "weekly" and day is None:
        raise ValueError("a weekly digest needs a weekday (for example monday)")
    return Schedule(parse_time(at), parse_timezone(timezone), freq, day if freq == "weekly" else None)


def slot_on(schedule: Schedule, day: date) -> datetime:
    """The UTC instant of the scheduled local time on a local ``day``."""
    local = datetime.combine(day, schedule.at, tzinfo=schedule.tz)
    # Round-trip through UTC: a time in the spring-forward gap lands after the gap.
    return local.astimezone(UTC)


def _runs_on(schedule: Schedule, day: date) -> bool:
    return schedule.frequency == "daily" or day.weekday() == schedule.weekday


def latest_slot(schedule: Schedule, now: datetime) -> datetime:
    """The last slot at or before ``now`` (an aware datetime)."""
    today = now.astimezone(schedule.tz).date()
    for back in range(0, 9):
        day = today - timedelta(days=back)
        if _runs_on(schedule, day):
            slot = slot_on(schedule, day)
            if slot <= now:
                return slot
    raise AssertionError("no slot in the last 9 days")  # unreachable: every week has one


def next_slot(schedule: Schedule, now: datetime) -> datetime:
    """The first slot strictly after ``now``."""
    today = now.astimezone(schedule.tz).date()
    for ahead in range(0, 9):
        day = today + timedelta(days=ahead)
        if _runs_on(schedule, day):
            slot = slot_on(schedule, day)
            if slot > now:
                return slot
    raise AssertionError("no slot in the next 9 days")


def due_slot(
    schedule: Schedule,
    now: datetime,
    *,
    last_posted: datetime | None = None,
    not_before: datetime | None = None,
    catch_up: timedelta = DEFAULT_CATCH_UP,
) -> datetime | None:
    """The slot to post now, or None.

    That is the latest slot at or before ``now``, if it is no older than ``catch_up``,
    later than the last one posted, and not before ``not_before`` (when the setting was
    made: a new setting does not post for a time already past). Older missed slots are
    skipped: one digest covers them.
    """
    slot = latest_slot(schedule, now)
    if now - slot > catch_up:
        return None
    if last_posted is not None and slot <= last_posted:
        return None
    if not_before is not None and slot < not_before:
        return None
    return slot


def slot_key(slot: datetime) -> str:
    """How a slot is recorded: UTC ISO to the second."""
    return slot.astimezone(UTC).isoformat(timespec="seconds")


def parse_instant(raw: str) -> datetime:
    """A stored UTC ISO timestamp as an aware datetime."""
    value = datetime.fromisoformat(raw)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
