"""Time expressions in a question, read against a reference day ``now``.

Works on the question's folded words joined by single spaces (see :mod:`bot.qa.text`):
"in june 2025", "between 1 and 15 june", "since may", "last week", "this year",
"yesterday", "2025 06 13" (an ISO date whose dashes were dropped), "early june",
"3 weeks ago", "before 2022", "last 10 days", "summer 2022". Returns the span and the
words left once the expression is taken out.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES = [calendar.month_name[i] for i in range(13)]
_M = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?:1[89]\d\d|2[01]\d\d)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "few": 3, "couple": 2}
_N = r"(?:\d{1,3}|" + "|".join(_NUMBERS) + ")"
_UNIT = r"(?:(?:of\s)?(?:day|days|week|weeks|month|months|year|years))"
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
_WD = "(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + ")"
_ORDINAL = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "last": -1,
            "final": -1}

# A date point: day month year in any common order, a month with a year, a bare month or a year.
_POINT = (
    rf"(?:(?:the\s)?{_D}\s(?:of\s)?{_M}(?:\s{_Y})?|{_M}\s{_D}(?:\s{_Y})?|{_Y}\s[01]?\d\s[0-3]?\d"
    rf"|(?:early|mid|late|end\sof|beginning\sof|start\sof)\s{_M}(?:\s{_Y})?|{_M}(?:\s(?:of\s)?{_Y})?|{_Y}|{_D})"
)
_BARE_MONTH_CONTEXT = {"in", "since", "from", "until", "till", "before", "after", "during", "between", "by",
                       "of", "through", "to", "and", "last", "this", "early", "mid", "late", "throughout"}


@dataclass(frozen=True, slots=True)
class Span:
    """Days from ``start`` to ``end`` inclusive; either may be None (open-ended)."""

    start: date | None
    end: date | None
    label: str  # how the answer names it, e.g. "in June 2025"

    @property
    def iso(self) -> tuple[str | None, str | None]:
        return (self.start.isoformat() if self.start else None, self.end.isoformat() if self.end else None)


@dataclass(frozen=True, slots=True)
class _Point:
    year: int | None
    month: int | None
    day: int | None = None
    part: str | None = None  # early / mid / late


def human_day(d: date) -> str:
    return f"{d.day} {MONTH_NAMES[d.month]} {d.year}"


def human_span(start: date, end: date) -> str:
    """'13 June 2025', 'June 2025', '2025', '1–12 June 2025', '30 May – 2 June 2025'."""
    if start == end:
        return human_day(start)
    if start.day == 1 and end == _month_end(end.year, end.month):
        if start.year == end.year and start.month == end.month:
            return f"{MONTH_NAMES[start.month]} {start.year}"
        if start.month == 1 and end.month == 12:
            return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    if start.year == end.year and start.month == end.month:
        last = _month_end(end.year, end.month).day
        part = ("early" if start.day == 1 and 9 <= end.day <= 12 else
                "mid" if 9 <= start.day <= 12 and 19 <= end.day <= 21 else
                "late" if 19 <= start.day <= 22 and end.day == last else "")
        if part:
            return f"{part} {MONTH_NAMES[start.month]} {start.year}"
        return f"{start.day}–{end.day} {MONTH_NAMES[start.month]} {start.year}"
    if start.year == end.year:
        return f"{start.day} {MONTH_NAMES[start.month]} – {human_day(end)}"
    return f"{human_day(start)} – {human_day(end)}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def _parse_point(text: str) -> _Point | None:
    words = text.replace("the ", "").replace(" of ", " ").split()
    part = None
    if words and words[0] in {"early", "mid", "late", "end", "beginning", "start"}:
        part = {"end": "late", "beginning": "early", "start": "early"}.get(words[0], words[0])
        words = words[1:]
        if words and words[0] == "of":
            words = words[1:]
    if len(words) == 3 and all(w.isdigit() for w in words) and len(words[0]) == 4:
        return _Point(int(words[0]), int(words[1]), int(words[2]))
    year = month = day = None
    for w in words:
        if w in MONTHS:
            month = MONTHS[w]
        elif re.fullmatch(_Y, w) and year is None and (month is not None or day is None or len(words) > 1):
            year = int(w)
        elif re.fullmatch(_D, w):
            day = int(re.match(r"\d+", w).group())
    if year is None and month is None and day is None:
        return None
    return _Point(year, month, day, part)


def _fill(p: _Point, other: _Point | None, now: date) -> _Point:
    """Take a missing month/year from the range's other end, else the latest that is not after now."""
    year, month = p.year, p.month
    if other is not None:
        month = month if month is not None or p.day is None else other.month
        year = year if year is not None else other.year
    if month is None and p.day is not None:
        month = now.month
    if year is None and month is not None:
        year = now.year if (month, p.day or 1) <= (now.month, now.day) else now.year - 1
    return _Point(year, month, p.day, p.part)


