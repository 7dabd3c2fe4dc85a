"""The bot process: `setup_hook` opens the engine and loads every cog; closing closes the database."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from bot.client import NewsBot, extension_names, sync_commands
from bot.config import load_config
from tests.fakediscord.fixtures import run_client
from tests.fakediscord.server import FakeDiscord


def config_for(tmp_path: Path, **changes):
    return replace(load_config({}), db_path=tmp_path / "bot.db", **changes)


def test_every_cog_module_is_an_extension() -> None:
    names = extension_names()
    assert {"cogs.admin", "cogs.ask", "cogs.article", "cogs.digest"} <= set(names)
    assert "cogs.problems" not in names, "helper modules without setup() are not loaded as extensions"


async def test_start_opens_the_engine_loads_cogs_and_sample_and_close_closes_it(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    bot = NewsBot(config_for(tmp_path))
    async with run_client(bot, fake_discord):
        engine = bot.engine
        assert engine is not None
        assert set(bot.extensions) == set(extension_names())
        assert await engine.store.count_articles() == 1, "the sample goes into the empty database"
        assert {c.name for c in bot.tree.get_commands()} >= {"ask", "quotes", "meetings", "who", "article"}
        assert not fake_discord.find_requests("PUT", r"/applications/\d+/commands"), "no sync on start"
    assert bot.engine is None
    with pytest.raises(ValueError, match="no active connection"):
        await engine.store.count_articles()  # the database was closed on shutdown


async def test_only_owners_can_sync_by_mention(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    owner_id = int(fake_discord.owner["id"])
    bot = NewsBot(config_for(tmp_path, owner_ids=frozenset({owner_id})))
    async with run_client(bot, fake_discord):
        mention = f"<@{bot.user.id}> sync"
        await fake_discord.post_message(mention, user=fake_discord.user)
        await fake_discord.post_message(mention, user=fake_discord.owner)
        synced = await fake_discord.wait_for_request("PUT", r"/applications/\d+/commands")
        reply = await fake_discord.wait_for_request("POST", r"/channels/\d+/messages")
    assert len(fake_discord.find_requests("PUT", r"/applications/\d+/commands")) == 1
    assert isinstance(synced.json, list) and {c["name"] for c in synced.json} >= {"ask", "article"}
    assert reply.json["content"].startswith("Synced ")
    assert reply.json["allowed_mentions"] == {"parse": []}


async def test_newsbot_sync_registers_the_tree_to_one_guild(fake_discord: FakeDiscord, tmp_path: Path) -> None:
    guild_id = fake_discord.guild.id
    config = config_for(tmp_path, token="fake.bot.token.for-sync-tests")
    assert await asyncio.to_thread(sync_commands, config, guild_id) == 0
    put = fake_discord.find_requests("PUT", rf"/applications/\d+/guilds/{guild_id}/commands")
    assert len(put) == 1 and {c["name"] for c in put[0].json} >= {"ask", "quotes", "meetings", "digest"}
