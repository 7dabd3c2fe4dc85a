"""Owner-only maintenance: `@newsbot sync [guild_id]` registers the slash commands."""

from __future__ import annotations

from discord.ext import commands

from bot.client import NewsBot


class Admin(commands.Cog):
    """Commands for the bot's owners, by mention (they need no message-content intent)."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(self, ctx: commands.Context, guild_id: int | None = None) -> None:
        """Sync application commands globally, or to one guild."""
        synced = await self.bot.sync_tree(guild_id)
        where = f"guild {guild_id}" if guild_id else "all servers (may take up to an hour to show)"
        await ctx.reply(f"Synced {len(synced)} command(s) to {where}.")


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Admin(bot))
