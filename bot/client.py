"""The Discord bot process: the one engine module that imports discord.

`NewsBot.setup_hook` opens the engine (store, migrations, sample) and loads every
extension in `cogs/`. Application commands are synced only on request (`newsbot sync`
or the owner's `@newsbot sync` mention command), never on every start.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import pkgutil

import discord
from discord.ext import commands

import cogs
from bot.config import Config, log_level_number
from bot.engine import Engine

log = logging.getLogger(__name__)


def extension_names() -> list[str]:
    """Every module in `cogs/` that defines `setup(bot)`, sorted."""
    names = []
    for info in pkgutil.iter_modules(cogs.__path__, prefix="cogs."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        if hasattr(module, "setup"):
            names.append(info.name)
    return sorted(names)


class NewsBot(commands.Bot):
    """The bot: holds the engine for the cogs, mentions nobody unless told to."""

    def __init__(self, config: Config, *, engine: Engine | None = None, **options) -> None:
        intents = discord.Intents.default()
        intents.members = False
        intents.message_content = False
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            owner_ids=set(config.owner_ids) or None,
            help_command=None,
            **options,
        )
        self.config = config
        self._given_engine = engine
        self.engine: Engine | None = engine

    async def setup_hook(self) -> None:
        if self.engine is None:
            self.engine = await Engine.open(self.config)
        for name in extension_names():
            try:
                await self.load_extension(name)
            except Exception:
                log.exception("could not load extension %s", name)
                raise
        log.info("loaded %d extension(s); %d articles", len(self.extensions),
                 await self.engine.store.count_articles())

    async def close(self) -> None:
        try:
            await super().close()
        finally:
            if self.engine is not None and self._given_engine is None:
                await self.engine.close()
                self.engine = None

    async def sync_tree(self, guild_id: int | None = None) -> list[discord.app_commands.AppCommand]:
        """Register the command tree globally, or copied to one guild (instant)."""
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            return await self.tree.sync(guild=guild)
        return await self.tree.sync()


def run_bot(config: Config) -> int:
    """Run the bot until interrupted; the database is closed on the way out."""
    discord.utils.setup_logging(level=log_level_number(config), root=True)
    bot = NewsBot(config)
    try:
        bot.run(config.token, log_handler=None)
    except discord.LoginFailure:
        log.error("Discord refused the token: check DISCORD_TOKEN")
        return 2
    return 0


def sync_commands(config: Config, guild_id: int | None) -> int:
    """Log in, sync the command tree, log out."""
    discord.utils.setup_logging(level=log_level_number(config), root=True)

    async def go() -> int:
        bot = NewsBot(config)
        async with bot:
            await bot.login(config.token)  # runs setup_hook: engine and cogs
            synced = await bot.sync_tree(guild_id or config.test_guild_id)
            print(f"synced {len(synced)} command(s)" + (f" to guild {guild_id}" if guild_id else " globally"))
        return 0

    return asyncio.run(go())
