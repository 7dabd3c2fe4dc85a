"""Date spans as written in records: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``A/B``."""

from __future__ import annotations

import calendar
import re
from datetime import date

_PART = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def _bounds(part: str) -> tuple[date, date] | None:
    match = _PART.match(part.strip())
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            d = date(year, month, day)
            return d, d
        if month is not None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def span_dates(value: str | None) -> tuple[date, date] | None:
    """The first and last day a written date can mean, or None if it is not one."""
    if not value:
        return None
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = _bounds(first), _bounds(last)
        if not a or not b or a[0] > b[1]:
            return None
        return a[0], b[1]
    return _bounds(value)


def span_of(value: str | None) -> tuple[str | None, str | None]:
    """Like :func:`span_dates`, as ISO strings (``(None, None)`` when unknown)."""
    span = span_dates(value)
    return (span[0].isoformat(), span[1].isoformat()) if span else (None, None)
