"""`/ask`: a question in plain words, answered from the articles with sources."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import discord
from discord import app_commands
from discord.ext import commands

from bot import qa
from bot.client import NewsBot
from bot.engine import Engine
from bot.qa.result import Item
from cogs.problems import BadOption
from cogs.render import answer_embeds
from cogs.views import send_pages

QUESTION_MAX = 300

ItemFilter = Callable[[Item], bool]


def checked_text(value: str, name: str, *, low: int = 1, high: int = QUESTION_MAX) -> str:
    """``value`` stripped, refused when shorter than ``low`` or longer than ``high``.

    Discord enforces option lengths in its client, but a crafted request need not.
    """
    value = (value or "").strip()
    if not low <= len(value) <= high:
        raise BadOption(f"`{name}` must be {low} to {high} characters long (got {len(value)}).")
    return value


async def answer_pages(engine: Engine, question: str, *, title: str | None = None,
                       keep: ItemFilter | None = None) -> list[discord.Embed]:
    """Answer ``question`` through `bot.qa` (dates read against today in the bot's time zone) and render it."""
    today = datetime.now(engine.config.tz).date()
    result = await qa.answer(engine.store, question, now=today)
    items = [item for item in result.items if keep(item)] if keep is not None else None
    return answer_embeds(title or question, result, items)


async def reply_with_answer(interaction: discord.Interaction, question: str, *, title: str | None = None,
                            keep: ItemFilter | None = None) -> None:
    """Defer, answer, send the pages (buttons only the asker can use)."""
    await interaction.response.defer(thinking=True)
    engine = interaction.client.engine  # type: ignore[attr-defined]
    await send_pages(interaction, await answer_pages(engine, question, title=title, keep=keep))


class Ask(commands.Cog):
    """Questions in plain words."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask")
    @app_commands.describe(question="e.g. who met Lukashenko in June 2025, or: quotes about unity")
    async def ask(self, interaction: discord.Interaction, question: app_commands.Range[str, 1, QUESTION_MAX]) -> None:
        """Ask about the news articles: who said what, who met whom, when and where."""
        await reply_with_answer(interaction, checked_text(question, "question"))


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Ask(bot))
