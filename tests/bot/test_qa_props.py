"""Property-based tests: any text at all gets an answer or a clear message, never an exception."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.qa import answer, lexicon
from bot.qa.intent import parse
from bot.qa.timeparse import find_span
from bot.store import Store

FTS_BITS = ['"', "'", "*", "^", ":", "-", "+", "(", ")", "{", "}", "AND", "OR", "NOT", "NEAR", "NEAR(", "text:",
            "speaker:", "\\", "\x00", "%", "_", "who met", "quotes about", "what did", "say", "between 1 and",
            "June 2025", "last week", "Lukashenko", "the Belarusian president", "since", "ago"]
questions = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FTS_BITS) | st.text(max_size=8), max_size=30).map(" ".join),
    st.builds(lambda s, n: (s or "x") * n, st.text(min_size=1, max_size=5), st.integers(1000, 2500)),
)
days = st.dates(min_value=date(1901, 1, 1), max_value=date(2199, 12, 31))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
async def store(tmp_path):
    s = await Store.open(tmp_path / "props.db")
    await s.add_article(
        ArticleDraft("Lukashenko meets Zhang", "2025-06-13", ["Unity and cooperation."], url="https://e.org/1"),
        extraction=Extraction(
            people=[PersonMention("Alexander Lukashenko", "President of Belarus"), PersonMention("Zhang Qingwei")],
            quotes=[Quote("No storms could break our unity", "Alexander Lukashenko", 0, 0, 0)],
            meetings=[Meeting(["Alexander Lukashenko", "Zhang Qingwei"], "2025-06-13", "Minsk")],
        ),
    )
    yield s
    await s.close()


@SETTINGS
@given(text=questions, now=days)
def test_time_parser_never_raises(text, now):
    span, rest = find_span(text.lower(), now)
    assert span is None or span.start is None or span.end is None or span.start <= span.end
    assert isinstance(rest, str)


async def test_parser_never_raises(store):
    lex = await lexicon(store)

    @SETTINGS
    @given(text=questions, now=days)
    def check(text, now):
        q = parse(text, lex, now)
        assert q.intent in {"meetings", "quotes_by", "quotes_about", "person", "articles", "search"}

    check()


async def test_answer_never_raises(store):
    """Every input, including FTS syntax and 10,000 characters, gets a non-empty text."""
    examples: list[tuple[str, date]] = []

    @SETTINGS
    @given(text=questions, now=days)
    def collect(text, now):
        examples.append((text, now))

    collect()
    examples += [("x" * 10_000, date(2025, 6, 20)), ('"' * 10_000, date(2025, 6, 20)),
                 ("NEAR(" * 2000, date(2025, 6, 20)), ("who met " + "Lukashenko " * 1000, date(2025, 6, 20))]
    for text, now in examples:
        a = await answer(store, text, now=now)
        assert a.text.strip(), text
        contract = a.to_contract(1, text)
        assert set(contract) == {"id", "question", "intent", "answer", "people", "items"}
        if not a.items:
            assert a.people == []
