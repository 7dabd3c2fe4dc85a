"""The one error handler: user errors as short ephemeral replies, the unexpected under an error id."""

from __future__ import annotations

import logging
import re

import pytest
from cogs_support import EPHEMERAL, NO_MENTIONS
from discord import app_commands

from bot import qa
from bot.errors import NotFound
from cogs.problems import BadOption, NotModerator, user_message
from tests.fakediscord import FakeDiscord


async def test_an_unexpected_error_shows_only_an_id_that_is_logged(fake_discord: FakeDiscord, bot, monkeypatch,
                                                                   caplog) -> None:
    async def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(qa, "answer", broken)
    caplog.set_level(logging.ERROR, logger="cogs.problems")
    itx = await fake_discord.slash("ask", {"question": "who met Lukashenko"})
    assert (await itx.callback()).body == {"type": 5}  # deferred first: answered by followup
    body = (await itx.followup(timeout=10)).body
    assert body["flags"] == EPHEMERAL and body["allowed_mentions"] == NO_MENTIONS
    match = re.fullmatch(r"Something went wrong on our side \(error id `([0-9a-f]{8})`\); it has been logged\.",
                         body["content"])
    assert match, body["content"]
    assert "database on fire" not in body["content"] and "Traceback" not in body["content"]
    logged = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert logged and logged[0].exc_info[0] is RuntimeError


@pytest.mark.parametrize(("error", "expected"), [
    (NotFound("There is no article #4."), "There is no article #4."),
    (BadOption("`from`: use the form YYYY-MM-DD"), "`from`: use the form YYYY-MM-DD"),
    (NotModerator("This needs the **Mods** role"), "This needs the **Mods** role"),
    (app_commands.MissingPermissions(["manage_messages"]),
     "You are missing Manage Messages permission(s) to run this command."),
    (app_commands.NoPrivateMessage(), "This command works only in a server."),
    (RuntimeError("boom"), None),
])
def test_user_messages(error: Exception, expected: str | None) -> None:
    assert user_message(error) == expected


def test_wrapped_engine_errors_are_unwrapped() -> None:
    command = app_commands.Command(name="x", description="x", callback=_noop)
    assert user_message(app_commands.CommandInvokeError(command, NotFound("gone"))) == "gone"


async def _noop(interaction) -> None:
    """Nothing."""
