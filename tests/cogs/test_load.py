"""Load: the gateway heartbeat stays on time while a bulk import is being extracted."""

from __future__ import annotations

import time

import discord
from cogs_support import DEV
from conftest import running

from tests.fakediscord import FakeDiscord

INTERVAL = 0.1  # seconds between heartbeats asked of the client
MANAGE = discord.Permissions(manage_messages=True, send_messages=True, view_channel=True)


async def test_heartbeat_is_never_late_during_a_bulk_import(fake_discord: FakeDiscord, engine,
                                                             extraction_pool) -> None:
    await extraction_pool.extract([])  # nothing: the worker starts lazily, inside the import below
    fake_discord.heartbeat_interval_ms = int(INTERVAL * 1000)
    data = b"\n".join((DEV / "articles.jsonl").read_bytes().splitlines()[:4])
    async with running(fake_discord, engine):
        attachment = fake_discord.add_attachment("articles.jsonl", data, "application/jsonl")
        itx = await fake_discord.slash("article import", {"file": attachment}, member_permissions=MANAGE)
        started = time.monotonic()
        reply = (await itx.followup(timeout=120)).body
        finished = time.monotonic()
    assert reply["embeds"][0]["description"].startswith("**4 added, 0 duplicate(s) skipped, 0 error(s)**")
    during = [t for t in fake_discord.heartbeat_times if started - INTERVAL <= t <= finished + INTERVAL]
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert len(gaps) >= 3, f"import took {finished - started:.2f}s; too short to judge"
    assert max(gaps) < INTERVAL * 1.5, gaps
