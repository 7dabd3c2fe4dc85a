"""cogs/digest.py through the fake Discord server: slots, catch-up, restarts, failures, commands.

Time is controlled two ways: the cog's injectable clock drives the ticks (called
directly, no sleeping), and time-machine stamps when each article was added.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime, time
from pathlib import Path

import discord
import pytest
import time_machine

from bot.client import NewsBot
from bot.config import load_config
from bot.engine import Engine
from bot.models import ArticleDraft, Extraction, Meeting, PersonMention, Quote
from bot.schedule import Schedule
from bot.store import digests as db
from cogs.digest import Digest
from tests.fakediscord import FakeDiscord, run_client


class Clock:
    """A settable clock for the cog: ``clock.now`` is what it reads."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def at(self, *args: int) -> None:
        self.now = datetime(*args, tzinfo=UTC)


class DigestBot(NewsBot):
    """The real bot class, loading only the error handler and the digest cog (with a test clock)."""

    def __init__(self, *args, clock: Clock, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.clock = clock

    async def setup_hook(self) -> None:
        await self.load_extension("cogs.errors")
        await self.add_cog(Digest(self, clock=self.clock))


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[Engine]:
    config = load_config({"NEWSBOT_DB": str(tmp_path / "bot.db"), "NEWSBOT_TIMEZONE": "Europe/Berlin"}, dotenv=False)
    opened = await Engine.open(config, load_sample=False)
    yield opened
    await opened.close()


@contextlib.asynccontextmanager
async def running(fake: FakeDiscord, engine: Engine, clock: Clock) -> AsyncIterator[Digest]:
    """A bot on the fake server; yields its digest cog."""
    bot = DigestBot(engine.config, engine=engine, clock=clock)
    async with run_client(bot, fake):
        await bot.tree.sync()
        cog = bot.get_cog("Digest")
        assert isinstance(cog, Digest)
        yield cog


async def add_article(engine: Engine, n: int, added: datetime, title: str = "") -> None:
    extraction = Extraction(
        people=[PersonMention("Anna Berg"), PersonMention("Carl Dahl")],
        quotes=[Quote(f"We will keep talking until there is an agreement, for the {n}th time.", "Anna Berg", 0, 0, 5)],
        meetings=[Meeting(["Anna Berg", "Carl Dahl"], "2026-03-01", "Geneva")],
        version="t",
    )
    with time_machine.travel(added, tick=False):
        await engine.store.add_article(
            ArticleDraft(title=f"{title}Story {n}", date=added.date().isoformat(), paragraphs=[f"Body of story {n}."],
                         url=f"https://news.example/{n}", source="Wire"),
            extraction=extraction,
        )


async def configure(engine: Engine, channel_id: int, guild_id: int, at: datetime, *, hhmm: time = time(8),
                    zone: str = "Europe/Berlin", empty_post: bool = True, **kw) -> None:
    await db.save_settings(engine.store, guild_id, channel_id, Schedule(hhmm, zone, **kw), empty_post=empty_post,
                           now=at, by="test")


def posts(fake: FakeDiscord, channel_id: int) -> list[str]:
    """Contents of the messages successfully posted to a channel."""
    return [r.body["content"] for r in fake.find_requests("POST", rf"/channels/{channel_id}/messages")
            if r.status == 200]


def ids(fake: FakeDiscord) -> tuple[int, int]:
    return int(fake.channel["id"]), fake.guild.id


# ------------------------------------------------------------------ scheduling


async def test_fires_at_local_time_across_the_spring_daylight_saving_change(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 3, 27, 12))
    await configure(engine, channel, guild, clock.now)
    await add_article(engine, 1, utc(2026, 3, 27, 20))
    async with running(fake_discord, engine, clock) as cog:
        clock.at(2026, 3, 28, 6, 59)  # 07:59 CET
        await cog.tick()
        assert posts(fake_discord, channel) == []
        clock.at(2026, 3, 28, 7, 0)  # 08:00 CET
        await cog.tick()
        assert len(posts(fake_discord, channel)) == 1
        assert "1 new article since Fri 27 Mar 2026, 08:00 CET" in posts(fake_discord, channel)[0]

        await add_article(engine, 2, utc(2026, 3, 28, 20))
        clock.at(2026, 3, 29, 5, 59)  # 07:59 CEST: summer time began at 02:00
        await cog.tick()
        assert len(posts(fake_discord, channel)) == 1
        clock.at(2026, 3, 29, 6, 0)  # 08:00 CEST
        await cog.tick()
        await cog.tick()
    sent = posts(fake_discord, channel)
    assert len(sent) == 2
    assert "1 new article since Sat 28 Mar 2026, 08:00 CET" in sent[1] and "Story 2" in sent[1]
    assert "Story 1" not in sent[1]
    runs = await db.runs(engine.store, guild)
    assert [r.slot for r in runs] == ["2026-03-28T07:00:00+00:00", "2026-03-29T06:00:00+00:00"]


