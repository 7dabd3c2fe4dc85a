"""Shared fixtures: a migrated store on a real SQLite file, and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.store import Store

pytest_plugins = ["tests.fakediscord.fixtures"]  # the fake_discord fixture: a fake Discord server

DATA = Path(__file__).parent / "data"
SEED = Path(__file__).resolve().parent.parent / "bot" / "data" / "seed.txt"


@pytest.fixture
async def store(tmp_path: Path):
    """A fresh, migrated database in a temporary file."""
    opened = await Store.open(tmp_path / "test.db")
    yield opened
    await opened.close()
