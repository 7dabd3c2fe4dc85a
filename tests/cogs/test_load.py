"""Load: the gateway heartbeat stays on time while a bulk import is being extracted."""

from __future__ import annotations

import asyncio
import time

import discord
from cogs_support import DEV
from conftest import running

from tests.fakediscord import FakeDiscord

INTERVAL = 0.25  # seconds between heartbeats asked of the client (spaCy on the loop would block for seconds)
MANAGE = discord.Permissions(manage_messages=True, send_messages=True, view_channel=True)


async def test_heartbeat_is_never_late_during_a_bulk_import(fake_discord: FakeDiscord, engine,
                                                             extraction_pool) -> None:
    await extraction_pool.extract([])  # nothing: the worker starts lazily, inside the import below
    fake_discord.heartbeat_interval_ms = int(INTERVAL * 1000)
    data = b"\n".join((DEV / "articles.jsonl").read_bytes().splitlines()[:4])
    async with running(fake_discord, engine):
        attachment = fake_discord.add_attachment("articles.jsonl", data, "application/jsonl")
        started = time.monotonic()  # the test, the fake server and the bot share this event loop
        itx = await fake_discord.slash("article import", {"file": attachment}, member_permissions=MANAGE)
        reply = (await itx.followup(timeout=120)).body
        finished = time.monotonic()
        await asyncio.sleep(INTERVAL * 1.5)  # let the first beat after the import arrive
    assert reply["embeds"][0]["description"].startswith("**4 added, 0 duplicate(s) skipped, 0 error(s)**")
    beats = fake_discord.heartbeat_times
    before = [t for t in beats if t <= started][-1:]
    after = [t for t in beats if t > finished][:1]
    around = before + [t for t in beats if started < t <= finished] + after  # covers the whole import
    gaps = [b - a for a, b in zip(around, around[1:], strict=False)]
    assert finished - started > 2 * INTERVAL, f"import took {finished - started:.2f}s; too short to judge"
    assert around[0] <= started and around[-1] > finished
    assert max(gaps) < INTERVAL * 1.5, gaps
