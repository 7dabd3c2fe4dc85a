"""bot/digest.py: sections, notable quotes, the empty digest, and splitting to Discord's limits."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest import (
    MESSAGE_LIMIT,
    DigestArticle,
    DigestContent,
    DigestMeeting,
    DigestPerson,
    DigestQuote,
    Section,
    compose,
    digest_messages,
    digest_text,
    escape,
    notable_quotes,
    period_dated,
    period_since,
    split_sections,
)


def content(n_articles: int = 2, title: str = "Leaders meet in Geneva") -> DigestContent:
    return DigestContent(
        "since Mon 2 Mar 2026, 08:00 CET",
        [DigestArticle(i, f"{title} {i}", "2026-03-02", f"https://news.example/{i}", "Wire")
         for i in range(n_articles)],
        [DigestMeeting(("Anna Berg", "Carl Dahl"), "2026-03-01", "Geneva", 0)],
        [
            DigestQuote("We will keep talking until there is an agreement on the table.", "Anna Berg", 0),
            DigestQuote("No.", "Carl Dahl", 0),
            DigestQuote("The talks were frank and useful for both of our countries.", "Carl Dahl", 1),
        ],
        [DigestPerson("Anna Berg", 2), DigestPerson("Carl Dahl", 1)],
    )


def test_sections_carry_articles_meetings_quotes_and_people():
    sections = compose(content())
    assert [s.heading for s in sections][1:] == ["**Articles**", "**Meetings**", "**Quotes**", "**Most mentioned**"]
    assert sections[0].heading.startswith("**News digest** \u2014 2 new articles since Mon 2 Mar")
    articles = sections[1].lines
    assert articles[0] == "\u2022 **Leaders meet in Geneva 0** (2026-03-02) \u2014 Wire <https://news.example/0>"
    assert sections[2].lines == ("\u2022 Anna Berg, Carl Dahl met on 2026-03-01 in Geneva",)
    assert len(sections[3].lines) == 2  # "No." is too short to be notable
    assert sections[3].lines[0].startswith("> \u201cWe will keep talking")
    assert sections[3].lines[0].endswith("\u2014 Anna Berg")
    assert sections[4].lines == ("Anna Berg (2), Carl Dahl (1)",)


def test_empty_sections_are_left_out():
    bare = DigestContent("so far", [DigestArticle(1, "Only", "2026-01-01")])
    assert [s.heading for s in compose(bare)][1:] == ["**Articles**"]
    assert compose(bare)[1].lines == ("\u2022 **Only** (2026-01-01)",)


def test_notable_quotes_at_most_three_from_different_speakers():
    quotes = [DigestQuote(f"This is quote number {i} and it has enough words to be read.", f"P{i % 4}", i)
              for i in range(10)]
    quotes.append(DigestQuote("This is quote number 0 and it has enough words to be read.", "P9", 0))  # same text
    quotes.append(DigestQuote("An unattributed quotation with plenty of words in it.", "", 0))
    chosen = notable_quotes(quotes, [DigestPerson("P3", 5)])
    assert len(chosen) == 3
    assert chosen[0].speaker == "P3"  # the most mentioned speaker first
    assert len({q.speaker for q in chosen}) == 3
    assert len({q.text for q in chosen}) == 3


def test_nothing_new_is_one_line_or_nothing():
    empty = DigestContent("since Mon 2 Mar 2026, 08:00 CET")
    assert digest_messages(empty) == ["No new articles since Mon 2 Mar 2026, 08:00 CET."]
    assert digest_messages(empty, empty_post=False) == []
    assert digest_text(empty) == "No new articles since Mon 2 Mar 2026, 08:00 CET."


def test_many_articles_are_capped_in_messages_but_not_in_text():
    big = content(60)
    messages = digest_messages(big)
    joined = "\n".join(messages)
    assert "\u2026 and 35 more" in joined
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    assert len(messages) > 1
    assert digest_text(big).count("\u2022 **Leaders") == 60


def test_split_keeps_heading_with_first_line_and_breaks_between_lines():
    lines = tuple(f"line {i} " + "x" * 80 for i in range(30))
    messages = split_sections([Section("**Title**", ()), Section("**A**", lines), Section("**B**", lines)], 500)
    assert all(len(m) <= 500 for m in messages)
    for message in messages:
        assert not message.startswith("\n") and not message.endswith("\n")
        assert not message.endswith("**A**") and not message.endswith("**B**")
    rebuilt = [line for m in messages for line in m.split("\n") if line]
    assert rebuilt == ["**Title**", "**A**", *lines, "**B**", *lines]


def test_split_cuts_an_overlong_line():
    messages = split_sections([Section("**T**", ("word " * 1000,))], 300)
    assert all(len(m) <= 300 for m in messages)
    assert sum(m.count("word") for m in messages) == 1000


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=700), min_size=1, max_size=40), st.integers(100, 2000))
def test_split_never_exceeds_the_limit(titles: list[str], limit: int):
    big = DigestContent("so far", [DigestArticle(i, t, "2026-01-01", "https://x.example/" + "a" * 200)
                                   for i, t in enumerate(titles)])
    messages = digest_messages(big, limit=limit)
    assert messages
    assert all(0 < len(m) <= limit for m in messages)


def test_escape_markdown_and_periods():
    assert escape("a*b_c  `d`\n|e|") == "a\\*b\\_c \\`d\\` \\|e\\|"
    berlin = ZoneInfo("Europe/Berlin")
    assert period_since(datetime(2026, 3, 29, 6, tzinfo=UTC), berlin) == "since Sun 29 Mar 2026, 08:00 CEST"
    assert period_since(None, berlin) == "so far"
    assert period_dated(date(2026, 3, 1), date(2026, 3, 7)) == "dated 2026-03-01 to 2026-03-07"
    assert period_dated(date(2026, 3, 1), date(2026, 3, 1)) == "dated 2026-03-01"
