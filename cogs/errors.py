"""The one application-command error handler: the tree's ``on_error``, installed while loaded.

Every error becomes a short ephemeral reply through :func:`cogs.problems.report_error`
(a missing permission says which; a bad date says the expected form; an unexpected error
is logged under a short id that the user is shown instead of a traceback).
"""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from cogs.problems import (
    BadOption,
    NotModerator,
    actor,
    check_moderator,
    moderator_only,
    refusal_for,
    report_error,
    send_ephemeral,
)

__all__ = ["BadOption", "ErrorHandler", "NotModerator", "actor", "check_moderator", "moderator_only", "refusal_for",
           "report_error", "send_ephemeral", "setup"]


class ErrorHandler(commands.Cog):
    """Turns every application-command error into a short ephemeral reply (see `cogs/problems.py`)."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        self._previous = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError
                                   ) -> None:
        await report_error(interaction, error)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(ErrorHandler(bot))