async def test_fires_at_local_time_across_the_autumn_change(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 10, 24, 12))
    await configure(engine, channel, guild, clock.now)
    async with running(fake_discord, engine, clock) as cog:
        clock.at(2026, 10, 25, 6, 0)  # 07:00 CET: winter time began at 03:00 CEST
        await cog.tick()
        assert posts(fake_discord, channel) == []
        clock.at(2026, 10, 25, 7, 0)  # 08:00 CET
        await cog.tick()
    assert posts(fake_discord, channel) == ["No new articles since Sat 24 Oct 2026, 08:00 CEST."]


async def test_weekly_digest_only_on_its_weekday(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 3, 1, 12))  # a Sunday
    await configure(engine, channel, guild, clock.now, hhmm=time(9), zone="UTC", frequency="weekly", weekday=0)
    async with running(fake_discord, engine, clock) as cog:
        for day in range(3, 9):  # Tuesday ... Sunday
            clock.at(2026, 3, day, 9, 0)
            await cog.tick()
        assert posts(fake_discord, channel) == []
        clock.at(2026, 3, 9, 9, 0)  # Monday
        await cog.tick()
    assert len(posts(fake_discord, channel)) == 1


async def test_missed_slot_is_caught_up_once_after_downtime(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    await add_article(engine, 1, utc(2026, 1, 10, 20))
    clock = Clock(utc(2026, 1, 11, 12))  # the 08:00 CET slot (07:00 UTC) passed while the bot was down
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
        clock.at(2026, 1, 11, 12, 1)
        await cog.tick()
    sent = posts(fake_discord, channel)
    assert len(sent) == 1 and "Story 1" in sent[0]
    assert [r.slot for r in await db.runs(engine.store, guild)] == ["2026-01-11T07:00:00+00:00"]


async def test_slot_older_than_the_catch_up_window_is_skipped(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    await add_article(engine, 1, utc(2026, 1, 10, 20))
    clock = Clock(utc(2026, 1, 11, 19, 1))  # 12 h 1 min after the slot
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
        assert posts(fake_discord, channel) == []
        clock.at(2026, 1, 12, 7, 0)  # the next slot covers the article
        await cog.tick()
    sent = posts(fake_discord, channel)
    assert len(sent) == 1 and "Story 1" in sent[0]


async def test_a_new_setting_does_not_post_for_a_time_already_past(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 1, 11, 9))
    await configure(engine, channel, guild, clock.now)  # 08:00 CET today is already past
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
    assert posts(fake_discord, channel) == []


async def test_no_duplicate_after_a_restart(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
    assert len(posts(fake_discord, channel)) == 1
    clock.at(2026, 1, 11, 7, 5)
    async with running(fake_discord, engine, clock) as cog:  # a new bot instance on the same database
        await cog.tick()
        await cog.tick()
    assert len(posts(fake_discord, channel)) == 1
    assert len(await db.runs(engine.store, guild)) == 1


async def test_time_machine_drives_the_default_clock(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    with time_machine.travel(utc(2026, 1, 11, 7, 0, 30), tick=True):
        bot = NewsBot(engine.config, engine=engine)
        bot.setup_hook = lambda: bot.add_cog(Digest(bot))  # type: ignore[method-assign]
        async with run_client(bot, fake_discord):
            cog = bot.get_cog("Digest")
            await cog.tick()
    assert len(posts(fake_discord, channel)) == 1


async def stopped(cog: Digest) -> None:
    for _ in range(200):
        if not cog.ticker.is_running():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the digest loop did not stop")


async def test_the_loop_posts_on_its_own_and_is_restarted_when_it_dies(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        assert cog.ticker.is_running()  # started in cog_load, not on_ready
        await fake_discord.wait_for_request("POST", rf"/channels/{channel}/messages")  # its first iteration
        cog.ticker.cancel()  # as a connection reset does (discord.py issue 9074)
        await stopped(cog)
        assert cog.ensure_running()
        assert cog.ticker.is_running()
        assert not cog.ensure_running()  # never a second loop
        await cog.bot.remove_cog("Digest")
        await stopped(cog)
        assert not cog.ensure_running()  # an unloaded cog stays stopped
    assert len(posts(fake_discord, channel)) == 1


# ------------------------------------------------------------------ failures


async def test_transient_failure_is_retried_next_tick(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    fake_discord.fail_channel(channel, times=1, status=503)
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
        if not posts(fake_discord, channel):  # the loop's own first tick may have taken the failure
            assert await db.runs(engine.store, guild) == []
            assert (await db.get_settings(engine.store, guild)).active
        clock.at(2026, 1, 11, 7, 1)
        await cog.tick()
        await cog.tick()
    statuses = [r.status for r in fake_discord.find_requests("POST", rf"/channels/{channel}/messages")]
    assert statuses == [503, 200]
    assert len(await db.runs(engine.store, guild)) == 1


async def test_server_error_then_success_posts_exactly_once(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    fake_discord.fail_channel(channel, times=1, status=500)  # discord.py retries a 500 itself after 1 s
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
        await cog.tick()
    statuses = [r.status for r in fake_discord.find_requests("POST", rf"/channels/{channel}/messages")]
    assert statuses == [500, 200]
    assert len(await db.runs(engine.store, guild)) == 1


async def test_a_long_digest_resumes_where_a_failure_stopped_it(fake_discord: FakeDiscord, engine, monkeypatch):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        cog._unloading = True  # keep the loop out of this test's way
        cog.ticker.cancel()
        await stopped(cog)
        await configure(engine, channel, guild, utc(2026, 1, 10, 12))
        for n in range(40):
            await add_article(engine, n, utc(2026, 1, 10, 20), title="A rather long headline about talks " * 3)
        real_send = discord.PartialMessageable.send
        calls = {"n": 0}

        async def flaky(self, content, **kw):
            calls["n"] += 1
            if calls["n"] == 2:
                raise discord.DiscordServerError(type("R", (), {"status": 503, "reason": "down"})(), "down")
            return await real_send(self, content, **kw)

        monkeypatch.setattr(discord.PartialMessageable, "send", flaky)
        await cog.tick()
        assert len(posts(fake_discord, channel)) == 1 and await db.runs(engine.store, guild) == []
        await cog.tick()
    sent = posts(fake_discord, channel)
    assert len(sent) >= 2 and len(set(sent)) == len(sent)  # the first part was not sent again
    assert sent[0].startswith("**News digest**")
    assert (await db.runs(engine.store, guild))[0].messages == len(sent)


@pytest.mark.parametrize("fault, words", [("forbid_channel", "not allowed to post"),
                                          ("unknown_channel", "no longer exists")])
async def test_unusable_channel_pauses_the_digest_and_says_why(fake_discord: FakeDiscord, engine, fault, words):
    news = int(fake_discord.add_channel("news")["id"])
    general, guild = ids(fake_discord)
    await configure(engine, news, guild, utc(2026, 1, 10, 12))
    getattr(fake_discord, fault)(news)
    clock = Clock(utc(2026, 1, 11, 7, 0))
    async with running(fake_discord, engine, clock) as cog:
        await cog.tick()
        clock.at(2026, 1, 12, 7, 0)
        await cog.tick()  # paused: not tried again
        itx = await fake_discord.slash("digest", subcommand="show")
        shown = (await itx.callback()).body["data"]["content"]
    attempts = fake_discord.find_requests("POST", rf"/channels/{news}/messages")
    assert len(attempts) == 1
    setting = await db.get_settings(engine.store, guild)
    assert setting.paused_reason and words in setting.paused_reason
    assert "**Digest paused**" in shown and words in shown and "/digest set" in shown
    notices = posts(fake_discord, general)
    assert len(notices) == 1 and notices[0].startswith("**News digest paused.**") and words in notices[0]
    assert await db.runs(engine.store, guild) == []


# ------------------------------------------------------------------ commands


async def reply(fake: FakeDiscord, sub: str, options: dict | None = None, **kw) -> dict:
    itx = await fake.slash("digest", options, subcommand=sub, **kw)
    body = (await itx.callback()).body
    if body["type"] == 5:  # deferred: the answer is the first followup
        return (await itx.followup()).body
    return body["data"]


async def test_set_show_off_as_a_moderator(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    clock = Clock(utc(2026, 3, 2, 12))
    async with running(fake_discord, engine, clock):
        done = await reply(fake_discord, "set", {"channel": channel, "time": "08:00", "timezone": "Europe/Berlin",
                                                  "frequency": "weekly", "weekday": "monday", "empty_post": False},
                           user=fake_discord.owner)
        assert done["flags"] == 64
        assert done["content"].startswith(f"Digest on: every Monday at 08:00 (Europe/Berlin) in <#{channel}>.")
        assert f"Next: <t:{int(utc(2026, 3, 9, 7).timestamp())}:F>" in done["content"]
        shown = await reply(fake_discord, "show")
        assert shown["content"].startswith("**Digest on**: every Monday at 08:00 (Europe/Berlin)")
        assert "When nothing is new: no post." in shown["content"]
        off = await reply(fake_discord, "off", user=fake_discord.owner)
        assert off["content"] == "Digest off."
        assert (await reply(fake_discord, "show"))["content"].startswith("**Digest off**")
    setting = await db.get_settings(engine.store, guild)
    assert setting.schedule == Schedule(time(8), "Europe/Berlin", "weekly", 0) and not setting.enabled


async def test_moderator_role_may_set_and_the_default_timezone_is_the_bots(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    role = fake_discord.add_role("News Moderator")
    async with running(fake_discord, engine, Clock(utc(2026, 3, 2, 12))):
        done = await reply(fake_discord, "set", {"channel": channel, "time": "7:30"}, roles=[int(role["id"])])
    assert "daily at 07:30 (Europe/Berlin)" in done["content"]


async def test_set_validates_its_options(fake_discord: FakeDiscord, engine):
    channel, _ = ids(fake_discord)
    async with running(fake_discord, engine, Clock(utc(2026, 3, 2, 12))):
        bad_time = await reply(fake_discord, "set", {"channel": channel, "time": "8am"}, user=fake_discord.owner)
        bad_zone = await reply(fake_discord, "set", {"channel": channel, "time": "08:00", "timezone": "Berlin"},
                               user=fake_discord.owner)
        no_day = await reply(fake_discord, "set", {"channel": channel, "time": "08:00", "frequency": "weekly"},
                             user=fake_discord.owner)
    assert "time must be HH:MM, 24-hour" in bad_time["content"]
    assert "timezone must be an IANA name such as Europe/Berlin" in bad_zone["content"]
    assert "weekly digest needs a weekday" in no_day["content"]
    assert all(r["flags"] == 64 for r in (bad_time, bad_zone, no_day))
    assert await db.get_settings(engine.store, fake_discord.guild.id) is None


async def test_only_moderators_change_the_digest(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 10, 12))
    async with running(fake_discord, engine, Clock(utc(2026, 1, 10, 13))):
        for sub, options in (("set", {"channel": channel, "time": "09:00"}), ("off", None), ("now", None)):
            refused = await reply(fake_discord, sub, options)
            assert "Manage Messages" in refused["content"], sub
        assert (await reply(fake_discord, "show"))["content"].startswith("**Digest on**")
    assert (await db.get_settings(engine.store, guild)).schedule.at == time(8)
    assert posts(fake_discord, channel) == []


async def test_preview_is_ephemeral_and_records_nothing(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 11, 8))  # after today's slot: none is due
    await add_article(engine, 1, utc(2026, 1, 11, 9))
    async with running(fake_discord, engine, Clock(utc(2026, 1, 11, 12))):
        shown = await reply(fake_discord, "preview")
    assert shown["flags"] == 64
    assert "1 new article since Sun 11 Jan 2026, 08:00 CET" in shown["content"]
    assert "Story 1" in shown["content"] and "**Quotes**" in shown["content"]
    assert posts(fake_discord, channel) == [] and await db.runs(engine.store, guild) == []


async def test_now_posts_and_the_next_digest_starts_from_it(fake_discord: FakeDiscord, engine):
    channel, guild = ids(fake_discord)
    await configure(engine, channel, guild, utc(2026, 1, 11, 8))  # after today's slot: none is due
    await add_article(engine, 1, utc(2026, 1, 11, 9))
    clock = Clock(utc(2026, 1, 11, 12))
    async with running(fake_discord, engine, clock) as cog:
        done = await reply(fake_discord, "now", user=fake_discord.owner)
        assert done["content"] == f"Posted 1 message(s) to <#{channel}>."
        await add_article(engine, 2, utc(2026, 1, 11, 15))
        clock.at(2026, 1, 12, 7, 0)
        await cog.tick()
    first, second = posts(fake_discord, channel)
    assert "Story 1" in first
    assert "Story 2" in second and "Story 1" not in second and "since Sun 11 Jan 2026, 13:00 CET" in second
    assert [r.kind for r in await db.runs(engine.store, guild)] == ["manual", "scheduled"]


async def test_show_without_a_digest_says_how_to_set_one(fake_discord: FakeDiscord, engine):
    async with running(fake_discord, engine, Clock(utc(2026, 1, 10, 12))):
        shown = await reply(fake_discord, "show")
    assert "No digest is set up here" in shown["content"] and "/digest set" in shown["content"]
