"""Pytest fixture and client runner for tests against :class:`FakeDiscord`."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import discord
import pytest
import pytest_asyncio

from .server import FakeDiscord

TOKEN = "fake.bot.token"


@pytest_asyncio.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started FakeDiscord with discord.py pointed at it; globals restored afterwards.

    Fails the test at teardown if a fake route crashed (see ``server.errors``).
    """
    server = FakeDiscord()
    await server.start()
    server.install()
    try:
        yield server
    finally:
        server.uninstall()
        await server.stop()
    if server.errors:
        pytest.fail("FakeDiscord handler errors:\n" + "\n".join(server.errors))


async def _wait_ready(client: discord.Client, runner: asyncio.Task[None], timeout: float) -> None:
    """Poll ``client.is_ready()``; re-raise at once if ``client.start`` failed."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not client.is_ready():
        if runner.done():
            runner.result()
            raise RuntimeError("client.start() returned before the client became ready")
        if loop.time() > deadline:
            raise TimeoutError(f"client not ready after {timeout}s")
        await asyncio.sleep(0.005)


@contextlib.asynccontextmanager
async def run_client(
    client: discord.Client,
    server: FakeDiscord,
    *,
    token: str = TOKEN,
    timeout: float = 5.0,
    guild_ready_timeout: float | None = 0.05,
) -> AsyncIterator[discord.Client]:
    """Run ``client.start(token)`` in a task until ready; close it and await the task on exit.

    ``guild_ready_timeout`` (if not None) overrides the client's wait after the last
    GUILD_CREATE (discord.py's default of 2 s would slow every test down).
    """
    if guild_ready_timeout is not None:
        client._connection.guild_ready_timeout = guild_ready_timeout
    runner = asyncio.create_task(client.start(token), name="fakediscord-client")
    try:
        await _wait_ready(client, runner, timeout)
        yield client
    finally:
        await client.close()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait_for(runner, timeout)
