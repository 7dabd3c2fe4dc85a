"""`/help`: every command with its description, read from the command tree itself."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import NewsBot
from cogs.render import COLOUR, clip
from cogs.views import send

MODERATOR_NOTE = "Moderators only"


def command_lines(tree: app_commands.CommandTree) -> list[str]:
    """One line per slash command (subcommands spelled out) and per context menu."""
    lines = []
    for command in sorted(tree.get_commands(), key=lambda c: c.name):
        if isinstance(command, app_commands.Group):
            for sub in command.commands:
                lines.append(_line(sub))
        elif isinstance(command, app_commands.Command):
            lines.append(_line(command))
        else:
            lines.append(f"**{command.name}** (right-click a message \u2192 Apps): store the message as an article. "
                         f"{MODERATOR_NOTE}.")
    return lines


def _line(command: app_commands.Command) -> str:
    options = " ".join(f"{p.display_name}:" if p.required else f"[{p.display_name}:]" for p in command.parameters)
    usage = f"/{command.qualified_name}" + (f" {options}" if options else "")
    return f"**{usage}** \u2014 {command.description}"


class Help(commands.Cog):
    """What the bot can do."""

    def __init__(self, bot: NewsBot) -> None:
        self.bot = bot

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction) -> None:
        """List newsbot's commands and what each does."""
        embed = discord.Embed(title="newsbot commands", colour=COLOUR,
                              description=clip("\n".join(command_lines(self.bot.tree)), 4000))
        embed.set_footer(text=f"Moderators have the {clip(self.bot.config.moderator_role, 100)} role or the "
                              "Manage Messages permission. Answers always cite their articles.")
        await send(interaction, embed, ephemeral=True)


async def setup(bot: NewsBot) -> None:
    await bot.add_cog(Help(bot))
