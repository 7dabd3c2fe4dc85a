"""bot/schedule.py: slots in local time, across daylight-saving changes, catch-up and validation."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.schedule import (
    Schedule,
    due_slot,
    latest_slot,
    make_schedule,
    next_slot,
    parse_instant,
    parse_time,
    parse_timezone,
    parse_weekday,
    slot_key,
    slot_on,
)

BERLIN = Schedule(time(8, 0), "Europe/Berlin")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_daily_slot_is_local_time_in_winter_and_summer():
    assert latest_slot(BERLIN, utc(2026, 1, 15, 12)) == utc(2026, 1, 15, 7)  # CET = UTC+1
    assert latest_slot(BERLIN, utc(2026, 7, 15, 12)) == utc(2026, 7, 15, 6)  # CEST = UTC+2


def test_slot_across_spring_forward():
    # Europe/Berlin moves to summer time on Sunday 29 March 2026 at 02:00.
    assert latest_slot(BERLIN, utc(2026, 3, 28, 12)) == utc(2026, 3, 28, 7)
    assert next_slot(BERLIN, utc(2026, 3, 28, 12)) == utc(2026, 3, 29, 6)
    assert latest_slot(BERLIN, utc(2026, 3, 29, 6, 0)) == utc(2026, 3, 29, 6)
    assert latest_slot(BERLIN, utc(2026, 3, 29, 5, 59)) == utc(2026, 3, 28, 7)


def test_slot_across_fall_back():
    # ... and back to winter time on Sunday 25 October 2026 at 03:00.
    assert next_slot(BERLIN, utc(2026, 10, 24, 12)) == utc(2026, 10, 25, 7)
    assert latest_slot(BERLIN, utc(2026, 10, 24, 12)) == utc(2026, 10, 24, 6)


def test_time_in_the_gap_falls_after_it_and_ambiguous_time_is_taken_once():
    gap = Schedule(time(2, 30), "Europe/Berlin")
    assert slot_on(gap, datetime(2026, 3, 29).date()) == utc(2026, 3, 29, 1, 30)  # = 03:30 CEST
    twice = Schedule(time(2, 30), "Europe/Berlin")
    first = slot_on(twice, datetime(2026, 10, 25).date())
    assert first == utc(2026, 10, 25, 0, 30)  # 02:30 CEST, the first of the two
    assert next_slot(twice, first) == utc(2026, 10, 26, 1, 30)


def test_weekly_slot():
    monday = Schedule(time(9, 0), "UTC", "weekly", 0)
    assert latest_slot(monday, utc(2026, 3, 5, 12)) == utc(2026, 3, 2, 9)  # Thursday -> Monday before
    assert next_slot(monday, utc(2026, 3, 2, 9)) == utc(2026, 3, 9, 9)
    assert monday.describe() == "every Monday at 09:00 (UTC)"
    assert BERLIN.describe() == "daily at 08:00 (Europe/Berlin)"


def test_due_slot_catch_up_window():
    slot = utc(2026, 1, 15, 7)
    assert due_slot(BERLIN, utc(2026, 1, 15, 7, 0)) == slot
    assert due_slot(BERLIN, utc(2026, 1, 15, 18, 59)) == slot
    assert due_slot(BERLIN, utc(2026, 1, 15, 19, 1)) is None  # more than 12 h late: skipped
    assert due_slot(BERLIN, utc(2026, 1, 15, 19, 1), catch_up=timedelta(hours=24)) == slot


def test_due_slot_not_twice_and_not_before_the_setting():
    slot = utc(2026, 1, 15, 7)
    assert due_slot(BERLIN, utc(2026, 1, 15, 8), last_posted=slot) is None
    assert due_slot(BERLIN, utc(2026, 1, 15, 8), last_posted=slot - timedelta(days=1)) == slot
    assert due_slot(BERLIN, utc(2026, 1, 15, 8), not_before=utc(2026, 1, 15, 7, 30)) is None
    assert due_slot(BERLIN, utc(2026, 1, 15, 8), not_before=utc(2026, 1, 15, 6)) == slot


@pytest.mark.parametrize("raw", ["8", "24:00", "08:60", "8.00", "08:00pm", "", "ab:cd"])
def test_parse_time_rejects(raw: str):
    with pytest.raises(ValueError, match="time must be HH:MM, 24-hour"):
        parse_time(raw)


def test_parse_time_accepts():
    assert parse_time("08:00") == time(8, 0)
    assert parse_time("8:05") == time(8, 5)
    assert parse_time(" 23:59 ") == time(23, 59)


def test_parse_timezone_and_weekday():
    assert parse_timezone("Europe/Berlin") == "Europe/Berlin"
    with pytest.raises(ValueError, match="IANA"):
        parse_timezone("Mars/Olympus")
    with pytest.raises(ValueError, match="IANA"):
        parse_timezone("../etc/passwd")
    assert parse_weekday("Monday") == 0
    assert parse_weekday("sun") == 6
    assert parse_weekday(3) == 3
    with pytest.raises(ValueError, match="weekday must be"):
        parse_weekday("funday")
    with pytest.raises(ValueError, match="weekday must be"):
        parse_weekday("7")


def test_make_schedule_checks_frequency_and_weekday():
    assert make_schedule("08:00", "UTC", "weekly", "fri") == Schedule(time(8), "UTC", "weekly", 4)
    assert make_schedule("08:00", "UTC", "daily", "fri").weekday is None
    with pytest.raises(ValueError, match="needs a weekday"):
        make_schedule("08:00", "UTC", "weekly")
    with pytest.raises(ValueError, match="daily or weekly"):
        make_schedule("08:00", "UTC", "hourly")


def test_slot_key_round_trip():
    key = slot_key(utc(2026, 3, 29, 6))
    assert key == "2026-03-29T06:00:00+00:00"
    assert parse_instant(key) == utc(2026, 3, 29, 6)


@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)),
    st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC", "Asia/Kolkata"]),
    st.times(),
)
def test_latest_and_next_bracket_now_and_are_one_local_day_apart(now: datetime, zone: str, at: time):
    schedule = Schedule(at.replace(second=0, microsecond=0, tzinfo=None), zone)
    before, after = latest_slot(schedule, now), next_slot(schedule, now)
    assert before <= now < after
    gap = after.astimezone(schedule.tz).date() - before.astimezone(schedule.tz).date()
    assert gap == timedelta(days=1)
    assert timedelta(hours=20) <= after - before <= timedelta(hours=28)
