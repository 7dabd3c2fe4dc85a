"""A fake Discord (REST + gateway on loopback) for end-to-end tests of the real discord.py client."""

from .fixtures import fake_discord, run_client
from .interactions import InteractionHandle
from .recording import RecordedFile, RecordedRequest
from .server import FakeDiscord

__all__ = ["FakeDiscord", "InteractionHandle", "RecordedFile", "RecordedRequest", "fake_discord", "run_client"]