def _bounds(p: _Point) -> tuple[date, date] | None:
    try:
        if p.year is None:
            return None
        if p.month is None:
            return date(p.year, 1, 1), date(p.year, 12, 31)
        if p.day is not None:
            d = date(p.year, p.month, p.day)
            return d, d
        first, last = date(p.year, p.month, 1), _month_end(p.year, p.month)
        if p.part == "early":
            return first, date(p.year, p.month, 10)
        if p.part == "mid":
            return date(p.year, p.month, 11), date(p.year, p.month, 20)
        if p.part == "late":
            return date(p.year, p.month, 21), last
        return first, last
    except ValueError:
        return None


def _point_span(text: str, now: date, other: str | None = None) -> tuple[date, date] | None:
    p = _parse_point(text)
    if p is None:
        return None
    q = _parse_point(other) if other else None
    return _bounds(_fill(p, q, now))


# ------------------------------------------------------------------ relative expressions


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _week_of(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _relative(kind: str, unit: str, now: date) -> tuple[date, date]:
    if unit == "week":
        start, end = _week_of(now)
        return (start - timedelta(days=7), end - timedelta(days=7)) if kind == "last" else (start, now)
    if unit == "month":
        if kind == "last":
            prev = _add_months(now.replace(day=1), -1)
            return prev, _month_end(prev.year, prev.month)
        return now.replace(day=1), now
    if kind == "last":
        return date(now.year - 1, 1, 1), date(now.year - 1, 12, 31)
    return date(now.year, 1, 1), now


def _ago(n: int, unit: str, now: date) -> tuple[date, date]:
    unit = unit.split()[-1].rstrip("s")
    if unit == "day":
        d = now - timedelta(days=n)
        return d, d
    if unit == "week":
        return _week_of(now - timedelta(days=7 * n))
    if unit == "month":
        d = _add_months(now.replace(day=1), -n)
        return d, _month_end(d.year, d.month)
    return date(now.year - n, 1, 1), date(now.year - n, 12, 31)


def _past(n: int, unit: str, now: date) -> tuple[date, date]:
    unit = unit.split()[-1].rstrip("s")
    if unit == "day":
        return now - timedelta(days=n - 1), now
    if unit == "week":
        return now - timedelta(days=7 * n), now
    if unit == "month":
        return _add_months(now, -n), now
    return _add_months(now, -12 * n), now


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


def _season(name: str, year: int | None, now: date) -> tuple[date, date]:
    first, last = _SEASONS[name]
    if year is None:
        year = now.year if now.month >= first or name == "winter" else now.year - 1
    if name == "winter":
        return date(year, 12, 1), _month_end(year + 1, 2)
    return date(year, first, 1), _month_end(year, last)


# ------------------------------------------------------------------ the patterns

_RULES: list[tuple[str, re.Pattern]] = [
    ("part_of", re.compile(rf"\b(?:in\s|during\s)?(?:the\s)?(?P<o>first|1st|second|2nd|third|3rd|fourth|4th|last|final)"
                           rf"\s(?P<u>week|half)\sof\s(?:the\s)?(?P<a>{_M}(?:\s(?:of\s)?{_Y})?|{_Y}|(?:this|last)\s(?:month|year))\b")),
    ("since_relative", re.compile(r"\b(?P<k>since|from)\s(?P<r>last|this|the\spast|past)\s(?P<u>week|month|year)\b")),
    ("month_range", re.compile(rf"\b(?P<a>{_M})\s(?:to\s|and\s|through\s|till\s|until\s)?(?P<b>{_M}(?:\s{_Y})?)\b")),
    ("month_days", re.compile(rf"\b(?P<m>{_M})\s(?P<d1>{_D})\s(?:to\s|and\s|through\s|till\s|until\s)?(?P<d2>{_D})"
                              rf"(?:\s(?P<y>{_Y}))?\b")),
    ("weekday", re.compile(rf"\b(?:(?P<k>last|this|past|on)\s)?(?P<w>{_WD})\b")),
    ("weekend", re.compile(r"\b(?P<k>last|this|past)\sweekend\b")),
    ("range", re.compile(rf"\b(?:between|from)\s(?P<a>{_POINT})\s(?:and|to|till|until|through)\s(?P<b>{_POINT})\b")),
    ("dash_range", re.compile(rf"\b(?P<a>{_D})\s(?P<b>{_D}\s{_M}(?:\s{_Y})?)\b")),
    ("ago", re.compile(rf"\b(?P<n>{_N})\s(?P<u>{_UNIT})\sago\b")),
    ("past", re.compile(rf"\b(?:in\s)?(?:the\s)?(?:last|past|previous)\s(?P<n>{_N})\s(?P<u>{_UNIT})\b")),
    ("relative", re.compile(r"\b(?P<k>last|this|past|previous|current)\s(?P<u>week|month|year)\b")),
    ("day_word", re.compile(r"\b(?:the\sday\sbefore\syesterday|yesterday|today|tonight)\b")),
    ("season", re.compile(
        rf"\b(?:in\s)?(?:the\s)?(?P<s>spring|summer|autumn|fall|winter)(?:\sof)?(?:\s(?P<y>{_Y}))?\b")),
    ("since", re.compile(rf"\b(?P<k>since|after|before|until|till|by)\s(?P<a>{_POINT})\b")),
    ("point", re.compile(
        rf"\b(?:(?P<pre>in|on|during|of|throughout|at|from)\s)?(?:(?P<k>last|this)\s)?(?P<a>{_POINT})\b")),
]


def _bare_ok(m: re.Match, text: str) -> bool:
    """A lone month name ("may", "march") counts only next to a preposition; a lone number never."""
    value = m.group("a")
    words = value.split()
    if len(words) == 1 and re.fullmatch(_D, words[0]) and not re.fullmatch(_Y, words[0]):
        return False
    if len(words) == 1 and re.fullmatch(_Y, words[0]) and not m.group(0).startswith(("in ", "during ", "of ")):
        before = text[: m.start("a")].split()
        if before and before[-1] == "the":  # "the 2020 elections" names a thing, not a time
            return False
    if len(words) == 1 and words[0] in MONTHS:
        before = text[: m.start("a")].split()
        return bool(before) and before[-1] in _BARE_MONTH_CONTEXT
    return True


def _label(kind: str, span: tuple[date, date], words: str) -> str:
    start, end = span
    if kind in {"relative", "past", "ago", "day_word"}:
        return f"{words} ({human_span(start, end)})"
    if kind == "range":
        if start.year == end.year and start.month == end.month:
            return f"between {start.day} and {end.day} {MONTH_NAMES[end.month]} {end.year}"
        return f"between {human_day(start)} and {human_day(end)}"
    return ("on " if start == end else "in ") + human_span(start, end)


def find_span(text: str, now: date) -> tuple[Span | None, str]:
    """The first time expression in ``text`` (folded words), and the text without it."""
    for kind, rule in _RULES:
        for m in rule.finditer(text):
            span = _match_span(kind, m, text, now)
            if span is None:
                continue
            rest = (text[: m.start()] + " " + text[m.end():]).split()
            return span, " ".join(rest)
    return None, text


def _special(kind: str, m: re.Match, text: str, now: date) -> Span | None:
    """The rules added for chat: parts of a month, weekdays, month ranges, 'since last week'."""
    words = m.group(0)
    if kind == "part_of":
        a = m.group("a")
        if a.split()[0] in {"this", "last"}:
            rel = _relative(a.split()[0], a.split()[1], now)
            year_end = date(rel[0].year, 12, 31)
            whole = (rel[0], _month_end(rel[0].year, rel[0].month) if a.endswith("month") else year_end)
        else:
            whole = _point_span(a, now)
        if whole is None:
            return None
        first, last = whole
        o = _ORDINAL[m.group("o")]
        if m.group("u") == "half":
            mid = date(first.year, 6, 30) if (last - first).days > 40 else date(first.year, first.month, 15)
            s = (first, mid) if o == 0 else (mid + timedelta(days=1), last) if o in {1, -1} else None
        else:
            s = (max(first, last - timedelta(days=6)), last) if o == -1 else (
                first + timedelta(days=7 * o), min(last, first + timedelta(days=7 * o + 6)))
        if s is None or s[0] > s[1]:
            return None
        return Span(*s, _label("point", s, words))
    if kind == "since_relative":
        rel = _relative("this" if m.group("r") == "this" else "last", m.group("u"), now)
        if m.group("r") in {"past", "the past"}:
            rel = _past(1, m.group("u"), now)
        return Span(rel[0], None, f"since {human_day(rel[0])}")
    if kind == "month_range":
        if m.group("a") == "may" and not (text[: m.start()].split()[-1:] and
                                          text[: m.start()].split()[-1] in _BARE_MONTH_CONTEXT):
            return None
        a = _point_span(m.group("a"), now, m.group("b"))
        b = _point_span(m.group("b"), now, m.group("a"))
        if not a or not b or a[0] > b[1]:
            return None
        return Span(a[0], b[1], _label("range", (a[0], b[1]), words))
    if kind == "month_days":
        tail = f" {m.group('y')}" if m.group("y") else ""
        a = _point_span(f"{m.group('d1')} {m.group('m')}{tail}", now)
        b = _point_span(f"{m.group('d2')} {m.group('m')}{tail}", now)
        if not a or not b or a[0] > b[1]:
            return None
        return Span(a[0], b[1], _label("range", (a[0], b[1]), words))
    if kind == "weekday":
        k, wd = m.group("k"), _WEEKDAYS[m.group("w")]
        if k is None and m.group("w") in {"sat", "sun", "wed", "mon", "fri"}:
            return None  # short forms only after "on"/"last"
        back = (now.weekday() - wd) % 7
        if k in {"last", "past"} and back == 0:
            back = 7
        d = now - timedelta(days=back)
        return Span(d, d, f"{words} ({human_day(d)})")
    if kind == "weekend":
        sat = now - timedelta(days=(now.weekday() - 5) % 7)  # the latest Saturday, today included
        if m.group("k") in {"last", "past"} and now.weekday() >= 5:
            sat -= timedelta(days=7)
        s = (sat, sat + timedelta(days=1))
        return Span(*s, f"{words} ({human_span(*s)})")
    return None


def _match_span(kind: str, m: re.Match, text: str, now: date) -> Span | None:
    words = m.group(0)
    if kind in {"part_of", "since_relative", "month_range", "month_days", "weekday", "weekend"}:
        return _special(kind, m, text, now)
    if kind in {"range", "dash_range"}:
        a = _point_span(m.group("a"), now, m.group("b"))
        b = _point_span(m.group("b"), now, m.group("a"))
        if not a or not b or a[0] > b[1]:
            return None
        return Span(a[0], b[1], _label("range", (a[0], b[1]), words))
    if kind == "ago":
        s = _ago(_number(m.group("n")), m.group("u"), now)
        return Span(*s, _label(kind, s, words))
    if kind == "past":
        s = _past(_number(m.group("n")), m.group("u"), now)
        return Span(*s, _label(kind, s, words))
    if kind == "relative":
        k = "last" if m.group("k") in {"last", "previous"} else "this"
        s = _past(1, m.group("u"), now) if m.group("k") == "past" else _relative(k, m.group("u"), now)
        return Span(*s, _label(kind, s, words))
    if kind == "day_word":
        back = 2 if words.startswith("the day") else 1 if words == "yesterday" else 0
        d = now - timedelta(days=back)
        return Span(d, d, _label(kind, (d, d), words))
    if kind == "season":
        y = int(m.group("y")) if m.group("y") else None
        s = _season(m.group("s"), y, now)
        return Span(*s, f"in {m.group('s')} {s[0].year}")
    if not _bare_ok(m, text):
        return None
    if kind == "point" and m.group("k"):
        return _last_this(m.group("k"), m.group("a"), now)
    s = _point_span(m.group("a"), now)
    if s is None:
        return None
    if kind == "since":
        k = m.group("k")
        if k in {"since", "after"}:
            first = s[0] if k != "after" else s[1] + timedelta(days=1)
            return Span(first, None, f"since {human_day(first)}")
        last = s[1] if k in {"until", "till", "by"} else s[0] - timedelta(days=1)
        return Span(None, last, f"until {human_day(last)}")
    return Span(*s, _label("point", s, words))


def _last_this(kind: str, point: str, now: date) -> Span | None:
    """'last june' is the latest June before this month; 'this june' is June of this year."""
    p = _parse_point(point)
    if p is None or p.month is None or p.year is not None:
        s = _point_span(point, now)
        return Span(*s, _label("point", s, point)) if s else None
    year = now.year if kind == "this" or p.month < now.month else now.year - 1
    s = _bounds(_Point(year, p.month, p.day, p.part))
    return Span(*s, _label("point", s, point)) if s else None
