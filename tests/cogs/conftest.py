"""Fixtures for the cogs tests: the real NewsBot on the fake Discord server, over a real engine.

One extraction worker (spaCy loads once, ~2 s) is shared by the whole session; each test
gets its own database, so tests stay independent.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import discord
import pytest
from cogs_support import DEV, MODERATOR_ROLE, make_config

from bot.client import NewsBot
from bot.config import Config
from bot.engine import Engine
from bot.extract.pool import ExtractionPool
from bot.qa.gold import build_gold_db
from tests.fakediscord import FakeDiscord, run_client


@pytest.fixture(scope="session")
def extraction_pool():
    """One worker process for every test that adds articles."""
    pool = ExtractionPool()
    yield pool
    pool.close()


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture
async def engine(config: Config, extraction_pool: ExtractionPool) -> AsyncIterator[Engine]:
    """An empty database; extraction runs in the shared worker."""
    opened = await Engine.open(config, load_sample=False)
    opened.extract = extraction_pool.extract  # type: ignore[method-assign]
    yield opened
    await opened.close()


@pytest.fixture
async def gold_engine(config: Config, extraction_pool: ExtractionPool) -> AsyncIterator[Engine]:
    """The dev articles with their hand-made extractions (no NLP needed to answer)."""
    store = await build_gold_db(config.db_path, DEV / "gold.jsonl", [DEV / "000_2234170fe0e043b3.txt",
                                                                    DEV / "articles.jsonl"])
    opened = Engine(config, store)
    opened.extract = extraction_pool.extract  # type: ignore[method-assign]
    yield opened
    await opened.close()


@contextlib.asynccontextmanager
async def running(server: FakeDiscord, engine: Engine) -> AsyncIterator[NewsBot]:
    """The real bot connected to the fake server, its commands synced (so options have their types)."""
    bot = NewsBot(engine.config, engine=engine)
    async with run_client(bot, server):
        await bot.tree.sync()
        yield bot


@pytest.fixture
async def bot(fake_discord: FakeDiscord, gold_engine: Engine, moderator_role: int) -> AsyncIterator[NewsBot]:
    async with running(fake_discord, gold_engine) as started:
        yield started


@pytest.fixture
async def empty_bot(fake_discord: FakeDiscord, engine: Engine, moderator_role: int) -> AsyncIterator[NewsBot]:
    async with running(fake_discord, engine) as started:
        yield started


@pytest.fixture
def moderator_role(fake_discord: FakeDiscord) -> int:
    """The id of the configured moderator role (no permissions of its own)."""
    return int(fake_discord.add_role(MODERATOR_ROLE, discord.Permissions.none())["id"])
