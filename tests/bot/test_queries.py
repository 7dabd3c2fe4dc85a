"""The read queries behind answers, and the FTS quoting helper."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.store import Store
from bot.store import queries as sql


def test_fts_match_quotes_every_word():
    assert sql.fts_match(["seventh sanctions package"]) == '"seventh" AND "sanctions" AND "package"'
    assert sql.fts_match(['a"b OR c*', "NEAR(x"], mode="OR") == '"a" OR "b" OR "OR" OR "c" OR "NEAR" OR "x"'
    assert sql.fts_match(["unity"], column="text") == 'text : ("unity")'
    assert sql.fts_match(["", "*", '"', "()"]) is None
    assert sql.fts_phrase('say "hi"') == '"say ""hi"""'


@pytest.fixture
async def store(tmp_path):
    s = await Store.open(tmp_path / "q.db")
    await s.add_article(
        ArticleDraft("Talks in Sochi", "2021-11-25", ["Putin and Vucic met. NEAR AND OR."], url="https://e.org/a"),
        extraction=Extraction(
            people=[PersonMention("Vladimir Putin", "President of Russia"), PersonMention("Aleksandar Vucic")],
            quotes=[Quote("Gas prices will stay low", "Vladimir Putin", 0, 0, 0)],
            meetings=[Meeting(["Vladimir Putin", "Aleksandar Vucic"], "2021-11-25", "Sochi"),
                      Meeting(["Vladimir Putin", "Aleksandar Vucic"], "2022-01", None, kind="call")],
        ),
    )
    yield s
    await s.close()


async def test_meetings_overlap_the_span_and_skip_calls(store):
    putin = (await store.fetchone("SELECT id FROM people WHERE name_key = 'vladimir putin'"))[0]
    assert len(await sql.meetings_of(store, putin, start="2021-11-01", end="2021-11-30")) == 1
    assert await sql.meetings_of(store, putin, start="2021-11-26", end=None) == []
    assert len(await sql.meetings_of(store, putin)) == 1
    partners = await sql.meeting_partners(store, putin)
    assert [r["name"] for r in partners] == ["Aleksandar Vucic"]


async def test_search_quotes_and_articles(store):
    rows = await sql.search_quotes(store, sql.fts_match(["gas", "price"], column="text"))
    assert [r["speaker"] for r in rows] == ["Vladimir Putin"]
    rows = await sql.search_articles(store, sql.fts_match(["sochi"]), start="2021-01-01", end="2021-12-31")
    assert [r["title"] for r in rows] == ["Talks in Sochi"]
    assert await sql.search_articles(store, sql.fts_match(["sochi"]), start="2022-01-01") == []


async def test_signature_changes_with_people(store):
    before = await sql.people_signature(store)
    await store.add_article(ArticleDraft("Other", "2022-01-01", ["Text."]),
                            extraction=Extraction(people=[PersonMention("Xavier Bettel")]))
    assert await sql.people_signature(store) != before


async def test_user_text_through_fts_match_never_raises(store):
    @settings(max_examples=150, deadline=None)
    @given(st.text(max_size=80))
    def collect(text):
        seen.append(text)

    seen: list[str] = ['"', "NEAR(", "a OR", "*", "^x", "col:x", "-y", "(", 'AND "NOT"']
    collect()
    for text in seen:
        for mode in ("AND", "OR"):
            match = sql.fts_match([text], mode=mode, column="text")
            if match is not None:
                await sql.search_quotes(store, match)
            match = sql.fts_match([text], mode=mode)
            if match is not None:
                await sql.search_articles(store, match)
