"""Apply `migrations/NNNN_name.sql` in order, each in one transaction with its version row."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.errors import MigrationError

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    path: Path


def available(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration file, in version order; a malformed name is an error."""
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise MigrationError(f"migration file name {path.name!r} is not NNNN_snake_name.sql")
        found.append(Migration(int(match.group(1)), match.group(2), path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a version number in {directory}")
    return found


async def current_version(db: aiosqlite.Connection) -> int:
    await db.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    async with db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version") as cur:
        row = await cur.fetchone()
    return int(row[0])


async def applied_versions(db: aiosqlite.Connection) -> set[int]:
    await current_version(db)  # creates the table on a new database
    async with db.execute("SELECT version FROM schema_version") as cur:
        return {int(r[0]) for r in await cur.fetchall()}


async def pending(db: aiosqlite.Connection, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Every migration file not yet recorded, in version order (a late-numbered gap is not skipped)."""
    done = await applied_versions(db)
    return [m for m in available(directory) if m.version not in done]


async def migrate(
    db: aiosqlite.Connection, directory: Path = MIGRATIONS_DIR, *, target: int | None = None
) -> list[Migration]:
    """Apply pending migrations up to ``target`` (all by default); return those applied.

    Each file and its `schema_version` row commit together; a failing file is rolled
    back whole and the error names it. The connection must be in autocommit mode.
    """
    applied = []
    for migration in await pending(db, directory):
        if target is not None and migration.version > target:
            break
        sql = migration.path.read_text(encoding="utf-8")
        script = (
            "BEGIN IMMEDIATE;\n"
            f"{sql}\n;\n"
            f"INSERT INTO schema_version(version, name) VALUES ({migration.version}, '{migration.name}');\n"
            "COMMIT;"
        )
        try:
            await db.executescript(script)
        except Exception as exc:  # sqlite3.Error, or anything the driver raises mid-script
            if db.in_transaction:
                await db.rollback()
            raise MigrationError(f"migration {migration.path.name} failed: {exc}") from exc
        applied.append(migration)
    return applied
