"""Migrations: from empty, from every earlier version, and a failing file changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import aiosqlite
import pytest

from bot.errors import MigrationError
from bot.migrate import MIGRATIONS_DIR, available, current_version, migrate
from bot.store import Store


async def _schema(db: aiosqlite.Connection) -> set[tuple[str, str]]:
    async with db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'") as cur:
        return {(r[0], r[1]) for r in await cur.fetchall()}


async def test_from_empty_applies_all_in_order(tmp_path: Path) -> None:
    db = await aiosqlite.connect(tmp_path / "a.db", isolation_level=None)
    applied = await migrate(db)
    assert [m.version for m in applied] == [m.version for m in available()]
    assert await current_version(db) == available()[-1].version
    assert await migrate(db) == []
    await db.close()


@pytest.mark.parametrize("start", [m.version for m in available()[:-1]])
async def test_from_every_earlier_version_reaches_same_schema(tmp_path: Path, start: int) -> None:
    fresh = await aiosqlite.connect(tmp_path / "fresh.db", isolation_level=None)
    await migrate(fresh)
    old = await aiosqlite.connect(tmp_path / "old.db", isolation_level=None)
    await migrate(old, target=start)
    assert await current_version(old) == start
    await old.execute(
        "INSERT INTO articles (title, date, text, paragraphs, content_hash, added_at)"
        " VALUES ('kept', '2022-01-01', 'body text', '[\"body text\"]', 'h1', '2022-01-01T00:00:00')"
    )
    await migrate(old)
    assert await _schema(old) == await _schema(fresh)
    async with old.execute("SELECT title FROM articles") as cur:
        assert [r[0] for r in await cur.fetchall()] == ["kept"]
    async with old.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'body'") as cur:
        assert len(await cur.fetchall()) == 1, "search index covers rows that existed before it"
    await fresh.close()
    await old.close()


async def test_failing_migration_leaves_database_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, folder)
    last = available()[-1].version
    (folder / f"{last + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    db = await aiosqlite.connect(tmp_path / "b.db", isolation_level=None)
    with pytest.raises(MigrationError, match=f"{last + 1:04d}_broken.sql"):
        await migrate(db, folder)
    assert await current_version(db) == last
    assert ("table", "half_done") not in await _schema(db)
    await db.close()


def test_malformed_file_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "1_bad name.sql").write_text("SELECT 1;")
    with pytest.raises(MigrationError, match="1_bad name.sql"):
        available(tmp_path)


async def test_store_opens_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = await Store.open(tmp_path / "c.db")
    assert (await store.fetchone("PRAGMA journal_mode"))[0] == "wal"
    assert (await store.fetchone("PRAGMA foreign_keys"))[0] == 1
    await store.close()


async def test_a_file_added_below_the_current_version_is_still_applied(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_one.sql").write_text("CREATE TABLE one (x INTEGER);")
    (folder / "0003_three.sql").write_text("CREATE TABLE three (x INTEGER);")
    db = await aiosqlite.connect(tmp_path / "gap.db", isolation_level=None)
    assert [m.version for m in await migrate(db, folder)] == [1, 3]
    (folder / "0002_two.sql").write_text("CREATE TABLE two (x INTEGER);")
    assert [m.version for m in await migrate(db, folder)] == [2]
    assert ("table", "two") in await _schema(db)
    await db.close()
