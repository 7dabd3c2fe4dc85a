"""bot/store/digests.py: settings, recorded slots (unique per server), and the content queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import time_machine

from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.schedule import Schedule, slot_key
from bot.store import Store
from bot.store import digests as db

NOW = datetime(2026, 3, 2, 12, tzinfo=UTC)


def draft(n: int, day: str = "2026-03-01") -> ArticleDraft:
    return ArticleDraft(title=f"Article {n}", date=day, paragraphs=[f"Text of article {n}."],
                        url=f"https://news.example/{n}", source="Wire")


def extraction() -> Extraction:
    return Extraction(
        people=[PersonMention("Anna Berg"), PersonMention("Carl Dahl")],
        quotes=[Quote("We will keep talking until there is an agreement.", "Anna Berg", 0, 0, 10)],
        meetings=[Meeting(["Anna Berg", "Carl Dahl"], "2026-03-01", "Geneva"),
                  Meeting(["Anna Berg", "Carl Dahl"], "2026-04", None, kind="planned")],
        version="t",
    )


async def test_settings_round_trip_off_and_pause(store: Store):
    assert await db.get_settings(store, 1) is None
    weekly = Schedule(time(8), "Europe/Berlin", "weekly", 0)
    saved = await db.save_settings(store, 1, 10, weekly, empty_post=False, now=NOW, by="mod")
    assert saved.schedule == weekly and saved.channel_id == 10 and saved.active and not saved.empty_post
    assert saved.updated_at == slot_key(NOW)
    assert [s.guild_id for s in await db.active_settings(store)] == [1]

    await db.pause(store, 1, "I can't post in #news (403)", now=NOW)
    paused = await db.get_settings(store, 1)
    assert paused.paused_reason == "I can't post in #news (403)" and not paused.active
    assert await db.active_settings(store) == []

    again = await db.save_settings(store, 1, 11, Schedule(time(9), "UTC"), empty_post=True, now=NOW)
    assert again.active and again.paused_reason is None and again.channel_id == 11

    assert await db.switch_off(store, 1, now=NOW)
    assert not (await db.get_settings(store, 1)).enabled
    assert not await db.switch_off(store, 2, now=NOW)


async def test_a_slot_is_recorded_once(store: Store):
    args = dict(kind="scheduled", channel_id=10, since=None, until=slot_key(NOW), articles=1, messages=1, now=NOW)
    assert await db.record_run(store, 1, "2026-03-02T07:00:00+00:00", **args)
    assert not await db.record_run(store, 1, "2026-03-02T07:00:00+00:00", **args)
    assert await db.record_run(store, 2, "2026-03-02T07:00:00+00:00", **args)
    assert await db.is_recorded(store, 1, "2026-03-02T07:00:00+00:00")
    assert len(await db.runs(store, 1)) == 1
    assert (await db.last_run(store, 1)).slot == "2026-03-02T07:00:00+00:00"
    assert await db.last_run(store, 1, "manual") is None


async def test_content_added_between(store: Store):
    with time_machine.travel(datetime(2026, 3, 1, 10, tzinfo=UTC), tick=False):
        await store.add_article(draft(1), extraction=extraction())
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=UTC), tick=False):
        await store.add_article(draft(2), extraction=extraction())
        await store.add_article(draft(3, "2026-02-01"))

    content = await db.added_between(store, "2026-03-01T12:00:00+00:00", slot_key(NOW), "since yesterday")
    assert [a.title for a in content.articles] == ["Article 2", "Article 3"]
    assert len(content.meetings) == 1  # planned meetings are not meetings
    assert content.meetings[0].participants == ("Anna Berg", "Carl Dahl")
    assert content.meetings[0].place == "Geneva"
    assert [q.speaker for q in content.quotes] == ["Anna Berg"]
    assert [(p.name, p.articles) for p in content.people] == [("Anna Berg", 1), ("Carl Dahl", 1)]

    everything = await db.added_between(store, None, slot_key(NOW), "so far")
    assert len(everything.articles) == 3
    assert len(everything.meetings) == 1  # the same meeting reported twice is listed once
    assert everything.people[0].articles == 2

    none = await db.added_between(store, slot_key(NOW), slot_key(NOW), "since now")
    assert none.empty


async def test_content_dated_between(store: Store):
    await store.add_article(draft(1, "2026-03-01"))
    await store.add_article(draft(2, "2026-03-05"))
    await store.add_article(draft(3, "2026-03-09"))
    content = await db.dated_between(store, date(2026, 3, 1), date(2026, 3, 5), "dated …")
    assert [a.title for a in content.articles] == ["Article 2", "Article 1"]
