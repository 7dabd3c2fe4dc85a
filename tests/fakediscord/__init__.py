"""A fake Discord (REST + gateway on loopback) for end-to-end tests of the real discord.py client.

Usage::

    async def test_ping(fake_discord: FakeDiscord) -> None:
        bot = commands.Bot(command_prefix="!", intents=discord.Intents.default())

        @bot.tree.command(name="ping", description="Ping")
        async def ping(interaction: discord.Interaction) -> None:
            await interaction.response.send_message("pong", ephemeral=True)

        async with run_client(bot, fake_discord):
            itx = await fake_discord.slash("ping")
            callback = await itx.callback()
        assert callback.body["data"]["flags"] == 64
"""

from .fixtures import fake_discord, run_client
from .interactions import InteractionHandle
from .recording import RecordedFile, RecordedRequest
from .server import FakeDiscord

__all__ = ["FakeDiscord", "InteractionHandle", "RecordedFile", "RecordedRequest", "fake_discord", "run_client"]
