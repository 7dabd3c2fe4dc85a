"""Helpers shared by the cogs tests: a test config and a bot built without connecting."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import discord

from bot.client import NewsBot
from bot.config import Config
from bot.engine import Engine

MODERATOR_ROLE = "News Moderator"
DEV = Path(__file__).resolve().parents[2] / "tests" / "data" / "dev"
NO_MENTIONS = {"parse": []}
EPHEMERAL = 64


def make_config(tmp: Path, **overrides) -> Config:
    """Settings for tests: a temp database, no token, private fetches refused unless overridden."""
    config = Config(
        token=None, db_path=tmp / "newsbot.db", moderator_role=MODERATOR_ROLE, timezone="UTC", log_level="INFO",
        owner_ids=frozenset(), test_guild_id=None, max_article_chars=500_000, fetch_allow_private=False,
    )
    return replace(config, **overrides)


async def built_tree(tmp: Path) -> tuple[list[dict], list]:
    """Every command's ``to_dict`` (sorted) and the command objects, built as the bot builds them, offline."""
    config = make_config(tmp)
    engine = await Engine.open(config, load_sample=False)
    bot = NewsBot(config, engine=engine)
    try:
        async with bot:
            await bot.setup_hook()
            roots = [c for t in discord.AppCommandType for c in bot.tree.get_commands(type=t)]
            dicts = sorted((c.to_dict(bot.tree) for c in roots), key=lambda d: (d["type"], d["name"]))
            return dicts, [c for t in discord.AppCommandType for c in bot.tree.walk_commands(type=t)]
    finally:
        await engine.close()
