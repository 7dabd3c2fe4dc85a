"""Resolve date expressions (spaCy DATE spans) against an article's date.

Returns ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or a range ``A/B``; ``None`` for
durations and anything that is not a point in time.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_DURATION = re.compile(
    r"\b(days|weeks|months|years|decades|hours|minutes|every|each|daily|weekly|annual|annually|ago|since|"
    r"recent|recently|past|next|coming|future|period|century|centuries|time|times|long|later|soon|tomorrow)\b"
)
_PART = re.compile(r"\b(early|beginning of|start of|mid|middle of|late|end of)\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAYNUM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\b")


def _month_str(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _range(a: date, b: date) -> str:
    if a == b:
        return a.isoformat()
    return f"{a.isoformat()}/{b.isoformat()}"


def _part_of_month(part: str, y: int, m: int, base: date | None) -> str:
    last = monthrange(y, m)[1]
    if part in ("early", "beginning of", "start of"):
        a, b = 1, 10
    elif part in ("mid", "middle of"):
        a, b = 11, 20
    else:
        a, b = 21, last
    start, end = date(y, m, a), date(y, m, b)
    if base is not None and start < base <= end + timedelta(days=5) and (y, m) == (base.year, base.month):
        end = max(start, base - timedelta(days=1))
    elif base is not None and (y, m) == (base.year, base.month) and part in ("early", "beginning of", "start of"):
        end = max(start, min(base - timedelta(days=1), date(y, m, 15)))
    return _range(start, end)


def _past_month_year(month: int, base: date) -> int:
    return base.year if month <= base.month else base.year - 1


@lru_cache(maxsize=4096)
def resolve_date(text: str, base_iso: str) -> str | None:
    """Resolve one date expression against the article date ``base_iso``."""
    base = date.fromisoformat(base_iso)
    t = text.lower().replace("’", "'").strip(" ,.;:")
    t = re.sub(r"^(on|in|at|during|by|from|of|the)\s+", "", t)
    t = re.sub(r"'s$", "", t)  # "last week's visit"
    t = re.sub(r"\s+", " ", t)
    if not t:
        return None
    if t in ("today", "this day", "this morning", "this afternoon", "this evening", "tonight", "now"):
        return base.isoformat()
    if t in ("yesterday", "last night", "yesterday evening", "yesterday morning"):
        return (base - timedelta(days=1)).isoformat()
    if t in ("day before", "the day before", "the previous day", "previous day", "the eve", "eve"):
        return (base - timedelta(days=1)).isoformat()
    if t == "the day before yesterday" or t == "day before yesterday":
        return (base - timedelta(days=2)).isoformat()
    part_m = _PART.search(t)
    if part_m:
        part = part_m.group(1)
        rest = t[part_m.end() :].strip()
        rest = re.sub(r"^(of|the)\s+", "", rest)
        if rest in ("this month", "the month", "month"):
            return _part_of_month(part, base.year, base.month, base)
        if rest == "last month":
            prev = base.replace(day=1) - timedelta(days=1)
            return _part_of_month(part, prev.year, prev.month, None)
        if rest in ("this year", "year"):
            return _range(*_part_year(part, base.year))
        if rest == "last year":
            return _range(*_part_year(part, base.year - 1))
        words = rest.split()
        if words and words[0] in MONTHS:
            month = MONTHS[words[0]]
            ym = _YEAR.search(rest)
            year = int(ym.group(1)) if ym else _past_month_year(month, base)
            return _part_of_month(part, year, month, base)
        ym = _YEAR.fullmatch(rest)
        if ym:
            return _range(*_part_year(part, int(rest)))
    if t in ("this month", "the current month"):
        return _month_str(base.year, base.month)
    if t in ("last month", "the previous month", "previous month"):
        prev = base.replace(day=1) - timedelta(days=1)
        return _month_str(prev.year, prev.month)
    if t in ("this year", "the current year", "this past year"):
        return f"{base.year:04d}"
    if t in ("last year", "the previous year", "previous year"):
        return f"{base.year - 1:04d}"
    if t in ("this week", "the current week"):
        start = base - timedelta(days=base.weekday())
        return _range(start, base)
    if t in ("last week", "the previous week", "previous week"):
        start = base - timedelta(days=base.weekday() + 7)
        return _range(start, start + timedelta(days=6))
    words = t.split()
    if len(words) <= 2 and words and words[-1] in WEEKDAYS and (len(words) == 1 or words[0] in ("last", "this")):
        delta = (base.weekday() - WEEKDAYS[words[-1]]) % 7
        return (base - timedelta(days=delta)).isoformat()
    ago = _AGO.fullmatch(t)
    if ago:
        return _ago(ago.group(1), ago.group(2), base)
    if _DURATION.search(t):
        return None
    return _absolute(t, base)


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": None, "a few": None, "some": None}
_AGO = re.compile(r"(?:about |around |almost |nearly |some |more than |over )?(a|an|one|two|three|four|five|six|"
                  r"seven|eight|nine|ten|\d{1,2}) (year|month|week|day)s? ago")


def _ago(count: str, unit: str, base: date) -> str:
    """'two years ago' -> that year; 'three months ago' -> that month; weeks -> that week; days -> that day."""
    n = int(count) if count.isdigit() else _NUMBERS[count]
    if unit == "year":
        return f"{base.year - n:04d}"
    if unit == "month":
        m = base.year * 12 + base.month - 1 - n
        return _month_str(m // 12, m % 12 + 1)
    if unit == "week":
        start = base - timedelta(days=base.weekday() + 7 * n)
        return _range(start, start + timedelta(days=6))
    return (base - timedelta(days=n)).isoformat()


def _part_year(part: str, year: int) -> tuple[date, date]:
    if part in ("early", "beginning of", "start of"):
        return date(year, 1, 1), date(year, 4, 30)
    if part in ("mid", "middle of"):
        return date(year, 5, 1), date(year, 8, 31)
    return date(year, 9, 1), date(year, 12, 31)


def _absolute(t: str, base: date) -> str | None:
    """Calendar expressions: 'June 13', '13 June 2020', 'June 2020', '2020', 'Thursday, June 12'."""
    month = None
    for w in re.findall(r"[a-z]+", t):
        if w == "may" and not re.search(r"\bmay\s+\d|\d\s+may\b|^may$|may\s+(?:of\s+)?\d{4}", t):
            continue
        if w in MONTHS:
            month = MONTHS[w]
            break
    ym = _YEAR.search(t)
    year = int(ym.group(1)) if ym else None
    if month is None:
        if year is not None and _YEAR.fullmatch(t.replace("the year", "").strip()):
            return f"{year:04d}"
        if year is not None and re.fullmatch(r"(in )?(the year )?\d{4}", t):
            return f"{year:04d}"
        return None
    without_year = _YEAR.sub(" ", t)
    dm = _DAYNUM.search(without_year)
    day = int(dm.group(1)) if dm and 1 <= int(dm.group(1)) <= 31 else None
    if year is None:
        year = _past_month_year(month, base)
        if day is not None and date(year, month, min(day, monthrange(year, month)[1])) > base + timedelta(days=1):
            year -= 1
    if day is None:
        return _month_str(year, month)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return _dateparser_fallback(t, base)


def _dateparser_fallback(t: str, base: date) -> str | None:
    from datetime import datetime

    import dateparser

    found = dateparser.parse(
        t,
        languages=["en"],
        settings={"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"},
    )
    return found.date().isoformat() if found else None


def span_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day covered by a resolved date string."""
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        sa, sb = span_of(a), span_of(b)
        return (sa[0], sb[1]) if sa and sb else None
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return d, d
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], monthrange(parts[0], parts[1])[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def combine_dates(values: list[str]) -> str | None:
    """Pick the most specific of several resolved dates in one sentence."""
    spans = [(v, span_of(v)) for v in values if v]
    spans = [(v, s) for v, s in spans if s]
    if not spans:
        return None
    return min(spans, key=lambda vs: (vs[1][1] - vs[1][0]).days)[0]


_BEFORE_NEW_YEAR = re.compile(r"\b(?:before|ahead of|on the eve of)\s+(?:the\s+)?New Year\b", re.I)


def holiday_date(text: str, base_iso: str) -> str | None:
    """Dates named by a holiday rather than a calendar date ('before the New Year' -> the last December)."""
    if _BEFORE_NEW_YEAR.search(text):
        base = date.fromisoformat(base_iso)
        year = base.year - 1 if base.month < 7 else base.year
        return _month_str(year, 12)
    return None


# 'the recent talks', 'recently met', 'the other day', 'less than a month since my visit': about a month back
_VAGUE_PAST = re.compile(
    r"\b(?:recent|latest)\s+(?:[\w\-]+\s+){0,2}?(?:talks|meetings?|negotiations|visits?|trip|summit|"
    r"videoconferences?|video conferences?|discussions|consultations)\b"
    r"|\brecently\s+(?:\w+\s+)?(?:met|held|visited|had|came|paid)\b|\b(?:met|visited)\s+(?:\w+\s+){0,3}?recently\b"
    r"|\b(?:had|held)\s+(?:a|an)\s+(?:\w+\s+)?(?:meeting|talks|conversation)\b[^.;!?]{0,80}?\brecently\b"
    r"|\bthe other day\b|\bless than a month (?:ago|since)\b",
    re.I,
)


def vague_past(text: str, base_iso: str) -> str | None:
    """A recent past meeting with no calendar date: the month before the article, ending the day before."""
    if not _VAGUE_PAST.search(text):
        return None
    base = date.fromisoformat(base_iso)
    return _range(base - timedelta(days=30), base - timedelta(days=1))
