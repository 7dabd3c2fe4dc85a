"""Problems and how they reach the user: every error becomes a short ephemeral reply.

Errors meant for users (`bot.errors.NewsbotError`, the checks below, bad options) are
shown as they are; anything unexpected is logged with a short error id, and the user
sees only that id. The tree's ``on_error`` (installed by the `cogs/errors.py` extension),
views and modals all go through :func:`report_error`.

This module has no ``setup`` on purpose: discord.py re-executes an extension module when
it loads it, and the classes here must stay one and the same for every cog importing them.
"""

from __future__ import annotations

import logging
import secrets

import discord
from discord import app_commands

from bot.errors import NewsbotError
from bot.moderation import moderator_refusal
from cogs.render import NO_MENTIONS, clip

log = logging.getLogger(__name__)


class NotModerator(app_commands.CheckFailure):
    """The member is not a moderator; the message says which role or permission is missing."""


class BadOption(app_commands.AppCommandError):
    """An option value the command cannot use; the message says the expected form."""


def actor(user: discord.abc.User) -> str:
    """How the audit log names a Discord user: ``username (id)``."""
    return f"{user.name} ({user.id})"


def refusal_for(interaction: discord.Interaction) -> str | None:
    """Why the interaction's user is not a moderator, or None."""
    user = interaction.user
    roles = getattr(user, "roles", [])
    perms = interaction.permissions
    return moderator_refusal(
        in_guild=interaction.guild_id is not None and isinstance(user, discord.Member),
        role_names=[r.name for r in roles],
        role_ids=[r.id for r in roles],
        manage_messages=bool(perms.manage_messages or perms.administrator),
        moderator_role=interaction.client.config.moderator_role,  # type: ignore[attr-defined]
    )


async def check_moderator(interaction: discord.Interaction) -> bool:
    """App-command check: passes for moderators, raises :class:`NotModerator` otherwise."""
    reason = refusal_for(interaction)
    if reason:
        raise NotModerator(reason)
    return True


moderator_only = app_commands.check(check_moderator)
"""Decorator for moderator commands (checked in code on every call)."""


def user_message(error: BaseException) -> str | None:
    """The message for an error meant for the user, or None for an unexpected one."""
    while isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, app_commands.TransformerError) and isinstance(error.__cause__, NewsbotError):
        error = error.__cause__
    if isinstance(error, NewsbotError | NotModerator | BadOption):
        return str(error)
    if isinstance(error, app_commands.MissingPermissions | app_commands.BotMissingPermissions):
        return str(error)
    if isinstance(error, app_commands.MissingRole | app_commands.MissingAnyRole):
        return str(error)
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works only in a server."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"Could not read {clip(str(error.value), 100)!r} for this option."
    if isinstance(error, app_commands.CommandNotFound | app_commands.CommandSignatureMismatch):
        return "This command is out of date here; an admin should run `newsbot sync`."
    if isinstance(error, app_commands.CheckFailure):
        return "You cannot use this command here."
    return None


async def send_ephemeral(interaction: discord.Interaction, text: str) -> None:
    """Reply ephemerally: by followup once the interaction was answered (or deferred).

    Discord ignores the ephemeral flag on the first followup after a public "thinking…"
    defer (that followup replaces the thinking message), so such a placeholder is deleted
    first and the reply arrives as a new, private message.
    """
    text = clip(text, 2000)
    if interaction.response.is_done():
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            try:
                await interaction.delete_original_response()
            except discord.HTTPException:
                log.debug("could not delete the placeholder of interaction %s", interaction.id)
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_MENTIONS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_MENTIONS)


async def report_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user what went wrong; log unexpected errors under a short id they are shown."""
    message = user_message(error)
    if message is None:
        error_id = secrets.token_hex(4)
        command = interaction.command.qualified_name if interaction.command else (interaction.data or {}).get(
            "custom_id", "?")
        original = getattr(error, "original", error)
        log.error("error %s in %s (user %s)", error_id, command, interaction.user.id,
                  exc_info=(type(original), original, original.__traceback__))
        message = f"Something went wrong on our side (error id `{error_id}`); it has been logged."
    if interaction.type is discord.InteractionType.autocomplete:
        return
    try:
        await send_ephemeral(interaction, message)
    except discord.HTTPException:
        log.warning("could not deliver an error reply for interaction %s", interaction.id)
