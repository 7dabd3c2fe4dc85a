"""Time expressions read against a fixed reference day."""

from __future__ import annotations

from datetime import date

import pytest

from bot.qa.text import words
from bot.qa.timeparse import find_span

NOW = date(2025, 6, 20)  # a Friday


def span(text: str, now: date = NOW):
    found, rest = find_span(" ".join(words(text)), now)
    return (found.start, found.end) if found else None, rest


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in June 2025", date(2025, 6, 1), date(2025, 6, 30)),
        ("in June", date(2025, 6, 1), date(2025, 6, 30)),
        ("in July", date(2024, 7, 1), date(2024, 7, 31)),  # a month not yet come is last year's
        ("in 2022", date(2022, 1, 1), date(2022, 12, 31)),
        ("between 1 and 15 June", date(2025, 6, 1), date(2025, 6, 15)),
        ("from 1 May to 15 June 2022", date(2022, 5, 1), date(2022, 6, 15)),
        ("between May and June 2022", date(2022, 5, 1), date(2022, 6, 30)),
        ("on 13 June 2025", date(2025, 6, 13), date(2025, 6, 13)),
        ("on June 13th", date(2025, 6, 13), date(2025, 6, 13)),
        ("2025-06-13", date(2025, 6, 13), date(2025, 6, 13)),
        ("since May", date(2025, 5, 1), None),
        ("after March 2022", date(2022, 4, 1), None),
        ("before 2022", None, date(2021, 12, 31)),
        ("last week", date(2025, 6, 9), date(2025, 6, 15)),
        ("this week", date(2025, 6, 16), date(2025, 6, 20)),
        ("last month", date(2025, 5, 1), date(2025, 5, 31)),
        ("this year", date(2025, 1, 1), date(2025, 6, 20)),
        ("last year", date(2024, 1, 1), date(2024, 12, 31)),
        ("yesterday", date(2025, 6, 19), date(2025, 6, 19)),
        ("today", date(2025, 6, 20), date(2025, 6, 20)),
        ("in the last 10 days", date(2025, 6, 11), date(2025, 6, 20)),
        ("3 weeks ago", date(2025, 5, 26), date(2025, 6, 1)),
        ("early June", date(2025, 6, 1), date(2025, 6, 10)),
        ("late May 2022", date(2022, 5, 21), date(2022, 5, 31)),
        ("in summer 2022", date(2022, 6, 1), date(2022, 8, 31)),
    ],
)
def test_spans(text, start, end):
    assert span(f"who met Putin {text}")[0] == (start, end)


def test_expression_is_taken_out_of_the_question():
    assert span("who met Lukashenko in June 2025?")[1] == "who met lukashenko"


@pytest.mark.parametrize("text", ["who may have met Putin", "who met Putin", "quotes about the 2020 elections",
                                  "the 43rd President", "what did March say"])
def test_no_time(text):
    assert span(text)[0] is None


def test_last_week_across_a_month():
    assert span("who met Zelenskyy last week", date(2022, 5, 25))[0] == (date(2022, 5, 16), date(2022, 5, 22))


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("in the first week of June", date(2025, 6, 1), date(2025, 6, 7)),
        ("in the last week of May 2022", date(2022, 5, 25), date(2022, 5, 31)),
        ("in the second half of 2022", date(2022, 7, 1), date(2022, 12, 31)),
        ("since last week", date(2025, 6, 9), None),
        ("in May-June 2022", date(2022, 5, 1), date(2022, 6, 30)),
        ("June 13-16", date(2025, 6, 13), date(2025, 6, 16)),
        ("on Monday", date(2025, 6, 16), date(2025, 6, 16)),
        ("last weekend", date(2025, 6, 14), date(2025, 6, 15)),
        ("over the past couple of weeks", date(2025, 6, 6), date(2025, 6, 20)),
    ],
)
def test_chat_spans(text, start, end):
    assert span(f"who met Putin {text}")[0] == (start, end)


def test_numeric_dates():
    from bot.qa.intent import _iso_dates

    assert _iso_dates("met on 16.06.2022") == "met on 2022-06-16"
    assert _iso_dates("met on 06/16/2022") == "met on 2022-06-16"
    assert _iso_dates("met on 99.99.2022") == "met on 99.99.2022"


def test_early_mid_late_labels():
    from bot.qa.timeparse import human_span

    assert human_span(date(2025, 6, 1), date(2025, 6, 12)) == "early June 2025"
    assert human_span(date(2025, 6, 11), date(2025, 6, 20)) == "mid June 2025"
    assert human_span(date(2025, 6, 21), date(2025, 6, 30)) == "late June 2025"
    assert human_span(date(2025, 6, 3), date(2025, 6, 12)) == "3–12 June 2025"
